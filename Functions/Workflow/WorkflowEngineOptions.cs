namespace IrpFlows.Workflow;

/// <summary>How the engine stores instances and retries steps. Bound from the "Workflow" configuration section.</summary>
public sealed class WorkflowEngineOptions
{
    public const string SectionName = "Workflow";

    /// <summary>Table holding each instance's header and event log, one partition per instance.</summary>
    public string InstancesTable { get; set; } = "workflows";

    /// <summary>Table of wake-up hints ordered by due time, so a tick reads only what is due.</summary>
    public string ScheduleTable { get; set; } = "workflowschedule";

    /// <summary>How long a dispatcher owns an instance while it runs its due steps; after a crash another may take over then.</summary>
    public TimeSpan StepLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a step is reported failed and left for a coordinator to see.</summary>
    public int MaxStepAttempts { get; set; } = 5;

    /// <summary>Wait after the first, second, … failed attempt; the last value repeats.</summary>
    public TimeSpan[] RetryBackoff { get; set; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    internal TimeSpan BackoffAfter(int failedAttempts) =>
        RetryBackoff.Length == 0 ? TimeSpan.Zero : RetryBackoff[Math.Clamp(failedAttempts - 1, 0, RetryBackoff.Length - 1)];
}
