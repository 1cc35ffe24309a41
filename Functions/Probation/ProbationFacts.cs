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
/// The people a probation inspection writes to: the lead inspector (who announces it, 3.3, and signs its emails), the CRC
/// chief executive or NPS divisional director (3.3), and the senior link manager the organisation names on the announcement
/// call (3.3, 3.4), so usually unknown at the start.
/// </summary>
public sealed record ProbationContacts(Contact LeadInspector, Contact ChiefExecutive, Contact? SeniorLinkManager);

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
/// <param name="CaseSampleReturned">The organisation returned its case sample (4.4): no reminder is needed.</param>
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
    DateOnly? PublishedOn = null);
