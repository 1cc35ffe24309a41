using IrpFlows.Documents;
using IrpFlows.Irps.Facts;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Irps;

/// <summary>One step of an IRP's timeline as a coordinator sees it (<c>GET /api/irps/{id}</c>).</summary>
/// <param name="Status">pending, done, failed or skipped.</param>
/// <param name="Source">The guide paragraph the date comes from.</param>
public sealed record TimelineEntry(
    string Id,
    string Title,
    DateOnly Date,
    string? Time,
    DateTimeOffset Due,
    string Status,
    DateTimeOffset? CompletedAt,
    string Source,
    string Concerns,
    string? WaitingFor,
    int FailedAttempts,
    string? LastError)
{
    /// <summary>
    /// Why a skipped step will not happen: its moment had passed when it came due (after an outage or a jump of the clock),
    /// what has happened made it needless (every document arrived, the report was published), or the IRP was cancelled.
    /// </summary>
    public string? SkippedReason { get; init; }

    /// <summary>When a pending step whose last attempt failed (<see cref="LastError"/>) is tried again; null otherwise.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}

/// <summary>An IRP's full status, in the shape of Durable Functions' instance status plus the IRP's own facts.</summary>
/// <param name="VisitEnd">Null only when the IRP failed because its timeline cannot be planned.</param>
public sealed record IrpView(
    string Id,
    string Kind,
    string RuntimeStatus,
    string CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    Establishment Establishment,
    DateOnly SourceInspectionEnd,
    DateOnly AnnouncementDate,
    DateOnly VisitStart,
    DateOnly? VisitEnd,
    IrpContacts Contacts,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<OfstedTheme> OfstedThemes,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<EmailRecord> Emails,
    IReadOnlyList<IrpWarning> Warnings,
    string? CancellationReason,
    DateOnly? PublishedOn,
    Uri? PublicationUrl)
{
    /// <summary>Every recommendation (concern) then every Ofsted theme, with its latest judgement (null until recorded).</summary>
    public IReadOnlyList<JudgementView> Judgements { get; init; } = [];

    /// <summary>The Chief Inspector's summary paragraphs for the report's Section 1; empty until recorded.</summary>
    public IReadOnlyList<string> ChiefInspectorsSummary { get; init; } = [];

    /// <summary>The IRP's own entries for the report's Appendix II glossary, besides its fixed ones; empty until recorded.</summary>
    public IReadOnlyList<GlossaryEntry> Glossary { get; init; } = [];

    /// <summary>The current draft report (the one issued, once DraftIssued is recorded), or null before any upload.</summary>
    public ReportFileView? DraftReport { get; init; }

    /// <summary>Fact-check comment files returned, oldest first.</summary>
    public IReadOnlyList<ReportFileView> FactCheckComments { get; init; } = [];

    /// <summary>The final report sent (or to be sent) to ministers, or null before any upload.</summary>
    public ReportFileView? FinalReport { get; init; }

    /// <summary>The team's debrief document shared (or to be shared) after the visit, or null before any upload.</summary>
    public ReportFileView? DebriefDocument { get; init; }

    /// <summary>
    /// The establishment's upload page, as the emails asking for documents sent it (null until one has gone: the request, a
    /// reminder, the deadline's or the escalation), so the coordinator can send it again to someone who lost it.
    /// </summary>
    public Uri? UploadLink { get; init; }

    /// <summary>Every event in the IRP's log, oldest first, with who caused it.</summary>
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>The documents the destruction of material deleted (prison guide Appendix A, IRC guide Appendix I); null until it has run.</summary>
    public MaterialDestroyedData? MaterialDestroyed { get; init; }

    /// <summary>The day the coordinator recorded the final report as sent to ministers outside IrpFlows, if they did.</summary>
    public DateOnly? FinalReportSentElsewhereOn { get; init; }

    /// <summary>Feedback on how the review was run (prison guide 16.1, IRC guide 5.3), from the feedback form or recorded from a reply by email, oldest first.</summary>
    public IReadOnlyList<FeedbackView> Feedback { get; init; } = [];
}

/// <summary>Feedback on the review as a coordinator sees it.</summary>
/// <param name="Via">"form" (the feedback form) or "email" (a reply the coordinator recorded).</param>
public sealed record FeedbackView(string Name, string Role, string Via, DateTimeOffset ReceivedAt, IReadOnlyList<FeedbackAnswer> Answers);

/// <summary>A line of <c>GET /api/irps</c>.</summary>
public sealed record IrpListItem(
    string Id, string Kind, Establishment Establishment, DateOnly VisitStart, string RuntimeStatus, string CustomStatus, NextStep? NextStep)
{
    /// <summary>Dates of the milestones a programme shows, by step id (announcement … publication-deadline); empty for an IRP not re-planned since IrpFlows kept them.</summary>
    public IReadOnlyDictionary<string, DateOnly> Milestones { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>What a coordinator must not miss, as of today: see <see cref="IrpFlags"/>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>The flags of a running IRP in <see cref="IrpListItem.Flags"/>.</summary>
public static class IrpFlags
{
    /// <summary>A step's attempts ran out and it waits for a retry.</summary>
    public const string FailedStep = "failed-step";
    /// <summary>The documents deadline has passed with documents missing.</summary>
    public const string DocumentsOverdue = "documents-overdue";
    /// <summary>The fact-check deadline has passed and the comments are not recorded as returned.</summary>
    public const string FactCheckLate = "fact-check-late";
    /// <summary>The report is unpublished and its publication deadline is at most <see cref="PublicationNearDays"/> days away, or past.</summary>
    public const string PublicationDeadlineNear = "publication-deadline-near";

    public const int PublicationNearDays = 10;
}

/// <summary>What <c>POST /api/irps/preview</c> returns: the dates an IRP would get, and where it departs from the guide.</summary>
public sealed record IrpPreview(IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<IrpWarning> Warnings);

/// <summary>One item judged in the report (a recommendation, one part of a recommendation in parts, or a theme) and its judgement.</summary>
/// <param name="Kind">Recommendation, Concern (IRC) or OfstedTheme; a part has its recommendation's kind.</param>
/// <param name="Text">The item as announced.</param>
/// <param name="Judgement">The API name on the item's scale ("ReasonableProgress"), or null until recorded.</param>
/// <param name="WrittenJudgement">The written judgement for the report, or null.</param>
public sealed record JudgementView(string Ref, string Kind, string Text, string? Judgement, string? WrittenJudgement)
{
    /// <summary>For a part (1.34a), the ref of its recommendation (1.34); null otherwise.</summary>
    public string? PartOf { get; init; }

    /// <summary>The inspector's findings paragraphs for the report's Section 3; a part shows its recommendation's, written once for all its parts.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}

/// <summary>A step whose date a change would move: <see cref="From"/> now, <see cref="To"/> after the change.</summary>
public sealed record DateMove(string StepId, string Title, DateOnly From, DateOnly To);
