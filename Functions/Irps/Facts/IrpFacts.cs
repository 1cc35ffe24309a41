using IrpFlows.Calendar;
using IrpFlows.Mail;

namespace IrpFlows.Irps.Facts;

/// <summary>Which guide an IRP follows: the prison guide (July 2019) or the immigration detention guide (April 2025).</summary>
public enum IrpKind { Prison, Immigration }

/// <summary>Establishment type; it decides the prisoner population report asked for (prison guide, Appendix B).</summary>
public enum EstablishmentType { Adult, Yoi, Split, Irc }

/// <summary>
/// The overall judgement for education, skills and work at a prison in England's previous inspection. Ofsted intends to take
/// part when it was <see cref="RequiresImprovement"/> or <see cref="Inadequate"/> (prison guide 5.2).
/// </summary>
public enum EducationJudgement { Outstanding, Good, RequiresImprovement, Inadequate }

public sealed record Establishment(string Name, EstablishmentType Type, Nation Nation);

/// <summary>
/// The people an IRP writes to. <see cref="Governor"/> is the centre manager for an immigration removal centre.
/// <see cref="LiaisonOfficer"/> is usually appointed after the announcement (prison guide 7.1);
/// <see cref="HomeOffice"/> is required for an immigration IRP (IRC guide 2.4).
/// </summary>
public sealed record IrpContacts(
    Contact Coordinator,
    Contact Governor,
    Contact ImbChair,
    Contact? LiaisonOfficer,
    Contact? HomeOffice)
{
    /// <summary>A prison: who in HMPPS receives the debrief document (prison guide 13.1); without one it is not sent.</summary>
    public Contact? Hmpps { get; init; }

    /// <summary>An IRC: the contractor that runs the centre, which receives the debrief document with the Home Office (IRC guide 4.3).</summary>
    public Contact? Contractor { get; init; }

    /// <summary>
    /// The office that receives the final report for the Secretary of State for Justice (prison guide 14.1), or for the Home
    /// Secretary and Minister (IRC guide 5.1); without one IrpFlows does not send it.
    /// </summary>
    public Contact? MinisterialOffice { get; init; }

    /// <summary>An IRC: the Home Office Detention Engagement and Compliance teams, asked for feedback (IRC guide 5.3); absent: <see cref="HomeOffice"/>.</summary>
    public Contact? HomeOfficeDetentionEngagement { get; init; }
}

/// <summary>How HMPPS answered a recommendation it did not fully accept (prison guide 6.1).</summary>
public enum HmppsResponse { Rejected, PartlyAccepted }

/// <summary>A recommendation (prison) or concern (IRC) from the source inspection that the IRP follows up.</summary>
/// <param name="Ref">The paragraph number in the inspection report, e.g. "1.42".</param>
/// <param name="Area">The report's heading for it, e.g. "Behaviour management"; optional.</param>
/// <param name="Text">As the inspection report words it; empty when it is given only as its <see cref="Parts"/>.</param>
public sealed record Recommendation(string Ref, string? Area, string Text)
{
    /// <summary>The inspector who will look at it during the visit (prison guide 7.2); null until named.</summary>
    public string? Inspector { get; init; }

    /// <summary>A prison's: HMPPS rejected it or only partly accepted it (prison guide 6.1); null when it accepted it.</summary>
    public HmppsResponse? HmppsResponse { get; init; }

    /// <summary>How the letter and the summary say <see cref="HmppsResponse"/>: "rejected by HMPPS"; null when accepted.</summary>
    public string? HmppsResponseText => HmppsResponse switch
    {
        Facts.HmppsResponse.Rejected => "rejected by HMPPS",
        Facts.HmppsResponse.PartlyAccepted => "only partly accepted by HMPPS",
        _ => null,
    };

    /// <summary>
    /// The "Concern:" text the inspection report sets out for the item. Both published prison reports print one before each
    /// recommendation; an IRC's items are concerns (IRC guide 4.1), and this is the concern as the report states it.
    /// </summary>
    public string? Concern { get; init; }

    /// <summary>
    /// Lettered parts (HMP Hull's 1.34a and 1.34b), in order; empty for a recommendation judged as a whole. Each part is judged
    /// and listed on its own in the Summary of judgements; the Key findings count the recommendation once.
    /// </summary>
    public IReadOnlyList<RecommendationPart> Parts { get; init; } = [];

    /// <summary>The refs that are judged for it: its parts' refs, or its own when it has no parts.</summary>
    public IReadOnlyList<string> JudgedRefs() => Parts.Count > 0 ? Parts.Select(p => p.Ref).ToList() : [Ref];
}

/// <summary>A lettered part of a recommendation, such as HMP Hull's 1.34a: judged on its own, counted with its recommendation.</summary>
public sealed record RecommendationPart(string Ref, string Text);

/// <summary>
/// An education theme followed up by a concurrent prison monitoring visit (prison guide 5.2, 6.1): Ofsted's in England, Estyn's
/// in Wales (5.3). The name follows the API's <c>ofstedThemes</c>.
/// </summary>
/// <param name="Ref">As given, or <c>theme-{n}</c> (its place in the list) for a theme given without one, as HMP Hull's 2022 themes were:
/// judgements are recorded by ref.</param>
public sealed record OfstedTheme(string Ref, string Text)
{
    /// <summary>False when IrpFlows numbered the theme itself: letters and reports then show its text alone.</summary>
    public bool RefGiven { get; init; } = true;

    /// <summary>The ref a theme given without one gets: its place in the list, from 1.</summary>
    public static string NumberedRef(int index) => $"theme-{index + 1}";
}

/// <summary>
/// Everything a coordinator states when starting an IRP, after validation. Dates are England-and-Wales calendar dates.
/// </summary>
public sealed record IrpFacts(
    IrpKind Kind,
    Establishment Establishment,
    DateOnly SourceInspectionEnd,
    DateOnly VisitStart,
    DateOnly AnnouncementDate,
    IrpContacts Contacts,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<OfstedTheme> OfstedThemes,
    bool CqcIssuedNotices = false)
{
    /// <summary>A prison in England: the overall judgement for education, skills and work at the inspection (prison guide 5.2); null when not given.</summary>
    public EducationJudgement? EducationJudgement { get; init; }

    /// <summary>
    /// A prison in Wales: whether the inspection raised key concerns and recommendations about education, skills and work, which
    /// is when Estyn takes part (prison guide 5.3). Null when not given: then Estyn themes listed are taken to mean there were.
    /// </summary>
    public bool? EducationConcerns { get; init; }

    /// <summary>An IRC: HMI Prisons has invited the Independent Chief Inspector of Borders and Immigration, who may accompany the visit (IRC guide 2.3).</summary>
    public bool IcibiInvited { get; init; }

    /// <summary>
    /// Who will attend the visit, for the gate's attendance, keys and IT information (prison guide 7.2, IRC guide 2.6). Empty when
    /// not given: the visit arrangements then list the coordinator and the inspectors named on the items.
    /// </summary>
    public IReadOnlyList<TeamMember> Team { get; init; } = [];
}

/// <summary>A member of the visiting team as the gate needs to know them (prison guide 7.2, IRC guide 2.6).</summary>
/// <param name="Role">e.g. "Team leader", "Care Quality Commission inspector"; optional.</param>
/// <param name="Keys">Whether they need keys for the visit.</param>
/// <param name="Laptop">Whether they bring a laptop that needs permission.</param>
public sealed record TeamMember(string Name, string? Role, bool Keys, bool Laptop)
{
    /// <summary>They were on the team of the source inspection (prison guide 4.1, IRC guide 2.1).</summary>
    public bool AtSourceInspection { get; init; }

    /// <summary>The team leader, as the role names them.</summary>
    public bool IsTeamLeader => Role?.Contains("team leader", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A Care Quality Commission colleague, who joins an IRC's team of HMI Prisons inspectors (IRC guide 2.1).</summary>
    public bool IsCqc => Role is { } role && (role.Contains("Care Quality Commission", StringComparison.OrdinalIgnoreCase) || role.Contains("CQC", StringComparison.Ordinal));
}
