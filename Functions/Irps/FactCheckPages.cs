using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Irps;

/// <summary>
/// Opens the fact-check page of an IRP from the token in its link (purpose <see cref="UploadTokenPayload.FactCheckPurpose"/>):
/// 403 when the token is bad, expired or for another purpose; 404 when the IRP no longer exists.
/// </summary>
public sealed class FactCheckPages(UploadTokens tokens, WorkflowEngine engine, IrpReportFiles files, ReportOptions options, TimeProvider time)
{
    public async Task<(OpenedFactCheck? Opened, Refusal? Refusal)> OpenAsync(string token, CancellationToken ct)
    {
        var (payload, _) = tokens.Verify(token, UploadTokenPayload.FactCheckPurpose, time.GetUtcNow());
        if (payload is null)
            return (null, new Refusal(403, "This link is not valid or has expired",
                "The link to upload fact-check comments is not valid or has expired. Please send your comments to the IRP coordinator who sent it."));
        var status = await engine.GetAsync(payload.IrpId, ct);
        if (status is null || status.Instance.Kind != IrpWorkflow.KindName)
            return (null, new Refusal(404, "Not found", "The review this link was for no longer exists. Please contact the IRP coordinator."));
        var state = IrpState.From(status.Instance);
        var facts = state.Facts;
        var view = new FactCheckPageView(facts.Establishment.Name, facts.Contacts.Coordinator, files.FactCheckDeadline(state),
            files.DraftReadLink(payload.IrpId, state), state.FactCheckComments, options.MaxFileSizeBytes);
        return (new OpenedFactCheck(payload.IrpId, view), null);
    }
}

/// <summary>The IRP a valid fact-check token is for, and what its page shows.</summary>
public sealed record OpenedFactCheck(string IrpId, FactCheckPageView View);
