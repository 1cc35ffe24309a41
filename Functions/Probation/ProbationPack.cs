namespace IrpFlows.Probation;

/// <summary>
/// The documents the confirming email carries (manual 3.3: "instructions for submitting evidence in advance, case sample
/// specifications, external project plan, inspection guidance manual, template schedules and leaflets for staff"), as links the
/// inspectorate publishes, bound from the section <c>ProbationPack</c>. The project plan is generated and attached; each of the
/// others is listed when its link is set, and the evidence guidance is the one for the organisation's kind (3.6: the NPS and
/// CRC lists differ).
/// </summary>
public sealed class ProbationPack
{
    public const string SectionName = "ProbationPack";

    public Uri? InspectionManual { get; set; }
    public Uri? EvidenceGuidanceNps { get; set; }
    public Uri? EvidenceGuidanceCrc { get; set; }
    public Uri? CaseSampleSpecification { get; set; }
    public Uri? TemplateSchedules { get; set; }
    public Uri? StaffLeaflet { get; set; }

    /// <summary>The documents set for an organisation of <paramref name="type"/>, in the manual's order, with their titles.</summary>
    public IReadOnlyList<(string Title, Uri Link)> For(OrganisationType type) =>
    [
        .. new (string Title, Uri? Link)[]
        {
            ("Guidance for submitting evidence in advance, with the evidence source grid and the annex on your operating model",
                type == OrganisationType.Nps ? EvidenceGuidanceNps : EvidenceGuidanceCrc),
            ("Case sample specifications", CaseSampleSpecification),
            ("The inspection guidance manual", InspectionManual),
            ("Template schedules", TemplateSchedules),
            ("Leaflet for staff", StaffLeaflet),
        }.Where(d => d.Link is not null).Select(d => (d.Title, d.Link!)),
    ];

    /// <summary>Binds the section and validates.</summary>
    /// <exception cref="InvalidOperationException">A link that is not an absolute https address, named with its setting.</exception>
    public static ProbationPack FromConfiguration(IConfiguration section)
    {
        var pack = new ProbationPack();
        section.Bind(pack);
        foreach (var (name, link) in new[]
                 {
                     (nameof(InspectionManual), pack.InspectionManual), (nameof(EvidenceGuidanceNps), pack.EvidenceGuidanceNps),
                     (nameof(EvidenceGuidanceCrc), pack.EvidenceGuidanceCrc), (nameof(CaseSampleSpecification), pack.CaseSampleSpecification),
                     (nameof(TemplateSchedules), pack.TemplateSchedules), (nameof(StaffLeaflet), pack.StaffLeaflet),
                 })
        {
            if (link is not null && (!link.IsAbsoluteUri || link.Scheme != Uri.UriSchemeHttps))
                throw new InvalidOperationException($"{SectionName}:{name} must be an absolute https address, such as the document's page on the inspectorate's website.");
        }
        return pack;
    }
}
