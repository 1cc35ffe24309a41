using IrpFlows.Calendar;
using IrpFlows.Mail;

namespace IrpFlows.Probation;

/// <summary>
/// Which probation provider is inspected (manual 2.1): a National Probation Service division, or a Community Rehabilitation
/// Company. It decides the domain three standards and whether local assessors are trained (3.9, NPS only).
/// </summary>
public enum OrganisationType { Nps, Crc }

/// <summary>The inspected organisation. <see cref="Nation"/> decides when the report is published (manual 7.4).</summary>
public sealed record Organisation(string Name, OrganisationType Type, Nation Nation);

/// <summary>
/// The people a probation inspection writes to or on behalf of. Three are needed from the start: the lead inspector, who
/// announces it (3.3) and signs most of its emails, and the CRC chief executive or NPS divisional director (3.3). The others
/// may be named at the start or later (<c>ContactNamed</c>): the senior link manager, named by the organisation on the
/// announcement call (3.3, 3.4); HMI Probation's deputy lead inspector (3.3, Appendix 1), administrator (Appendix 1: issues
/// the inspection documentation; sends the ratings letter, 7.2) and head of inspection (7.3: receives the factual accuracy
/// comments with the lead; 7.5: reviews the action plan); OSAG, HMPPS's Operational and Systems Assurance Group (7.3: copied on
/// the draft report; 7.5: sends the action plan); and, for a CRC, the NPS division told that its unpaid work cases are
/// inspected (6.1). An email whose person is not named yet goes without them and says nothing of them.
/// </summary>
public sealed record ProbationContacts(Contact LeadInspector, Contact ChiefExecutive, Contact? SeniorLinkManager)
{
    public Contact? DeputyLead { get; init; }
    public Contact? Administrator { get; init; }
    public Contact? HeadOfInspection { get; init; }
    public Contact? Osag { get; init; }
    public Contact? NpsDivision { get; init; }

    /// <summary>Partners and other relevant organisations the administrator writes to after the call (3.3); none when none were given.</summary>
    public IReadOnlyList<Contact> Partners { get; init; } = [];

    /// <summary>The contact with <paramref name="role"/> (one of <see cref="ProbationRoles.All"/>), or null when not named.</summary>
    public Contact? Of(string role) => role switch
    {
        ProbationRoles.LeadInspector => LeadInspector,
        ProbationRoles.ChiefExecutive => ChiefExecutive,
        ProbationRoles.SeniorLinkManager => SeniorLinkManager,
        ProbationRoles.DeputyLead => DeputyLead,
        ProbationRoles.Administrator => Administrator,
        ProbationRoles.HeadOfInspection => HeadOfInspection,
        ProbationRoles.Osag => Osag,
        ProbationRoles.NpsDivision => NpsDivision,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a probation contact's role."),
    };

    /// <summary>These contacts with <paramref name="role"/> now <paramref name="contact"/>.</summary>
    public ProbationContacts With(string role, Contact contact) => role switch
    {
        ProbationRoles.LeadInspector => this with { LeadInspector = contact },
        ProbationRoles.ChiefExecutive => this with { ChiefExecutive = contact },
        ProbationRoles.SeniorLinkManager => this with { SeniorLinkManager = contact },
        ProbationRoles.DeputyLead => this with { DeputyLead = contact },
        ProbationRoles.Administrator => this with { Administrator = contact },
        ProbationRoles.HeadOfInspection => this with { HeadOfInspection = contact },
        ProbationRoles.Osag => this with { Osag = contact },
        ProbationRoles.NpsDivision => this with { NpsDivision = contact },
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a probation contact's role."),
    };
}

/// <summary>The roles of <see cref="ProbationContacts"/>, as the API names them (the create body's <c>contacts</c> fields, <c>ContactNamed</c>'s <c>role</c>).</summary>
public static class ProbationRoles
{
    public const string LeadInspector = "leadInspector";
    public const string ChiefExecutive = "chiefExecutive";
    public const string SeniorLinkManager = "seniorLinkManager";
    public const string DeputyLead = "deputyLead";
    public const string Administrator = "administrator";
    public const string HeadOfInspection = "headOfInspection";
    public const string Osag = "osag";
    public const string NpsDivision = "npsDivision";

    public static readonly IReadOnlyList<string> All =
        [LeadInspector, ChiefExecutive, SeniorLinkManager, DeputyLead, Administrator, HeadOfInspection, Osag, NpsDivision];

    /// <summary>How an email's sign-off names the role.</summary>
    public static string Title(string role) => role switch
    {
        LeadInspector => "Lead inspector",
        DeputyLead => "Deputy lead inspector",
        Administrator => "Administrator (operations)",
        HeadOfInspection => "Head of inspection",
        _ => role,
    };
}

/// <summary>
/// Everything a coordinator states when starting a probation inspection, after validation. Every date of the manual is a week
/// relative to fieldwork (2.3): week -n counts back from <see cref="FieldworkStart"/>, week +n on from
/// <see cref="FieldworkWeekThreeStart"/>, the last fieldwork week.
/// </summary>
/// <param name="FieldworkStart">The Monday of fieldwork week one.</param>
/// <param name="FieldworkWeekThreeStart">The Monday of fieldwork week three: usually two weeks after <paramref name="FieldworkStart"/>,
/// later when the third week is held apart.</param>
public sealed record ProbationFacts(
    Organisation Organisation,
    DateOnly FieldworkStart,
    DateOnly FieldworkWeekThreeStart,
    ProbationContacts Contacts);

/// <summary>What has happened that moves or settles a date of the timeline, as the log records it.</summary>
/// <param name="PlanningMeetingOn">The day the telephone planning meeting was held (3.5), once recorded.</param>
/// <param name="CaseSampleReturned">The organisation returned every domain three sample (4.4): no reminder is needed.</param>
/// <param name="AllRated">Every standard has a rating (7.1), so the ratings letter can go (7.2).</param>
/// <param name="DraftIssued">The draft report is ready to go to the organisation for factual accuracy checking (7.3).</param>
/// <param name="CommentsReturned">The organisation returned its factual accuracy comments (7.3).</param>
/// <param name="PublishedOn">The day the report was published (7.4), once recorded.</param>
public sealed record ProbationProgress(
    DateOnly? PlanningMeetingOn = null,
    bool CaseSampleReturned = false,
    bool AllRated = false,
    bool DraftIssued = false,
    bool CommentsReturned = false,
    DateOnly? PublishedOn = null)
{
    /// <summary>The day the announcement call was made, once recorded (3.3): the confirming email follows it.</summary>
    public DateOnly? AnnouncementCallOn { get; init; }

    /// <summary>The local day and time agreed for the telephone planning meeting, once recorded (3.3, 3.5).</summary>
    public DateTime? PlanningMeetingAgreedAt { get; init; }

    /// <summary>The day the planning meeting's minutes were uploaded (3.5), once they were.</summary>
    public DateOnly? MinutesUploadedOn { get; init; }

    /// <summary>The case samples returned (4.4), by their keys (<see cref="ProbationSamples"/>).</summary>
    public IReadOnlySet<string> SamplesReturned { get; init; } = new HashSet<string>();

    /// <summary>A draft report is uploaded, so the draft report email can link to it (7.3).</summary>
    public bool DraftReportUploaded { get; init; }

    /// <summary>The final report is uploaded, so the embargoed copy can carry it (7.4).</summary>
    public bool FinalReportUploaded { get; init; }

    /// <summary>The publication date agreed in advance (7.4), once recorded; it moves the embargoed copy and the action plan with it.</summary>
    public DateOnly? PublicationAgreedOn { get; init; }

    /// <summary>The day OSAG's action plan was received (7.5), once recorded.</summary>
    public DateOnly? ActionPlanReceivedOn { get; init; }
}
