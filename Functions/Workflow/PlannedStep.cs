namespace IrpFlows.Workflow;

/// <summary>One step of a timeline: an IRP's, or a probation inspection's.</summary>
/// <param name="Id">Stable across re-planning (e.g. <c>documents-reminder-2</c>), so a step done stays done when dates move.</param>
/// <param name="Title">What happens, in the coordinator's words.</param>
/// <param name="Date">The local England-and-Wales date it happens on.</param>
/// <param name="Time">The local time the guide gives (e.g. the 16:00 debrief), or null when it gives none.</param>
/// <param name="Due">The instant the step fires: <paramref name="Date"/> at <paramref name="Time"/> (or the policy's step time) in the
/// policy's time zone, as UTC; for a step that answers something recorded (a moved visit, the final report's upload), the
/// instant it was recorded.</param>
/// <param name="Concerns">Who the step is for or writes to, e.g. "Governor; copy to IMB chair".</param>
/// <param name="Source">The guide paragraph the rule comes from, e.g. "Prison guide 7.4", "Probation manual 4.4".</param>
/// <param name="Applicable">False when the step will not happen (e.g. a documents reminder once everything arrived): show it as skipped.</param>
/// <param name="WaitingFor">What the step waits for: an event ("DraftIssued", "Published", "DebriefDocumentUploaded"); it must
/// not run before then, however late. Null once it happened, and then event-driven dates follow the event's date.</param>
public sealed record PlannedStep(
    string Id,
    string Title,
    DateOnly Date,
    TimeOnly? Time,
    DateTimeOffset Due,
    string Concerns,
    string Source,
    bool Applicable,
    string? WaitingFor)
{
    /// <summary>
    /// The end of the step's window: the instant from which sending it would be false or pointless (a reminder once its
    /// deadline has come, an announcement once the visit has begun). A step still pending then is recorded skipped with
    /// <see cref="WindowReason"/> instead of running late. Null: the step must happen however late (the draft report, the
    /// publication notice, the destruction of material).
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Why the step is not sent once <see cref="NotAfter"/> has come, citing the guide.</summary>
    public string? WindowReason { get; init; }

    /// <summary>Why a step that is not <see cref="Applicable"/> will not happen, when the plan says (e.g. the report was published).</summary>
    public string? SkipReason { get; init; }

    /// <summary>
    /// The local date a step that lasts (a probation fieldwork week, a training day) ends on; null for a step that happens at a
    /// moment. With <see cref="EndTime"/> and <see cref="Ends"/>, as <see cref="Date"/>, <see cref="Time"/> and <see cref="Due"/>
    /// give its start.
    /// </summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>The local time it ends at, on <see cref="EndDate"/>.</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>The instant it ends: <see cref="EndDate"/> at <see cref="EndTime"/> in the policy's time zone, as UTC.</summary>
    public DateTimeOffset? Ends { get; init; }
}
