using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// Opens the fact-check page of an IRP from the token in its link (purpose <see cref="UploadTokenPayload.FactCheckPurpose"/>):
/// forbidden when the token is bad, expired or for another purpose; not found when the IRP no longer exists.
/// </summary>
public sealed class FactCheckPages(SignedLinks links, IrpReportFiles files, ReportOptions options)
{
    public async Task<(OpenedFactCheck? Opened, Refusal? Refusal)> OpenAsync(string token, CancellationToken ct)
    {
        var (status, refusal) = await links.OpenAsync(token, UploadTokenPayload.FactCheckPurpose, [IrpWorkflow.KindName],
            "The link to upload fact-check comments is not valid or has expired. Please send your comments to the IRP coordinator who sent it.", ct);
        if (refusal is not null) return (null, refusal);
        var state = IrpState.From(status!.Instance);
        var facts = state.Facts;
        var view = new FactCheckPageView(facts.Establishment.Name, facts.Contacts.Coordinator, files.FactCheckDeadline(state),
            files.DraftLink(status.Instance.Id, state), state.FactCheckComments, options.MaxFileSizeBytes);
        return (new OpenedFactCheck(status.Instance.Id, view, state.Progress.DraftIssuedOn is null ? null : state.DraftReport), null);
    }
}

/// <summary>The IRP a valid fact-check token is for, what its page shows, and the draft the establishment was sent (if any).</summary>
public sealed record OpenedFactCheck(string IrpId, FactCheckPageView View, ReportFileUploadedData? IssuedDraft);
