using System.Diagnostics;
using IrpFlows.Storage;

namespace IrpFlows.Benchmarks;

/// <summary>
/// Latency of create, an idle tick and a tick with one due step, with a given number of active IRPs already stored.
/// Seeded IRPs are announced three weeks ahead, so none of them is due while the clock stands still.
/// </summary>
internal static class LatencyScenario
{
    private const int SeedParallelism = 32;
    private const int WarmUps = 20;

    public static async Task RunAsync(StorageAccount storage, int activeIrps, int samples, BenchReport report, TextWriter progress, CancellationToken ct)
    {
        var world = await BenchWorld.CreateAsync(storage, BenchIrps.Start, ct);
        var seeding = Stopwatch.StartNew();
        var seeded = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, activeIrps), new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = ct },
            async (_, token) =>
            {
                await world.StartIrpAsync(BenchIrps.Later, token);
                var done = Interlocked.Increment(ref seeded);
                if (done % 1000 == 0 || done == activeIrps)
                    progress.WriteLine($"  seeded {done:N0}/{activeIrps:N0} IRPs ({seeding.Elapsed.TotalSeconds:F0} s)");
            });
        seeding.Stop();

        report.Memory.Add(new MemoryRow(activeIrps, seeding.Elapsed.TotalSeconds,
            GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0, Environment.WorkingSet / 1024.0 / 1024.0));

        report.Latency.Add(await MeasureAsync(world, activeIrps, "create", samples, null,
            () => world.StartIrpAsync(BenchIrps.Later, ct)));
        report.Latency.Add(await MeasureAsync(world, activeIrps, "tick, nothing due", samples, null, async () =>
            CostScenarios.Expect(await world.Engine.DispatchDueAsync(ct), 0, "idle tick")));
        // Before each timed tick, an IRP announced today is created (untimed): its announcement letter is the one due step.
        report.Latency.Add(await MeasureAsync(world, activeIrps, "tick, 1 due step (email)", samples,
            () => world.StartIrpAsync(BenchIrps.Today, ct),
            async () => CostScenarios.Expect(await world.Engine.DispatchDueAsync(ct), 1, "tick with one due step")));
    }

    private static async Task<LatencyRow> MeasureAsync(
        BenchWorld world, int activeIrps, string operation, int samples, Func<Task>? prepare, Func<Task> measured)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            if (prepare is not null) await prepare();
            await measured();
        }
        var timings = new double[samples];
        long requests = 0;
        for (var i = 0; i < samples; i++)
        {
            if (prepare is not null) await prepare();
            world.ResetCounters();
            var watch = Stopwatch.StartNew();
            await measured();
            timings[i] = watch.Elapsed.TotalMilliseconds;
            requests += world.TotalRequests;
        }
        Array.Sort(timings);
        return new LatencyRow(activeIrps, operation, samples, Percentile(timings, 0.50), Percentile(timings, 0.99), timings.Average(),
            (double)requests / samples);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
