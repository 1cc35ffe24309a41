using IrpFlows.Hosting;

namespace IrpFlows.Http;

/// <summary>
/// Requests that need storage wait until it is ready (a fresh machine may still be installing Azurite), up to a limit;
/// if it is not ready by then, or preparing it has failed (it is retried), they get 503 with a problem body. Health and
/// the OpenAPI document never wait.
/// </summary>
public static class StorageReadiness
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(3);

    public static IApplicationBuilder UseStorageReadiness(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var storage = context.RequestServices.GetRequiredService<StorageInitializer>();
        if (!storage.Ready.IsCompletedSuccessfully && !path.StartsWithSegments("/api/health") && !path.StartsWithSegments("/api/openapi.json"))
        {
            // Known to be down: say so now rather than hold the request; still starting: wait a while for it.
            var ready = !storage.IsFailing && await storage.Ready.WaitAsync(MaxWait, context.RequestAborted).ContinueWith(t => t.IsCompletedSuccessfully);
            if (!ready)
            {
                await Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not available",
                    "Storage is not reachable yet; the app keeps trying. See its log, and try again shortly.").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });
}
