namespace IrpFlows.Timeline;

/// <summary>Which guide an IRP follows: the prison guide (July 2019) or the immigration detention guide (April 2025).</summary>
public enum IrpKind { Prison, Immigration }

/// <summary>Establishment type; it decides the prisoner population report asked for (prison guide, Appendix B).</summary>
public enum EstablishmentType { Adult, Yoi, Split, Irc }

/// <summary>England or Wales: Welsh prisons bring Estyn (prison guide 5.3) and later publication in probation.</summary>
public enum Nation { England, Wales }

public sealed record Establishment(string Name, EstablishmentType Type, Nation Nation);

public sealed record Contact(string Name, string Email);

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
    Contact? HomeOffice);

/// <summary>A recommendation (prison) or concern (IRC) from the source inspection that the IRP follows up.</summary>
public sealed record Recommendation(string Ref, string? Area, string Text);

/// <summary>An Ofsted theme followed up by a concurrent prison monitoring visit (prison guide 5.2, 6.1).</summary>
public sealed record OfstedTheme(string Ref, string Text);

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
    bool CqcIssuedNotices = false);
