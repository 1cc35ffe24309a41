using IrpFlows.Storage;

namespace IrpFlows.Benchmarks;

/// <summary>Storage requests of creating an IRP, an idle tick, and ticks with k due steps, each on fresh storage.</summary>
internal static class CostScenarios
{
    public static async Task RunAsync(StorageAccount storage, BenchReport report, CancellationToken ct)
    {
        var world = await BenchWorld.CreateAsync(storage, BenchIrps.Start, ct);
        await world.StartIrpAsync(BenchIrps.Later, ct);
        world.ResetCounters();
        await world.StartIrpAsync(BenchIrps.Later, ct);
        report.Costs.Add(new CostRow("create one IRP (engine start)", world.EngineRequests.Count, world.OutboxRequests.Count, 0, "<= 3"));

        world.ResetCounters();
        var ran = await world.Engine.DispatchDueAsync(ct);
        Expect(ran, 0, "idle tick");
        report.Costs.Add(new CostRow("idle tick (2 IRPs, nothing due)", world.EngineRequests.Count, world.OutboxRequests.Count, 0, "1"));

        foreach (var k in new[] { 1, 10, 100 })
        {
            // Each IRP is announced today, so its announcement letter (an email to the outbox) is its one due step.
            var due = await BenchWorld.CreateAsync(storage, BenchIrps.Start, ct);
            for (var i = 0; i < k; i++) await due.StartIrpAsync(BenchIrps.Today, ct);
            due.ResetCounters();
            Expect(await due.Engine.DispatchDueAsync(ct), k, $"tick with {k} due steps");
            report.Costs.Add(new CostRow($"tick with k={k} due steps (announcement emails)", due.EngineRequests.Count, due.OutboxRequests.Count, k,
                "O(k): 1 + 2k"));
        }
    }

    /// <summary>A measurement of the wrong thing is worse than none: stop if the tick did not run what the scenario set up.</summary>
    public static void Expect(int ran, int expected, string scenario)
    {
        if (ran != expected)
            throw new InvalidOperationException($"The {scenario} ran {ran} steps instead of {expected}; its figures would be meaningless.");
    }
}
