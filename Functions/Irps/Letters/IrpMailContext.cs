using IrpFlows.Irps.Facts;
using IrpFlows.Mail;

namespace IrpFlows.Irps.Letters;

/// <summary>
/// What a step's email needs to know about one IRP. <see cref="StepDates"/> maps planned step ids to their dates:
/// <c>visit-start</c>, <c>visit-end</c>, <c>documents-deadline</c>, <c>fact-check-deadline</c>, <c>publication-deadline</c>,
/// <c>material-destruction</c> (the cancellation notice says when what was provided is deleted).
/// <see cref="VisitReschedules"/> counts the times the visit has moved; it numbers the versions of the visit's calendar
/// invitation (its SEQUENCE), so an invitation sent after a move replaces the one sent before it.
/// Every string here is user-supplied and is HTML-encoded when rendered. <see cref="DraftReportLink"/> and
/// <see cref="FactCheckUploadLink"/> (the page where the establishment uploads its comments) are set once the draft is issued.
/// <see cref="Destroyed"/> is the record of what the destruction of material deleted, once it has run.
/// </summary>
public sealed record IrpMailContext(
    string InstanceId,
    IrpFacts Facts,
    IReadOnlyDictionary<string, DateOnly> StepDates,
    int VisitReschedules,
    IReadOnlyList<DocumentRequestItem> Documents,
    Uri? UploadLink,
    Uri? DraftReportLink,
    Uri? FactCheckUploadLink,
    DateOnly? PublishedOn,
    Uri? PublicationUrl,
    string? CancellationReason,
    MaterialDestroyedData? Destroyed)
{
    /// <summary>The team's debrief document, read from storage, for the email that shares it.</summary>
    public MailAttachment? DebriefDocument { get; init; }

    /// <summary>A read-only link to the final report, once uploaded, for the email to ministers.</summary>
    public Uri? FinalReportLink { get; init; }

    /// <summary>The feedback form's link, for the requests for feedback (prison guide 16.1, IRC guide 5.3); without it they ask for a reply.</summary>
    public Uri? FeedbackLink { get; init; }

    /// <summary>The final report has gone to ministers: only then does the publication notice say so.</summary>
    public bool FinalReportSent { get; init; }

    /// <summary>Every move of the visit, in order, with the days it moved from and to: what each <c>visit-moved-{n}</c> notice tells.</summary>
    public IReadOnlyList<VisitMoveNotice> VisitMoves { get; init; } = [];

    /// <summary>The visit arrangements, and with them the calendar invitation, have gone: a notice of a move then updates the invitation.</summary>
    public bool VisitArrangementsSent { get; init; }

    /// <summary>The IRP was cancelled: the destruction of its material tells of a review that did not take place.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The items an <c>inspectors-update-{n}</c> tells of, with the inspectors now named for them.</summary>
    public IReadOnlyList<Recommendation> InspectorsNamed { get; init; } = [];
}

/// <summary>The <paramref name="Number"/>th move of the visit: its days before and after, and the documents deadline the new days give.</summary>
public sealed record VisitMoveNotice(int Number, DateOnly FromStart, DateOnly FromEnd, DateOnly ToStart, DateOnly ToEnd, DateOnly DocumentsDeadline);

/// <summary>A document asked of the establishment (prison guide 7.3, IRC guide 2.7) and whether it has arrived.</summary>
public sealed record DocumentRequestItem(string Key, string Title, bool Received);
