using IrpFlows.Hosting;

namespace IrpFlows.Http;

/// <summary>
/// Requests that need storage wait until it is ready (a fresh machine may still be installing Azurite), up to a limit;
/// if it is not ready by then, or could not be prepared, they get 503 with a problem body. Health and the OpenAPI
/// document never wait.
/// </summary>
public static class StorageReadiness
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(3);

    public static IApplicationBuilder UseStorageReadiness(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var storage = context.RequestServices.GetRequiredService<StorageInitializer>();
        if (path.StartsWithSegments("/api/health") || path.StartsWithSegments("/api/openapi.json") || storage.Ready.IsCompletedSuccessfully)
        {
            await next(context);
            return;
        }
        try
        {
            await storage.Ready.WaitAsync(MaxWait, context.RequestAborted);
        }
        catch (Exception e) when (e is TimeoutException || storage.Ready.IsFaulted)
        {
            await Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not available",
                storage.Ready.IsFaulted ? "Storage could not be prepared; see the app's log." : "Storage is still starting; try again shortly.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>"ready", "starting" or "unavailable", for the health endpoint.</summary>
    public static string Describe(StorageInitializer storage) =>
        storage.Ready.IsCompletedSuccessfully ? "ready" : storage.Ready.IsCompleted ? "unavailable" : "starting";
}
