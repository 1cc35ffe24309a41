using System.Globalization;
using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Judgements;

/// <summary>What a report's generated sentences need to know about the IRP besides its judgements.</summary>
/// <param name="Kind">An immigration IRP calls its items "concerns" in sentences, charts and the summary.</param>
/// <param name="Nation">A Welsh prison's education themes are Estyn's, not Ofsted's (prison guide 5.3).</param>
/// <param name="SourceInspectionEnd">The last day of the inspection followed up; the report names its month ("July 2021").</param>
public sealed record ReportSubject(IrpKind Kind, Nation Nation, DateOnly SourceInspectionEnd)
{
    public static ReportSubject For(IrpFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ReportSubject(facts.Kind, facts.Establishment.Nation, facts.SourceInspectionEnd);
    }

    /// <summary>The inspection as the report names it: "July 2021".</summary>
    public string InspectionMonth => SourceInspectionEnd.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Who judges the themes, as the report names them: "Ofsted" or "Estyn".</summary>
    public string ThemesJudgedBy => IrpPartners.EducationInspectorate(Nation).ToString();
}
