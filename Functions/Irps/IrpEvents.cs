using IrpFlows.Documents;
using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps;

/// <summary>The facts an IRP's log records. Names are the event names of the HTTP API where a coordinator raises them.</summary>
public static class IrpEvents
{
    public const string Started = "IrpStarted";
    public const string LiaisonOfficerAppointed = nameof(LiaisonOfficerAppointed);
    public const string VisitRescheduled = nameof(VisitRescheduled);
    public const string DraftIssued = nameof(DraftIssued);
    public const string FactCheckReturned = nameof(FactCheckReturned);
    public const string Published = nameof(Published);
    public const string Cancelled = "Cancelled";
    public const string DocumentReceived = DocumentEvents.DocumentReceived;
    public const string DraftReportUploaded = nameof(DraftReportUploaded);
    public const string FactCheckCommentsUploaded = nameof(FactCheckCommentsUploaded);
    public const string FinalReportUploaded = nameof(FinalReportUploaded);
    public const string JudgementRecorded = nameof(JudgementRecorded);

    /// <summary>Events a coordinator may raise through <c>POST /api/irps/{id}/events/{eventName}</c>.</summary>
    public static readonly IReadOnlySet<string> RaisableByCoordinator = new HashSet<string>(StringComparer.Ordinal)
    {
        LiaisonOfficerAppointed, VisitRescheduled, DraftIssued, FactCheckReturned, Published,
    };

}

public sealed record IrpStartedData(IrpFacts Facts, IReadOnlyList<IrpWarning> Warnings);

public sealed record LiaisonOfficerAppointedData(string Name, string Email);

public sealed record VisitRescheduledData(DateOnly VisitStart);

/// <param name="Date">The England-and-Wales date it happened (the day the event was recorded unless given).</param>
public sealed record DraftIssuedData(DateOnly Date);

public sealed record FactCheckReturnedData(DateOnly Date);

public sealed record PublishedData(DateOnly Date, Uri? Url);

public sealed record CancelledData(string? Reason);

/// <summary>
/// A report file stored at <see cref="BlobName"/> in the IRP's container: the draft report (event
/// <see cref="IrpEvents.DraftReportUploaded"/>; the latest one is the current draft), fact-check comments
/// (<see cref="IrpEvents.FactCheckCommentsUploaded"/>; each is kept) or the final report (<see cref="IrpEvents.FinalReportUploaded"/>;
/// the latest one is the one sent to ministers).
/// </summary>
/// <param name="FileName">The name as stored (sanitised), which is also the last segment of <see cref="BlobName"/>.</param>
public sealed record ReportFileUploadedData(string BlobName, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>A judgement on one recommendation (concern) or Ofsted theme; the latest recorded for a ref wins.</summary>
/// <param name="Judgement">The API name on the item's scale, e.g. "ReasonableProgress".</param>
/// <param name="Text">The written judgement for the report, if any.</param>
public sealed record JudgementRecordedData(string Ref, string Judgement, string? Text);
