using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Irps.Feedback;

/// <summary>
/// Opens the feedback page of an IRP from the token in its link (purpose <see cref="UploadTokenPayload.FeedbackPurpose"/>):
/// forbidden when the token is bad, expired or for another purpose; not found when the IRP no longer exists. A cancelled or
/// completed IRP still takes feedback: the governor is asked after publication, and may answer after the IRP has ended.
/// </summary>
public sealed class FeedbackPages(SignedLinks links)
{
    public async Task<(string? IrpId, FeedbackPageView? View, Refusal? Refusal)> OpenAsync(string token, CancellationToken ct)
    {
        var (status, refusal) = await links.OpenAsync(token, UploadTokenPayload.FeedbackPurpose, [IrpWorkflow.KindName],
            "The link to give feedback is not valid or has expired. Please send your feedback to the IRP coordinator who sent it.", ct);
        if (refusal is not null) return (null, null, refusal);
        var facts = IrpState.From(status!.Instance).Facts;
        return (status.Instance.Id, new FeedbackPageView(facts.Establishment.Name, facts.Kind == Facts.IrpKind.Immigration, facts.Contacts.Coordinator), null);
    }
}
