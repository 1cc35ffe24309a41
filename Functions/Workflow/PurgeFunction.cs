using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Workflow;

/// <summary>How long a finished orchestration's Durable history is kept. Bound from the "Workflow" configuration section.</summary>
public sealed class FinishedInstancePurgeOptions
{
    /// <summary>
    /// Completed, failed and terminated orchestrations whose last generation started longer ago than this are purged from
    /// the task hub. Nothing is lost: the instance's log in Table storage is the record people read, and a failed instance
    /// with a step still due is started again by the sweep from that log.
    /// </summary>
    public TimeSpan PurgeFinishedInstancesAfter { get; set; } = TimeSpan.FromDays(30);

    public static FinishedInstancePurgeOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new FinishedInstancePurgeOptions();
        configuration.GetSection(WorkflowOptions.SectionName).Bind(options);
        if (options.PurgeFinishedInstancesAfter <= TimeSpan.Zero)
            throw new InvalidOperationException($"{WorkflowOptions.SectionName}:{nameof(PurgeFinishedInstancesAfter)} must be positive.");
        return options;
    }
}

/// <summary>
/// Every day at 03:30: purges the Durable history of finished orchestrations older than
/// <see cref="FinishedInstancePurgeOptions.PurgeFinishedInstancesAfter"/>. Each pass of an instance continues as new, so a
/// history is small, but the task hub's Instances and History tables would otherwise keep one row set per instance for
/// ever, and every query of them (Durable's own tools, the sweep's status reads) would grow with the years.
/// </summary>
public sealed partial class PurgeFunction(FinishedInstancePurgeOptions options, ILogger<PurgeFunction> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    [Function(nameof(PurgeFinishedInstances))]
    public Task PurgeFinishedInstances([TimerTrigger("0 30 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        // Durable stamps created times on the system clock, not the business (development) clock.
        PurgeAsync(durable, TimeProvider.System.GetUtcNow(), ct);

    /// <summary>Purges what finished and was started more than the retention before <paramref name="now"/> (system time).</summary>
    internal async Task PurgeAsync(DurableTaskClient durable, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - options.PurgeFinishedInstancesAfter;
        var result = await durable.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: before, Statuses: Finished), ct);
        Log.Purged(logger, result.PurgedInstanceCount, before);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Purged the Durable history of {Count} finished orchestration(s) started before {Before:O}")]
        public static partial void Purged(ILogger logger, int count, DateTimeOffset before);
    }
}
