namespace IrpFlows.Http;

/// <summary>
/// How an HTTP function appears in the OpenAPI document (<c>GET /api/openapi.json</c>): its tag, summary and, when it has
/// them, the body it reads, the body it answers with and the errors it answers itself. Routes, methods, path parameters and
/// the function key come from the function's <c>[HttpTrigger]</c>, so they cannot disagree with what is served; query
/// parameters are declared with <see cref="OpenApiQueryParameterAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;
    public string Summary { get; } = summary;

    /// <summary>Longer text: rules and limits a caller needs.</summary>
    public string? Description { get; init; }

    /// <summary>The JSON request body's type, if it has one; its schema is generated from the type.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>The media types of a request body that is not JSON (a file's bytes, a form), if it has one.</summary>
    public string[] RequestContentTypes { get; init; } = [];

    /// <summary>The success response body's type (JSON), if it has one; its schema is generated from the type.</summary>
    public Type? Response { get; init; }

    /// <summary>The success status; 200 unless given.</summary>
    public int ResponseStatus { get; init; } = StatusCodes.Status200OK;

    /// <summary>The success response's media type when it is not described by <see cref="Response"/> (a page, a file, a document).</summary>
    public string? ResponseContentType { get; init; }

    /// <summary>
    /// The error statuses the function answers itself: under <c>api/</c> as RFC 7807 problems (400 with <c>errors</c>), on a
    /// page as the page. The document adds 401 where the function key is required, and a default problem response (500, or
    /// 503 when storage is busy) everywhere.
    /// </summary>
    public int[] ErrorStatuses { get; init; } = [];
}
