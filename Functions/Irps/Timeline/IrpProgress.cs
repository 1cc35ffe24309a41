namespace IrpFlows.Irps.Timeline;

/// <summary>What has happened so far in an IRP that changes its plan. Dates are England-and-Wales calendar dates.</summary>
/// <param name="DraftIssuedOn">The draft report went to the establishment for fact check; fact-check dates follow it.</param>
/// <param name="FactCheckReturnedOn">The establishment returned its fact-check comments; no more reminders.</param>
/// <param name="PublishedOn">The report was published; feedback and destruction of material follow it.</param>
/// <param name="AllDocumentsReceived">Every requested document has arrived; no more document reminders or escalation.</param>
/// <param name="LiaisonOfficerAppointed">Document requests and reminders go to the liaison officer as well as the governor.</param>
public sealed record IrpProgress(
    DateOnly? DraftIssuedOn = null,
    DateOnly? FactCheckReturnedOn = null,
    DateOnly? PublishedOn = null,
    bool AllDocumentsReceived = false,
    bool LiaisonOfficerAppointed = false)
{
    /// <summary>The team's debrief document has been uploaded: it can be shared (prison guide 13.1, IRC guide 4.3).</summary>
    public bool DebriefDocumentUploaded { get; init; }

    /// <summary>When the final report was (last) uploaded: it goes to ministers then (prison guide 14.1, IRC guide 5.1).</summary>
    public DateTimeOffset? FinalReportUploadedAt { get; init; }

    /// <summary>Every move of the visit, in order: each one after the announcement is told to those it named the old dates to.</summary>
    public IReadOnlyList<VisitMove> VisitMoves { get; init; } = [];

    /// <summary>The visit has begun: a notice of an earlier move not sent by then (an IRP in flight when notices began) is no use.</summary>
    public bool VisitStarted { get; init; }

    /// <summary>The day of the coordinating inspector's preparation visit (prison guide 7.1; IRC guide 2.5: a contact), once arranged.</summary>
    public DateOnly? PreparationVisitOn { get; init; }

    /// <summary>
    /// The final report went to ministers outside IrpFlows on this day, as the coordinator recorded (prison guide 14.1, IRC
    /// guide 5.1): IrpFlows does not send it, and the report may be published.
    /// </summary>
    public DateOnly? FinalReportSentElsewhereOn { get; init; }

    /// <summary>When the IRP was cancelled: every step stops but the destruction of the establishment's material, which counts from it.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
}

/// <summary>One move of the visit (a <c>VisitRescheduled</c> event).</summary>
/// <param name="Number">1 for the first move: it numbers the notice's step id and the calendar invitation's SEQUENCE.</param>
/// <param name="MovedAt">When the move was recorded; its notice is due then.</param>
/// <param name="From">The first day of the visit before the move.</param>
/// <param name="To">The first day of the visit after it.</param>
/// <param name="AfterAnnouncement">The announcement had already gone with the old dates; before it, the announcement carries the new ones.</param>
public sealed record VisitMove(int Number, DateTimeOffset MovedAt, DateOnly From, DateOnly To, bool AfterAnnouncement);
