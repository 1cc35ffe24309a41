namespace IrpFlows.Probation;

/// <summary>
/// The ids of a probation inspection's timeline steps. Stable: the engine records a step done by its id, so a step done
/// stays done when fieldwork moves, and renaming one would make every inspection in flight run it again.
/// </summary>
public static class ProbationSteps
{
    public const string Preparation = "preparation";
    public const string AnnouncementCall = "announcement-call";
    public const string AnnouncementEmail = "announcement-email";
    public const string PartnerLetters = "partner-letters";
    public const string OutlineSchedule = "outline-schedule";
    public const string PlanningMeeting = "planning-meeting";
    public const string PlanningMeetingMinutes = "planning-meeting-minutes";
    public const string LocalAssessorHotelBooking = "local-assessor-hotel-booking";
    public const string LocalAssessorTrainingCases = "local-assessor-training-cases";
    public const string EvidenceInAdvance = "evidence-in-advance";
    public const string OnSitePlanning = "on-site-planning";
    public const string LocalAssessorNominations = "local-assessor-nominations";
    public const string DomainTwoLongListReminder = "domain-two-long-list-reminder";
    public const string DomainTwoLongList = "domain-two-long-list";
    public const string DomainTwoProvisionalList = "domain-two-provisional-list";
    public const string DomainTwoSampleReminder = "domain-two-sample-reminder";
    public const string DomainTwoSampleReturn = "domain-two-sample-return";
    public const string DomainTwoFinalSample = "domain-two-final-sample";
    public const string CaseSampleRequest = "case-sample-request";
    public const string CaseSampleReminder = "case-sample-reminder";
    public const string CaseSampleReturn = "case-sample-return";
    public const string Schedules = "schedules";
    public const string NpsDivisionNotice = "nps-division-notice";
    public const string LocalAssessorHotelCheck = "local-assessor-hotel-check";

    /// <summary>The first of the three days of local assessor training (its id from before the days were planned one by one).</summary>
    public const string LocalAssessorTraining = "local-assessor-training";
    public const string LocalAssessorTrainingDay2 = "local-assessor-training-day-2";
    public const string LocalAssessorTrainingDay3 = "local-assessor-training-day-3";
    public const string LocalAssessorBriefing = "local-assessor-briefing";
    public const string FieldworkWeek1 = "fieldwork-week-1";
    public const string FieldworkWeek2 = "fieldwork-week-2";
    public const string FieldworkWeek3 = "fieldwork-week-3";
    public const string VerifiedData = "verified-data";
    public const string RatingsPanel = "ratings-panel";
    public const string RatingsToOrganisation = "ratings-to-organisation";
    public const string DraftReport = "draft-report";
    public const string FactualAccuracyReminder = "factual-accuracy-reminder";
    public const string FactualAccuracyDeadline = "factual-accuracy-deadline";
    public const string EmbargoedCopy = "embargoed-copy";
    public const string Publication = "publication";
    public const string OsagResponse = "osag-response";
    public const string ActionPlan = "action-plan";
    public const string ActionPlanAcknowledgement = "action-plan-acknowledgement";

    /// <summary>The notice that the inspection is cancelled: planned by the workflow when it is terminated, not by the timeline.</summary>
    public const string Cancellation = "cancellation";
}
