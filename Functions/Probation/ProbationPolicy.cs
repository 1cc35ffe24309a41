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

    /// <summary>Reminders go this many working days before the case sample and factual accuracy deadlines, unless the thing has arrived.</summary>
    public int ReminderWorkingDaysBeforeDeadline { get; set; } = 1;

    /// <summary>Manual 4.4: the case sample is returned "by 16:00 on Wednesday week -3".</summary>
    public TimeOnly CaseSampleReturnTimeOfDay { get; set; } = new(16, 0);

    /// <summary>Manual 7.2: the ratings "arrive with the inspected body at 0900" on the Monday of week +2; also the time of the panel's morning.</summary>
    public TimeOnly RatingsTimeOfDay { get; set; } = new(9, 0);

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
        if (ReminderWorkingDaysBeforeDeadline < 1) throw Invalid(nameof(ReminderWorkingDaysBeforeDeadline), "must be at least 1");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _)) throw Invalid(nameof(TimeZoneId), $"'{TimeZoneId}' is not a known time zone");
        return this;
    }

    private static InvalidOperationException Invalid(string setting, string rule) => new($"{SectionName}:{setting} {rule}.");
}
