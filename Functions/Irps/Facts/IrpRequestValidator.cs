using System.Globalization;
using IrpFlows.Calendar;
using IrpFlows.Irps.Timeline;
using IrpFlows.Validation;

namespace IrpFlows.Irps.Facts;

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
        var recommendations = ParseRecommendations(request.Recommendations, item, kind, Error);
        var themes = ParseThemes(request.OfstedThemes, Error);
        var team = ParseTeam(request.Team, Error);
        CheckUniqueRefs(request, Error);

        // Prison guide 6.1 limits a prison IRP's recommendations; the IRC guide sets no number of concerns.
        if (kind != IrpKind.Immigration && recommendations.Count > policy.MaxRecommendations)
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

        if (kind is { } teamKind) CheckTeam(teamKind, team, warnings);
        var education = CheckPartnerFacts(request, kind, establishment, themes, Error, warnings);

        if (kind == IrpKind.Immigration && themes.Count > 0)
        {
            // Prison guide 5.2: Ofsted monitoring visits are for prisons' education; the IRC guide has no Ofsted themes.
            Error("ofstedThemes", "must be empty for an immigration removal centre: Ofsted themes are followed up at prisons (prison guide 5.2), and the IRC guide has none");
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
    /// Warnings, not refusals (the guides say "usually", "wherever possible"), on a team listed with the request: its size
    /// (prison guide 2.3: "four or five inspectors", 4.1: the team leader and "usually three or four other inspectors,
    /// including any specialists or partners"; IRC guide 2.1: "three to five HMI Prisons inspectors and researchers", who "may
    /// be joined by a colleague from the Care Quality Commission") and its link with the source inspection (prison guide 4.1:
    /// "wherever possible, the team leader who conducted the source inspection", "ideally, at least one member"; IRC guide
    /// 2.1: "at least one member of the IRP team will have conducted the previous inspection").
    /// </summary>
    private static void CheckTeam(IrpKind kind, IReadOnlyList<TeamMember> team, List<IrpWarning> warnings)
    {
        if (team.Count == 0) return; // not given yet: the arrangements list the coordinator and the inspectors named on the items
        var irc = kind == IrpKind.Immigration;
        var counted = irc ? team.Count(m => !m.IsCqc) : team.Count;
        var (fewest, most) = irc ? (3, 5) : (4, 5);
        if (counted < fewest || counted > most)
        {
            warnings.Add(new IrpWarning("team-size", "team", irc
                ? $"lists {counted} HMI Prisons inspectors and researchers (besides any CQC colleague); IRC guide 2.1 says three to five will normally be enough"
                : $"lists {counted} inspectors, specialists and partners; prison guide 2.3 and 4.1 say usually four or five"));
        }
        if (!irc && team.FirstOrDefault(m => m.IsTeamLeader) is { AtSourceInspection: false } leader)
        {
            warnings.Add(new IrpWarning("team-leader-not-from-source-inspection", "team",
                $"names {leader.Name} as team leader, who was not on the source inspection; prison guide 4.1: wherever possible, the team leader who conducted it is assigned"));
        }
        if (!team.Any(m => m.AtSourceInspection))
        {
            warnings.Add(new IrpWarning("no-member-from-source-inspection", "team", irc
                ? "names no one who was on the previous inspection; IRC guide 2.1: at least one member of the IRP team will have conducted it"
                : "names no one who was on the source inspection; prison guide 4.1: ideally, at least one member of the IRP team will have conducted it"));
        }
    }

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

        var name = TextRules.Required(input.Name, "establishment.name", error);
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

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
