namespace IrpFlows.Mail;

/// <summary>A mailbox: a display name and an address such as <c>governor.elmley@justice.gov.uk</c>.</summary>
public sealed record EmailAddress(string Name, string Address);

/// <summary>A file sent with a message; <see cref="ContentType"/> may carry parameters (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, BinaryData Content);

/// <summary>
/// One email, ready to send. <see cref="MessageKey"/> identifies the message forever: <c>"{instanceId}/{stepId}"</c>.
/// Senders are idempotent by it, so rendering the same step again and sending it sends nothing new.
/// <see cref="HtmlBody"/> and <see cref="TextBody"/> carry the same content.
/// </summary>
public sealed record MailMessage(
    string MessageKey,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>Who answers are for, when not the mailbox that sends (HMI Probation's administrator sends the ratings letter, manual 7.2).</summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>Recipients who should not see each other: a circular letter to several organisations (manual 3.3's letters to partners).</summary>
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];

    /// <summary>
    /// Whom the message is from, when not the sender's own (HMI Probation's letters go under its name, not HMI Prisons'); null:
    /// the outbox's <see cref="OutboxOptions.SenderName"/> and address, or Graph's sender mailbox. Through Graph, the sender
    /// mailbox needs Send As on this address.
    /// </summary>
    public EmailAddress? From { get; init; }
}

/// <summary>
/// The message with <see cref="MessageKey"/> as it left the sender's mailbox: its recipients, subject and time read back from
/// the message the mailbox (or the outbox) holds, not from the <see cref="MailMessage"/> handed to the sender. A repeat after
/// a crash renders the step again from data that may have changed since (a liaison officer appointed, a contact corrected);
/// what it records must still be the message that went.
/// </summary>
/// <param name="ProviderMessageId">The message's id where it is kept: the outbox id, or Graph's immutable id.</param>
public sealed record SentMail(
    string MessageKey,
    string ProviderMessageId,
    DateTimeOffset SentAt,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    string Subject);
