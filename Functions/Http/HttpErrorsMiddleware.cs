using System.Diagnostics;
using IrpFlows.Storage;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Http;

/// <summary>
/// Turns what escapes an HTTP function into a problem response, in both hosts (see <see cref="HttpPipeline"/>):
/// <list type="bullet">
/// <item>writers that kept colliding on one IRP: 503 "Busy" with <c>Retry-After</c> (the request may simply be repeated);</item>
/// <item>storage down, unreachable, too slow or emptied (<see cref="StorageInitializer.IsOutage"/>): 503 "Storage is not
/// available" with <c>Retry-After</c>, never a 500; the app is told (one warning, and it starts looking for storage);</item>
/// <item>anything else: a 500 logged with its exception and a trace id, which the body shows so the two can be matched.</item>
/// </list>
/// A request the caller cancelled is left alone. The response is written through the <see cref="HttpContext"/>, so the
/// worker's ASP.NET Core integration completes the invocation as for any function that wrote its own response.
/// </summary>
public sealed partial class HttpErrorsMiddleware(StorageInitializer storage, ILogger<HttpErrorsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested
            && !context.CancellationToken.IsCancellationRequested)
        {
            var function = context.FunctionDefinition.Name;
            var outage = e is not WorkflowContentionException and not BadHttpRequestException && StorageInitializer.IsOutage(e);
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            if (outage)
            {
                var reason = "Storage did not serve the request: " + StorageInitializer.FirstLine(e.Message);
                Log.StorageOutage(logger, function, reason);
                storage.ReportUnavailable(reason);
            }
            else if (e is not WorkflowContentionException and not BadHttpRequestException)
            {
                Log.FunctionFailed(logger, e, function, traceId);
            }
            if (http.Response.HasStarted) throw; // too late to answer otherwise: the host ends the response
            http.Response.Clear();
            var problem = e switch
            {
                WorkflowContentionException contention => Busy(http.Response, contention.Message),
                BadHttpRequestException bad => Problems.Status(bad.StatusCode, "Bad request", bad.Message),
                _ when outage => Problems.StorageUnavailable(http.Response, storage.UnavailableReason ?? "Storage did not serve the request."),
                _ => Problems.Unexpected(traceId),
            };
            await problem.ExecuteAsync(http);
        }
    }

    private static IResult Busy(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = "1";
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Busy", detail);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Function {Function} failed (trace id {TraceId}); it answered 500")]
        public static partial void FunctionFailed(ILogger logger, Exception exception, string function, string traceId);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Function {Function} answered 503: {Reason}")]
        public static partial void StorageOutage(ILogger logger, string function, string reason);
    }
}
