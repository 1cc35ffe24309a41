using IrpFlows.Calendar;

namespace IrpFlows.Irps.Facts;

/// <summary>Who inspects a prison's education, skills and work: Ofsted in England, Estyn in Wales (both published reports' methodology).</summary>
public enum EducationInspectorate { Ofsted, Estyn }

/// <summary>An inspectorate that may join the IRP team.</summary>
public enum Partner { Cqc, Ofsted, Estyn, Icibi }

/// <summary>
/// The other inspectorates that may join an IRP, and on what grounds (prison guide 5.1–5.3, IRC guide 2.2–2.3). The letters,
/// the timeline and the report summary all ask here, so they cannot disagree about who joins.
/// </summary>
public static class IrpPartners
{
    /// <summary>Whose education themes a prison's are: Estyn's at a Welsh prison (prison guide 5.3), otherwise Ofsted's (5.2).</summary>
    public static EducationInspectorate EducationInspectorate(Nation nation) =>
        nation == Nation.Wales ? Facts.EducationInspectorate.Estyn : Facts.EducationInspectorate.Ofsted;

    /// <summary>The partners invited, in the order the letter names them.</summary>
    public static IEnumerable<Partner> Invited(IrpFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.CqcIssuedNotices)
        {
            yield return Partner.Cqc; // Prison guide 5.1 / IRC guide 2.2: invited if CQC issued notices.
        }

        if (EducationInspectorateJoins(facts))
        {
            yield return EducationInspectorate(facts.Establishment.Nation) == Facts.EducationInspectorate.Estyn ? Partner.Estyn : Partner.Ofsted;
        }

        if (facts.Kind == IrpKind.Immigration && facts.IcibiInvited)
        {
            yield return Partner.Icibi; // IRC guide 2.3: other stakeholders such as ICIBI may accompany visits.
        }
    }

    /// <summary>
    /// Whether the prison's education inspectorate joins. In England, Ofsted follows up the themes listed (6.1) and intends to
    /// take part when education, skills and work was inadequate or requires improvement (5.2). In Wales, Estyn takes part only
    /// where there are key concerns and recommendations about education, skills and work (5.3), not at every Welsh prison.
    /// </summary>
    public static bool EducationInspectorateJoins(IrpFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Kind != IrpKind.Prison)
        {
            return false;
        }

        return facts.Establishment.Nation == Nation.Wales
            ? facts.EducationConcerns ?? facts.OfstedThemes.Count > 0
            : facts.OfstedThemes.Count > 0 || facts.EducationJudgement is Facts.EducationJudgement.RequiresImprovement or Facts.EducationJudgement.Inadequate;
    }

    /// <summary>The short name the timeline shows: "CQC", "Ofsted", "Estyn", "ICIBI".</summary>
    public static string ShortName(Partner partner) => partner switch
    {
        Partner.Cqc => "CQC",
        Partner.Icibi => "ICIBI",
        _ => partner.ToString(),
    };
}
