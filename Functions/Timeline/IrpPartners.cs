namespace IrpFlows.Timeline;

/// <summary>Who inspects a prison's education, skills and work: Ofsted in England, Estyn in Wales (both published reports' methodology).</summary>
public enum EducationInspectorate { Ofsted, Estyn }

/// <summary>
/// The other inspectorates that may join an IRP, and on what grounds (prison guide 5.1–5.3, IRC guide 2.2–2.3). The letters,
/// the timeline and the report summary all ask here, so they cannot disagree about who joins.
/// </summary>
public static class IrpPartners
{
    /// <summary>Whose education themes a prison's are: Estyn's at a Welsh prison (prison guide 5.3), otherwise Ofsted's (5.2).</summary>
    public static EducationInspectorate EducationInspectorate(Nation nation) =>
        nation == Nation.Wales ? Timeline.EducationInspectorate.Estyn : Timeline.EducationInspectorate.Ofsted;
}
