namespace IrpFlows.Workflow;

/// <summary>
/// One event of an IRP's log as people read it. <see cref="By"/> is the signed-in person for a page action, <c>api</c>
/// for a key-authenticated API call, <c>link</c> for someone using an emailed link, <c>system</c> for the IRP's own
/// steps; null for events recorded before IrpFlows kept it.
/// </summary>
/// <param name="Step">The step a step event is about (StepCompleted, StepFailed, StepRetryRequested), else null.</param>
public sealed record HistoryEntry(long Sequence, string Type, DateTimeOffset RecordedAt, string? By, string? Step)
{
    public static HistoryEntry From(WorkflowEvent e) =>
        new(e.Sequence, e.Type, e.RecordedAt, e.By, e.Data["stepId"] is System.Text.Json.Nodes.JsonValue step ? step.GetValue<string>() : null);
}

public sealed record NextStep(string Id, string Title, DateOnly Date);
