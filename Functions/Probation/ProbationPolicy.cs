namespace IrpFlows.Probation;

/// <summary>
/// The values of the probation timeline that an inspectorate might change through settings (section
/// <c>ProbationPolicy</c>), with the manual's as defaults. The week structure itself (week -9 announcement, week +7 draft, …)
/// is the manual's and lives in <see cref="ProbationPlanner"/>.
/// </summary>
public sealed class ProbationPolicy
{
    public const string SectionName = "ProbationPolicy";

    /// <summary>Manual 7.4: "published at week +13 in England".</summary>
    public int PublicationWeekEngland { get; set; } = 13;

    /// <summary>Manual 7.4: "week +17 in Wales" (time to translate the report).</summary>
    public int PublicationWeekWales { get; set; } = 17;

    /// <summary>Manual 7.5: the action plan reaches HMI Probation "at week +15 in England and +19 in Wales": two weeks after publication.</summary>
    public int ActionPlanWeeksAfterPublication { get; set; } = 2;

    /// <summary>Manual 7.4: the embargoed copy goes "5 working days before formal publication".</summary>
    public int EmbargoWorkingDaysBeforePublication { get; set; } = 5;

    /// <summary>
    /// Local policy (the manual gives no date): the domain two long list (4.4 stage 1) is due by the end of the week this many
    /// weeks before fieldwork, so the administrator can send the provisional list by week -5 (3.8). Default 7: Friday of week -7.
    /// </summary>
    public int DomainTwoLongListWeeksBeforeFieldwork { get; set; } = 7;

    /// <summary>Reminders go this many working days before the case sample and factual accuracy deadlines, unless the thing has arrived.</summary>
    public int ReminderWorkingDaysBeforeDeadline { get; set; } = 1;

    /// <summary>Manual 4.4: the case sample is returned "by 16:00 on Wednesday week -3".</summary>
    public TimeOnly CaseSampleReturnTimeOfDay { get; set; } = new(16, 0);

    /// <summary>Manual 7.2: the ratings "arrive with the inspected body at 0900" on the Monday of week +2; also the time of the panel's morning.</summary>
    public TimeOnly RatingsTimeOfDay { get; set; } = new(9, 0);

    /// <summary>
    /// Local policy: the day of week -2 the three days of local assessor training begin (NPS inspections). The manual names the
    /// week, "two weeks prior to the inspection (week -2)", not the days (3.9); Monday to Wednesday unless set. Monday to
    /// Wednesday only, so three weekdays of the week follow it.
    /// </summary>
    public DayOfWeek LocalAssessorTrainingFirstDay { get; set; } = DayOfWeek.Monday;

    /// <summary>
    /// Local policy: the time each fieldwork week starts on its first day. The manual says only that fieldwork "commences on
    /// Monday afternoon" (6.10); an afternoon time, 12:00 to 17:59.
    /// </summary>
    public TimeOnly FieldworkStartTime { get; set; } = new(13, 0);

    /// <summary>
    /// Local policy within the manual's window: the time each fieldwork week ends on its Friday. The manual says it ends "on
    /// Friday, usually between 12:00 and 14:00" (6.10); 14:00 unless set, the latest it allows.
    /// </summary>
    public TimeOnly FieldworkEndTime { get; set; } = new(14, 0);

    /// <summary>
    /// Local policy: the week before fieldwork (week -n) on whose first working day the administrator notifies the NPS division
    /// that a CRC inspection inspects unpaid work in some of its cases. The manual says only "prior to fieldwork" (6.1); week -2,
    /// with the final schedules (5.1), unless set. From week -8 (after the announcement) to week -1.
    /// </summary>
    public int NpsDivisionNoticeWeeksBeforeFieldwork { get; set; } = 2;

    /// <summary>
    /// Local policy: the week before fieldwork (week -n) on whose first working day the outline schedule of domain one meetings
    /// is sent. The manual says only "following the announcement of an inspection" (5.2); week -8, with the confirming email
    /// (3.3), unless set. From week -8 to week -3, before the final schedules of week -2 (5.1).
    /// </summary>
    public int OutlineScheduleWeeksBeforeFieldwork { get; set; } = 8;

    /// <summary>
    /// Local policy: a second active inspection of the same organisation whose fieldwork starts within this many days of the
    /// other's is refused as a duplicate (the manual's programme inspects each organisation once a year, 1.3).
    /// </summary>
    public int SameOrganisationMarginDays { get; set; } = 90;

    /// <summary>Local time a dated step fires when the manual gives no time.</summary>
    public TimeOnly StepTimeOfDay { get; set; } = new(9, 0);

    public string TimeZoneId { get; set; } = "Europe/London";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Binds the section over the defaults and validates.</summary>
    /// <exception cref="InvalidOperationException">A value is invalid, named with its setting.</exception>
    public static ProbationPolicy FromConfiguration(IConfiguration section)
    {
        var policy = new ProbationPolicy();
        section.Bind(policy);
        return policy.Validate();
    }

    /// <exception cref="InvalidOperationException">A value is invalid, named with its setting.</exception>
    public ProbationPolicy Validate()
    {
        // The embargoed copy comes after the factual accuracy check of week +8, so publication cannot be earlier than week +9.
        if (PublicationWeekEngland < 9) throw Invalid(nameof(PublicationWeekEngland), "must be at least 9, after the factual accuracy check of week +8");
        if (PublicationWeekWales < 9) throw Invalid(nameof(PublicationWeekWales), "must be at least 9, after the factual accuracy check of week +8");
        if (ActionPlanWeeksAfterPublication < 0) throw Invalid(nameof(ActionPlanWeeksAfterPublication), "must not be negative");
        if (EmbargoWorkingDaysBeforePublication < 1) throw Invalid(nameof(EmbargoWorkingDaysBeforePublication), "must be at least 1");
        // A week after the confirming email of week -8 that asks for it, before the provisional list of week -5 made from it.
        if (DomainTwoLongListWeeksBeforeFieldwork is < 6 or > 7)
            throw Invalid(nameof(DomainTwoLongListWeeksBeforeFieldwork), "must be 6 or 7: after the week of the confirming email (week -8) that asks for it, before the provisional list of week -5 (manual 3.8)");
        if (SameOrganisationMarginDays < 0) throw Invalid(nameof(SameOrganisationMarginDays), "must not be negative");
        if (ReminderWorkingDaysBeforeDeadline < 1) throw Invalid(nameof(ReminderWorkingDaysBeforeDeadline), "must be at least 1");
        if (LocalAssessorTrainingFirstDay is < DayOfWeek.Monday or > DayOfWeek.Wednesday)
            throw Invalid(nameof(LocalAssessorTrainingFirstDay), "must be Monday, Tuesday or Wednesday, so the three days of training fit in week -2");
        if (FieldworkStartTime < new TimeOnly(12, 0) || FieldworkStartTime >= new TimeOnly(18, 0))
            throw Invalid(nameof(FieldworkStartTime), "must be in the afternoon (12:00 to 17:59): fieldwork commences on Monday afternoon (manual 6.10)");
        if (FieldworkEndTime < new TimeOnly(12, 0) || FieldworkEndTime > new TimeOnly(14, 0))
            throw Invalid(nameof(FieldworkEndTime), "must be between 12:00 and 14:00: fieldwork ends on Friday between 12:00 and 14:00 (manual 6.10)");
        if (NpsDivisionNoticeWeeksBeforeFieldwork is < 1 or > 8)
            throw Invalid(nameof(NpsDivisionNoticeWeeksBeforeFieldwork), "must be from 1 to 8: after the announcement of week -9 (3.3) and prior to fieldwork (6.1)");
        if (OutlineScheduleWeeksBeforeFieldwork is < 3 or > 8)
            throw Invalid(nameof(OutlineScheduleWeeksBeforeFieldwork), "must be from 3 to 8: following the announcement of week -9 (5.2) and before the final schedules of week -2 (5.1)");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _)) throw Invalid(nameof(TimeZoneId), $"'{TimeZoneId}' is not a known time zone");
        return this;
    }

    private static InvalidOperationException Invalid(string setting, string rule) => new($"{SectionName}:{setting} {rule}.");
}
