using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// The report's Appendix II: the fixed entries any IRP report may use (HMP Elmley 2023, Appendix II) and the IRP's own, such
/// as HMP Hull's 2022 report adds for CSIP and OMiC, listed alphabetically as both reports list theirs.
/// </summary>
public static class ReportGlossary
{
    /// <summary>The terms of the fixed entries: an IRP's own entry may not define one of them again.</summary>
    public static IReadOnlyList<string> FixedTerms { get; } = [.. Fixed(IrpKind.Prison).Select(e => e.Term)];

    /// <summary>The fixed entries and <paramref name="own"/>, alphabetically by term.</summary>
    public static IReadOnlyList<GlossaryEntry> For(IrpKind kind, IReadOnlyList<GlossaryEntry> own) =>
        [.. Fixed(kind).Concat(own).OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase)];

    // An IRC's leaders are the centre's, its contractor's and the Home Office's (IRC guide 3.1 feeds back to "the centre
    // manager/SLT/Home Office leaders").
    private static IReadOnlyList<GlossaryEntry> Fixed(IrpKind kind) =>
    [
        new("Care Quality Commission (CQC)",
            "CQC is the independent regulator of health and adult social care in England. It monitors, inspects and regulates services to make "
            + "sure they meet fundamental standards of quality and safety. For information on CQC's standards of care and the action it takes to improve "
            + "services, please visit: http://www.cqc.org.uk"),
        new("Leader",
            "In this report the term 'leader' refers to anyone with leadership or management responsibility "
            + (kind == IrpKind.Immigration ? "in the centre, its contractor or the Home Office" : "in the prison system")
            + ". We will direct our narrative at the level of leadership which has the most capacity to influence a particular outcome."),
        new("Protected characteristics", "The grounds upon which discrimination is unlawful (Equality and Human Rights Commission, 2010)."),
    ];
}
