using IrpFlows.Calendar;
using IrpFlows.Digest;
using IrpFlows.Documents;
using IrpFlows.Storage;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>Health, the OpenAPI document, and the development clock.</summary>
public sealed class HostFunctions(StorageInitializer storage, TimeProvider time)
{
    // Long enough for a pass over every IRP a jump makes due; a step stuck in its retries does not hold the caller forever.
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);

    [Function(nameof(Health))]
    [OpenApiOperation("Host", "Anonymous health check: 200 when storage is usable now (one read of it), 503 with the reason when it is not.", Response = typeof(HealthState),
        ErrorStatuses = [StatusCodes.Status503ServiceUnavailable])]
    public async Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken ct) =>
        await storage.CheckAsync(ct) is { } reason
            ? Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not available", reason)
            : TypedResults.Ok(new HealthState("healthy", "ready"));

    [Function(nameof(OpenApiDocument))]
    [OpenApiOperation("Host", "This document: every HTTP function with its route, methods and bodies.", ResponseContentType = "application/json")]
    public IResult OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        TypedResults.Text(OpenApiDocumentBuilder.Json(typeof(HostFunctions).Assembly, $"{request.Scheme}://{request.Host}"), "application/json");

    [Function(nameof(GetDevClock))]
    [OpenApiOperation("Development", "The development clock's time (only when DevClockEnabled is true).", Response = typeof(DevClockState),
        ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> GetDevClock(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/dev/clock")] HttpRequest request, CancellationToken ct)
    {
        if (DevClock() is not { } clock) return DevClockOff();
        await clock.SyncAsync(ct);
        return TypedResults.Ok(new DevClockState(clock.GetUtcNow()));
    }

    [Function(nameof(MoveDevClock))]
    [OpenApiOperation("Development", "Moves the development clock forward and returns once every step due by then has run, and the week's digests have gone once Monday 07:00 (England) has come.",
        Description = "400 for a time outside the working-day calendar (2015 to 2035); 404 when the clock is off; 409 for a time before the clock's; 503 when an IRP has not caught up within two minutes.",
        RequestBody = typeof(DevClockState), Response = typeof(DevClockState),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable])]
    public async Task<IResult> MoveDevClock(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/dev/clock")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        if (DevClock() is not { } clock) return DevClockOff();
        var (body, problem) = await JsonBody.ReadAsync<DevClockState>(request, EventData.Json);
        if (problem is not null) return problem;
        if (body!.Now == default) return Problems.Validation("now", "is required: an ISO 8601 instant such as 2023-02-07T09:00:00Z.");
        var services = request.HttpContext.RequestServices;
        // Every date the app works out must stay within the calendar, or nothing could be planned from then on.
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        if (DateOnly.FromDateTime(body.Now.UtcDateTime) is var day && (day < calendar.SupportedFrom || day > calendar.SupportedTo))
            return Problems.Validation("now",
                $"must be between {calendar.SupportedFrom:yyyy-MM-dd} and {calendar.SupportedTo:yyyy-MM-dd}, the dates the working-day calendar knows; {body.Now:O} is not.");
        // Uploads that were never completed are recorded first, so the steps that now fall due see them.
        await services.GetRequiredService<UploadReconciler>().ReconcileAsync(durable, ct);
        if (!await clock.TryMoveToAsync(body.Now, ct))
            return Problems.Conflict("The clock only moves forward", $"The clock is at {clock.GetUtcNow():O}; steps already run cannot be un-run.");
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.WakeDueAsync(body.Now, durable, ct);
        var behind = await CatchUpAsync(engine, body.Now, ct);
        // Timers wait on the system clock, so a move across Monday morning sends the week's digest here, from the
        // timelines as the steps just run left them.
        if (behind.Count == 0) await services.GetRequiredService<WeeklyDigest>().SendDueAsync(ct);
        return behind.Count == 0
            ? TypedResults.Ok(new DevClockState(clock.GetUtcNow()))
            : Problems.Status(StatusCodes.Status503ServiceUnavailable, "Still running",
                $"The clock is at {clock.GetUtcNow():O}, but these instances have not yet run every step due by then: {string.Join(", ", behind)}.");
    }

    /// <summary>Waits until no active instance has a step due at <paramref name="now"/>; returns those still behind when the wait runs out.</summary>
    private static async Task<IReadOnlyList<string>> CatchUpAsync(WorkflowEngine engine, DateTimeOffset now, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow() + CatchUpLimit;
        IReadOnlyList<string> listedBefore = [];
        while (true)
        {
            // While the index's due rows move on as instances catch up, one query of them is the whole poll. The headers (a
            // read per instance listed) are read only when the rows stand still: the last ones, an instance whose log cannot
            // be planned (never caught up, so not waited for), or a row a lost follow-up left behind.
            var listed = await engine.ListedDueAsync(now, ct);
            if (listed is { Count: 0 }) return [];
            var timedOut = TimeProvider.System.GetUtcNow() > deadline;
            if (listed is null || listed.SequenceEqual(listedBefore) || timedOut)
            {
                var behind = await engine.DueInstancesAsync(now, ct);
                if (behind.Count == 0 || timedOut) return behind;
            }
            listedBefore = listed ?? [];
            // The more are behind, the longer they take: polling faster than they finish would only load storage.
            await Task.Delay(TimeSpan.FromMilliseconds(100 + listedBefore.Count), ct);
        }
    }

    // The app's TimeProvider is a DevClock only when the setting DevClockEnabled is true.
    private DevClock? DevClock() => time as DevClock;

    private static IResult DevClockOff() => Problems.NotFound("The development clock is off here (setting DevClockEnabled).");
}

/// <param name="Storage">"ready": health answers 200 only when storage is.</param>
public sealed record HealthState(string Status, string Storage);

public sealed record DevClockState(DateTimeOffset Now);
