using IrpFlows.Storage;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Http;

/// <summary>
/// What every HTTP function shares, as Functions worker middleware, so that both hosts run the very same code: in Azure
/// the worker runs it around each invocation (<c>Program.cs</c>), and Functions.Local runs the list registered here around
/// each HTTP function it serves. In order: a span for the request (<see cref="RequestTelemetryMiddleware"/>),
/// <c>X-Content-Type-Options: nosniff</c> on every response
/// (<see cref="NoSniffMiddleware"/>), request lines with their secrets redacted (<see cref="RequestLogMiddleware"/>),
/// exceptions turned into problem responses (<see cref="HttpErrorsMiddleware"/>), requests refused with 503 while storage
/// is not available (<see cref="StorageReadinessMiddleware"/>), and the shared development clock read before the function
/// judges dates by it (<see cref="DevClockSyncMiddleware"/>). Each passes non-HTTP invocations (timers, orchestrations,
/// activities) straight on.
/// </summary>
/// <remarks>
/// In Azure these must come after <c>ConfigureFunctionsWebApplication()</c>: the ASP.NET Core integration's own worker
/// middleware (<c>FunctionsHttpProxyingMiddleware</c>) is then the outer one. It waits for the request's
/// <see cref="HttpContext"/>, stores it in <see cref="FunctionContext.Items"/> (read by <c>GetHttpContext()</c>), calls
/// the middleware after it, executes the invocation result if it is an <c>IResult</c> or <c>IActionResult</c>, and in a
/// <c>finally</c> completes the invocation so the worker's ASP.NET Core pipeline sends the response. Verified in
/// Azure/azure-functions-dotnet-worker (extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsMiddleware/
/// FunctionsHttpProxyingMiddleware.cs): a middleware here that answers without calling the function writes its response
/// through the <see cref="HttpContext"/> and returns normally; the invocation result is then null, which the integration
/// treats as "no result to execute" (a trace line) and still completes the invocation, so the host never waits for it.
/// </remarks>
public static class HttpPipeline
{
    /// <summary>Functions that must answer whatever state storage is in: they never wait for it.</summary>
    private static readonly HashSet<string> StorageFree = [nameof(HostFunctions.Health), nameof(HostFunctions.OpenApiDocument), nameof(AssetFunctions.Asset),
        nameof(AccessibilityFunctions.AccessibilityStatementPage)];

    /// <summary>Adds the HTTP middleware, in order, to a worker (in Azure) or to the local host's list of middleware.</summary>
    public static IFunctionsWorkerApplicationBuilder UseHttpPipeline(this IFunctionsWorkerApplicationBuilder worker) => worker
        .UseMiddleware<RequestTelemetryMiddleware>()
        .UseMiddleware<NoSniffMiddleware>()
        .UseMiddleware<RequestLogMiddleware>()
        .UseMiddleware<HttpErrorsMiddleware>()
        .UseMiddleware<StorageReadinessMiddleware>()
        .UseMiddleware<DevClockSyncMiddleware>();

    /// <summary>Whether the invoked function needs storage to answer (all but health, the OpenAPI document, the pages' assets and the accessibility statement).</summary>
    public static bool NeedsStorage(FunctionContext context) => !StorageFree.Contains(context.FunctionDefinition.Name);
}

/// <summary>
/// Tells browsers to take every response as the type it says (<c>X-Content-Type-Options: nosniff</c>): a chart served as
/// <c>image/svg+xml</c>, an email as <c>message/rfc822</c>, a calendar as <c>text/calendar</c> or a problem as JSON is never
/// guessed to be a page and run. Set as the response starts, so a response cleared and written again (a problem for an
/// exception) keeps it.
/// </summary>
public sealed class NoSniffMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            http.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, http.Response);
        }
        return next(context);
    }
}

/// <summary>
/// The development clock may have been moved through another host: it is read from storage before each HTTP function
/// that needs storage, within <see cref="SyncTimeout"/>. A clock that cannot be read in time means storage is not serving
/// the app: that is a <see cref="TimeoutException"/>, which <see cref="HttpErrorsMiddleware"/> answers with 503.
/// </summary>
public sealed class DevClockSyncMiddleware(TimeProvider time, StorageInitializer storage) : IFunctionsWorkerMiddleware
{
    /// <summary>
    /// One small read: storage that takes longer than this is not going to serve the request either. Generous enough for
    /// Azurite on a machine whose cores are busy, where a read can stall for a few seconds.
    /// </summary>
    public static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(8);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (time is ISyncedClock shared && context.GetHttpContext() is { } http && HttpPipeline.NeedsStorage(context) && storage.IsAvailable)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(SyncTimeout);
            try
            {
                await shared.SyncAsync(timeout.Token);
            }
            catch (OperationCanceledException e) when (!http.RequestAborted.IsCancellationRequested)
            {
                throw new TimeoutException($"The development clock could not be read from storage within {SyncTimeout.TotalSeconds:0} seconds.", e);
            }
        }
        await next(context);
    }
}
