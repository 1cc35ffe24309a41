using System.Globalization;

namespace IrpFlows.Workflow;

/// <summary>
/// The notices of steps recorded skipped because their window had closed (a catch-up after an outage or a jump of the clock),
/// <c>skipped-notice-{number}</c>, one per batch, to the person who runs the inspection (an IRP's coordinator, a probation
/// inspection's lead inspector). The same for every kind of inspection: each kind plans them beside its timeline and
/// sends each as one email listing the steps it tells of.
/// </summary>
public static class SkippedNotices
{
    public const string StepPrefix = "skipped-notice-";

    /// <summary><c>skipped-notice-{number}</c>: the <paramref name="number"/>th notice of skipped steps.</summary>
    public static string StepId(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return StepPrefix + number.ToString(CultureInfo.InvariantCulture);
    }

    public static bool IsNotice(string stepId) =>
        stepId.StartsWith(StepPrefix, StringComparison.Ordinal)
        && int.TryParse(stepId.AsSpan(StepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0;

    /// <summary>
    /// The notices <paramref name="instance"/>'s log calls for: each covers the skips recorded since the one before it was sent,
    /// so a catch-up that skips many steps in one pass gives one notice.
    /// </summary>
    public static IReadOnlyList<SkippedNotice> Of(WorkflowInstance instance) =>
        NoticeBatches.Of(instance, e => e.Type == EngineEvents.StepSkipped, StepId).Select(b => new SkippedNotice(b.StepId, b.Events)).ToList();

    /// <summary>
    /// The notices as work to plan beside <paramref name="steps"/>: each due when the first step it tells of was, so at once and
    /// within the catch-up that skipped it. Only a timeline's steps have windows, so each skipped step is among
    /// <paramref name="steps"/>. Skipped with <paramref name="cancelled"/> as its reason when the inspection was cancelled: no
    /// one is to act on it any more.
    /// </summary>
    public static IEnumerable<PlannedWork> Plan(WorkflowInstance instance, IReadOnlyList<PlannedWork> steps, string? cancelled)
    {
        var due = steps.ToDictionary(s => s.Id, s => s.Due);
        return Of(instance).Select(n => new PlannedWork(n.StepId, due[StepHistory.StepId(n.Skips[0])],
            cancelled is null ? StepReadiness.Ready : StepReadiness.Skipped) { SkipReason = cancelled });
    }
}

/// <summary>One notice of skipped steps and the <see cref="EngineEvents.StepSkipped"/> events it tells of, in the order they were recorded.</summary>
public sealed record SkippedNotice(string StepId, IReadOnlyList<WorkflowEvent> Skips)
{
    /// <summary>The ids of the steps it tells of.</summary>
    public IEnumerable<string> SkippedStepIds => Skips.Select(StepHistory.StepId);

    /// <summary>Why <paramref name="stepId"/> was skipped, as the engine recorded it.</summary>
    public string Reason(string stepId) => Skips.First(e => StepHistory.StepId(e) == stepId).Data["reason"]!.GetValue<string>();
}

/// <summary>A numbered notice and the events it tells of.</summary>
public sealed record NoticeBatch(string StepId, IReadOnlyList<WorkflowEvent> Events);

/// <summary>Numbered notices that each tell of the events of one kind recorded since the one before went.</summary>
public static class NoticeBatches
{
    /// <summary>
    /// The events <paramref name="tells"/> picks, in the numbered notices (<paramref name="noticeId"/>) that tell of them: each
    /// covers those recorded since the one before it was sent, so events recorded together go in one email. The orchestration
    /// runs an instance's steps one at a time, so no such event is recorded between a notice's email and the record that it
    /// was sent.
    /// </summary>
    public static IReadOnlyList<NoticeBatch> Of(WorkflowInstance instance, Func<WorkflowEvent, bool> tells, Func<int, string> noticeId)
    {
        var notices = new List<NoticeBatch>();
        var batch = new List<WorkflowEvent>();
        foreach (var e in instance.Events)
        {
            if (tells(e))
            {
                batch.Add(e);
            }
            else if (e.Type == EngineEvents.StepCompleted && batch.Count > 0 && StepHistory.StepId(e) == noticeId(notices.Count + 1))
            {
                notices.Add(new NoticeBatch(noticeId(notices.Count + 1), batch));
                batch = [];
            }
        }
        if (batch.Count > 0) notices.Add(new NoticeBatch(noticeId(notices.Count + 1), batch));
        return notices;
    }
}
