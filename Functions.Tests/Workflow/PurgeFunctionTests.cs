using System.Net;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// The daily purge of finished Durable instances, on the local host and Azurite: it empties the task hub of what has
/// finished long enough ago, never touches a running orchestration or a young one, and leaves the IRP's log (the record).
/// </summary>
public sealed class PurgeFunctionTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AFinishedInstanceOlderThanTheRetention_IsPurged_WhileARunningOneAndAYoungFinishedOne_AreKept_AndTheLogStays()
    {
        var log = new CapturedLog();
        await using var app = await IrpFlowsApp.StartAsync(
            settings: new Dictionary<string, string> { ["Workflow:PurgeFinishedInstancesAfter"] = Retention.ToString("c") },
            services: s => s.AddSingleton<ILoggerProvider>(log));
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var oldFinished = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Elmley"));
        var running = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Hull"));
        await FinishAsync(durable, oldFinished);
        await WaitForStatusAsync(durable, running, OrchestrationRuntimeStatus.Running);

        await Task.Delay(Retention + TimeSpan.FromSeconds(1));
        var youngFinished = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Lewes"));
        await FinishAsync(durable, youngFinished);

        // The purge runs as of half a second before the young one was started plus the retention: the old one, started over
        // a retention earlier, is past it, the young one is not, however long a busy machine took to get here.
        var oldStarted = (await durable.GetInstanceAsync(oldFinished))!.CreatedAt;
        var youngStarted = (await durable.GetInstanceAsync(youngFinished))!.CreatedAt;
        Assert.True(youngStarted - oldStarted > Retention, $"The young instance started {youngStarted - oldStarted} after the old one.");
        var purge = ActivatorUtilities.CreateInstance<PurgeFunction>(app.Services);
        await purge.PurgeAsync(durable, youngStarted + Retention - TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Null(await durable.GetInstanceAsync(oldFinished));
        Assert.Null(await durable.GetInstanceAsync("never-started")); // read as absent too, as the purged one is
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await durable.GetInstanceAsync(running))?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await durable.GetInstanceAsync(youngFinished))?.RuntimeStatus);
        Assert.Contains(log.At(LogLevel.Information), line => line.Contains("Purged the Durable history of 1 finished orchestration(s)", StringComparison.Ordinal));
        // The log in Table storage is the record: the purged IRP still reads as it stood.
        using var read = await app.Coordinator.GetAsync($"/api/irps/{oldFinished}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public void TheRetention_DefaultsToThirtyDays_AndRefusesZero()
    {
        var none = new ConfigurationBuilder().Build();
        Assert.Equal(TimeSpan.FromDays(30), FinishedInstancePurgeOptions.FromConfiguration(none).PurgeFinishedInstancesAfter);

        var zero = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Workflow:PurgeFinishedInstancesAfter"] = "00:00:00" }).Build();
        var refusal = Assert.Throws<InvalidOperationException>(() => FinishedInstancePurgeOptions.FromConfiguration(zero));
        Assert.Contains("Workflow:PurgeFinishedInstancesAfter", refusal.Message);
    }

    /// <summary>Ends the IRP's orchestration the way an operator's terminate does (its log is untouched).</summary>
    private static async Task FinishAsync(DurableTaskClient durable, string id)
    {
        await WaitForStatusAsync(durable, id, OrchestrationRuntimeStatus.Running);
        await durable.TerminateInstanceAsync(id);
        await WaitForStatusAsync(durable, id, OrchestrationRuntimeStatus.Terminated);
    }

    private static async Task WaitForStatusAsync(DurableTaskClient durable, string id, OrchestrationRuntimeStatus status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        OrchestrationRuntimeStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await durable.GetInstanceAsync(id))?.RuntimeStatus;
            if (last == status) return;
            await Task.Delay(100);
        }
        Assert.Fail($"Orchestration {id} is {last?.ToString() ?? "absent"}, not {status}.");
    }
}
