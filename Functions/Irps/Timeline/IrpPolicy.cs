namespace IrpFlows.Irps.Timeline;

/// <summary>
/// Every duration the IRP timeline uses, with the guides' values as defaults, so an inspectorate can change a rule through
/// settings (e.g. <c>Policy__PublicationWorkingDaysAfterVisit</c>) without a code change. Working days are counted on the
/// England-and-Wales calendar. Bind with <see cref="FromConfiguration"/>, which also validates.
/// </summary>
public sealed class IrpPolicy
{
    /// <summary>The configuration section the policy binds from.</summary>
    public const string SectionName = "Policy";

    /// <summary>Prison guide 6.1 / IRC guide 2.4: the letter goes "usually two to three months in advance of the visit".</summary>
    public int NoticeMinMonths { get; set; } = 2;

    /// <inheritdoc cref="NoticeMinMonths"/>
    public int NoticeMaxMonths { get; set; } = 3;

    /// <summary>Prison guide 4.1 / IRC guide 2.1: IRPs take place eight to 12 months after the source inspection.</summary>
    public int SourceInspectionMinMonths { get; set; } = 8;

    /// <inheritdoc cref="SourceInspectionMinMonths"/>
    public int SourceInspectionMaxMonths { get; set; } = 12;

    /// <summary>Prison guide 6.1: "usually a maximum of 15" recommendations.</summary>
    public int MaxRecommendations { get; set; } = 15;

    /// <summary>False (the guide says "usually"): more than <see cref="MaxRecommendations"/> is a warning; true makes it an error.</summary>
    public bool MaxRecommendationsIsHard { get; set; }

    /// <summary>
    /// Local policy: prison guide 7.3 says the documents are asked for but not when; default a week after the announcement, which gives
    /// the governor time to appoint a liaison officer (7.1). An IRC never waits longer than <see cref="IrcDocumentsRequestWithinWorkingDays"/>.
    /// </summary>
    public int DocumentsRequestWorkingDaysAfterAnnouncement { get; set; } = 5;

    /// <summary>IRC guide 2.8: documents "requested within two weeks of the announcement" (ten working days).</summary>
    public int IrcDocumentsRequestWithinWorkingDays { get; set; } = 10;

    /// <summary>Prison guide 7.4 / IRC guide 2.8: documents due "no later than five working days before the start of the IRP visit".</summary>
    public int DocumentsDeadlineWorkingDaysBeforeVisit { get; set; } = 5;

    /// <summary>Reminders of missing documents, this many working days before the deadline; one step per entry, earliest first.</summary>
    public int[] DocumentsReminderWorkingDaysBeforeDeadline { get; set; } = [10, 5, 2];

    /// <summary>Escalation to the governor and coordinator when documents are still missing this many working days after the deadline.</summary>
    public int DocumentsOverdueEscalationWorkingDaysAfterDeadline { get; set; } = 1;

    /// <summary>
    /// Local policy. Prison guide 7.2 / IRC guide 2.6: the attendance, keys and IT information for the gate, and who looks at
    /// what, are sent this many working days before the visit. The guides give no date, but the liaison officer has gate passes, keys, car
    /// parking and laptop permissions to arrange from it (Appendix A / Appendix I), which takes the establishment's security
    /// department days, not hours; two weeks also gives managers the inspector's name before their pro forma is due.
    /// Never before the announcement.
    /// </summary>
    public int VisitArrangementsWorkingDaysBeforeVisit { get; set; } = 10;

    /// <summary>Prison guide 8.1 / IRC guide 3.1: two-and-a-half days on site, spread over three working days.</summary>
    public int VisitLengthWorkingDays { get; set; } = 3;

    /// <summary>Prison guide 8.1 and Appendix A / IRC guide 3.1: the establishment's presentation at 12.30pm on day 1.</summary>
    public TimeOnly PresentationTimeOfDay { get; set; } = new(12, 30);

    /// <summary>Prison guide 8.1 and 13.1: formal feedback to the governor at "approximately 4pm" on the last day.</summary>
    public TimeOnly DebriefTimeOfDay { get; set; } = new(16, 0);

    /// <summary>
    /// Prison guide 13.1: the debrief document is given to the governor and "subsequently shared electronically" with HMPPS (IRC
    /// guide 4.3: with the contractor and the Home Office); this many working days after the visit, once every judgement in it
    /// is recorded.
    /// </summary>
    public int DebriefDocumentWorkingDaysAfterVisit { get; set; } = 1;

    /// <summary>Prison guide 16.1: feedback form to the liaison officer "shortly after the visit" (IRC guide 5.3: feedback email likewise).</summary>
    public int LiaisonFeedbackWorkingDaysAfterVisit { get; set; } = 2;

    /// <summary>Prison guide 14.1 / IRC guide 5.1: draft report for fact check "approximately two weeks after" the visit.</summary>
    public int DraftReportWorkingDaysAfterVisit { get; set; } = 10;

    /// <summary>
    /// Local policy: working days the establishment has to return fact-check comments. Neither IRP guide gives a period (prison
    /// guide 14.1, IRC guide 5.1); the probation manual's ten working days are OSAG's time to respond, not a rule for IRPs.
    /// </summary>
    public int FactCheckWorkingDays { get; set; } = 10;

    /// <summary>
    /// Working days kept between the fact-check deadline and the publication deadline, to weigh the comments, finalise the report
    /// and send it to ministers before it is published (prison guide 14.1, IRC guide 5.1). A draft issued late gets a shorter
    /// fact check, down to <see cref="FactCheckMinimumWorkingDays"/>.
    /// </summary>
    public int FinalisingWorkingDaysBeforePublicationDeadline { get; set; } = 5;

    /// <summary>
    /// The shortest fact check IrpFlows sets when it shortens one to keep the publication deadline; when even this runs into
    /// the time to finalise the report, the coordinator is warned instead.
    /// </summary>
    public int FactCheckMinimumWorkingDays { get; set; } = 5;

    /// <summary>Reminders to return fact-check comments, this many working days before that deadline; one step per entry.</summary>
    public int[] FactCheckReminderWorkingDaysBeforeDeadline { get; set; } = [3];

    /// <summary>Prison guide 14.1 / IRC guide 5.1: published "within 25 working days of the end of the IRP visit".</summary>
    public int PublicationWorkingDaysAfterVisit { get; set; } = 25;

    /// <summary>
    /// Prison guide 14.1 / IRC guide 5.1: the final report is sent to ministers before it is published. Until it is uploaded, the
    /// timeline shows it due this many working days before the publication deadline; it goes when uploaded.
    /// </summary>
    public int FinalReportWorkingDaysBeforePublicationDeadline { get; set; } = 2;

    /// <summary>Alert to the coordinator this many working days before the publication deadline while not yet published.</summary>
    public int PublicationAlertWorkingDaysBeforeDeadline { get; set; } = 5;

    /// <summary>Prison guide 16.1: governor's feedback sought "once the report has been published".</summary>
    public int GovernorFeedbackWorkingDaysAfterPublication { get; set; } = 5;

    /// <summary>Prison guide Appendix A / IRC guide Appendix I: material destroyed or returned after the IRP; asked for this long after publication.</summary>
    public int MaterialDestructionWorkingDaysAfterPublication { get; set; } = 10;

    /// <summary>
    /// Local policy, not the guides' (they say nothing of what becomes of a cancelled IRP's material): a cancelled IRP's
    /// material is destroyed on the same schedule as a completed one's, this many working days after the day it was cancelled.
    /// </summary>
    public int MaterialDestructionWorkingDaysAfterCancellation { get; set; } = 10;

    /// <summary>
    /// Local policy: a second active IRP of one establishment whose visit starts within this many days of the other's is refused
    /// as the same review entered twice. The guides give no such rule; genuine IRPs of one establishment are months apart, each
    /// following its own full inspection by 8 to 12 months (prison guide 4.1, IRC guide 2.1).
    /// </summary>
    public int SameEstablishmentMarginDays { get; set; } = 90;

    /// <summary>
    /// Local policy: an update on who will look at what (prison guide 7.2, for names given after the arrangements went) goes
    /// this many minutes after the first name it tells of, so that names given together go in one email.
    /// </summary>
    public int InspectorsUpdateMinutesAfterFirstName { get; set; } = 60;

    /// <summary>
    /// Local policy: the feedback form (prison guide 16.1, IRC guide 5.3) takes answers until the end of the day this many days
    /// after the later of the two feedback requests. The guides set feedback no deadline; the form should outlive the IRP.
    /// </summary>
    public int FeedbackFormDaysAfterRequest { get; set; } = 90;

    /// <summary>Local time of day a dated step fires when the guide gives no time.</summary>
    public TimeOnly StepTimeOfDay { get; set; } = new(9, 0);

    /// <summary>IANA (or Windows) id of the zone in which dates and times are local: England and Wales.</summary>
    public string TimeZoneId { get; set; } = "Europe/London";

    /// <summary>The zone named by <see cref="TimeZoneId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown on this machine.</exception>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>
    /// Binds <paramref name="section"/> (usually <c>configuration.GetSection("Policy")</c>) over the defaults and validates.
    /// A configured list replaces the default list: the configuration binder alone would append to it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is invalid; see <see cref="Validate"/>.</exception>
    public static IrpPolicy FromConfiguration(IConfiguration section)
    {
        var policy = new IrpPolicy();
        section.Bind(policy);
        policy.DocumentsReminderWorkingDaysBeforeDeadline =
            ConfiguredList(section, nameof(DocumentsReminderWorkingDaysBeforeDeadline)) ?? new IrpPolicy().DocumentsReminderWorkingDaysBeforeDeadline;
        policy.FactCheckReminderWorkingDaysBeforeDeadline =
            ConfiguredList(section, nameof(FactCheckReminderWorkingDaysBeforeDeadline)) ?? new IrpPolicy().FactCheckReminderWorkingDaysBeforeDeadline;
        policy.Validate();
        return policy;
    }

    private static int[]? ConfiguredList(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        return list.GetChildren().Any() ? list.Get<int[]>() : null;
    }

    /// <summary>Checks every value makes sense (no negative durations, ranges the right way round, a known time zone).</summary>
    /// <exception cref="InvalidOperationException">Lists every problem, each naming the setting.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        void Require(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                problems.Add($"{SectionName}:{setting} {rule}");
            }
        }

        foreach (var (name, value) in new (string, int)[]
                 {
                     (nameof(NoticeMinMonths), NoticeMinMonths), (nameof(SourceInspectionMinMonths), SourceInspectionMinMonths),
                     (nameof(DocumentsRequestWorkingDaysAfterAnnouncement), DocumentsRequestWorkingDaysAfterAnnouncement),
                     (nameof(IrcDocumentsRequestWithinWorkingDays), IrcDocumentsRequestWithinWorkingDays),
                     (nameof(DocumentsDeadlineWorkingDaysBeforeVisit), DocumentsDeadlineWorkingDaysBeforeVisit),
                     (nameof(VisitArrangementsWorkingDaysBeforeVisit), VisitArrangementsWorkingDaysBeforeVisit),
                     (nameof(LiaisonFeedbackWorkingDaysAfterVisit), LiaisonFeedbackWorkingDaysAfterVisit),
                     (nameof(DebriefDocumentWorkingDaysAfterVisit), DebriefDocumentWorkingDaysAfterVisit),
                     (nameof(PublicationAlertWorkingDaysBeforeDeadline), PublicationAlertWorkingDaysBeforeDeadline),
                     (nameof(FinalReportWorkingDaysBeforePublicationDeadline), FinalReportWorkingDaysBeforePublicationDeadline),
                     (nameof(FinalisingWorkingDaysBeforePublicationDeadline), FinalisingWorkingDaysBeforePublicationDeadline),
                     (nameof(GovernorFeedbackWorkingDaysAfterPublication), GovernorFeedbackWorkingDaysAfterPublication),
                     (nameof(MaterialDestructionWorkingDaysAfterPublication), MaterialDestructionWorkingDaysAfterPublication),
                     (nameof(MaterialDestructionWorkingDaysAfterCancellation), MaterialDestructionWorkingDaysAfterCancellation),
                     (nameof(SameEstablishmentMarginDays), SameEstablishmentMarginDays),
                     (nameof(InspectorsUpdateMinutesAfterFirstName), InspectorsUpdateMinutesAfterFirstName),
                     (nameof(FeedbackFormDaysAfterRequest), FeedbackFormDaysAfterRequest),
                 })
        {
            Require(value >= 0, name, $"must not be negative (was {value}).");
        }

        foreach (var (name, value) in new (string, int)[]
                 {
                     (nameof(VisitLengthWorkingDays), VisitLengthWorkingDays), (nameof(MaxRecommendations), MaxRecommendations),
                     (nameof(DocumentsOverdueEscalationWorkingDaysAfterDeadline), DocumentsOverdueEscalationWorkingDaysAfterDeadline),
                     (nameof(DraftReportWorkingDaysAfterVisit), DraftReportWorkingDaysAfterVisit),
                     (nameof(FactCheckWorkingDays), FactCheckWorkingDays),
                     (nameof(FactCheckMinimumWorkingDays), FactCheckMinimumWorkingDays),
                     (nameof(PublicationWorkingDaysAfterVisit), PublicationWorkingDaysAfterVisit),
                 })
        {
            Require(value >= 1, name, $"must be at least 1 (was {value}).");
        }

        Require(NoticeMaxMonths >= NoticeMinMonths, nameof(NoticeMaxMonths), $"must not be less than {nameof(NoticeMinMonths)} ({NoticeMinMonths}).");
        Require(SourceInspectionMaxMonths >= SourceInspectionMinMonths, nameof(SourceInspectionMaxMonths),
            $"must not be less than {nameof(SourceInspectionMinMonths)} ({SourceInspectionMinMonths}).");
        Require(PublicationWorkingDaysAfterVisit >= DraftReportWorkingDaysAfterVisit, nameof(PublicationWorkingDaysAfterVisit),
            $"must not be less than {nameof(DraftReportWorkingDaysAfterVisit)} ({DraftReportWorkingDaysAfterVisit}): the draft comes before publication.");
        Require(PublicationAlertWorkingDaysBeforeDeadline < PublicationWorkingDaysAfterVisit, nameof(PublicationAlertWorkingDaysBeforeDeadline),
            $"must be less than {nameof(PublicationWorkingDaysAfterVisit)} ({PublicationWorkingDaysAfterVisit}): the alert comes after the visit.");
        Require(FactCheckMinimumWorkingDays <= FactCheckWorkingDays, nameof(FactCheckMinimumWorkingDays),
            $"must not be more than {nameof(FactCheckWorkingDays)} ({FactCheckWorkingDays}).");
        RequireReminders(DocumentsReminderWorkingDaysBeforeDeadline, nameof(DocumentsReminderWorkingDaysBeforeDeadline));
        RequireReminders(FactCheckReminderWorkingDaysBeforeDeadline, nameof(FactCheckReminderWorkingDaysBeforeDeadline));
        Require(FactCheckReminderWorkingDaysBeforeDeadline?.All(d => d < FactCheckWorkingDays) != false,
            nameof(FactCheckReminderWorkingDaysBeforeDeadline), $"entries must be less than {nameof(FactCheckWorkingDays)} ({FactCheckWorkingDays}): a reminder cannot precede the draft.");
        Require(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? string.Empty, out _), nameof(TimeZoneId), $"'{TimeZoneId}' is not a time zone known on this machine.");

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The IRP policy is invalid: " + string.Join(" ", problems));
        }

        void RequireReminders(int[]? offsets, string name)
        {
            Require(offsets is not null, name, "must be a list (it may be empty).");
            Require(offsets?.All(d => d >= 1) != false, name, "entries must each be at least 1 working day.");
            Require(offsets is null || offsets.Distinct().Count() == offsets.Length, name, "entries must not repeat.");
        }
    }
}
