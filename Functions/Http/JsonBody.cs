using System.Text.Json;

namespace IrpFlows.Http;

/// <summary>Reads a JSON request body, turning malformed JSON into a 400 that names the field where parsing failed.</summary>
public static class JsonBody
{
    /// <summary>Returns the body, or a problem result. An empty body is allowed only when <paramref name="emptyAllowed"/>.</summary>
    public static async Task<(T? Value, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, bool emptyAllowed = false)
        where T : class
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length == 0)
            return emptyAllowed ? (null, null) : (null, Problems.Validation("body", "A JSON body is required."));
        if (!string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType())
            return (null, Problems.Validation("body", "The body must be JSON (Content-Type: application/json)."));
        body.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, options, request.HttpContext.RequestAborted);
            return value is null && !emptyAllowed ? (null, Problems.Validation("body", "A JSON object is required, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldPath(e.Path);
            return (null, Problems.Validation(field, $"Malformed JSON{(e.LineNumber is { } line ? $" at line {line + 1}" : "")}: {FirstSentence(e.Message)}"));
        }
    }

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
