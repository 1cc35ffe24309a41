namespace IrpFlows.Workflow;

/// <summary>Where instances are logged and how a failing step is retried. Bound from the "Workflow" configuration section.</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>Table holding each instance's header and event log, one partition per instance.</summary>
    public string InstancesTable { get; set; } = "workflows";

    /// <summary>Table holding the instances' index (<see cref="WorkflowIndex"/>); by default the instances table's name + "index".</summary>
    public string? IndexTable { get; set; }

    internal string IndexTableName => string.IsNullOrEmpty(IndexTable) ? InstancesTable + "index" : IndexTable;

    /// <summary>Attempts at a step (the first included) before it is recorded failed and left for a coordinator to retry.</summary>
    public int MaxStepAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; each later wait is <see cref="RetryBackoffCoefficient"/> times the one before.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public double RetryBackoffCoefficient { get; set; } = 5;

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromHours(2);

    /// <exception cref="InvalidOperationException">A value no retry policy can use.</exception>
    public WorkflowOptions Validate()
    {
        if (MaxStepAttempts < 1) throw Invalid(nameof(MaxStepAttempts), "must be at least 1");
        if (FirstRetryInterval <= TimeSpan.Zero) throw Invalid(nameof(FirstRetryInterval), "must be positive");
        if (RetryBackoffCoefficient < 1) throw Invalid(nameof(RetryBackoffCoefficient), "must be at least 1");
        if (MaxRetryInterval < FirstRetryInterval) throw Invalid(nameof(MaxRetryInterval), $"must be at least {nameof(FirstRetryInterval)}");
        return this;
    }

    private static InvalidOperationException Invalid(string name, string rule) => new($"{SectionName}:{name} {rule}.");
}
