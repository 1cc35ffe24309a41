using IrpFlows.Hosting;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.Diagnostics;

namespace IrpFlows.Http;

/// <summary>
/// What every HTTP function shares, on both hosts (the Functions worker's ASP.NET Core integration in Azure, Kestrel in
/// Functions.Local): request lines with their secrets redacted, problem bodies for errors and bare status codes, the wait for
/// storage, and the shared development clock. Added as a startup
/// filter, which both hosts apply ahead of their own routing.
/// </summary>
public sealed class HttpPipeline : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseRedactedRequestLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStorageReadiness();
        app.Use(async (context, nextMiddleware) =>
        {
            // The development clock may have been moved through another host: read it before judging dates by it.
            if (context.RequestServices.GetRequiredService<TimeProvider>() is ISyncedClock shared
                && context.RequestServices.GetRequiredService<StorageInitializer>().Ready.IsCompletedSuccessfully)
                await shared.SyncAsync(context.RequestAborted);
            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>
/// Turns what escapes a function into a problem response: writers that kept colliding on one IRP get 503 with
/// <c>Retry-After</c> (the request may simply be repeated); anything else is a 500 that says nothing of the internals.
/// </summary>
public sealed class HttpErrors : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted) return false;
        context.Response.Clear();
        var result = exception switch
        {
            WorkflowContentionException contention => Busy(context, contention.Message),
            BadHttpRequestException bad => Problems.Status(bad.StatusCode, "Bad request", bad.Message),
            _ => Problems.Status(StatusCodes.Status500InternalServerError, "Unexpected error",
                "Something went wrong on our side; nothing was changed unless the response said so. The error is in the app's log."),
        };
        await result.ExecuteAsync(context);
        return true;
    }

    private static IResult Busy(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Busy", detail);
    }
}
