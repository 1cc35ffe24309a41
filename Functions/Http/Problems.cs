using IrpFlows.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>RFC 7807 problem responses, so every 4xx/5xx has the same shape.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.",
            detail: "See 'errors': each entry names a field and the rule it breaks. Nothing was changed.");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>413: the body is over its limit; <c>errors</c> names it, as a validation problem would.</summary>
    public static ProblemHttpResult TooLarge(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large.",
            Detail = "See 'errors'. Nothing was read or changed.",
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>How long a client is asked to wait before repeating a request refused because storage is not available.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// 503 "Storage is not available" with <c>Retry-After</c> (set on <paramref name="response"/>): the request may simply be
    /// repeated once storage is back; <paramref name="detail"/> says why it is not.
    /// </summary>
    public static ProblemHttpResult StorageUnavailable(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = ((int)StorageRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Status(StatusCodes.Status503ServiceUnavailable, "Storage is not available", detail);
    }

    /// <summary>
    /// 500 that says nothing of the internals but the <paramref name="traceId"/> under which the error is logged, so an
    /// operator given the body can find it.
    /// </summary>
    public static ProblemHttpResult Unexpected(string traceId) =>
        TypedResults.Problem(
            $"Something went wrong on our side; nothing was changed unless the response said so. The error is in the app's log under trace id {traceId}.",
            statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error",
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId });

    /// <summary>
    /// A service's refusal as a response: a validation problem naming its fields (400), a problem with its status naming
    /// the fields it was about (a 409 for a request that comes too early), or a problem with its status.
    /// </summary>
    public static IResult For(Refusal refusal) => refusal.Errors switch
    {
        null => Status(StatusOf(refusal), refusal.Title, refusal.Detail),
        var errors when refusal.Kind == RefusalKind.Invalid => Validation(errors.ToDictionary()),
        var errors => TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusOf(refusal), Title = refusal.Title, Detail = refusal.Detail,
        }),
    };

    /// <summary>The HTTP status of a refusal: the one place where a <see cref="RefusalKind"/> becomes a status code.</summary>
    public static int StatusOf(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Gone => StatusCodes.Status410Gone,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Kind, "A refusal kind with no HTTP status."),
    };
}
