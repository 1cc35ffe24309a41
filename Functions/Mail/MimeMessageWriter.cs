using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IrpFlows.Mail;

/// <summary>
/// Writes a <see cref="MailMessage"/> as an RFC 5322 / MIME message (an <c>.eml</c> file): multipart/mixed holding a
/// multipart/alternative (text/plain, then text/html, both UTF-8 quoted-printable) and base64 attachments.
/// Lines end in CRLF and never exceed 998 octets. Message-ID and boundaries derive from the message key, so writing
/// the same message twice gives the same bytes.
/// </summary>
public static class MimeMessageWriter
{
    /// <summary>The header carrying <see cref="MailMessage.MessageKey"/>, so a stored message can be traced to its step.</summary>
    public const string MessageKeyHeader = "X-IrpFlows-MessageKey";

    private const string Crlf = "\r\n";
    private const int FoldAt = 76;

    /// <summary>Headers fold only at spaces; a longer word is encoded so that no line can reach the 998-octet limit.</summary>
    private const int MaxPlainWordLength = 900;

    /// <exception cref="ArgumentException">An address is not a plain ASCII mailbox (such as <c>name@example.org</c>).</exception>
    public static BinaryData Write(MailMessage message, EmailAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(message));
        }

        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.MessageKey)));
        var mixed = "=_mixed_" + keyHash[..32];
        var alternative = "=_alt_" + keyHash[..32];

        var output = new StringBuilder();
        AppendHeader(output, "From", FormatAddresses([from]));
        AppendHeader(output, "To", FormatAddresses(message.To));
        if (message.Cc.Count > 0)
        {
            AppendHeader(output, "Cc", FormatAddresses(message.Cc));
        }
        AppendHeader(output, "Subject", EncodeUnstructured(message.Subject));
        AppendHeader(output, "Date", FormatDate(date));
        AppendHeader(output, "Message-ID", $"<{keyHash}@irpflows>");
        AppendHeader(output, MessageKeyHeader, EncodeUnstructured(message.MessageKey));
        AppendHeader(output, "MIME-Version", "1.0");
        AppendHeader(output, "Content-Type", $"multipart/mixed; boundary=\"{mixed}\"");
        output.Append(Crlf);

        output.Append("--").Append(mixed).Append(Crlf);
        AppendHeader(output, "Content-Type", $"multipart/alternative; boundary=\"{alternative}\"");
        output.Append(Crlf);
        AppendTextPart(output, alternative, "text/plain", message.TextBody);
        AppendTextPart(output, alternative, "text/html", message.HtmlBody);
        output.Append("--").Append(alternative).Append("--").Append(Crlf);

        foreach (var attachment in message.Attachments)
        {
            output.Append("--").Append(mixed).Append(Crlf);
            AppendAttachment(output, attachment);
        }
        output.Append("--").Append(mixed).Append("--").Append(Crlf);
        return BinaryData.FromString(output.ToString());
    }

    private static void AppendTextPart(StringBuilder output, string boundary, string mediaType, string content)
    {
        output.Append("--").Append(boundary).Append(Crlf);
        AppendHeader(output, "Content-Type", mediaType + "; charset=utf-8");
        AppendHeader(output, "Content-Transfer-Encoding", "quoted-printable");
        output.Append(Crlf).Append(QuotedPrintable.Encode(content)).Append(Crlf);
    }

    private static void AppendAttachment(StringBuilder output, MailAttachment attachment)
    {
        var contentType = RemoveLineBreaks(attachment.ContentType);
        AppendHeader(output, "Content-Type", $"{contentType}; {FileNameParameter("name", attachment.FileName)}");
        AppendHeader(output, "Content-Disposition", $"attachment; {FileNameParameter("filename", attachment.FileName)}");
        AppendHeader(output, "Content-Transfer-Encoding", "base64");
        output.Append(Crlf);
        var base64 = Convert.ToBase64String(attachment.Content.ToArray());
        for (var i = 0; i < base64.Length; i += FoldAt)
        {
            output.Append(base64, i, Math.Min(FoldAt, base64.Length - i)).Append(Crlf);
        }
    }

    /// <summary>An ASCII file name is quoted; any other uses RFC 2231 percent-encoding (<c>filename*=utf-8''…</c>).</summary>
    private static string FileNameParameter(string parameter, string fileName)
    {
        var clean = RemoveLineBreaks(fileName);
        if (clean.All(c => c is >= ' ' and < (char)127 && c != '"' && c != '\\'))
        {
            return $"{parameter}=\"{clean}\"";
        }
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(clean))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return $"{parameter}*=utf-8''{encoded}";
    }

    private static string FormatAddresses(IReadOnlyList<EmailAddress> addresses) =>
        string.Join(", ", addresses.Select(FormatAddress));

    private static string FormatAddress(EmailAddress address)
    {
        var mailbox = address.Address.Trim();
        var at = mailbox.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == mailbox.Length - 1 || mailbox.IndexOf('@', at + 1) >= 0
            || mailbox.Any(c => c <= ' ' || c >= (char)127 || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '[' or ']' or '\\'))
        {
            throw new ArgumentException($"'{address.Address}' is not a plain email address.", nameof(address));
        }
        var name = RemoveLineBreaks(address.Name).Trim();
        if (name.Length == 0)
        {
            return $"<{mailbox}>";
        }
        var phrase = IsPrintableAscii(name)
            ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : EncodedWords(name);
        return $"{phrase} <{mailbox}>";
    }

    /// <summary>Unstructured header text: as is when printable ASCII, otherwise RFC 2047 encoded-words. Line breaks never survive.</summary>
    private static string EncodeUnstructured(string value)
    {
        var clean = RemoveLineBreaks(value);
        var plain = IsPrintableAscii(clean)
            && !clean.Contains("=?", StringComparison.Ordinal)
            && clean.Split(' ').All(word => word.Length <= MaxPlainWordLength);
        return plain ? clean : EncodedWords(clean);
    }

    /// <summary>RFC 2047 B-encoded words of at most 75 characters, split between whole characters.</summary>
    private static string EncodedWords(string value)
    {
        const string prefix = "=?utf-8?B?";
        const string suffix = "?=";
        const int maxBytesPerWord = 45; // 45 bytes -> 60 base64 characters -> 72-character word
        var words = new List<string>();
        var chunk = new List<byte>();
        foreach (var rune in value.EnumerateRunes())
        {
            var bytes = Encoding.UTF8.GetBytes(rune.ToString());
            if (chunk.Count + bytes.Length > maxBytesPerWord)
            {
                words.Add(prefix + Convert.ToBase64String(chunk.ToArray()) + suffix);
                chunk.Clear();
            }
            chunk.AddRange(bytes);
        }
        words.Add(prefix + Convert.ToBase64String(chunk.ToArray()) + suffix);
        return string.Join(" ", words);
    }

    /// <summary>Writes "Name: value", folding at spaces so that lines stay near 78 characters (and always under 998).</summary>
    private static void AppendHeader(StringBuilder output, string name, string value)
    {
        var line = new StringBuilder(name).Append(": ");
        var lineLength = line.Length;
        var first = true;
        foreach (var token in value.Split(' '))
        {
            if (!first)
            {
                if (lineLength + 1 + token.Length > 78)
                {
                    line.Append(Crlf).Append(' ');
                    lineLength = 1;
                }
                else
                {
                    line.Append(' ');
                    lineLength++;
                }
            }
            line.Append(token);
            lineLength += token.Length;
            first = false;
        }
        output.Append(line).Append(Crlf);
    }

    private static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + absolute.Hours.ToString("00", CultureInfo.InvariantCulture) + absolute.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and < (char)127);

    private static string RemoveLineBreaks(string value) =>
        value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
