using System.Text.Json;
using IrpFlows.Validation;

namespace IrpFlows.Http;

/// <summary>
/// Reads a JSON request body: bounded before it is read (413), malformed JSON a 400 naming the field where parsing failed,
/// and every text property held to its <see cref="TextAttribute"/> (400 naming each field that breaks it).
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// The largest JSON body read: a create request with the guide's 15 recommendations at full length is about a tenth of
    /// it, and an IRP's first event, escaped, still fits one table entity.
    /// </summary>
    public const int MaxBytes = 128 * 1024;

    /// <summary>Returns the body, or a problem result. An empty body is allowed only when <paramref name="emptyAllowed"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, bool emptyAllowed = false)
        where T : class
    {
        if (request.ContentLength > MaxBytes) return (null, TooLarge(request.ContentLength.Value));
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        // A body without Content-Length (chunked) is measured as it arrives: never more than one chunk over the limit.
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(chunk, 0, read);
            if (body.Length > MaxBytes) return (null, TooLarge(null));
        }
        if (body.Length == 0)
            return emptyAllowed ? (null, null) : (null, Problems.Validation("body", "A JSON body is required."));
        if (!string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType())
            return (null, Problems.Validation("body", "The body must be JSON (Content-Type: application/json)."));
        body.Position = 0;
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(body, options, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = FieldPath(e.Path);
            return (null, Problems.Validation(field, $"Malformed JSON{(e.LineNumber is { } line ? $" at line {line + 1}" : "")}: {FirstSentence(e.Message)}"));
        }
        if (value is null) return emptyAllowed ? (null, null) : (null, Problems.Validation("body", "A JSON object is required, not null."));
        var broken = TextRules.Check(value, options.GetTypeInfo(typeof(T)));
        return broken.Count > 0 ? (null, Problems.Validation(broken)) : (value, null);
    }

    private static IResult TooLarge(long? length) => Problems.TooLarge("body",
        $"must be at most {MaxBytes / 1024} KiB of JSON{(length is { } l ? $"; Content-Length says {l} bytes" : "")}.");

    /// <summary>"$.contacts.governor.email" becomes "contacts.governor.email"; "$" becomes "body".</summary>
    internal static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "body";
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? "body" : path;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
