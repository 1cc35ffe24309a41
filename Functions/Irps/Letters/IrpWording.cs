using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Letters;

/// <summary>The words that change between a prison IRP and an immigration removal centre IRP, and how dates are written.</summary>
internal sealed class IrpWording(IrpFacts facts)
{
    public bool IsImmigration => facts.Kind == IrpKind.Immigration;

    public string Establishment => facts.Establishment.Name;

    /// <summary>"recommendation" (prison guide) or "concern" (IRC guide).</summary>
    public string Item => IsImmigration ? "concern" : "recommendation";

    public string Items => Item + "s";

    /// <summary>"Recommendation" or "Concern", as a heading or column title.</summary>
    public string ItemTitle => IsImmigration ? "Concern" : "Recommendation";

    /// <summary>Who inspects a prison's education and judges its themes: "Ofsted", or "Estyn" in Wales (prison guide 5.2, 5.3).</summary>
    public EducationInspectorate EducationInspectorate => IrpPartners.EducationInspectorate(facts.Establishment.Nation);

    /// <summary>The head of the establishment: governor (prison) or centre manager (IRC).</summary>
    public string Head => IsImmigration ? "centre manager" : "governor";

    public string SubjectPrefix => "Independent review of progress at " + Establishment;

    /// <summary>Who receives the final report (prison guide 14.1, IRC guide 5.1).</summary>
    public string ReportRecipients => IsImmigration ? "the Home Secretary and the Minister" : "the Secretary of State for Justice";
}
