using System.Globalization;
using System.Text.RegularExpressions;
using IrpFlows.Calendar;

namespace IrpFlows.Timeline;

/// <summary>
/// Turns a <see cref="CreateIrpRequest"/> into <see cref="IrpFacts"/>, or into errors that name each field (camelCase path, as in
/// the JSON) and the rule it breaks. Rules the guides state as "usually" are warnings, never errors. Pure: "today" is a parameter.
/// </summary>
public static partial class IrpRequestValidator
{
    /// <summary>
    /// Validates <paramref name="request"/>; a missing <c>announcementDate</c> means <paramref name="today"/>. Every date must lie
    /// in the calendar's supported range and so must the whole timeline the request would produce. Never throws for bad input.
    /// </summary>
    public static IrpValidation Validate(CreateIrpRequest? request, DateOnly today, WorkingDayCalendar calendar, IrpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, List<string>>();
        var warnings = new List<IrpWarning>();
        void Error(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (request is null)
        {
            Error("$", "a request body is required");
            return Result(null);
        }

        var kind = ParseChoice(request.Kind, "kind", KindNames, Error);
        var establishment = ParseEstablishment(request.Establishment, kind, Error);
        var sourceEnd = ParseDate(request.SourceInspectionEnd, "sourceInspectionEnd", calendar, Error);
        var visitStart = ParseDate(request.VisitStart, "visitStart", calendar, Error);
        var announcement = request.AnnouncementDate is null
            ? InRange(today, "announcementDate", $"defaults to today, {today:yyyy-MM-dd}, which", calendar, Error)
            : ParseDate(request.AnnouncementDate, "announcementDate", calendar, Error);
        var contacts = ParseContacts(request.Contacts, kind, Error, warnings);
        var item = kind == IrpKind.Immigration ? "concern" : "recommendation";
        var recommendations = ParseRecommendations(request.Recommendations, item, Error);
        var themes = ParseThemes(request.OfstedThemes, Error);
        var team = ParseTeam(request.Team, Error);
        CheckUniqueRefs(request, Error);

        if (recommendations.Count > policy.MaxRecommendations)
        {
            var message = $"lists {recommendations.Count} {item}s; prison guide 6.1 says usually at most {policy.MaxRecommendations}";
            if (policy.MaxRecommendationsIsHard)
            {
                Error("recommendations", $"must list at most {policy.MaxRecommendations} {item}s (prison guide 6.1); it lists {recommendations.Count}");
            }
            else
            {
                warnings.Add(new IrpWarning("too-many-recommendations", "recommendations", message));
            }
        }

        var education = CheckPartnerFacts(request, kind, establishment, themes, Error, warnings);

        if (kind == IrpKind.Immigration && themes.Count > 0)
        {
            // Prison guide 5.2: Ofsted monitoring visits are for prisons' education; the IRC guide has no Ofsted themes.
            warnings.Add(new IrpWarning("ofsted-themes-on-irc", "ofstedThemes",
                "Ofsted themes are followed up at prisons (prison guide 5.2); the IRC guide has none"));
        }

        if (visitStart is { } visit && announcement is { } announced && sourceEnd is { } source)
        {
            // An unreadable kind is reported above; the dates are still checked, by the prison guide's rules.
            CheckDates(kind ?? IrpKind.Prison, source, visit, announced, calendar, policy, Error, warnings);
        }

        if (errors.Count > 0 || kind is null || establishment is null || contacts is null)
        {
            return Result(null);
        }

        var facts = new IrpFacts(kind.Value, establishment, sourceEnd!.Value, visitStart!.Value, announcement!.Value, contacts,
            recommendations, themes, request.CqcIssuedNotices ?? false)
        {
            EducationJudgement = education,
            EducationConcerns = request.EducationConcerns,
            IcibiInvited = request.IcibiInvited ?? false,
            Team = team,
        };
        try
        {
            new IrpPlanner(calendar, policy).Plan(facts, new IrpProgress());
        }
        catch (CalendarRangeException ex)
        {
            Error("visitStart", $"gives a timeline reaching {ex.Date:yyyy-MM-dd}, outside the working-day calendar ({ex.SupportedFrom:yyyy-MM-dd} to {ex.SupportedTo:yyyy-MM-dd})");
        }

        return Result(errors.Count == 0 ? facts : null);

        IrpValidation Result(IrpFacts? valid) =>
            new(valid, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), warnings);
    }

    private static void CheckDates(IrpKind kind, DateOnly source, DateOnly visit, DateOnly announced, WorkingDayCalendar calendar,
        IrpPolicy policy, Action<string, string> error, List<IrpWarning> warnings)
    {
        var guide = kind == IrpKind.Immigration ? "IRC guide" : "prison guide";
        if (source >= announced)
        {
            error("sourceInspectionEnd", $"must be before the announcement date, {announced:yyyy-MM-dd}");
        }

        if (calendar.DescribeNonWorkingDay(visit) is { } why)
        {
            error("visitStart", $"must be a working day in England and Wales; {visit:yyyy-MM-dd} is {why}");
            return;
        }

        if (visit <= announced)
        {
            error("visitStart", $"must be after the announcement date, {announced:yyyy-MM-dd}");
            return;
        }

        try
        {
            // Prison guide 7.4 / IRC guide 2.8: documents due five working days before the visit, after they were asked for.
            var deadline = calendar.AddWorkingDays(visit, -policy.DocumentsDeadlineWorkingDaysBeforeVisit);
            var requestOffset = kind == IrpKind.Immigration
                ? Math.Min(policy.DocumentsRequestWorkingDaysAfterAnnouncement, policy.IrcDocumentsRequestWithinWorkingDays)
                : policy.DocumentsRequestWorkingDaysAfterAnnouncement;
            var request = calendar.AddWorkingDays(announced, requestOffset);
            var paragraph = kind == IrpKind.Immigration ? "2.8" : "7.4";
            if (deadline <= announced)
            {
                error("visitStart", $"leaves no time for documents: they would be due on {deadline:yyyy-MM-dd} ({policy.DocumentsDeadlineWorkingDaysBeforeVisit} working days before the visit, {guide} {paragraph}), on or before the announcement date, {announced:yyyy-MM-dd}");
            }
            else if (deadline < request)
            {
                error("visitStart", $"leaves no time for documents: they would be due on {deadline:yyyy-MM-dd} ({guide} {paragraph}), before they are asked for on {request:yyyy-MM-dd}");
            }
        }
        catch (CalendarRangeException ex)
        {
            error("visitStart", $"gives a timeline reaching {ex.Date:yyyy-MM-dd}, outside the working-day calendar ({ex.SupportedFrom:yyyy-MM-dd} to {ex.SupportedTo:yyyy-MM-dd})");
        }

        // Prison guide 6.1 / IRC guide 2.4: announced "usually two to three months in advance of the visit".
        if (visit < announced.AddMonths(policy.NoticeMinMonths) || visit > announced.AddMonths(policy.NoticeMaxMonths))
        {
            warnings.Add(new IrpWarning("notice-period", "announcementDate",
                $"announces the visit on {visit:yyyy-MM-dd} from {announced:yyyy-MM-dd}; {guide} {(kind == IrpKind.Immigration ? "2.4" : "6.1")} says usually {policy.NoticeMinMonths} to {policy.NoticeMaxMonths} months in advance"));
        }

        // Prison guide 4.1 / IRC guide 2.1: eight to 12 months after the source inspection.
        if (visit < source.AddMonths(policy.SourceInspectionMinMonths) || visit > source.AddMonths(policy.SourceInspectionMaxMonths))
        {
            warnings.Add(new IrpWarning("source-inspection-interval", "visitStart",
                $"is not {policy.SourceInspectionMinMonths} to {policy.SourceInspectionMaxMonths} months after the source inspection ended on {source:yyyy-MM-dd} ({guide} {(kind == IrpKind.Immigration ? "2.1" : "4.1")})"));
        }
    }

    /// <summary>
    /// The facts that decide which partners join (prison guide 5.2, 5.3; IRC guide 2.3), each refused where the guides give it
    /// no meaning, so a request cannot say Ofsted judged a Welsh prison or invite ICIBI to a prison. Returns the education judgement.
    /// </summary>
    private static EducationJudgement? CheckPartnerFacts(CreateIrpRequest request, IrpKind? kind, Establishment? establishment,
        IReadOnlyList<OfstedTheme> themes, Action<string, string> error, List<IrpWarning> warnings)
    {
        var prison = kind == IrpKind.Prison;
        var wales = establishment?.Nation == Nation.Wales;
        EducationJudgement? education = null;
        if (request.EducationJudgement is not null)
        {
            education = ParseChoice(request.EducationJudgement, "educationJudgement", EducationJudgementNames, error);
            if (kind == IrpKind.Immigration)
            {
                error("educationJudgement", "applies to prisons only: Ofsted's judgement of education, skills and work (prison guide 5.2)");
            }
            else if (prison && wales)
            {
                error("educationJudgement", "is Ofsted's judgement of a prison in England (prison guide 5.2); a Welsh prison's education is Estyn's: give educationConcerns instead (5.3)");
            }
        }

        if (request.EducationConcerns is { } concerns)
        {
            if (kind == IrpKind.Immigration)
            {
                error("educationConcerns", "applies to prisons in Wales only (prison guide 5.3)");
            }
            else if (prison && !wales)
            {
                error("educationConcerns", "applies to prisons in Wales only (prison guide 5.3); for a prison in England give educationJudgement (5.2)");
            }
            else if (prison && !concerns && themes.Count > 0)
            {
                error("educationConcerns", "is false, but ofstedThemes lists Estyn themes: Estyn takes part only where there are key concerns and recommendations about education, skills and work (prison guide 5.3)");
            }
        }

        if (request.IcibiInvited == true && prison)
        {
            error("icibiInvited", "applies to immigration IRPs only (IRC guide 2.3)");
        }

        if (prison && !wales && themes.Count > 0 && education is EducationJudgement.Good or EducationJudgement.Outstanding)
        {
            warnings.Add(new IrpWarning("ofsted-themes-without-education-concern", "ofstedThemes",
                $"lists Ofsted themes although education, skills and work was judged {(education == EducationJudgement.Good ? "good" : "outstanding")}; prison guide 5.2 says Ofsted takes part when it was inadequate or requires improvement"));
        }

        return education;
    }

    private static readonly Dictionary<string, EducationJudgement> EducationJudgementNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["outstanding"] = EducationJudgement.Outstanding, ["good"] = EducationJudgement.Good,
        ["requiresImprovement"] = EducationJudgement.RequiresImprovement, ["inadequate"] = EducationJudgement.Inadequate,
    };

    private static readonly Dictionary<string, IrpKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prison"] = IrpKind.Prison, ["immigration"] = IrpKind.Immigration,
    };

    private static readonly Dictionary<string, EstablishmentType> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adult"] = EstablishmentType.Adult, ["yoi"] = EstablishmentType.Yoi, ["split"] = EstablishmentType.Split, ["irc"] = EstablishmentType.Irc,
    };

    private static readonly Dictionary<string, Nation> NationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["england"] = Nation.England, ["wales"] = Nation.Wales,
    };

    private static T? ParseChoice<T>(string? value, string field, Dictionary<string, T> names, Action<string, string> error)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(field, "is required");
            return null;
        }

        if (names.TryGetValue(value, out var parsed))
        {
            return parsed;
        }

        error(field, $"must be one of: {string.Join(", ", names.Keys)}");
        return null;
    }

    private static DateOnly? ParseDate(string? value, string field, WorkingDayCalendar calendar, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(field, "is required");
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error(field, "must be a date in the form yyyy-MM-dd");
            return null;
        }

        return InRange(date, field, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), calendar, error);
    }

    private static DateOnly? InRange(DateOnly date, string field, string subject, WorkingDayCalendar calendar, Action<string, string> error)
    {
        if (date >= calendar.SupportedFrom && date <= calendar.SupportedTo)
        {
            return date;
        }

        error(field, $"must be between {calendar.SupportedFrom:yyyy-MM-dd} and {calendar.SupportedTo:yyyy-MM-dd}, the dates the working-day calendar knows; {subject} is not");
        return null;
    }

    private static Establishment? ParseEstablishment(EstablishmentRequest? input, IrpKind? kind, Action<string, string> error)
    {
        if (input is null)
        {
            error("establishment", "is required");
            return null;
        }

        var name = Required(input.Name, "establishment.name", error);
        var type = ParseChoice(input.Type, "establishment.type", TypeNames, error);
        var nation = ParseChoice(input.Nation, "establishment.nation", NationNames, error);
        if (kind == IrpKind.Immigration && type is not null and not EstablishmentType.Irc)
        {
            error("establishment.type", "must be irc for an immigration IRP");
        }
        else if (kind == IrpKind.Prison && type == EstablishmentType.Irc)
        {
            error("establishment.type", "cannot be irc for a prison IRP; an immigration removal centre needs kind immigration");
        }

        return name is null || type is null || nation is null ? null : new Establishment(name, type.Value, nation.Value);
    }

    private static IrpContacts? ParseContacts(ContactsRequest? input, IrpKind? kind, Action<string, string> error, List<IrpWarning> warnings)
    {
        if (input is null)
        {
            error("contacts", "is required");
            return null;
        }

        var coordinator = ParseContact(input.Coordinator, "contacts.coordinator", required: true, error);
        var governor = ParseContact(input.Governor, "contacts.governor", required: true, error);
        var imbChair = ParseContact(input.ImbChair, "contacts.imbChair", required: true, error);
        var liaisonOfficer = ParseContact(input.LiaisonOfficer, "contacts.liaisonOfficer", required: false, error);
        var homeOffice = ParseContact(input.HomeOffice, "contacts.homeOffice", required: false, error);
        if (kind == IrpKind.Immigration && input.HomeOffice is null)
        {
            error("contacts.homeOffice", "is required for an immigration IRP (IRC guide 2.4: the letter goes to the Home Office)");
        }

        var hmpps = ParseContact(input.Hmpps, "contacts.hmpps", required: false, error);
        var contractor = ParseContact(input.Contractor, "contacts.contractor", required: false, error);
        var ministerialOffice = ParseContact(input.MinisterialOffice, "contacts.ministerialOffice", required: false, error);
        var detentionEngagement = ParseContact(input.HomeOfficeDetentionEngagement, "contacts.homeOfficeDetentionEngagement", required: false, error);
        if (kind == IrpKind.Immigration && input.Hmpps is not null)
        {
            error("contacts.hmpps", "applies to prisons (prison guide 13.1); an IRC's debrief document goes to the contractor and the Home Office (IRC guide 4.3)");
        }
        if (kind == IrpKind.Prison && input.Contractor is not null)
        {
            error("contacts.contractor", "applies to immigration IRPs (IRC guide 4.3); a prison's debrief document goes to HMPPS (prison guide 13.1)");
        }
        if (kind == IrpKind.Prison && input.HomeOfficeDetentionEngagement is not null)
        {
            error("contacts.homeOfficeDetentionEngagement", "applies to immigration IRPs (IRC guide 5.3)");
        }

        if (kind == IrpKind.Prison && input.Hmpps is null)
        {
            warnings.Add(new IrpWarning("no-hmpps-contact", "contacts.hmpps",
                "is not given, so the debrief document will not be sent to HMPPS (prison guide 13.1)"));
        }
        if (kind == IrpKind.Immigration && input.Contractor is null)
        {
            warnings.Add(new IrpWarning("no-contractor-contact", "contacts.contractor",
                "is not given, so the debrief document will go to the Home Office only, not to the contractor (IRC guide 4.3)"));
        }
        if (kind is not null && input.MinisterialOffice is null)
        {
            warnings.Add(new IrpWarning("no-ministerial-office-contact", "contacts.ministerialOffice", kind == IrpKind.Immigration
                ? "is not given, so IrpFlows will not send the final report to the Home Secretary and Minister (IRC guide 5.1)"
                : "is not given, so IrpFlows will not send the final report to the Secretary of State for Justice (prison guide 14.1)"));
        }

        return coordinator is null || governor is null || imbChair is null
            ? null
            : new IrpContacts(coordinator, governor, imbChair, liaisonOfficer, homeOffice)
            {
                Hmpps = hmpps, Contractor = contractor, MinisterialOffice = ministerialOffice, HomeOfficeDetentionEngagement = detentionEngagement,
            };
    }

    private static Contact? ParseContact(ContactRequest? input, string field, bool required, Action<string, string> error)
    {
        if (input is null)
        {
            if (required)
            {
                error(field, "is required");
            }

            return null;
        }

        var name = Required(input.Name, $"{field}.name", error);
        var email = Required(input.Email, $"{field}.email", error);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            error($"{field}.email", "must be an email address like name@example.gov.uk");
            return null;
        }

        return name is null || email is null ? null : new Contact(name, email);
    }

    private static List<Recommendation> ParseRecommendations(List<RecommendationRequest?>? input, string item, Action<string, string> error)
    {
        if (input is null || input.Count == 0)
        {
            error("recommendations", $"must list at least one {item} to follow up");
            return [];
        }

        var result = new List<Recommendation>();
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"recommendations[{i}]";
            if (input[i] is not { } r)
            {
                error(field, "is required");
                continue;
            }

            var reference = Required(r.Ref, $"{field}.ref", error);
            var parts = ParseParts(r.Parts, field, error);
            var text = parts is { Count: > 0 } ? Optional(r.Text) ?? "" : Required(r.Text, $"{field}.text", error);
            if (reference is not null && text is not null && parts is not null)
            {
                result.Add(new Recommendation(reference, Optional(r.Area), text)
                {
                    Inspector = Optional(r.Inspector),
                    Concern = Optional(r.Concern),
                    Parts = parts,
                });
            }
        }

        return result;
    }

    /// <summary>Null when a part is invalid (each error is reported); empty when the recommendation has no parts.</summary>
    private static List<RecommendationPart>? ParseParts(List<RecommendationPartRequest?>? input, string field, Action<string, string> error)
    {
        if (input is null || input.Count == 0)
        {
            return [];
        }

        if (input.Count == 1)
        {
            error($"{field}.parts", "must list at least two parts; a recommendation in one part is that part, given as its text");
            return null;
        }

        var parts = new List<RecommendationPart>();
        for (var j = 0; j < input.Count; j++)
        {
            var partField = $"{field}.parts[{j}]";
            if (input[j] is not { } p)
            {
                error(partField, "is required");
                continue;
            }

            var reference = Required(p.Ref, $"{partField}.ref", error);
            var text = Required(p.Text, $"{partField}.text", error);
            if (reference is not null && text is not null)
            {
                parts.Add(new RecommendationPart(reference, text));
            }
        }

        return parts.Count == input.Count ? parts : null;
    }

    private static List<OfstedTheme> ParseThemes(List<OfstedThemeRequest?>? input, Action<string, string> error)
    {
        var result = new List<OfstedTheme>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var field = $"ofstedThemes[{i}]";
            if (input![i] is not { } t)
            {
                error(field, "is required");
                continue;
            }

            var reference = Required(t.Ref, $"{field}.ref", error);
            var text = Required(t.Text, $"{field}.text", error);
            if (reference is not null && text is not null)
            {
                result.Add(new OfstedTheme(reference, text));
            }
        }

        return result;
    }

    private static List<TeamMember> ParseTeam(List<TeamMemberRequest?>? input, Action<string, string> error)
    {
        var team = new List<TeamMember>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var field = $"team[{i}]";
            if (input![i] is not { } member)
            {
                error(field, "is required");
                continue;
            }

            if (Required(member.Name, $"{field}.name", error) is { } name)
            {
                team.Add(new TeamMember(name, Optional(member.Role), member.Keys ?? true, member.Laptop ?? true));
            }
        }

        return team;
    }

    /// <summary>
    /// Judgements are recorded by ref (PUT /api/irps/{id}/judgements/{ref}), so refs are unique across recommendations, their
    /// parts and the themes.
    /// </summary>
    private static void CheckUniqueRefs(CreateIrpRequest request, Action<string, string> error)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refs = (request.Recommendations ?? []).SelectMany((r, i) =>
                new[] { (r?.Ref, Field: $"recommendations[{i}].ref") }
                    .Concat((r?.Parts ?? []).Select((p, j) => (p?.Ref, Field: $"recommendations[{i}].parts[{j}].ref"))))
            .Concat((request.OfstedThemes ?? []).Select((t, i) => (t?.Ref, Field: $"ofstedThemes[{i}].ref")));
        foreach (var (reference, field) in refs)
        {
            if (string.IsNullOrWhiteSpace(reference))
            {
                continue;
            }

            if (!seen.TryAdd(reference.Trim(), field))
            {
                error(field, $"duplicates {seen[reference.Trim()]} ('{reference.Trim()}'); refs must be unique across recommendations, their parts and Ofsted themes");
            }
        }
    }

    private static string? Required(string? value, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(field, "is required");
            return null;
        }

        return value.Trim();
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
