using IrpFlows.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>Health, the Functions host's timer invocation, and the development clock.</summary>
public static class HostEndpoints
{
    /// <summary>The timer-triggered function's name: the Functions host POSTs to /{name} (see infra/functions/).</summary>
    public const string DispatchTimerFunction = "DispatchTimer";

    public static void MapHostEndpoints(this IEndpointRouteBuilder routes, bool devClockEnabled)
    {
        routes.MapGet("/api/health", (StorageInitializer storage) => TypedResults.Ok(new { status = "healthy", storage = StorageReadiness.Describe(storage) }))
            .WithTags("Host").WithSummary("Anonymous liveness check; 'storage' says whether storage is ready yet.");

        // Azure Functions custom handler contract for a non-HTTP trigger: the host POSTs the invocation and expects
        // { Outputs, Logs, ReturnValue }. It runs one dispatcher tick.
        routes.MapPost("/" + DispatchTimerFunction, async (DispatcherTick tick, CancellationToken ct) =>
        {
            var ran = await tick.RunAsync(ct);
            return TypedResults.Ok(new { Outputs = new { }, Logs = new[] { $"Ran {ran} step(s)." }, ReturnValue = (object?)null });
        }).ExcludeFromDescription();

        if (!devClockEnabled) return;
        var dev = routes.MapGroup("/api/dev").WithTags("Development").AddEndpointFilter<CoordinatorKeyFilter>();
        dev.MapGet("/clock", (TimeProvider time) => TypedResults.Ok(new DevClockState(time.GetUtcNow())))
            .WithSummary("The development clock's time.");
        dev.MapPost("/clock", MoveClockAsync)
            .WithSummary("Moves the development clock forward and returns once every step due by then has run.");
    }

    private static async Task<Results<Ok<DevClockState>, ProblemHttpResult, ValidationProblem>> MoveClockAsync(
        HttpRequest request, TimeProvider time, DispatcherTick tick, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<DevClockState>(request, Irps.IrpEvents.Json);
        if (problem is not null) return problem;
        if (body!.Now == default) return Problems.Validation("now", "is required: an ISO 8601 instant such as 2023-02-07T09:00:00Z.");
        var clock = (DevClock)time;
        if (!clock.TryMoveTo(body.Now))
            return Problems.Conflict("The clock only moves forward", $"The clock is at {time.GetUtcNow():O}; steps already run cannot be un-run.");
        // Run ticks until nothing more is due: a step that completes can make the next one due at once.
        // Bounded, so a workflow that keeps making work due cannot hang the request.
        var ticks = 0;
        while (ticks++ < 1000 && await tick.RunAsync(ct) > 0) { }
        return TypedResults.Ok(new DevClockState(time.GetUtcNow()));
    }
}

public sealed record DevClockState(DateTimeOffset Now);
