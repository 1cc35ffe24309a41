using System.Text;

namespace IrpFlows.Mail;

/// <summary>Quoted-printable (RFC 2045 6.7) for UTF-8 text: line breaks become CRLF, lines are soft-broken at 76 characters.</summary>
internal static class QuotedPrintable
{
    private const int MaxLineLength = 76;

    public static string Encode(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Append("\r\n");
            }
            EncodeLine(output, Encoding.UTF8.GetBytes(lines[i]));
        }
        return output.ToString();
    }

    private static void EncodeLine(StringBuilder output, byte[] bytes)
    {
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var isLast = i == bytes.Length - 1;
            // Trailing spaces and tabs would be stripped in transit, so the last one on a line is encoded.
            var literal = (b is >= 33 and <= 126 && b != (byte)'=') || (b is (byte)' ' or (byte)'\t' && !isLast);
            var token = literal ? ((char)b).ToString() : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            // Keep room for the soft break "=" unless this token ends the line.
            var room = isLast ? MaxLineLength : MaxLineLength - 1;
            if (lineLength + token.Length > room)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }
            output.Append(token);
            lineLength += token.Length;
        }
    }
}
