using System.Text.Json.Nodes;

namespace IrpFlows.Workflow;

/// <summary>Where one step stands: pending, done, failed (attempts exhausted) or skipped (will not happen).</summary>
public enum StepStatus { Pending, Done, Failed, Skipped }

/// <summary>One step's state, read from the plan and the engine's events.</summary>
/// <param name="EffectiveDue">When it will next be tried: its due time, or later after a failed attempt's back-off.</param>
public sealed record StepState(
    string Id,
    StepStatus Status,
    StepReadiness Readiness,
    DateTimeOffset Due,
    DateTimeOffset EffectiveDue,
    DateTimeOffset? CompletedAt,
    int FailedAttempts,
    string? LastError,
    JsonObject? Result);

/// <summary>
/// An instance evaluated at a moment: the plan its log implies, each step's state, the runtime status and the next due time.
/// Pure: a function of the log and the plan.
/// </summary>
public sealed class InstanceStatus
{
    private InstanceStatus(WorkflowInstance instance, WorkflowPlan plan, IReadOnlyList<StepState> steps, RuntimeStatus runtimeStatus)
    {
        Instance = instance;
        Plan = plan;
        Steps = steps;
        RuntimeStatus = runtimeStatus;
        NextDue = steps.Where(s => s.Status == StepStatus.Pending && s.Readiness == StepReadiness.Ready)
            .Select(s => (DateTimeOffset?)s.EffectiveDue).Min();
    }

    public WorkflowInstance Instance { get; }
    public WorkflowPlan Plan { get; }
    public IReadOnlyList<StepState> Steps { get; }
    public RuntimeStatus RuntimeStatus { get; }

    /// <summary>The earliest moment a step will run, or null when nothing is scheduled (waiting for an event, or finished).</summary>
    public DateTimeOffset? NextDue { get; }

    public StepState? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>Ids of the steps to run at <paramref name="now"/>, in plan order.</summary>
    public IReadOnlyList<string> DueSteps(DateTimeOffset now) =>
        Steps.Where(s => s.Status == StepStatus.Pending && s.Readiness == StepReadiness.Ready && s.EffectiveDue <= now)
            .Select(s => s.Id).ToList();

    internal static InstanceStatus Evaluate(WorkflowInstance instance, WorkflowPlan plan, WorkflowEngineOptions options)
    {
        var completed = StepHistory.Completed(instance);
        var steps = plan.Steps.Select(work =>
        {
            if (completed.TryGetValue(work.Id, out var done))
                return new StepState(work.Id, StepStatus.Done, work.Readiness, work.Due, work.Due, done.RecordedAt, 0, null,
                    done.Data["result"] as JsonObject);
            var failures = StepHistory.Failures(instance, work.Id);
            var lastError = failures.Count > 0 ? failures[^1].Data["error"]?.GetValue<string>() : null;
            var effectiveDue = failures.Count > 0
                ? Max(work.Due, failures[^1].RecordedAt + options.BackoffAfter(failures.Count))
                : work.Due;
            var status = failures.Count >= options.MaxStepAttempts ? StepStatus.Failed
                : work.Readiness == StepReadiness.Skipped ? StepStatus.Skipped
                : StepStatus.Pending;
            return new StepState(work.Id, status, work.Readiness, work.Due, effectiveDue, null, failures.Count, lastError, null);
        }).ToList();

        var runtime = plan.IsTerminated ? RuntimeStatus.Terminated
            : steps.Any(s => s.Status == StepStatus.Failed) ? RuntimeStatus.Failed
            : steps.All(s => s.Status is StepStatus.Done or StepStatus.Skipped) ? RuntimeStatus.Completed
            : steps.Any(s => s.Status == StepStatus.Done) ? RuntimeStatus.Running
            : RuntimeStatus.Pending;
        return new InstanceStatus(instance, plan, steps, runtime);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
