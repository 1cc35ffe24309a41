namespace IrpFlows.Timeline;

/// <summary>
/// The body of <c>POST /api/irps</c> as received. Dates and enums are strings so that a malformed value becomes a named-field
/// error from <see cref="IrpRequestValidator"/> instead of a deserialisation failure.
/// </summary>
public sealed record CreateIrpRequest
{
    /// <summary>"prison" or "immigration".</summary>
    public string? Kind { get; init; }

    public EstablishmentRequest? Establishment { get; init; }

    /// <summary>yyyy-MM-dd: last day of the full inspection being followed up.</summary>
    public string? SourceInspectionEnd { get; init; }

    /// <summary>yyyy-MM-dd: first day of the visit; a working day.</summary>
    public string? VisitStart { get; init; }

    /// <summary>yyyy-MM-dd; absent means today.</summary>
    public string? AnnouncementDate { get; init; }

    public ContactsRequest? Contacts { get; init; }

    public List<RecommendationRequest?>? Recommendations { get; init; }

    public List<OfstedThemeRequest?>? OfstedThemes { get; init; }

    /// <summary>Whether CQC issued notices after the source inspection (prison guide 5.1 / IRC guide 2.2); absent means false.</summary>
    public bool? CqcIssuedNotices { get; init; }
}

/// <param name="Name">e.g. "HMP Elmley".</param>
/// <param name="Type">"adult", "yoi", "split" or "irc".</param>
/// <param name="Nation">"england" or "wales".</param>
public sealed record EstablishmentRequest(string? Name, string? Type, string? Nation);

public sealed record ContactRequest(string? Name, string? Email);

public sealed record ContactsRequest(
    ContactRequest? Coordinator,
    ContactRequest? Governor,
    ContactRequest? ImbChair,
    ContactRequest? LiaisonOfficer,
    ContactRequest? HomeOffice);

public sealed record RecommendationRequest(string? Ref, string? Area, string? Text);

public sealed record OfstedThemeRequest(string? Ref, string? Text);
