using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using IrpFlows.Benchmarks;
using IrpFlows.Hosting.Azurite;
using IrpFlows.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// `-- --bdn [BenchmarkDotNet options]` runs the in-memory hot-path benchmarks; anything else is the storage benchmark.
if (args.Length > 0 && args[0] == "--bdn")
{
    BenchmarkSwitcher.FromTypes([typeof(HotPathBenchmarks)]).Run(args[1..]);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var ct = CancellationToken.None;
var report = new BenchReport
{
    Machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; Azurite in memory",
    RunAt = DateTimeOffset.UtcNow,
};
Console.WriteLine($"IrpFlows storage benchmark: {report.Machine}");
Console.WriteLine("Starting Azurite (in memory, free ports)…");
await using (var azurite = await AzuriteLauncher.StartAsync(
    new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, NullLogger.Instance, ct))
{
    var storage = StorageAccount.FromConnectionString(azurite.ConnectionString);
    Console.WriteLine("Measuring storage requests…");
    await CostScenarios.RunAsync(storage, report, ct);
    Console.WriteLine("Running one prison IRP from creation to the end of its timeline…");
    await LifecycleScenario.RunAsync(storage, report, ct);
    foreach (var size in options.ActiveIrps)
    {
        Console.WriteLine($"Latency with {size:N0} active IRPs: seeding…");
        await LatencyScenario.RunAsync(storage, size, options.Samples, report, Console.Out, ct);
    }
}

if (report.LifecycleSummary is { FailedSteps.Count: > 0 } summary)
{
    report.Notes.Add($"The lifecycle did not reach {nameof(IrpFlows.Workflow.RuntimeStatus.Completed)}: these steps failed after every retry: " +
        $"{string.Join("; ", summary.FailedSteps)}. The totals cover every step that ran, their failed attempts included.");
}
Print(report, Console.Out);
var path = Path.GetFullPath(options.OutputPath);
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct);
Console.WriteLine();
Console.WriteLine($"Results written to {path}");
return 0;

static void Print(BenchReport report, TextWriter w)
{
    static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    TextTable.Print(w, "Storage requests (engine = workflow tables; activity = outbox blob + table)",
        ["measure", "engine", "activity", "total", "engine/step", "target (engine)"],
        report.Costs.Select(c => (IReadOnlyList<string>)[c.Measure, N(c.Engine), N(c.Activity), N(c.Total),
            c.EnginePerStep is { } per ? N(per) : "-", c.Target]).ToList());

    TextTable.Print(w, "Full lifecycle of one prison IRP: every tick that ran a step, and every event recorded",
        ["when (UTC)", "what", "engine", "activity"],
        report.Lifecycle.Select(r => (IReadOnlyList<string>)[r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.What, N(r.Engine), N(r.Activity)]).ToList());
    if (report.LifecycleSummary is { } s)
    {
        var engine = s.CreateRequests + s.EventRequests + s.StepTickEngineRequests + s.IdleTickRequests;
        TextTable.Print(w, $"Lifecycle totals (final status {s.FinalStatus}; {s.StepsCompleted} steps done, {s.FailedAttempts} failed attempts)",
            ["part", "count", "requests", "per item"],
            [
                ["create", "1", N(s.CreateRequests), N(s.CreateRequests)],
                ["coordinator events", N(s.EventsRecorded), N(s.EventRequests), N(s.EventsRecorded == 0 ? 0 : (double)s.EventRequests / s.EventsRecorded)],
                ["ticks that ran steps: engine", N(s.StepTicks), N(s.StepTickEngineRequests), N((double)s.StepTickEngineRequests / s.StepTicks)],
                ["ticks that ran steps: activity", N(s.StepTicks), N(s.StepTickActivityRequests), N((double)s.StepTickActivityRequests / s.StepTicks)],
                ["idle ticks (one a day)", N(s.IdleTicks), N(s.IdleTickRequests), N(s.IdleTicks == 0 ? 0 : (double)s.IdleTickRequests / s.IdleTicks)],
                ["all: engine", "-", N(engine), "-"],
                ["all: activity (outbox)", "-", N(s.StepTickActivityRequests), "-"],
                ["all", "-", N(s.Total), "-"],
                ["engine per completed step (failed attempts included, idle ticks not)", N(s.StepsCompleted),
                    N(s.StepTickEngineRequests), N((double)s.StepTickEngineRequests / s.StepsCompleted)],
            ]);
    }

    TextTable.Print(w, "Latency (ms, Stopwatch, after 20 warm-ups)",
        ["active IRPs", "operation", "samples", "p50", "p99", "mean", "requests/op"],
        report.Latency.Select(l => (IReadOnlyList<string>)[N(l.ActiveIrps), l.Operation, N(l.Samples), N(l.P50Ms), N(l.P99Ms), N(l.MeanMs), N(l.RequestsPerOp)]).ToList());
    TextTable.Print(w, "Seeding and memory of this process (Azurite's node process not included)",
        ["active IRPs", "seeding (s)", "managed heap (MB)", "working set (MB)"],
        report.Memory.Select(m => (IReadOnlyList<string>)[N(m.ActiveIrps), N(m.SeedSeconds), N(m.ManagedMb), N(m.WorkingSetMb)]).ToList());
    foreach (var note in report.Notes)
    {
        w.WriteLine();
        w.WriteLine("NOTE: " + note);
    }
}
