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

public sealed record NextStep(string Id, string Title, DateOnly Date)
{
    /// <summary>
    /// The next step a list shows for the instance <paramref name="header"/> describes: the one its summary keeps while it
    /// runs, none once it has completed or was cancelled (what is left of a cancelled one is on its own page).
    /// </summary>
    public static NextStep? Of(InstanceHeaderRow header) =>
        header.RuntimeStatus is RuntimeStatus.Pending or RuntimeStatus.Running && header.Summary["nextStep"] is System.Text.Json.Nodes.JsonObject next
            ? EventData.FromData<NextStep>(next)
            : null;
}
