using IrpFlows.Timeline;

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
    string? LastError);

/// <summary>An IRP's full status, in the shape of Durable Functions' instance status plus the IRP's own facts.</summary>
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
    DateOnly VisitEnd,
    IrpContacts Contacts,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<OfstedTheme> OfstedThemes,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<EmailRecord> Emails,
    IReadOnlyList<IrpWarning> Warnings,
    string? CancellationReason,
    DateOnly? PublishedOn,
    Uri? PublicationUrl);

/// <summary>A line of <c>GET /api/irps</c>.</summary>
public sealed record IrpListItem(
    string Id, string Kind, Establishment Establishment, DateOnly VisitStart, string RuntimeStatus, string CustomStatus, NextStep? NextStep);

public sealed record NextStep(string Id, string Title, DateOnly Date);

/// <summary>What <c>POST /api/irps/preview</c> returns: the dates an IRP would get, and where it departs from the guide.</summary>
public sealed record IrpPreview(IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<IrpWarning> Warnings);

/// <summary>One requested document and what has arrived for it. <see cref="Status"/> is missing or received.</summary>
public sealed record DocumentView(string Key, string Title, string Description, string Source, string Status, IReadOnlyList<DocumentFileView> Files);

public sealed record DocumentFileView(string Name, long Size, DateTimeOffset ReceivedAt);
