using System.Diagnostics;
using System.Text.Json.Nodes;
using IrpFlows.Benchmarks.Counting;
using IrpFlows.Benchmarks.Hosting;
using static IrpFlows.Benchmarks.BenchIrps;

namespace IrpFlows.Benchmarks.Scenarios;

/// <summary>
/// One prison IRP from create to Completed on a fresh app, the development clock moved to each step's due time in turn.
/// The coordinator's events are recorded on the days the timeline plans them: DraftIssued (after uploading the draft) at the
/// draft report's due time, so the step it releases runs at once; FactCheckReturned and Published a minute before the
/// fact-check deadline and the publication deadline, so the steps due then run together when the clock reaches them. (An
/// event that left a step due a minute later would leave its orchestration a one-minute timer, which the next clock move
/// would overtake: in Azure that timer runs the step; here it would fire later, for nothing.) After each action the app
/// runs until quiet; its work is counted apart from the polling and sweeps that run meanwhile, and from the benchmark's
/// own driving (moving the clock, reading the IRP).
/// </summary>
internal static class LifecycleScenario
{
    private const int MaxActions = 80;
    // Microsoft.DurableTask splits a timer longer than this into timers of at most this length (DurableTaskWorkerOptions.MaximumTimerInterval).
    private static readonly TimeSpan MaximumTimerInterval = TimeSpan.FromDays(3);

    public static async Task RunAsync(BenchApp app, BenchReport report, TextWriter progress)
    {
        var realTime = Stopwatch.StartNew();
        var start = app.Ledger.Snapshot();
        var wakeUps = new List<RequestTally>();
        var events = new List<RequestTally>();
        var passInstants = new List<DateTimeOffset> { ClockStart };

        var before = app.Ledger.Snapshot();
        var id = await app.CreateIrpAsync(Prison(Today));
        await app.WaitUntilAsync("the IRP's orchestration to start", () => app.OrchestrationRunningAsync(id));
        var create = app.Ledger.Snapshot().Since(before);
        report.Lifecycle.Add(new LifecycleAction(ClockStart, "create", "", create.Work(StorageOwner.App), create.Work(StorageOwner.Durable)));

        var irp = await app.GetIrpAsync(id);
        var factCheckReturned = false;
        for (var action = 0; RuntimeStatus(irp) != "Completed"; action++)
        {
            if (action == MaxActions) throw new InvalidOperationException($"The IRP had not completed after {MaxActions} actions: {RuntimeStatus(irp)}.");
            var pending = Timeline(irp).Where(s => Status(s) == "pending").ToList();
            var next = pending.Where(s => s["waitingFor"] is null).MinBy(Due);
            var waiting = pending.Where(s => s["waitingFor"] is not null).MinBy(Due);
            var factCheck = pending.SingleOrDefault(s => s["id"]!.GetValue<string>() == "fact-check-deadline" && s["waitingFor"] is null);

            before = app.Ledger.Snapshot();
            string what;
            DateTimeOffset at;
            if (waiting is not null && (next is null || Due(waiting) <= Due(next)))
            {
                (at, what) = await RecordAwaitedEventAsync(app, id, waiting);
                events.Add(await SettledSinceAsync(app, before));
            }
            else if (!factCheckReturned && factCheck is not null && next is not null && Due(factCheck) <= Due(next))
            {
                at = Due(factCheck).AddMinutes(-1);
                await app.MoveClockAsync(at);
                await app.RaiseAsync(id, "FactCheckReturned", new { date = factCheck["date"]!.GetValue<string>() });
                factCheckReturned = true;
                what = "event FactCheckReturned";
                events.Add(await SettledSinceAsync(app, before));
            }
            else
            {
                at = Due(next ?? throw new InvalidOperationException("Nothing is pending, yet the IRP has not completed."));
                await app.MoveClockAsync(at);
                what = $"clock to {at:yyyy-MM-dd HH:mm}Z";
                wakeUps.Add(await SettledSinceAsync(app, before));
            }
            passInstants.Add(at);

            var after = await app.GetIrpAsync(id);
            var ran = StepsDoneBetween(irp, after);
            var tally = app.Ledger.Snapshot().Since(before);
            report.Lifecycle.Add(new LifecycleAction(at, what, string.Join(", ", ran), tally.Work(StorageOwner.App), tally.Work(StorageOwner.Durable)));
            progress.WriteLine($"  {at:yyyy-MM-dd HH:mm}Z {what}{(ran.Count > 0 ? ": " + string.Join(", ", ran) : "")} — {tally.Work()} requests");
            irp = after;
        }

        var whole = app.Ledger.Snapshot().Since(start);
        var steps = Timeline(irp).Select(Status).ToList();
        report.LifecycleSummary = new LifecycleSummary(
            RuntimeStatus(irp),
            steps.Count(s => s == "done"), steps.Count(s => s == "skipped"), steps.Count(s => s == "failed"),
            irp["emails"]!.AsArray().Count,
            ScenarioCost.From("create", "POST /api/irps and its first pass", create),
            ScenarioCost.From("coordinator events", "draft upload + DraftIssued, FactCheckReturned, FinalReportSentElsewhere, Published, and the passes they cause", Sum(events)),
            ScenarioCost.From("clock wake-ups", "each due time: a pass runs the due steps' activities, plans again and waits", Sum(wakeUps)),
            events.Count, wakeUps.Count,
            realTime.Elapsed.TotalMinutes,
            whole.Count(k => k.Category == RequestCategory.Polling),
            whole.Count(k => k.Category == RequestCategory.Sweep),
            whole.Count(k => k.Category == RequestCategory.Driver),
            whole.Count(k => k.Category == RequestCategory.Unattributed),
            LongTimerChunks(passInstants),
            OperationCount.Of(whole, k => k.IsWork));
    }

    /// <summary>Uploads and issues the draft, records the final report sent, or records publication, on the awaited step's planned date; returns when and what.</summary>
    private static async Task<(DateTimeOffset At, string What)> RecordAwaitedEventAsync(BenchApp app, string id, JsonObject step)
    {
        var date = step["date"]!.GetValue<string>();
        switch (step["waitingFor"]!.GetValue<string>())
        {
            case "DraftIssued":
                await app.MoveClockAsync(Due(step));
                await app.UploadDraftReportAsync(id);
                await app.RaiseAsync(id, "DraftIssued", new { date });
                return (Due(step), "draft uploaded, event DraftIssued");
            case "FinalReportUploaded":
                // The benchmark's IRP names no ministerial office: the inspectorate sends the report itself (prison guide 14.1),
                // and the coordinator records that, so that it may be published.
                await app.MoveClockAsync(Due(step));
                await app.RaiseAsync(id, "FinalReportSentElsewhere", new { date });
                return (Due(step), "event FinalReportSentElsewhere");
            case "Published":
                var at = Due(step).AddMinutes(-1);
                await app.MoveClockAsync(at);
                await app.RaiseAsync(id, "Published", new { date, url = "https://www.justiceinspectorates.gov.uk/hmiprisons/benchmark-irp/" });
                return (at, "event Published");
            case var other:
                throw new InvalidOperationException($"Step {step["id"]} waits for {other}, which this scenario does not record.");
        }
    }

    private static async Task<RequestTally> SettledSinceAsync(BenchApp app, RequestTally before)
    {
        await app.WaitUntilQuietAsync();
        return app.Ledger.Snapshot().Since(before);
    }

    /// <summary>
    /// How many extra timer firings Azure would see that the development clock hides: between two passes the orchestration
    /// waits in real time, and a wait longer than <see cref="MaximumTimerInterval"/> is a chain of shorter timers.
    /// </summary>
    private static int LongTimerChunks(IReadOnlyList<DateTimeOffset> passes) =>
        passes.Zip(passes.Skip(1), (from, to) => Math.Max(0, (int)Math.Ceiling((to - from) / MaximumTimerInterval) - 1)).Sum();

    private static List<string> StepsDoneBetween(JsonObject before, JsonObject after)
    {
        var was = Timeline(before).ToDictionary(s => s["id"]!.GetValue<string>(), Status);
        return Timeline(after).Where(s => Status(s) != "pending" && was[s["id"]!.GetValue<string>()] == "pending")
            .Select(s => Status(s) == "done" ? s["id"]!.GetValue<string>() : $"{s["id"]} ({Status(s)})").ToList();
    }

    private static RequestTally Sum(IEnumerable<RequestTally> tallies) => new(tallies
        .SelectMany(t => t.Counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)));

    private static IEnumerable<JsonObject> Timeline(JsonObject irp) => irp["timeline"]!.AsArray().Select(s => s!.AsObject());

    private static string RuntimeStatus(JsonObject irp) => irp["runtimeStatus"]!.GetValue<string>();
}
