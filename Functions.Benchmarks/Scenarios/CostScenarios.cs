using IrpFlows.Benchmarks.Hosting;
using IrpFlows.Workflow;
using static IrpFlows.Benchmarks.BenchIrps;

namespace IrpFlows.Benchmarks.Scenarios;

/// <summary>
/// What single operations cost, one at a time on a warm app, each from its start until the app is quiet again: creating
/// an IRP, one due email step run by its orchestration's own timer, and two coordinator events (one that leaves the next
/// due time alone, one that moves it).
/// </summary>
internal static class CostScenarios
{
    /// <summary>How far ahead of the announcement's due time its IRP is created, so its orchestration waits on a real timer.</summary>
    private static readonly TimeSpan TimerLead = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchApp app, BenchReport report, TextWriter progress)
    {
        var later = Today.AddDays(21); // nothing of such an IRP is due while the clock stays within these scenarios
        progress.WriteLine("  warming up: one IRP created and planned");
        var warmUp = await app.CreateIrpAsync(Prison(later, establishment: "HMP Warm-up"));
        await app.WaitUntilAsync("the warm-up IRP's orchestration to start", () => app.OrchestrationRunningAsync(warmUp));

        progress.WriteLine("  create");
        var before = app.Ledger.Snapshot();
        var created = await app.CreateIrpAsync(Prison(later, establishment: "HMP Created"));
        await app.WaitUntilAsync("the new IRP's orchestration to start", () => app.OrchestrationRunningAsync(created));
        report.Costs.Add(ScenarioCost.From("create one IRP",
            "POST /api/irps, then its orchestration's start: it is given its first pass (nothing due), so it only sets its timer and waits",
            app.Ledger.Snapshot().Since(before)));

        progress.WriteLine($"  one due email step: an IRP announced today, created {TimerLead.TotalSeconds:0} s before its letter is due");
        var request = Prison(Today, liaisonOfficer: false, establishment: "HMP Announced");
        var announcementDue = Due(Step(await app.PreviewAsync(request), "announcement"));
        await app.MoveClockAsync(announcementDue - TimerLead);
        var announced = await app.CreateIrpAsync(request);
        await app.WaitUntilAsync("its orchestration to start", () => app.OrchestrationRunningAsync(announced));
        if (await StepStatusAsync(app, announced, "announcement") != "pending")
            throw new InvalidOperationException("The announcement ran before its measurement began; start it further ahead (TimerLead).");
        before = app.Ledger.Snapshot();
        await app.WaitUntilAsync("the announcement letter", async () => await StepStatusAsync(app, announced, "announcement") == "done");
        report.Costs.Add(ScenarioCost.From("one due email step (announcement)",
            "its timer fires; the pass runs the step's activity (letter to the outbox, step recorded), which answers with the next pass; it waits",
            app.Ledger.Snapshot().Since(before)));

        // Past the documents request, the IRP's next step is a documents reminder, whose date follows the visit's.
        progress.WriteLine("  coordinator events");
        await app.MoveClockAsync(Due(Step((await app.GetIrpAsync(announced))["timeline"]!.AsArray(), "documents-request")));
        await app.WaitUntilQuietAsync();
        await MeasureEventAsync(app, report, announced, "LiaisonOfficerAppointed",
            new { name = "Lee Liaison", email = "liaison.benchmark@justice.example" }, expectNextDueToMove: false);
        await MeasureEventAsync(app, report, announced, "VisitRescheduled",
            new { visitStart = Date(VisitStart(Today).AddDays(7)) }, expectNextDueToMove: true);
        await MeasureBurstAsync(app, report, announced, BurstSize);
    }

    private const int BurstSize = 50;

    // A burst of changes (50 commands, or sweeps, within a second): how many generations and requests the orchestration spends.
    private static async Task MeasureBurstAsync(BenchApp app, BenchReport report, string id, int size)
    {
        var start = await app.OrchestrationStateAsync(id)
            ?? throw new InvalidOperationException("The orchestration says nothing of what it waits for; the burst cannot be measured.");
        var before = app.Ledger.Snapshot();
        await app.RaiseChangesAsync(id, size);
        await app.WaitUntilQuietAsync();
        var tally = app.Ledger.Snapshot().Since(before);
        var end = await app.OrchestrationStateAsync(id);
        if (end is not { State: OrchestrationState.Waiting })
            throw new InvalidOperationException($"After the burst the orchestration is not waiting ({end?.State ?? "no status"}).");
        report.Costs.Add(ScenarioCost.From($"a burst of {size} changes",
            $"{size} InstanceChanged events raised at once (as the sweep raises them: plan afresh); the orchestration took them in "
            + $"{end.Generation - start.Generation} new generation(s)",
            tally));
    }

    private static async Task MeasureEventAsync(BenchApp app, BenchReport report, string id, string eventName, object body, bool expectNextDueToMove)
    {
        var header = await app.HeaderAsync(id);
        var before = app.Ledger.Snapshot();
        await app.RaiseAsync(id, eventName, body);
        await app.WaitUntilQuietAsync();
        var tally = app.Ledger.Snapshot().Since(before);
        var moved = (await app.HeaderAsync(id)).NextDue != header.NextDue;
        if (moved != expectNextDueToMove)
            throw new InvalidOperationException($"{eventName} {(moved ? "moved" : "did not move")} the next due time, which this measurement is not about.");
        report.Costs.Add(ScenarioCost.From($"one event: {eventName}",
            moved ? "moves the next due time: the log is appended, and the orchestration is told where the IRP now stands and waits anew"
                : "leaves the next due time alone: the log is appended, the orchestration is not told",
            tally));
    }

    private static async Task<string> StepStatusAsync(BenchApp app, string id, string stepId) =>
        Status(Step((await app.GetIrpAsync(id))["timeline"]!.AsArray(), stepId));
}
