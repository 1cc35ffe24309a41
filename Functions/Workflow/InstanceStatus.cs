using System.Text.Json.Nodes;

namespace IrpFlows.Workflow;

/// <summary>Where one step stands: pending, done, failed (attempts exhausted; a coordinator may retry it) or skipped (will not happen).</summary>
public enum StepStatus { Pending, Done, Failed, Skipped }

/// <summary>One step's state, read from the plan and the log's step events.</summary>
/// <param name="Attempts">Attempts used by the standing failure, or failed so far by a pending step being retried (else 0).</param>
/// <param name="LastError">The error of the standing failure or of the last failed attempt, shown to the coordinator.</param>
public sealed record StepState(
    string Id,
    StepStatus Status,
    StepReadiness Readiness,
    DateTimeOffset Due,
    DateTimeOffset? CompletedAt,
    int Attempts,
    string? LastError,
    JsonObject? Result)
{
    /// <summary>Why a skipped step will not happen: its window closed before it ran, or the kind's reason; null when not given.</summary>
    public string? SkippedReason { get; init; }

    /// <summary>The end of the step's window (see <see cref="PlannedWork.NotAfter"/>).</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>When a pending step whose last attempt failed is tried again; null when no attempt has failed.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>When the engine runs the step: its due time, or its next attempt's when that is later.</summary>
    public DateTimeOffset RunsAt => RetryAt is { } retry && retry > Due ? retry : Due;
}

/// <summary>
/// An instance evaluated from its log: the plan the log implies, each step's state, the runtime status and the next due
/// time. Pure: a function of the log alone (it does not read the clock).
/// </summary>
public sealed class InstanceStatus
{
    private InstanceStatus(WorkflowInstance instance, WorkflowPlan plan, IReadOnlyList<StepState> steps, RuntimeStatus runtimeStatus)
    {
        Instance = instance;
        Plan = plan;
        Steps = steps;
        RuntimeStatus = runtimeStatus;
        NextDue = Runnable.Select(s => (DateTimeOffset?)s.RunsAt).Min();
    }

    public WorkflowInstance Instance { get; }
    public WorkflowPlan Plan { get; }
    public IReadOnlyList<StepState> Steps { get; }
    public RuntimeStatus RuntimeStatus { get; }

    /// <summary>
    /// The earliest moment a step will run (a step being retried, at its next attempt), or null when nothing is scheduled
    /// (waiting for an event, failed, or finished).
    /// </summary>
    public DateTimeOffset? NextDue { get; }

    /// <summary>Nothing will ever run again: every step is done or skipped (a failed step may still be retried).</summary>
    public bool IsFinished => Steps.All(s => s.Status is StepStatus.Done or StepStatus.Skipped);

    public StepState? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>Ids of the steps to run at <paramref name="now"/>, in plan order.</summary>
    public IReadOnlyList<string> DueSteps(DateTimeOffset now) => Runnable.Where(s => s.RunsAt <= now).Select(s => s.Id).ToList();

    /// <summary>The number of entries in the log this status was evaluated from: it only grows, so it orders what was known when.</summary>
    public long Version => Instance.Events.Count;

    /// <summary>True when <paramref name="stepId"/> is due at <paramref name="now"/> but its window has closed: it is to be recorded skipped.</summary>
    public bool IsPastWindow(string stepId, DateTimeOffset now) => IsDue(stepId, now) && Step(stepId)!.NotAfter <= now;

    /// <summary>True when <paramref name="stepId"/> is pending, ready and due at <paramref name="now"/>.</summary>
    public bool IsDue(string stepId, DateTimeOffset now) => Step(stepId) is { Status: StepStatus.Pending, Readiness: StepReadiness.Ready } s && s.RunsAt <= now;

    private IEnumerable<StepState> Runnable => Steps.Where(s => s.Status == StepStatus.Pending && s.Readiness == StepReadiness.Ready);

    /// <summary>The status <paramref name="plan"/> of <paramref name="instance"/>'s log implies, with the engine's own steps (<see cref="FailureNotices"/>) added.</summary>
    internal static InstanceStatus Evaluate(WorkflowInstance instance, WorkflowPlan plan)
    {
        plan = plan with { Steps = [.. plan.Steps, .. FailureNotices.Plan(instance)] };
        var completed = StepHistory.Completed(instance);
        var late = StepHistory.Skipped(instance);
        var steps = plan.Steps.Select(work =>
        {
            if (completed.TryGetValue(work.Id, out var done))
                return new StepState(work.Id, StepStatus.Done, work.Readiness, work.Due, done.RecordedAt, 0, null, done.Data["result"] as JsonObject);
            // Skipped for good once recorded: moving the dates later does not bring back a letter whose moment passed.
            if (late.TryGetValue(work.Id, out var skip))
                return new StepState(work.Id, StepStatus.Skipped, work.Readiness, work.Due, null, 0, null, null)
                    { SkippedReason = skip.Data["reason"]?.GetValue<string>(), NotAfter = work.NotAfter };
            if (StepHistory.StandingFailure(instance, work.Id) is { } failure && work.Readiness != StepReadiness.Skipped)
                return new StepState(work.Id, StepStatus.Failed, work.Readiness, work.Due, null,
                    failure.Data["attempts"]?.GetValue<int>() ?? 1, failure.Data["error"]?.GetValue<string>(), null) { NotAfter = work.NotAfter };
            var status = work.Readiness == StepReadiness.Skipped ? StepStatus.Skipped : StepStatus.Pending;
            var attempts = status == StepStatus.Pending ? StepHistory.FailedAttempts(instance, work.Id) : [];
            return new StepState(work.Id, status, work.Readiness, work.Due, null, attempts.Count, attempts.LastOrDefault()?.Data["error"]?.GetValue<string>(), null)
            {
                SkippedReason = status == StepStatus.Skipped ? work.SkipReason : null,
                NotAfter = work.NotAfter,
                RetryAt = attempts.LastOrDefault()?.Data["retryAt"]?.GetValue<DateTimeOffset>(),
            };
        }).ToList();

        // A failed step does not stop the others: the instance runs on, and the step shows failed until it is retried.
        var runtime = plan.IsTerminated ? RuntimeStatus.Terminated
            : steps.All(s => s.Status is StepStatus.Done or StepStatus.Skipped) ? RuntimeStatus.Completed
            : steps.Any(s => s.Status is StepStatus.Done or StepStatus.Failed) ? RuntimeStatus.Running
            : RuntimeStatus.Pending;
        return new InstanceStatus(instance, plan, steps, runtime);
    }
}
