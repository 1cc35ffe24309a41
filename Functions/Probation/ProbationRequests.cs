using System.Globalization;
using IrpFlows.Calendar;
using IrpFlows.Mail;
using IrpFlows.Validation;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>
/// The body of <c>POST /api/probation-inspections</c> as received. Dates and enums are strings so that a malformed value
/// becomes an error naming its field rather than a deserialisation failure.
/// </summary>
public sealed record CreateProbationInspectionRequest
{
    public OrganisationRequest? Organisation { get; init; }

    /// <summary>yyyy-MM-dd: the Monday of fieldwork week one.</summary>
    [Text(Limits.Choice)]
    public string? FieldworkStart { get; init; }

    /// <summary>yyyy-MM-dd: the Monday of fieldwork week three; absent: two weeks after <see cref="FieldworkStart"/>.</summary>
    [Text(Limits.Choice)]
    public string? FieldworkWeekThreeStart { get; init; }

    public ProbationContactsRequest? Contacts { get; init; }
}

/// <param name="Type">"nps" or "crc".</param>
/// <param name="Nation">"england" or "wales".</param>
public sealed record OrganisationRequest(
    [property: Text(Limits.Name, Name = true)] string? Name, [property: Text(Limits.Choice)] string? Type, [property: Text(Limits.Choice)] string? Nation);

/// <param name="ChiefExecutive">The CRC chief executive or NPS divisional director.</param>
/// <param name="SeniorLinkManager">Optional at start: named on the announcement call (manual 3.3).</param>
public sealed record ProbationContactsRequest(ContactRequest? LeadInspector, ContactRequest? ChiefExecutive, ContactRequest? SeniorLinkManager)
{
    /// <summary>Optional: HMI Probation's deputy lead inspector (manual 3.3, Appendix 1).</summary>
    public ContactRequest? DeputyLead { get; init; }

    /// <summary>Optional: HMI Probation's administrator (operations), who sends the ratings letter (7.2) and the inspection documentation (Appendix 1).</summary>
    public ContactRequest? Administrator { get; init; }

    /// <summary>Optional: the head of inspection, who receives the factual accuracy comments (7.3) and reviews the action plan (7.5).</summary>
    public ContactRequest? HeadOfInspection { get; init; }

    /// <summary>Optional: HMPPS's Operational and Systems Assurance Group, copied on the draft report (7.3), which sends the action plan (7.5).</summary>
    public ContactRequest? Osag { get; init; }

    /// <summary>Optional, CRC inspections only: the NPS division told before fieldwork that its unpaid work cases are inspected (6.1).</summary>
    public ContactRequest? NpsDivision { get; init; }

    /// <summary>Optional: partners and other relevant organisations, told of the inspection and asked for information after the call (3.3).</summary>
    [Items(Limits.Partners)]
    public List<ContactRequest?>? Partners { get; init; }
}

/// <summary>
/// The body of <c>POST /api/probation-inspections/{id}/events/{eventName}</c>: each event reads the fields it needs. Typed so
/// that every field keeps its length and character rule before the event is parsed.
/// </summary>
public sealed record ProbationEventRequest(
    [property: Text(Limits.Name, Name = true)] string? Name = null,
    [property: Text(Limits.Email)] string? Email = null,
    [property: Text(Limits.Choice)] string? Date = null,
    [property: Text(Limits.Url)] string? Url = null,
    [property: Text(Limits.Choice)] string? FieldworkStart = null,
    [property: Text(Limits.Choice)] string? FieldworkWeekThreeStart = null,
    [property: Text(Limits.Choice)] string? Role = null,
    [property: Text(Limits.Choice)] string? By = null,
    [property: Text(Limits.Choice)] string? At = null,
    [property: Text(Limits.Choice)] string? Sample = null,
    int? Trained = null,
    int? Deployed = null);

/// <summary>The body of <c>PUT /api/probation-inspections/{id}/action-plan</c>: OSAG's action plan as reviewed (manual 7.5, Appendix 5).</summary>
/// <param name="Date">yyyy-MM-dd, the day it was received; absent: today.</param>
/// <param name="Amendments">What the lead inspector and head of inspection ask to be changed; absent: the plan is accepted.</param>
public sealed record ActionPlanRequest(
    [property: Text(Limits.Choice)] string? Date,
    [property: Items(Limits.Recommendations)] List<ActionPlanItemRequest?>? Recommendations,
    [property: Text(Limits.LongProse, Multiline = true)] string? Amendments);

/// <param name="Recommendation">The recommendation as the report words it.</param>
/// <param name="Response">Agreed, PartlyAgreed or NotAgreed (Appendix 5).</param>
public sealed record ActionPlanItemRequest([property: Text(Limits.Prose, Multiline = true)] string? Recommendation, [property: Text(Limits.Choice)] string? Response);

/// <summary>The outcome of validating a request: the facts when valid, otherwise errors keyed by camelCase field path.</summary>
public sealed record ProbationValidation(ProbationFacts? Facts, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Checks a create request field by field, reporting every problem at once, each naming its field.</summary>
public static class ProbationRequestValidator
{
    /// <param name="today">Today in England and Wales: the announcement call must not be in the past.</param>
    public static ProbationValidation Validate(CreateProbationInspectionRequest? request, DateOnly today, WorkingDayCalendar calendar, ProbationPlanner planner)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (request is null)
        {
            Error("body", "is required");
            return Result(null, errors);
        }

        var organisation = ParseOrganisation(request.Organisation, Error);
        var start = ParseMonday(request.FieldworkStart, "fieldworkStart", required: true, Error);
        var weekThree = ParseMonday(request.FieldworkWeekThreeStart, "fieldworkWeekThreeStart", required: false, Error) ?? start?.AddDays(14);
        if (start is not null && weekThree is not null && weekThree < start.Value.AddDays(14))
            Error("fieldworkWeekThreeStart", $"must be on or after {start.Value.AddDays(14):yyyy-MM-dd}, two weeks after fieldwork starts (manual 5.1: weeks one and two come first)");

        ProbationContacts? contacts = null;
        if (request.Contacts is null) Error("contacts", "is required");
        else
        {
            var lead = Contacts.Parse(request.Contacts.LeadInspector, "contacts.leadInspector", required: true, Error);
            var chief = Contacts.Parse(request.Contacts.ChiefExecutive, "contacts.chiefExecutive", required: true, Error);
            var link = Contacts.Parse(request.Contacts.SeniorLinkManager, "contacts.seniorLinkManager", required: false, Error);
            Contact? Optional(ContactRequest? input, string role) => Contacts.Parse(input, "contacts." + role, required: false, Error);
            var deputy = Optional(request.Contacts.DeputyLead, ProbationRoles.DeputyLead);
            var administrator = Optional(request.Contacts.Administrator, ProbationRoles.Administrator);
            var head = Optional(request.Contacts.HeadOfInspection, ProbationRoles.HeadOfInspection);
            var osag = Optional(request.Contacts.Osag, ProbationRoles.Osag);
            var division = Optional(request.Contacts.NpsDivision, ProbationRoles.NpsDivision);
            if (division is not null && organisation?.Type == OrganisationType.Nps) Error("contacts.npsDivision", NpsDivisionRule);
            var partners = (request.Contacts.Partners ?? []).Select((p, i) => Contacts.Parse(p, $"contacts.partners[{i}]", required: true, Error)).ToList();
            if (lead is not null && chief is not null)
                contacts = new ProbationContacts(lead, chief, link)
                    { DeputyLead = deputy, Administrator = administrator, HeadOfInspection = head, Osag = osag, NpsDivision = division, Partners = [.. partners.OfType<Contact>()] };
        }

        if (errors.Count > 0 || organisation is null || start is null || weekThree is null || contacts is null) return Result(null, errors);

        var facts = new ProbationFacts(organisation, start.Value, weekThree.Value, contacts);
        var (_, timingError) = CheckTiming(facts, today, calendar, planner);
        if (timingError is not null) Error("fieldworkStart", timingError);
        return Result(errors.Count == 0 ? facts : null, errors);
    }

    /// <summary>
    /// The timeline of <paramref name="facts"/>, or why it cannot be planned: beyond the calendar, or an announcement call (week -9,
    /// manual 3.3) already past, which would send the confirming email late and the organisation less than nine weeks' notice.
    /// </summary>
    public static (IReadOnlyList<PlannedStep>? Timeline, string? Error) CheckTiming(ProbationFacts facts, DateOnly today, WorkingDayCalendar calendar, ProbationPlanner planner)
    {
        IReadOnlyList<PlannedStep> timeline;
        try
        {
            timeline = planner.Plan(facts, new ProbationProgress());
        }
        catch (CalendarRangeException)
        {
            return (null, $"is too late: the inspection's timeline runs to week +19, past {calendar.SupportedTo:yyyy-MM-dd}, the last date whose bank holidays IrpFlows knows");
        }
        var call = timeline.Single(s => s.Id == ProbationSteps.AnnouncementCall).Date;
        return call < today
            ? (null, $"is too soon: the announcement call falls on {call:yyyy-MM-dd} (Thursday of week -9, manual 3.3), before today ({today:yyyy-MM-dd})")
            : (timeline, null);
    }

    /// <summary>Why an NPS inspection has no NPS division contact.</summary>
    public const string NpsDivisionRule =
        "is for a CRC inspection only: the NPS division is told before fieldwork that its unpaid work cases are inspected (manual 6.1); an NPS inspection is of the division itself";

    /// <summary>A yyyy-MM-dd Monday, or null (with an error when <paramref name="required"/> or malformed).</summary>
    public static DateOnly? ParseMonday(string? text, string field, bool required, Action<string, string> error)
    {
        if (text is null)
        {
            if (required) error(field, "is required: the Monday of the week, as yyyy-MM-dd");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error(field, "must be a date in the form yyyy-MM-dd");
            return null;
        }
        if (date.DayOfWeek != DayOfWeek.Monday)
        {
            error(field, $"must be a Monday, the first day of a week (manual 2.3 counts in weeks); {date:yyyy-MM-dd} is a {date.DayOfWeek}");
            return null;
        }
        return date;
    }

    private static Organisation? ParseOrganisation(OrganisationRequest? input, Action<string, string> error)
    {
        if (input is null)
        {
            error("organisation", "is required");
            return null;
        }
        if (string.IsNullOrWhiteSpace(input.Name)) error("organisation.name", "is required");
        OrganisationType? type = input.Type switch
        {
            "nps" => OrganisationType.Nps,
            "crc" => OrganisationType.Crc,
            _ => null,
        };
        if (type is null) error("organisation.type", "must be \"nps\" (a National Probation Service division) or \"crc\" (a Community Rehabilitation Company)");
        Nation? nation = input.Nation switch
        {
            "england" => Nation.England,
            "wales" => Nation.Wales,
            _ => null,
        };
        if (nation is null) error("organisation.nation", "must be \"england\" or \"wales\" (manual 7.4: publication is later in Wales)");
        return string.IsNullOrWhiteSpace(input.Name) || type is null || nation is null ? null : new Organisation(input.Name.Trim(), type.Value, nation.Value);
    }

    private static ProbationValidation Result(ProbationFacts? facts, Dictionary<string, List<string>> errors) =>
        new(facts, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
