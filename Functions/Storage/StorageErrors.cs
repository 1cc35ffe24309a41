using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>Reads the storage error code and message from a failed response (header, XML or OData JSON body).</summary>
internal sealed class StorageErrors : RequestFailedDetailsParser
{
    private static readonly StorageErrors Parser = new();

    public static RequestFailedException CreateException(Response response) => new(response, null, Parser);

    /// <summary>The <c>x-ms-error-code</c> header, else the code in the body.</summary>
    public static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : ReadBody(response.Content).Code;

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        var (code, message) = ReadBody(response.Content);
        if (response.Headers.TryGetValue("x-ms-error-code", out var headerCode))
        {
            code = headerCode;
        }

        error = new ResponseError(code, message ?? response.ReasonPhrase);
        data = null;
        return true;
    }

    /// <summary>Parses <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c> or <c>{"odata.error":{...}}</c>.</summary>
    internal static (string? Code, string? Message) ReadBody(BinaryData? content)
    {
        var text = content?.ToString().Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        try
        {
            if (text.StartsWith('<'))
            {
                var root = XDocument.Parse(text).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }

            if (text.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("odata.error", out var odata))
                {
                    var message = odata.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                    return (odata.TryGetProperty("code", out var c) ? c.GetString() : null, message);
                }
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            // Not a storage error body (e.g. a proxy's HTML page): the status alone describes the failure.
            return (null, null);
        }

        return (null, null);
    }
}
