using System.Diagnostics;
using IrpFlows.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Reliability;

/// <summary>
/// A deploy that changes <c>TaskHubName</c> (an incompatible orchestrator change is shipped that way): the log in Table
/// storage is the truth and the task hub only a cache of who waits for what, so IRPs in flight carry on from their logs in
/// the new, empty hub. Slow: the trait Category=Reliability, which CI runs.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TaskHubSwitchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IrpsPartWay_RestartedOnANewTaskHub_AllComplete_InTheNewHub_WithEveryEmailOnce()
    {
        var clock = Stopwatch.StartNew();
        var oldHub = IrpFlowsApp.StorageNames.Fresh();
        var ids = new List<string>();
        await using (var before = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, names: oldHub))
        {
            for (var i = 1; i <= 6; i++) ids.Add(await before.CreateIrpAsync(IrpRequests.ElmleyIn2023($"HMP Elmley {i}")));
            // Announced, documents requested (Monday 5 December 2022) and the first reminder gone: each orchestration then
            // sleeps in the old hub on a timer for its next reminder.
            await before.MoveClockAsync(new DateTimeOffset(2022, 12, 19, 10, 0, 0, TimeSpan.Zero));
            foreach (var id in ids) Assert.Equal("done", await before.StepStatusAsync(id, "documents-request"));
        }

        // The same tables and containers (the logs, the outbox, the development clock), a new hub.
        var newHub = oldHub with { TaskHub = TestStorage.UniqueTaskHubName() };
        await using var after = await IrpFlowsApp.StartAsync(names: newHub);
        var durable = after.Services.GetRequiredService<DurableTaskClient>();
        foreach (var id in ids) Assert.Null(await durable.GetInstanceAsync(id)); // the new hub knows nothing yet

        await after.RunAllToCompletionAsync(ids);

        foreach (var id in ids)
        {
            await EveryEmailOnce.AssertCompletedAsync(after, id);
            Assert.NotNull(await durable.GetInstanceAsync(id)); // it ran on in the new hub, started from its log
        }
        output.WriteLine($"{ids.Count} IRPs through a task hub switch in {clock.Elapsed.TotalSeconds:0} s.");
    }
}
