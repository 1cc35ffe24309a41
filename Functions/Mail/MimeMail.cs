using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace IrpFlows.Mail;

/// <summary>
/// A <see cref="MailMessage"/> as a standard MIME message, written by MimeKit: multipart/alternative (text/plain, then
/// text/html), inside multipart/mixed with the attachments when there are any.
/// </summary>
public static class MimeMail
{
    /// <summary>The header carrying <see cref="MailMessage.MessageKey"/>, so a stored or sent message can be traced to its step.</summary>
    public const string MessageKeyHeader = "X-IrpFlows-MessageKey";

    /// <summary>SMTP's line ends, whatever the platform.</summary>
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };

    /// <summary>
    /// The message as an <c>.eml</c> file: 7-bit, CRLF line ends, headers RFC 2047 encoded and folded, bodies
    /// quoted-printable or base64 where they need it. Its Message-ID derives from the message key, so every copy of the
    /// same message has the same id.
    /// </summary>
    /// <exception cref="ArgumentException">The message has no recipient, or an address has a non-ASCII local part (which 7-bit mail cannot carry).</exception>
    /// <exception cref="ParseException">An address is not a mailbox such as <c>name@example.org</c>.</exception>
    public static BinaryData ToEml(MailMessage message, EmailAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(message));
        }

        var mime = new MimeMessage(
            [Mailbox(from)], message.To.Select(Mailbox), message.Subject, Body(message))
        {
            Date = date,
            MessageId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.MessageKey))) + "@irpflows",
        };
        mime.Cc.AddRange(message.Cc.Select(Mailbox));
        mime.ReplyTo.AddRange(message.ReplyTo.Select(Mailbox));
        mime.Bcc.AddRange(message.Bcc.Select(Mailbox));
        mime.Headers.Add(MessageKeyHeader, message.MessageKey);
        mime.Prepare(EncodingConstraint.SevenBit);

        using var output = new MemoryStream();
        mime.WriteTo(WireFormat, output);
        return new BinaryData(output.ToArray());
    }

    /// <summary>
    /// What a stored <c>.eml</c> says was sent: its key, recipients, subject and date, as its headers carry them (names
    /// decoded; the date to the second, as the Date header has it).
    /// </summary>
    /// <param name="eml">A message written by <see cref="ToEml"/>.</param>
    /// <param name="providerMessageId">Where the message is kept (the outbox id).</param>
    /// <exception cref="FormatException">The message carries no <see cref="MessageKeyHeader"/>: IrpFlows did not write it.</exception>
    public static SentMail ReadSent(BinaryData eml, string providerMessageId)
    {
        ArgumentNullException.ThrowIfNull(eml);
        using var stream = eml.ToStream();
        var mime = MimeMessage.Load(stream);
        var key = mime.Headers[MessageKeyHeader]
            ?? throw new FormatException($"The message {providerMessageId} has no {MessageKeyHeader} header.");
        return new SentMail(key, providerMessageId, mime.Date, Addresses(mime.To), Addresses(mime.Cc), mime.Subject ?? "");
    }

    private static List<EmailAddress> Addresses(InternetAddressList list) =>
        list.Mailboxes.Select(m => new EmailAddress(m.Name ?? "", m.Address)).ToList();

    private static MimeEntity Body(MailMessage message)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }
        return body.ToMessageBody();
    }

    private static MailboxAddress Mailbox(EmailAddress address)
    {
        var mailbox = new MailboxAddress(address.Name, address.Address.Trim());
        if (!Ascii.IsValid(mailbox.LocalPart))
        {
            throw new ArgumentException($"'{address.Address}' has a non-ASCII local part, which 7-bit mail cannot carry.", nameof(address));
        }
        return mailbox;
    }
}
