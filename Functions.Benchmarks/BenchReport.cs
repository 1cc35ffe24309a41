using DurableTask.AzureStorage;
using IrpFlows.Benchmarks.Counting;

namespace IrpFlows.Benchmarks;

/// <summary>Requests of one kind in a measurement.</summary>
internal sealed record OperationCount(StorageOwner Owner, RequestCategory Category, string Operation, long Count)
{
    public static IReadOnlyList<OperationCount> Of(RequestTally tally, Func<RequestKey, bool> which) =>
        tally.Operations(which).Select(o => new OperationCount(o.Key.Owner, o.Key.Category, o.Key.Operation, o.Count)).ToList();
}

/// <summary>
/// The work one operation cost, from the command until the app was quiet again: the command's own requests and the
/// orchestration work it caused, on the app's clients and on Durable's. Polling and the sweep in the meantime are not work.
/// </summary>
internal sealed record ScenarioCost(
    string Measure, string Detail, long AppCommand, long AppOrchestration, long DurableCommand, long DurableOrchestration,
    IReadOnlyList<OperationCount> Operations)
{
    public long App => AppCommand + AppOrchestration;
    public long Durable => DurableCommand + DurableOrchestration;
    public long Total => App + Durable;

    public static ScenarioCost From(string measure, string detail, RequestTally tally) => new(
        measure, detail,
        tally.Count(StorageOwner.App, RequestCategory.Command), tally.Count(StorageOwner.App, RequestCategory.Orchestration),
        tally.Count(StorageOwner.Durable, RequestCategory.Command), tally.Count(StorageOwner.Durable, RequestCategory.Orchestration),
        OperationCount.Of(tally, k => k.IsWork));
}

/// <summary>The Durable backend's settings an app ran with: what decides its polling.</summary>
internal sealed record DurableSettingsUsed(
    string App, int PartitionCount, TimeSpan MaxQueuePollingInterval, bool TablePartitionManagement, TimeSpan LeaseRenewInterval, TimeSpan LeaseAcquireInterval)
{
    public static DurableSettingsUsed Of(string app, AzureStorageOrchestrationServiceSettings s) =>
        new(app, s.PartitionCount, s.MaxQueuePollingInterval, s.UseTablePartitionManagement, s.LeaseRenewInterval, s.LeaseAcquireInterval);
}

/// <summary>What an app with nothing to do sent, per minute, once its polling had backed off.</summary>
internal sealed record IdleRate(
    DurableSettingsUsed Settings, int ActiveIrps, double Minutes, double DurablePollingPerMinute, double AppSweepPerMinute,
    double DurableSweepPerMinute, long WorkWhileIdle, IReadOnlyList<long> PerMinute, IReadOnlyList<OperationCount> Operations)
{
    public double TotalPerMinute => DurablePollingPerMinute + AppSweepPerMinute + DurableSweepPerMinute;
    public double PerDay => TotalPerMinute * 60 * 24;
}

/// <summary>One action of the whole-IRP run and the work it caused until the app was quiet again.</summary>
internal sealed record LifecycleAction(DateTimeOffset At, string What, string StepsRun, long App, long Durable);

/// <summary>The whole prison IRP from create to Completed.</summary>
internal sealed record LifecycleSummary(
    string FinalStatus, int StepsDone, int StepsSkipped, int StepsFailed, int Emails,
    ScenarioCost Create, ScenarioCost Events, ScenarioCost WakeUps, int EventCount, int WakeUpCount,
    double RealMinutes, long DurablePolling, long Sweep, long Driver, long Unattributed, int LongTimerChunks,
    IReadOnlyList<OperationCount> Operations)
{
    public long Work => Create.Total + Events.Total + WakeUps.Total;
}

/// <summary>Everything one run measured, printed as tables and written as JSON.</summary>
internal sealed class BenchReport
{
    public List<Scenarios.GrowthMeasure> Growth { get; } = [];

    public List<Scenarios.ClockMeasure> Clock { get; } = [];

    public required string Machine { get; init; }
    public required DateTimeOffset RunAt { get; init; }
    public List<DurableSettingsUsed> Apps { get; } = [];
    public List<ScenarioCost> Costs { get; } = [];
    public List<IdleRate> Idle { get; } = [];
    public List<LifecycleAction> Lifecycle { get; } = [];
    public LifecycleSummary? LifecycleSummary { get; set; }
    public List<string> Notes { get; } = [];
}
