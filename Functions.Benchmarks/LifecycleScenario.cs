using IrpFlows.Irps;
using IrpFlows.Storage;
using IrpFlows.Timeline;
using IrpFlows.Workflow;

namespace IrpFlows.Benchmarks;

/// <summary>
/// One prison IRP from creation to the end of its timeline. The clock moves to each due time and to every local midnight
/// in between (an idle tick each day, as the timer would); the coordinator's events are recorded at midnight on the day
/// the plan expects them: DraftIssued on the draft report's date, FactCheckReturned on the fact-check deadline, Published
/// on the publication deadline.
/// </summary>
internal static class LifecycleScenario
{
    public static async Task RunAsync(StorageAccount storage, BenchReport report, CancellationToken ct)
    {
        var world = await BenchWorld.CreateAsync(storage, BenchIrps.Start, ct);
        var zone = new IrpPolicy().TimeZone;
        var id = await world.StartIrpAsync(BenchIrps.Today, ct);
        var createRequests = world.EngineRequests.Count;
        report.Lifecycle.Add(new LifecycleRow(world.Clock.GetUtcNow(), "create", createRequests, 0));

        long eventRequests = 0, stepEngine = 0, stepActivity = 0, idleRequests = 0;
        int events = 0, stepTicks = 0, idleTicks = 0;
        var horizon = BenchIrps.Start.AddYears(1);
        InstanceStatus status;
        while (true)
        {
            var before = (await world.Probe.GetAsync(id, ct))!;
            world.ResetCounters();
            var ran = await world.Engine.DispatchDueAsync(ct);
            status = (await world.Probe.GetAsync(id, ct))!;
            if (ran == 0)
            {
                idleTicks++;
                idleRequests += world.TotalRequests;
            }
            else
            {
                stepTicks++;
                stepEngine += world.EngineRequests.Count;
                stepActivity += world.OutboxRequests.Count;
                report.Lifecycle.Add(new LifecycleRow(world.Clock.GetUtcNow(), StepsRun(before, status), world.EngineRequests.Count, world.OutboxRequests.Count));
            }

            var published = IrpState.From(status.Instance).Progress.PublishedOn is not null;
            if (status.RuntimeStatus is RuntimeStatus.Completed or RuntimeStatus.Terminated) break;
            if (status.NextDue is null && published) break; // nothing left to run and no event left to unblock anything

            var now = world.Clock.GetUtcNow();
            var midnight = NextLocalMidnight(now, zone);
            var next = status.NextDue is { } due && due < midnight ? due : midnight;
            if (next > horizon) break;
            world.Clock.SetUtcNow(next);
            if (next != midnight) continue;

            world.ResetCounters();
            var recorded = await RecordDueEventsAsync(world, id, status, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime), ct);
            if (recorded is not null)
            {
                events++;
                eventRequests += world.EngineRequests.Count;
                report.Lifecycle.Add(new LifecycleRow(next, recorded, world.EngineRequests.Count, 0));
            }
        }

        var failed = status.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => $"{s.Id} ({s.LastError})").ToList();
        report.LifecycleSummary = new LifecycleSummary(
            status.RuntimeStatus.ToString(), failed,
            status.Steps.Count(s => s.Status == StepStatus.Done),
            status.Instance.EventsOfType(EngineEvents.StepFailed).Count(),
            stepTicks, idleTicks, events, createRequests, eventRequests, stepEngine, stepActivity, idleRequests);
    }

    /// <summary>Records the coordinator's event that falls on <paramref name="today"/>, if any, and says which.</summary>
    private static async Task<string?> RecordDueEventsAsync(BenchWorld world, string id, InstanceStatus status, DateOnly today, CancellationToken ct)
    {
        var state = IrpState.From(status.Instance);
        var plan = world.Workflow.Timeline(state).ToDictionary(s => s.Id, s => s.Date);
        // The draft is recorded as uploaded (the benchmark stores no file: the link to it is only signed) and issued the same day.
        var draft = new ReportFileUploadedData($"reports/draft/1/draft.pdf", "draft.pdf", "application/pdf", 1024, world.Clock.GetUtcNow());
        NewEvent[] events =
            state.Progress.DraftIssuedOn is null && plan["draft-report"] == today
                ? [new(IrpEvents.DraftReportUploaded, IrpEvents.ToData(draft)), new(IrpEvents.DraftIssued, IrpEvents.ToData(new DraftIssuedData(today)))]
            : state.Progress.DraftIssuedOn is not null && state.Progress.FactCheckReturnedOn is null && plan["fact-check-deadline"] == today
                ? [new(IrpEvents.FactCheckReturned, IrpEvents.ToData(new FactCheckReturnedData(today)))]
            : state.Progress.PublishedOn is null && plan["publication-deadline"] == today
                ? [new(IrpEvents.Published, IrpEvents.ToData(new PublishedData(today, new Uri("https://hmiprisons.example/reports/benchmark-irp"))))]
            : [];
        if (events.Length == 0) return null;
        await world.Engine.AppendAsync(id, _ => events, ct);
        return $"event {events[^1].Type}";
    }

    private static string StepsRun(InstanceStatus before, InstanceStatus after)
    {
        var names = after.Steps.Select(s => (s, b: before.Step(s.Id))).Where(x => x.b is not null).SelectMany(x =>
            x.s.Status == StepStatus.Done && x.b!.Status != StepStatus.Done ? [x.s.Id]
            : x.s.FailedAttempts > x.b!.FailedAttempts ? [$"{x.s.Id} FAILED (attempt {x.s.FailedAttempts})"]
            : Array.Empty<string>());
        return string.Join(", ", names);
    }

    private static DateTimeOffset NextLocalMidnight(DateTimeOffset now, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        return new DateTimeOffset(localDate, zone.GetUtcOffset(localDate)).ToUniversalTime();
    }
}
