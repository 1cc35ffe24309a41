using IrpFlows.Workflow;

namespace IrpFlows.Local.Checks;

/// <summary>What this build makes of one instance's log: its evaluation, or why it cannot plan it, and every promise broken.</summary>
/// <param name="Status">The log folded and planned with this build's rules; null when the kind is unknown or its plan threw.</param>
/// <param name="PlanError">Why the log cannot be planned; null when it can.</param>
/// <param name="Broken">Each promise the plan breaks, in words an operator can act on.</param>
public sealed record LogVerdict(string InstanceId, string Kind, InstanceStatus? Status, string? PlanError, IReadOnlyList<string> Broken)
{
    /// <summary>The log plans and keeps every promise: this build may run it.</summary>
    public bool Holds => PlanError is null && Broken.Count == 0;
}

/// <summary>
/// Plans a recorded log with this build's workflow kinds and checks what a change of rules must never do to an instance in
/// flight, whatever the rules say: a step recorded done plans as done (so it never runs twice), every step the log
/// records (completed, skipped, failed, asked to retry) still exists in the plan (its record would otherwise be orphaned and
/// the step planned again under another name), and no pending step is planned past the end of its window without a
/// reason for the coordinator. Used by the golden-log tests and by <c>check-logs</c> against a real table before a deploy.
/// </summary>
public static class LogCheck
{
    private static readonly string[] StepEvents =
        [EngineEvents.StepCompleted, EngineEvents.StepSkipped, EngineEvents.StepFailed, EngineEvents.StepRetryRequested];

    public static LogVerdict Check(WorkflowInstance instance, IReadOnlyDictionary<string, IWorkflowKind> kinds)
    {
        if (!kinds.TryGetValue(instance.Kind, out var kind))
            return new LogVerdict(instance.Id, instance.Kind, null, $"no workflow kind named '{instance.Kind}' in this build", []);
        InstanceStatus status;
        try
        {
            status = InstanceStatus.Evaluate(instance, kind.Plan(instance));
        }
        catch (Exception e)
        {
            // A log this build cannot plan is the very finding the check exists for: reported, with its cause, not thrown.
            return new LogVerdict(instance.Id, instance.Kind, null, $"{e.GetType().Name}: {e.Message}", []);
        }
        return new LogVerdict(instance.Id, instance.Kind, status, null, BrokenPromises(instance, status));
    }

    private static List<string> BrokenPromises(WorkflowInstance instance, InstanceStatus status)
    {
        var broken = new List<string>();
        foreach (var e in instance.Events.Where(e => StepEvents.Contains(e.Type)))
        {
            var stepId = StepHistory.StepId(e);
            var step = status.Step(stepId);
            if (step is null)
                broken.Add($"step '{stepId}' is recorded ({e.Type}, event {e.Sequence}) but is no longer in the plan");
            else if (e.Type == EngineEvents.StepCompleted && step.Status != StepStatus.Done)
                broken.Add($"step '{stepId}' is recorded done (event {e.Sequence}) but plans as {step.Status.ToString().ToLowerInvariant()}");
            else if (e.Type == EngineEvents.StepSkipped && step.Status is not (StepStatus.Skipped or StepStatus.Done))
                broken.Add($"step '{stepId}' is recorded skipped (event {e.Sequence}) but plans as {step.Status.ToString().ToLowerInvariant()}");
        }
        foreach (var work in status.Plan.Steps)
        {
            if (status.Step(work.Id) is { Status: StepStatus.Pending, Readiness: StepReadiness.Ready } pending
                && work.NotAfter is { } end && pending.Due >= end && string.IsNullOrWhiteSpace(work.WindowReason))
                broken.Add($"step '{work.Id}' is due at {pending.Due:O}, when its window has closed ({end:O}), and no reason says why it will not run");
        }
        return broken;
    }
}
