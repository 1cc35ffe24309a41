namespace IrpFlows.Probation;

/// <summary>The facts a probation inspection's log records. Names are the HTTP API's event names where a coordinator raises them.</summary>
public static class ProbationEvents
{
    public const string Started = "ProbationInspectionStarted";
    public const string SeniorLinkManagerNamed = nameof(SeniorLinkManagerNamed);
    public const string ContactNamed = nameof(ContactNamed);
    public const string AnnouncementCallMade = nameof(AnnouncementCallMade);
    public const string PlanningMeetingAgreed = nameof(PlanningMeetingAgreed);
    public const string DraftReportUploaded = nameof(DraftReportUploaded);
    public const string PlanningMeetingMinutesUploaded = nameof(PlanningMeetingMinutesUploaded);
    public const string FinalReportUploaded = nameof(FinalReportUploaded);
    public const string PublicationDateAgreed = nameof(PublicationDateAgreed);
    public const string ActionPlanReceived = nameof(ActionPlanReceived);
    public const string PlanningMeetingHeld = nameof(PlanningMeetingHeld);
    public const string CaseSampleReturned = nameof(CaseSampleReturned);
    public const string SampleReturned = nameof(SampleReturned);
    public const string LocalAssessorsNominated = nameof(LocalAssessorsNominated);
    public const string DraftIssued = nameof(DraftIssued);
    public const string CommentsReturned = nameof(CommentsReturned);
    public const string Published = nameof(Published);
    public const string FieldworkRescheduled = nameof(FieldworkRescheduled);
    public const string RatingRecorded = nameof(RatingRecorded);
    public const string KeyQuestionsRecorded = nameof(KeyQuestionsRecorded);
    public const string PanelDecisionRecorded = nameof(PanelDecisionRecorded);
    public const string Cancelled = nameof(Cancelled);

    /// <summary>Events a coordinator may raise through <c>POST /api/probation-inspections/{id}/events/{eventName}</c>.</summary>
    public static readonly IReadOnlySet<string> RaisableByCoordinator = new HashSet<string>(StringComparer.Ordinal)
    {
        SeniorLinkManagerNamed, ContactNamed, AnnouncementCallMade, PlanningMeetingAgreed, PlanningMeetingHeld, PublicationDateAgreed, CaseSampleReturned,
        SampleReturned, LocalAssessorsNominated, DraftIssued, CommentsReturned, Published, FieldworkRescheduled,
    };
}

public sealed record ProbationStartedData(ProbationFacts Facts);

public sealed record SeniorLinkManagerNamedData(string Name, string Email);

/// <summary>A contact named or corrected; <see cref="Role"/> is one of <see cref="ProbationRoles.All"/>.</summary>
public sealed record ContactNamedData(string Role, string Name, string Email);

/// <summary>
/// The announcement telephone call as it was made (manual 3.3): its day and who made it, the lead inspector or, when the lead is
/// not available, the deputy lead. <see cref="Warning"/> says why the day is unusual (outside week -9), when it is.
/// </summary>
public sealed record AnnouncementCallMadeData(DateOnly Date, string By, string? Warning);

/// <summary>The day and local time agreed on the announcement call for the telephone planning meeting (manual 3.3, 3.5).</summary>
public sealed record PlanningMeetingAgreedData(DateTime At);

/// <summary>The day the telephone planning meeting was held (manual 3.5).</summary>
public sealed record PlanningMeetingHeldData(DateOnly Date);

/// <summary>Something that arrived or went on a day: the case sample, the draft report, the factual accuracy comments.</summary>
public sealed record OnDateData(DateOnly Date);

/// <summary>
/// How many local assessors the NPS division's nominations give (3.9): trained, and deployed on the fieldwork. <see cref="Warnings"/>
/// say where the numbers go beyond the manual's ("up to a maximum of ten" trained; "four to six" deployed).
/// </summary>
public sealed record LocalAssessorsNominatedData(int Trained, int Deployed, IReadOnlyList<string> Warnings);

/// <summary>One case sample (a <see cref="ProbationSamples"/> key) returned other than through the upload link (4.4).</summary>
public sealed record SampleReturnedData(string Sample, DateOnly Date);

public sealed record ProbationPublishedData(DateOnly Date, Uri Url);

/// <summary>A publication date agreed in advance (manual 7.4: "Changes to this publication date may be agreed in advance").</summary>
public sealed record PublicationDateAgreedData(DateOnly Date);

/// <summary>The answer of the action plan to one recommendation (manual Appendix 5).</summary>
public enum ActionPlanResponse { Agreed, PartlyAgreed, NotAgreed }

/// <summary>One recommendation of the report and the action plan's answer to it (Appendix 5: "Agreed/ Partly Agreed/ Not Agreed").</summary>
public sealed record ActionPlanItem(string Recommendation, ActionPlanResponse Response);

/// <summary>
/// The action plan OSAG sent (manual 7.5), as the lead inspector and head of inspection reviewed it: each recommendation's answer,
/// and the amendments they ask for (none: the plan is accepted), which the acknowledgement letter gives.
/// </summary>
public sealed record ActionPlanReceivedData(DateOnly Date, IReadOnlyList<ActionPlanItem> Recommendations, string? Amendments);

public sealed record FieldworkRescheduledData(DateOnly FieldworkStart, DateOnly FieldworkWeekThreeStart);

public sealed record RatingRecordedData(string Standard, ProbationRating Rating);

/// <summary>A domain two or three standard's key questions as the case assessments answered them (7.1); the latest per standard holds.</summary>
public sealed record KeyQuestionsRecordedData(string Standard, IReadOnlyList<KeyQuestionResult> Questions);

/// <summary>
/// The ratings panel's decision on a standard rated near a boundary (7.2): the rating it agreed (the one the evidence gave, or
/// another), why, and who chaired it ("the chair of the panel completes the Ratings Panel Decision document").
/// </summary>
public sealed record PanelDecisionRecordedData(string Standard, ProbationRating Rating, string Reason, string Chair);

public sealed record ProbationCancelledData(string? Reason);
