using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Running;
using IrpFlows.Azurite;
using IrpFlows.Benchmarks;
using IrpFlows.Benchmarks.Hosting;
using IrpFlows.Benchmarks.Scenarios;
using Microsoft.Extensions.Logging.Abstractions;

// `-- --bdn [BenchmarkDotNet options]` runs the in-memory hot-path benchmarks; anything else is the storage benchmark.
if (args.Length > 0 && args[0] == "--bdn")
{
    BenchmarkSwitcher.FromTypes([typeof(HotPathBenchmarks), typeof(ProgrammePageBenchmarks)]).Run(args[1..]);
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

var report = new BenchReport
{
    Machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; Azurite in memory",
    RunAt = DateTimeOffset.UtcNow,
};
var progress = Console.Out;
await using var trace = options.TracePath is null ? null : TextWriter.Synchronized(new StreamWriter(options.TracePath));
progress.WriteLine($"IrpFlows storage benchmark: {report.Machine}");
progress.WriteLine("Starting Azurite (in memory, free ports)…");
await using (var azurite = await AzuriteLauncher.StartAsync(
    new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, NullLogger.Instance, CancellationToken.None))
{
    var storage = azurite.ConnectionString;
    if (options.Scenarios.Contains(BenchScenario.Cost) || options.Scenarios.Contains(BenchScenario.Idle))
    {
        await using var app = await BenchApp.StartAsync(storage, DurableSettingsSource.Local, BenchIrps.ClockStart, trace);
        var settings = DurableSettingsUsed.Of("local (host.json + local.settings)", app.DurableSettings);
        report.Apps.Add(settings);
        trace?.WriteLine($"# app: {settings.App}");
        var waiting = 0;
        if (options.Scenarios.Contains(BenchScenario.Cost))
        {
            progress.WriteLine("Single operations, one at a time:");
            await CostScenarios.RunAsync(app, report, progress);
            waiting = 3;
        }
        if (options.Scenarios.Contains(BenchScenario.Idle))
        {
            progress.WriteLine($"Idle, {waiting} IRP(s) waiting:");
            report.Idle.Add(await IdleScenario.MeasureAsync(app, settings, waiting, options.IdleMinutes, progress));
        }
    }
    if (options.Scenarios.Contains(BenchScenario.Idle))
    {
        await using var app = await BenchApp.StartAsync(storage, DurableSettingsSource.HostJson, BenchIrps.ClockStart, trace);
        var settings = DurableSettingsUsed.Of("Azure (host.json alone)", app.DurableSettings);
        report.Apps.Add(settings);
        trace?.WriteLine($"# app: {settings.App}");
        progress.WriteLine("Idle, no IRP:");
        report.Idle.Add(await IdleScenario.MeasureAsync(app, settings, 0, options.IdleMinutes, progress));
    }
    if (options.Scenarios.Contains(BenchScenario.Growth))
    {
        await using var app = await BenchApp.StartAsync(storage, DurableSettingsSource.Local, BenchIrps.ClockStart, trace);
        report.Apps.Add(DurableSettingsUsed.Of("local, growth", app.DurableSettings));
        progress.WriteLine("Growth: the same operations as the store grows:");
        await GrowthScenario.RunAsync(app, options.GrowthSizes, report, progress);
    }
    foreach (var due in options.Scenarios.Contains(BenchScenario.Clock) ? options.ClockSizes : [])
    {
        await using var app = await BenchApp.StartAsync(storage, DurableSettingsSource.Local, BenchIrps.ClockStart, trace);
        report.Apps.Add(DurableSettingsUsed.Of($"local, clock over {due} letters", app.DurableSettings));
        progress.WriteLine($"The development clock over {due} letters due at once:");
        report.Clock.Add(await ClockScenario.RunAsync(app, due, progress));
    }
    if (options.Scenarios.Contains(BenchScenario.Lifecycle))
    {
        await using var app = await BenchApp.StartAsync(storage, DurableSettingsSource.Local, BenchIrps.ClockStart, trace);
        report.Apps.Add(DurableSettingsUsed.Of("local, whole IRP", app.DurableSettings));
        trace?.WriteLine("# app: local, whole IRP");
        progress.WriteLine("One prison IRP from create to Completed:");
        await LifecycleScenario.RunAsync(app, report, progress);
    }
}

if (report.LifecycleSummary is { Unattributed: > 0 } lifecycle)
    report.Notes.Add($"{lifecycle.Unattributed} requests of the whole-IRP run came from threads without an origin; they are in no category above.");
foreach (var idle in report.Idle.Where(i => i.WorkWhileIdle > 0))
    report.Notes.Add($"{idle.Settings.App}: {idle.WorkWhileIdle} requests of work (or without an origin) ran while idle; they are not in its idle rate.");
Print(report, Console.Out);
var path = Path.GetFullPath(options.OutputPath);
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, json));
Console.WriteLine();
Console.WriteLine($"Results written to {path}");
return 0;

static void Print(BenchReport report, TextWriter w)
{
    static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    static IReadOnlyList<IReadOnlyList<string>> Operations(IEnumerable<OperationCount> operations, double per = 1) =>
        operations.Select(o => (IReadOnlyList<string>)[o.Owner.ToString(), o.Category.ToString(), o.Operation, N(o.Count / per)]).ToList();

    TextTable.Print(w, "Durable backend settings of each app",
        ["app", "partitions", "max queue polling", "partition manager", "lease renew", "lease acquire"],
        report.Apps.Select(a => (IReadOnlyList<string>)[a.App, N(a.PartitionCount), a.MaxQueuePollingInterval.ToString(),
            a.TablePartitionManagement ? "table" : "blob leases", a.LeaseRenewInterval.ToString(), a.LeaseAcquireInterval.ToString()]).ToList());

    if (report.Costs.Count > 0)
    {
        TextTable.Print(w, "Storage requests of single operations (work only: polling and sweeps meanwhile excluded)",
            ["measure", "app: command", "app: orchestration", "Durable: command", "Durable: orchestration", "total"],
            report.Costs.Select(c => (IReadOnlyList<string>)[c.Measure, N(c.AppCommand), N(c.AppOrchestration), N(c.DurableCommand),
                N(c.DurableOrchestration), N(c.Total)]).ToList());
        foreach (var cost in report.Costs)
            TextTable.Print(w, $"{cost.Measure}: {cost.Detail}", ["owner", "category", "operation", "requests"], Operations(cost.Operations));
    }

    foreach (var idle in report.Idle)
    {
        TextTable.Print(w, $"Idle: {idle.Settings.App}, {idle.ActiveIrps} IRP(s) waiting, {N(idle.Minutes)} minute(s) measured (requests per minute)",
            ["owner", "category", "operation", "per minute"], Operations(idle.Operations, idle.Minutes));
    }
    if (report.Idle.Count > 0)
    {
        TextTable.Print(w, "Idle requests per minute and per day, for one worker",
            ["settings", "Durable polling", "sweep: app", "sweep: Durable", "total", "per day", "each minute"],
            report.Idle.Select(i => (IReadOnlyList<string>)[i.Settings.App, N(i.DurablePollingPerMinute), N(i.AppSweepPerMinute),
                N(i.DurableSweepPerMinute), N(i.TotalPerMinute), N(i.PerDay), string.Join(" ", i.PerMinute)]).ToList());
    }

    if (report.Growth.Count > 0)
    {
        var smallest = report.Growth.Min(g => g.Size);
        TextTable.Print(w, "Growth: each operation at each store size (one at a time, on a quiet app)",
            ["operation", "IRPs stored", "p50 ms", "p99 ms", "storage requests each", $"p50 ÷ p50 at {smallest}"],
            report.Growth.OrderBy(g => g.Operation, StringComparer.Ordinal).ThenBy(g => g.Size).Select(g => (IReadOnlyList<string>)[g.Operation, N(g.Size),
                N(g.P50Ms), N(g.P99Ms), N(g.RequestsPerOperation),
                (g.P50Ms / report.Growth.Single(b => b.Operation == g.Operation && b.Size == smallest).P50Ms).ToString("0.00", CultureInfo.InvariantCulture)]).ToList());
    }
    if (report.Clock.Count > 0)
    {
        TextTable.Print(w, "The development clock over letters due at once", ["letters due", "seconds until it answered", "letters sent", "letters a second"],
            report.Clock.Select(c => (IReadOnlyList<string>)[N(c.Due), N(c.Seconds), N(c.LettersSent), N(c.LettersPerSecond)]).ToList());
    }

    if (report.LifecycleSummary is { } s)
    {
        TextTable.Print(w, "Whole prison IRP: each action and the work it caused", ["when (UTC)", "action", "steps run", "app", "Durable"],
            report.Lifecycle.Select(a => (IReadOnlyList<string>)[a.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), a.What,
                a.StepsRun, N(a.App), N(a.Durable)]).ToList());
        TextTable.Print(w, $"Whole prison IRP: {s.FinalStatus}, {s.StepsDone} steps done, {s.StepsSkipped} skipped, {s.StepsFailed} failed, {s.Emails} emails",
            ["part", "count", "app", "Durable", "total"],
            [
                ["create", "1", N(s.Create.App), N(s.Create.Durable), N(s.Create.Total)],
                ["coordinator events (and the passes they cause)", N(s.EventCount), N(s.Events.App), N(s.Events.Durable), N(s.Events.Total)],
                ["clock wake-ups (passes that run due steps)", N(s.WakeUpCount), N(s.WakeUps.App), N(s.WakeUps.Durable), N(s.WakeUps.Total)],
                ["work", "-", N(s.Create.App + s.Events.App + s.WakeUps.App), N(s.Create.Durable + s.Events.Durable + s.WakeUps.Durable), N(s.Work)],
                [$"idle meanwhile ({N(s.RealMinutes)} real minutes): Durable polling", "-", "-", N(s.DurablePolling), N(s.DurablePolling)],
                ["idle meanwhile: sweeps", "-", "-", "-", N(s.Sweep)],
                ["the benchmark's driving (clock, reads): not counted", "-", "-", "-", N(s.Driver)],
                ["timer chunks Azure would add (waits over 3 days, in real time)", N(s.LongTimerChunks), "-", "-", "-"],
            ]);
        TextTable.Print(w, "Whole prison IRP: work by operation", ["owner", "category", "operation", "requests"], Operations(s.Operations));
    }
    foreach (var note in report.Notes)
    {
        w.WriteLine();
        w.WriteLine("NOTE: " + note);
    }
}
