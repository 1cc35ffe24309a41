using IrpFlows.Mail;
using IrpFlows.Validation;

namespace IrpFlows.Irps.Facts;

/// <summary>
/// The body of <c>POST /api/irps</c> as received. Dates and enums are strings so that a malformed value becomes a named-field
/// error from <see cref="IrpRequestValidator"/> instead of a deserialisation failure.
/// </summary>
public sealed record CreateIrpRequest
{
    /// <summary>"prison" or "immigration".</summary>
    [Text(Limits.Choice)]
    public string? Kind { get; init; }

    public EstablishmentRequest? Establishment { get; init; }

    /// <summary>yyyy-MM-dd: last day of the full inspection being followed up.</summary>
    [Text(Limits.Choice)]
    public string? SourceInspectionEnd { get; init; }

    /// <summary>yyyy-MM-dd: first day of the visit; a working day.</summary>
    [Text(Limits.Choice)]
    public string? VisitStart { get; init; }

    /// <summary>yyyy-MM-dd; absent means today.</summary>
    [Text(Limits.Choice)]
    public string? AnnouncementDate { get; init; }

    public ContactsRequest? Contacts { get; init; }

    [Items(Limits.Recommendations)]
    public List<RecommendationRequest?>? Recommendations { get; init; }

    /// <summary>Education themes followed up by a concurrent monitoring visit: Ofsted's in England, Estyn's in Wales (prison guide 5.2, 5.3).</summary>
    [Items(Limits.OfstedThemes)]
    public List<OfstedThemeRequest?>? OfstedThemes { get; init; }

    /// <summary>Whether CQC issued notices after the source inspection (prison guide 5.1 / IRC guide 2.2); absent means false.</summary>
    public bool? CqcIssuedNotices { get; init; }

    /// <summary>
    /// A prison in England only: the overall judgement for education, skills and work at the inspection, "outstanding", "good",
    /// "requiresImprovement" or "inadequate". Ofsted intends to take part when it was inadequate or requires improvement
    /// (prison guide 5.2). Optional.
    /// </summary>
    [Text(Limits.Choice)]
    public string? EducationJudgement { get; init; }

    /// <summary>
    /// A prison in Wales only: whether there were key concerns and recommendations about education, skills and work, which is
    /// when Estyn takes part (prison guide 5.3). Absent: true when Estyn themes are listed in <see cref="OfstedThemes"/>.
    /// </summary>
    public bool? EducationConcerns { get; init; }

    /// <summary>An immigration IRP only: HMI Prisons has invited the Independent Chief Inspector of Borders and Immigration to accompany the visit (IRC guide 2.3).</summary>
    public bool? IcibiInvited { get; init; }

    /// <summary>
    /// Optional: everyone who will attend the visit, the coordinator included, for the attendance, keys and IT information the
    /// visit arrangements give the gate (prison guide 7.2, IRC guide 2.6). Absent: the coordinator and the inspectors named on
    /// the recommendations.
    /// </summary>
    public List<TeamMemberRequest?>? Team { get; init; }
}

/// <param name="Name">As the gate should expect them.</param>
/// <param name="Role">e.g. "Team leader", "Care Quality Commission inspector"; optional.</param>
/// <param name="Keys">Whether they need keys; absent: true (inspectors usually draw keys).</param>
/// <param name="Laptop">Whether they bring a laptop needing permission; absent: true.</param>
/// <param name="AtSourceInspection">Whether they were on the team of the source inspection (prison guide 4.1, IRC guide 2.1); absent: false.</param>
public sealed record TeamMemberRequest(
    [property: Text(Limits.Name, Name = true)] string? Name, [property: Text(Limits.Name)] string? Role, bool? Keys, bool? Laptop, bool? AtSourceInspection = null);

/// <param name="Name">e.g. "HMP Elmley".</param>
/// <param name="Type">"adult", "yoi", "split" or "irc".</param>
/// <param name="Nation">"england" or "wales".</param>
public sealed record EstablishmentRequest([property: Text(Limits.Name, Name = true)] string? Name, [property: Text(Limits.Choice)] string? Type, [property: Text(Limits.Choice)] string? Nation);


/// <param name="Governor">The governor, or the centre manager for an immigration IRP.</param>
/// <param name="LiaisonOfficer">Optional at start: the governor appoints one (prison guide 7.1).</param>
/// <param name="HomeOffice">Required for an immigration IRP (IRC guide 2.4).</param>
public sealed record ContactsRequest(
    ContactRequest? Coordinator,
    ContactRequest? Governor,
    ContactRequest? ImbChair,
    ContactRequest? LiaisonOfficer,
    ContactRequest? HomeOffice)
{
    /// <summary>A prison, optional: receives the debrief document (prison guide 13.1). Without it the debrief document is not sent (a warning says so).</summary>
    public ContactRequest? Hmpps { get; init; }

    /// <summary>An IRC, optional: the centre's contractor, which receives the debrief document with the Home Office (IRC guide 4.3).</summary>
    public ContactRequest? Contractor { get; init; }

    /// <summary>
    /// Optional: receives the final report for the Secretary of State for Justice (prison guide 14.1) or the Home Secretary and
    /// Minister (IRC guide 5.1). Without it the final report is not sent by IrpFlows (a warning says so).
    /// </summary>
    public ContactRequest? MinisterialOffice { get; init; }

    /// <summary>An IRC, optional: the Home Office Detention Engagement and Compliance teams, asked for feedback (IRC guide 5.3); absent: homeOffice.</summary>
    public ContactRequest? HomeOfficeDetentionEngagement { get; init; }
}

/// <param name="Ref">The paragraph number in the inspection report, e.g. "1.42"; unique across the IRP's items and parts.</param>
/// <param name="Text">The recommendation (concern) as worded in the report; optional when it is given as <see cref="Parts"/>.</param>
public sealed record RecommendationRequest(
    [property: Text(Limits.Ref)] string? Ref, [property: Text(Limits.Name)] string? Area, [property: Text(Limits.Prose, Multiline = true)] string? Text)
{
    /// <summary>The inspector who will look at it during the visit (prison guide 7.2); optional, named in the visit arrangements.</summary>
    [Text(Limits.Name, Name = true)]
    public string? Inspector { get; init; }

    /// <summary>The "Concern:" text the inspection report sets out for it; optional.</summary>
    [Text(Limits.LongProse, Multiline = true)]
    public string? Concern { get; init; }

    /// <summary>
    /// A prison's, optional: "rejected" or "partlyAccepted" when HMPPS rejected the recommendation or only partly accepted it
    /// (prison guide 6.1: the list "may include" such recommendations); absent, it was accepted.
    /// </summary>
    [Text(Limits.Choice)]
    public string? HmppsResponse { get; init; }

    /// <summary>
    /// Lettered parts (e.g. 1.34a, 1.34b), at least two when given. Each part is judged on its own
    /// (<c>PUT /api/irps/{id}/judgements/1.34a</c>) and listed in the Summary of judgements; the Key findings count the
    /// recommendation once, with the least progress of its parts.
    /// </summary>
    [Items(Limits.Parts)]
    public List<RecommendationPartRequest?>? Parts { get; init; }
}

public sealed record RecommendationPartRequest([property: Text(Limits.Ref)] string? Ref, [property: Text(Limits.Prose, Multiline = true)] string? Text);

/// <param name="Ref">Optional: a theme without one (HMP Hull's 2022 report gives none) is judged as <c>theme-{n}</c>, its place in the list.</param>
public sealed record OfstedThemeRequest([property: Text(Limits.Ref)] string? Ref, [property: Text(Limits.Prose, Multiline = true)] string? Text);
