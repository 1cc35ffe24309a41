namespace IrpFlows.Mail;

/// <summary>The audit record of one email, kept in the StepCompleted event and shown in the IRP's status.</summary>
public sealed record EmailRecord(
    string Step, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, DateTimeOffset SentAt, string MessageId)
{
    /// <summary>
    /// The record of the message that went, as the sender read it back, never of the message just rendered: after a crash
    /// between the send and its record the step renders again, perhaps from changed data, and the sender returns the first.
    /// </summary>
    public static EmailRecord For(string step, SentMail sent) =>
        new(step, sent.To.Select(a => a.Address).ToList(), sent.Cc.Select(a => a.Address).ToList(), sent.Subject,
            sent.SentAt, sent.ProviderMessageId);
}
