using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Validation;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>One step of a probation inspection's timeline as a coordinator sees it.</summary>
/// <param name="Week">Where the date falls in the manual's numbering: "week -9", "fieldwork week 2", "week +7".</param>
/// <param name="Status">pending, done, failed or skipped.</param>
/// <param name="Source">The manual's section the date comes from.</param>
/// <param name="WaitingFor">What the step waits for before it can happen (DraftIssued, Published, RatingsRecorded), or null.</param>
public sealed record ProbationTimelineEntry(
    string Id, string Title, string Week, DateOnly Date, string? Time, DateTimeOffset Due, string Status, DateTimeOffset? CompletedAt,
    string Source, string Concerns, string? WaitingFor, string? LastError)
{
    /// <summary>Why a skipped step will not happen: what has happened made it needless, its moment had passed, or the inspection was cancelled.</summary>
    public string? SkippedReason { get; init; }

    /// <summary>When a step that lasts ends (a fieldwork week on its Friday afternoon, a training day at 17:00), as <see cref="Due"/> gives its start; null for a moment.</summary>
    public DateTimeOffset? EndsAt { get; init; }
}

/// <summary>A standard and its rating (null until recorded), as the summary of ratings lists it (manual 7.1).</summary>
public sealed record RatingView(string Standard, int Domain, string Title, string? Rating)
{
    /// <summary>Domains two and three: the key questions' results (7.1), once recorded, each with its percentage and band.</summary>
    public IReadOnlyList<KeyQuestionView> KeyQuestions { get; init; } = [];

    /// <summary>The rating the key questions give (7.1: the lowest band), once recorded.</summary>
    public string? FromEvidence { get; init; }

    /// <summary>7.2: a key question is within five points of a boundary, or one case would change the rating: the panel may decide.</summary>
    public bool NearBoundary { get; init; }

    /// <summary>The ratings panel's decision (7.2), when it made one.</summary>
    public PanelDecisionRecordedData? Panel { get; init; }
}

/// <summary>A key question's result: yes answers of cases, the percentage (one decimal) and its band (7.1).</summary>
public sealed record KeyQuestionView(string Question, int Yes, int Cases, decimal Percentage, string Band);

/// <summary>The summary of ratings: every standard, and the overall rating once all ten are rated (manual 7.1).</summary>
/// <param name="Score">The total of the standards' scores (0–30), once all are rated.</param>
public sealed record RatingsSummary(IReadOnlyList<RatingView> Standards, int? Score, string? Overall);

/// <summary>A probation inspection's full status (<c>GET /api/probation-inspections/{id}</c>).</summary>
public sealed record ProbationView(
    string Id,
    string RuntimeStatus,
    string CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    Organisation Organisation,
    DateOnly FieldworkStart,
    DateOnly FieldworkWeekThreeStart,
    ProbationContacts Contacts,
    IReadOnlyList<ProbationTimelineEntry> Timeline,
    RatingsSummary Ratings,
    IReadOnlyList<EmailRecord> Emails,
    DateOnly? PlanningMeetingOn,
    DateOnly? CaseSampleReturnedOn,
    DateOnly? DraftIssuedOn,
    DateOnly? CommentsReturnedOn,
    DateOnly? PublishedOn,
    Uri? PublicationUrl,
    string? CancellationReason)
{
    /// <summary>The evidence in advance and the case sample, each missing or received with its files.</summary>
    public IReadOnlyList<DocumentView> Documents { get; init; } = [];

    /// <summary>The organisation's upload page as the confirming email sent it (null until it has gone), to send again if lost.</summary>
    public Uri? UploadLink { get; init; }

    /// <summary>The announcement call as recorded (3.3): its date, who made it, and the warning when outside week -9.</summary>
    public AnnouncementCallMadeData? AnnouncementCall { get; init; }

    /// <summary>The local assessors nominated (3.9, NPS only), with any warning beyond the manual's numbers.</summary>
    public LocalAssessorsNominatedData? LocalAssessors { get; init; }

    /// <summary>The draft report the organisation gets (the latest uploaded, 7.3), and the final report the embargoed copy carries (7.4).</summary>
    public ReportFileView? DraftReport { get; init; }

    public ReportFileView? FinalReport { get; init; }

    /// <summary>The publication date agreed in advance (7.4), when one was.</summary>
    public DateOnly? PublicationAgreedOn { get; init; }

    /// <summary>OSAG's action plan as reviewed (7.5), once received.</summary>
    public ActionPlanReceivedData? ActionPlan { get; init; }

    /// <summary>Every event recorded, oldest first, with who caused it: as an IRP's <c>history</c>.</summary>
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];
}

/// <summary>A line of <c>GET /api/probation-inspections</c>.</summary>
public sealed record ProbationListItem(string Id, Organisation Organisation, DateOnly FieldworkStart, string RuntimeStatus, string CustomStatus, NextStep? NextStep)
{
    /// <summary>Dates of the milestones a programme shows, by step id (announcement-call … publication); empty for an inspection not re-planned since IrpFlows kept them.</summary>
    public IReadOnlyDictionary<string, DateOnly> Milestones { get; init; } = new Dictionary<string, DateOnly>();
}

/// <summary>What <c>POST /api/probation-inspections/preview</c> returns: the dates an inspection would get.</summary>
public sealed record ProbationPreview(IReadOnlyList<ProbationTimelineEntry> Timeline);

/// <summary>The body of <c>PUT /api/probation-inspections/{id}/ratings/{standard}/key-questions</c> (manual 7.1).</summary>
public sealed record KeyQuestionsRequest([property: Items(Limits.KeyQuestions)] List<KeyQuestionRequest?>? KeyQuestions);

/// <param name="Question">The key question, e.g. "Engagement".</param>
/// <param name="Yes">In how many of the cases inspected for it the answer was yes.</param>
/// <param name="Cases">How many cases were inspected for it (its sub-sample, where one is used).</param>
public sealed record KeyQuestionRequest([property: Text(Limits.Name)] string? Question, int? Yes, int? Cases);

/// <summary>The body of <c>PUT /api/probation-inspections/{id}/ratings/{standard}/panel</c> (manual 7.2).</summary>
public sealed record PanelDecisionRequest(
    [property: Text(Limits.Choice)] string? Rating, [property: Text(Limits.Prose, Multiline = true)] string? Reason, [property: Text(Limits.Name, Name = true)] string? Chair);

/// <summary>The body of <c>PUT /api/probation-inspections/{id}/ratings/{standard}</c>.</summary>
/// <param name="Rating">Outstanding, Good, RequiresImprovement or Inadequate.</param>
public sealed record RatingRequest([property: Text(Limits.Choice)] string? Rating);
