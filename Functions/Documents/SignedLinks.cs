using IrpFlows.Workflow;

namespace IrpFlows.Documents;

/// <summary>
/// Opens the IRP that a signed link (an upload or fact-check page) is for. The token is the only credential, so every
/// page and call that takes one goes through here: forbidden when it is bad, expired or for another purpose; not found
/// when the IRP no longer exists.
/// </summary>
public sealed class SignedLinks(UploadTokens tokens, WorkflowEngine engine, TimeProvider time)
{
    /// <param name="invalidLinkDetail">What the refusal tells the person holding the link to do instead.</param>
    /// <param name="kinds">The workflow kinds the link may open.</param>
    public async Task<(InstanceStatus? Irp, Refusal? Refusal)> OpenAsync(
        string token, string purpose, IReadOnlyCollection<string> kinds, string invalidLinkDetail, CancellationToken ct)
    {
        var (payload, _) = tokens.Verify(token, purpose, time.GetUtcNow());
        if (payload is null) return (null, Refusal.Forbidden("This link is not valid or has expired", invalidLinkDetail));
        var status = await engine.GetOfAnyKindAsync(payload.IrpId, ct);
        if (status is null || !kinds.Contains(status.Instance.Kind))
            return (null, Refusal.NotFound("The review this link was for no longer exists. Please contact the IRP coordinator."));
        return (status, null);
    }
}
