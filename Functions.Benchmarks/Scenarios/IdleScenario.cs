using IrpFlows.Benchmarks.Counting;
using IrpFlows.Benchmarks.Hosting;

namespace IrpFlows.Benchmarks.Scenarios;

/// <summary>
/// What an app sends when nothing is due: Durable polling its queues and keeping its partition leases, and the sweep
/// timer's queries. Measured over whole real minutes, after a settling time in which the queue polling backs off to its
/// maximum interval.
/// </summary>
internal static class IdleScenario
{
    public static async Task<IdleRate> MeasureAsync(BenchApp app, DurableSettingsUsed settings, int activeIrps, int minutes, TextWriter progress)
    {
        var settle = TimeSpan.FromMinutes(1) + 2 * app.DurableSettings.MaxQueuePollingInterval;
        progress.WriteLine($"  {settings.App}: settling for {settle.TotalSeconds:0} s, then measuring {minutes} minute(s)");
        await Task.Delay(settle);
        var start = app.Ledger.Snapshot();
        var previous = start;
        var perMinute = new List<long>();
        for (var minute = 0; minute < minutes; minute++)
        {
            await Task.Delay(TimeSpan.FromMinutes(1));
            var now = app.Ledger.Snapshot();
            var sent = now.Since(previous);
            perMinute.Add(sent.Count(k => k.Category is RequestCategory.Polling or RequestCategory.Sweep));
            progress.WriteLine($"    minute {minute + 1}: {perMinute[^1]} requests");
            previous = now;
        }
        var idle = previous.Since(start);
        return new IdleRate(
            settings,
            activeIrps,
            minutes,
            (double)idle.Count(StorageOwner.Durable, RequestCategory.Polling) / minutes,
            (double)idle.Count(StorageOwner.App, RequestCategory.Sweep) / minutes,
            (double)idle.Count(StorageOwner.Durable, RequestCategory.Sweep) / minutes,
            idle.Count(k => k.IsWork || k.Category == RequestCategory.Unattributed),
            perMinute,
            OperationCount.Of(idle, k => k.Category is RequestCategory.Polling or RequestCategory.Sweep or RequestCategory.Unattributed));
    }
}
