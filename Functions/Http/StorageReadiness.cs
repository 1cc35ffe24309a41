using IrpFlows.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Http;

/// <summary>
/// HTTP functions that need storage wait until it is first ready (a fresh machine may still be installing Azurite), up to
/// a limit. When it is not ready by then, preparing it has failed (it is retried), or it has been lost since (see
/// <see cref="StorageInitializer.IsAvailable"/>), they get 503 with <c>Retry-After</c> and the reason at once, rather
/// than each waiting on a dead or frozen endpoint. Health and the OpenAPI document never wait.
/// </summary>
public sealed class StorageReadinessMiddleware(StorageInitializer storage) : IFunctionsWorkerMiddleware
{
    private static readonly TimeSpan MaxWaitForFirstStart = TimeSpan.FromMinutes(3);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || !HttpPipeline.NeedsStorage(context) || storage.IsAvailable)
        {
            await next(context);
            return;
        }
        // Still starting: wait a while for it. Known to be down: say so now.
        var starting = !storage.Ready.IsCompleted && !storage.IsFailing;
        if (starting && await storage.Ready.WaitAsync(MaxWaitForFirstStart, http.RequestAborted).ContinueWith(t => t.IsCompletedSuccessfully) && storage.IsAvailable)
        {
            await next(context);
            return;
        }
        await Problems.StorageUnavailable(http.Response, storage.UnavailableReason ?? "Storage is not reachable yet; the app keeps trying.")
            .ExecuteAsync(http);
    }
}
