using System.Diagnostics;
using IrpFlows.Benchmarks.Counting;
using IrpFlows.Benchmarks.Hosting;
using static IrpFlows.Benchmarks.BenchIrps;

namespace IrpFlows.Benchmarks.Scenarios;

/// <summary>
/// What the operations a coordinator and the sweep repeat cost as the store grows: one app is filled to each size in
/// turn, and at each, every operation runs a few times, one at a time, on a quiet app. The first IRPs visit in 2027 and
/// every later one from 2028 on, so the programme's year 2027 shows the same IRPs at every size: what grows is only what
/// the store holds. The first thousand are created over HTTP, the rest stored directly (see <see cref="CreatedOverHttp"/>).
/// </summary>
internal static class GrowthScenario
{
    private const int Repeats = 20;
    private const int SweepRepeats = 10;
    private const int FillParallelism = 8;
    private const int ShownIn2027 = 100;
    // Beyond these, IRPs are stored without their orchestrations (BenchApp.StoreIrpAsync): their first steps are years
    // ahead, and what the measured operations read (the log, the index) is the same as for a create over HTTP.
    private const int CreatedOverHttp = 1_000;

    public static async Task RunAsync(BenchApp app, IReadOnlyList<int> sizes, BenchReport report, TextWriter progress)
    {
        var held = 0;
        foreach (var size in sizes.Order())
        {
            progress.WriteLine($"  filling to {size} IRPs");
            var fill = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(held, Math.Max(0, size - held)), new ParallelOptions { MaxDegreeOfParallelism = FillParallelism },
                async (i, _) =>
                {
                    var irp = Prison(Workable(app, Announcement(i)), establishment: $"HMP Growth {i}");
                    if (i < CreatedOverHttp) await app.CreateIrpAsync(irp);
                    else await app.StoreIrpAsync(irp);
                });
            held = Math.Max(held, size);
            await app.WaitUntilQuietAsync();
            progress.WriteLine($"    filled in {fill.Elapsed.TotalSeconds:0} s ({app.CreatesRetried} creates sent again after a 503 so far); measuring");

            var probe = 0;
            report.Growth.Add(await MeasureAsync(app, size, "create (POST /api/irps)", Repeats,
                () => app.CreateIrpAsync(Prison(Workable(app, Today.AddDays(700 + probe * 7)), establishment: $"HMP Probe {size}-{probe++}"))));
            await app.WaitUntilQuietAsync();
            report.Growth.Add(await MeasureAsync(app, size, "GET /api/irps?top=50", Repeats, () => app.GetAsync("/api/irps?top=50")));
            report.Growth.Add(await MeasureAsync(app, size, "GET /?year=2027 (programme)", Repeats, () => app.GetAsync("/?year=2027", signedIn: true)));
            report.Growth.Add(await MeasureAsync(app, size, "sweep, nothing due", SweepRepeats, app.SweepAsync));
        }
    }

    /// <summary>The first of the same weekday from <paramref name="announcement"/> on whose announcement and visit both fall on working days.</summary>
    public static DateOnly Workable(BenchApp app, DateOnly announcement)
    {
        while (!app.IsWorkingDay(announcement) || !app.IsWorkingDay(VisitStart(announcement))) announcement = announcement.AddDays(7);
        return announcement;
    }

    /// <summary>
    /// IRP <paramref name="i"/>'s announcement: the first ones spread over early 2027, the rest over 2028–2034, so that no
    /// later one reaches into 2027.
    /// </summary>
    private static DateOnly Announcement(int i) => i < ShownIn2027
        ? new DateOnly(2026, 11, 9).AddDays(7 * (i % 26))
        : new DateOnly(2028, 1, 3).AddDays(7 * ((i - ShownIn2027) % 340));

    private static async Task<GrowthMeasure> MeasureAsync(BenchApp app, int size, string operation, int repeats, Func<Task> run)
    {
        var times = new List<double>();
        var before = app.Ledger.Snapshot();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using (RequestOrigins.Enter(RequestOrigin.Command)) await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        // The operation's own requests (the coordinator's, or the sweep's); not the orchestration work a create causes afterwards.
        var requests = app.Ledger.Snapshot().Since(before).Count(k => k.Category == RequestCategory.Command);
        times.Sort();
        return new GrowthMeasure(operation, size, Percentile(times, 0.5), Percentile(times, 0.99), (double)requests / repeats);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}

/// <summary>
/// How long the development clock takes to run <paramref name="Due"/> announcement letters that fall due at one moment,
/// on an app holding only them: from the clock call until it answered (it answers once every step due by then has run).
/// </summary>
internal sealed record ClockMeasure(int Due, double Seconds, int LettersSent)
{
    public double LettersPerSecond => LettersSent / Seconds;
}

/// <summary>One operation at one store size: latency percentiles and the storage requests each made.</summary>
internal sealed record GrowthMeasure(string Operation, int Size, double P50Ms, double P99Ms, double RequestsPerOperation);

/// <summary>The development clock moving over many letters due at once.</summary>
internal static class ClockScenario
{
    public static async Task<ClockMeasure> RunAsync(BenchApp app, int due, TextWriter progress)
    {
        var announcement = GrowthScenario.Workable(app, Today.AddDays(14));
        progress.WriteLine($"  {due} IRPs announced on {Date(announcement)}");
        await Parallel.ForEachAsync(Enumerable.Range(0, due), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await app.CreateIrpAsync(Prison(announcement, establishment: $"HMP Clock {due}-{i}")));
        await app.WaitUntilQuietAsync();
        progress.WriteLine($"    created ({app.CreatesRetried} creates sent again after a 503)");
        var letterDue = Due(Step(await app.PreviewAsync(Prison(announcement, establishment: "HMP Preview")), "announcement"));
        var watch = Stopwatch.StartNew();
        await app.MoveClockAsync(letterDue.AddMinutes(1));
        var seconds = watch.Elapsed.TotalSeconds;
        var sent = await app.OutboxCountAsync("announcement");
        if (sent != due) throw new InvalidOperationException($"{sent} announcement letters in the outbox, not {due}: the clock answered before they ran.");
        progress.WriteLine($"    {sent} letters in {seconds:0.0} s");
        return new ClockMeasure(due, seconds, sent);
    }
}
