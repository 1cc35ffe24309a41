namespace IrpFlows.Probation;

/// <summary>The facts a probation inspection's log records. Names are the HTTP API's event names where a coordinator raises them.</summary>
public static class ProbationEvents
{
    public const string Started = "ProbationInspectionStarted";
    public const string SeniorLinkManagerNamed = nameof(SeniorLinkManagerNamed);
    public const string PlanningMeetingHeld = nameof(PlanningMeetingHeld);
    public const string CaseSampleReturned = nameof(CaseSampleReturned);
    public const string DraftIssued = nameof(DraftIssued);
    public const string CommentsReturned = nameof(CommentsReturned);
    public const string Published = nameof(Published);
    public const string FieldworkRescheduled = nameof(FieldworkRescheduled);
    public const string RatingRecorded = nameof(RatingRecorded);
    public const string Cancelled = nameof(Cancelled);

    /// <summary>Events a coordinator may raise through <c>POST /api/probation-inspections/{id}/events/{eventName}</c>.</summary>
    public static readonly IReadOnlySet<string> RaisableByCoordinator = new HashSet<string>(StringComparer.Ordinal)
    {
        SeniorLinkManagerNamed, PlanningMeetingHeld, CaseSampleReturned, DraftIssued, CommentsReturned, Published, FieldworkRescheduled,
    };
}

public sealed record ProbationStartedData(ProbationFacts Facts);

public sealed record SeniorLinkManagerNamedData(string Name, string Email);

/// <summary>The day the telephone planning meeting was held (manual 3.5).</summary>
public sealed record PlanningMeetingHeldData(DateOnly Date);

/// <summary>Something that arrived or went on a day: the case sample, the draft report, the factual accuracy comments.</summary>
public sealed record OnDateData(DateOnly Date);

public sealed record ProbationPublishedData(DateOnly Date, Uri Url);

public sealed record FieldworkRescheduledData(DateOnly FieldworkStart, DateOnly FieldworkWeekThreeStart);

public sealed record RatingRecordedData(string Standard, ProbationRating Rating);

public sealed record ProbationCancelledData(string? Reason);
