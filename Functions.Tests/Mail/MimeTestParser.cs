using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IrpFlows.Tests.Mail;

/// <summary>A deliberately small MIME reader for tests: headers (unfolded, RFC 2047 decoded) and nested multipart bodies.</summary>
internal sealed partial class MimeTestParser
{
    private MimeTestParser(List<KeyValuePair<string, string>> headers, string rawBody)
    {
        Headers = headers;
        RawBody = rawBody;
    }

    public List<KeyValuePair<string, string>> Headers { get; }

    public string RawBody { get; }

    public List<MimeTestParser> Parts => Boundary is { } boundary ? SplitParts(RawBody, boundary) : [];

    public string? Boundary => BoundaryPattern().Match(Header("Content-Type") ?? "") is { Success: true } m ? m.Groups[1].Value : null;

    public static MimeTestParser Parse(string entity)
    {
        var split = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split >= 0, "No blank line between headers and body.");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in entity[..split].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + line);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Not a header line: '{line}'");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        return new MimeTestParser(headers, entity[(split + 4)..]);
    }

    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    public string DecodedHeader(string name) => DecodeEncodedWords(Header(name) ?? throw new Xunit.Sdk.XunitException($"No {name} header."));

    public byte[] DecodedBody()
    {
        var body = RawBody.EndsWith("\r\n", StringComparison.Ordinal) ? RawBody[..^2] : RawBody;
        return Header("Content-Transfer-Encoding") switch
        {
            "base64" => Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => Encoding.UTF8.GetBytes(body),
        };
    }

    public string DecodedText() => Encoding.UTF8.GetString(DecodedBody());

    private static List<MimeTestParser> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var end = body.IndexOf(delimiter + "--", StringComparison.Ordinal);
        Assert.True(end >= 0, $"No closing boundary {delimiter}--");
        var sections = body[..end].Split(delimiter + "\r\n");
        return sections.Skip(1).Select(Parse).ToList();
    }

    private static byte[] DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Whitespace between two encoded-words is not part of the text (RFC 2047 6.2).</summary>
    private static string DecodeEncodedWords(string value) =>
        EncodedWordPattern().Replace(
            EncodedWordGapPattern().Replace(value, "?==?"),
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex EncodedWordGapPattern();
}
