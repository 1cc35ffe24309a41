namespace IrpFlows.Http;

/// <summary>
/// How an HTTP function appears in the OpenAPI document (<c>GET /api/openapi.json</c>): its tag, summary and, when it has
/// them, the JSON body it reads and the body it answers with. Routes, methods and path parameters come from the function's
/// <c>[HttpTrigger]</c>, so they cannot disagree with what is served.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;
    public string Summary { get; } = summary;

    /// <summary>Longer text: rules and limits a caller needs.</summary>
    public string? Description { get; init; }

    /// <summary>The JSON request body's type, if it has one.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>The success response body's type (JSON), if it has one.</summary>
    public Type? Response { get; init; }

    /// <summary>The success status; 200 unless given.</summary>
    public int ResponseStatus { get; init; } = StatusCodes.Status200OK;

    /// <summary>The success response's media type when it is not JSON (a page, a file, a redirect target).</summary>
    public string? ResponseContentType { get; init; }
}
