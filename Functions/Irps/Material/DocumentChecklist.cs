using IrpFlows.Documents;
using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Material;

/// <summary>What each kind of IRP asks the establishment to provide, from the guides.</summary>
public static class DocumentChecklist
{
    public const string ManagerProForma = "manager-pro-forma";
    public const string ActionPlan = "action-plan";
    public const string Presentation = "presentation";
    public const string DataRequest = "data-request";
    public const string Evidence = "evidence";
    public const string PopulationReport = "population-report";
    public const string OsagReports = "osag-reports";
    public const string InternalAuditReports = "internal-audit-reports";

    public static IReadOnlyList<DocumentItem> For(IrpFacts facts) => facts.Kind == IrpKind.Immigration ? Immigration() : Prison(facts.Establishment.Type);

    // Prison guide 7.3 (and Appendix B for the population report).
    private static IReadOnlyList<DocumentItem> Prison(EstablishmentType type) =>
    [
        new(ManagerProForma, "Manager pro forma", "The pro forma sent with the documents request, completed with the manager responsible for each recommendation being followed up.", "Prison guide 7.3"),
        new(ActionPlan, "Updated action plan", "The updated action plan for the recommendations being followed up.", "Prison guide 7.3"),
        new(Presentation, "Day 1 presentation", "The presentation to be given on the first day (a maximum of one hour): what staff have done, what has gone well and what has been challenging, and a self-assessment of progress.", "Prison guide 7.3, 8.1"),
        new(DataRequest, "Bespoke data request", "The data request HMI Prisons sent with the documents request, completed for each recommendation.", "Prison guide 7.3"),
        new(Evidence, "Evidence documentation", "Well-organised documents and data evidencing the work done on each recommendation, such as new policies and procedures, quality assurance data and minutes of meetings.", "Prison guide 7.3"),
        new(PopulationReport, PopulationReportName(type), "The 'summary' tab of the NOMIS population breakdown report, saved as PDF.", "Prison guide 7.3, Appendix B"),
        new(OsagReports, "OSAG reports", "A copy of any operational support and assurance group (OSAG) reports.", "Prison guide 7.3"),
    ];

    // IRC guide 2.7: no population report; internal audit reports instead of OSAG reports; a 30-minute presentation.
    private static IReadOnlyList<DocumentItem> Immigration() =>
    [
        new(ManagerProForma, "Manager pro forma", "The pro forma sent with the documents request, completed with the manager responsible for each concern being followed up.", "IRC guide 2.7"),
        new(ActionPlan, "Updated action plan", "The updated action plan for the concerns being followed up.", "IRC guide 2.7"),
        new(Presentation, "Presentation", "The 30-minute presentation for the start of the visit: what staff have done, what has gone well and what has been challenging, and a self-assessment of progress.", "IRC guide 2.7, 3.1"),
        new(DataRequest, "Bespoke data request", "The data request HMI Prisons sent to the centre and the Home Office with the documents request, completed for each concern.", "IRC guide 2.7"),
        new(Evidence, "Evidence documentation", "Well-organised documents and data evidencing the work done on each concern, such as new policies and procedures, quality assurance data and minutes of meetings.", "IRC guide 2.7"),
        new(InternalAuditReports, "Internal audit reports", "A copy of any relevant internal audit reports.", "IRC guide 2.7"),
    ];

    /// <summary>Prison guide Appendix B: the report's name depends on the establishment type.</summary>
    internal static string PopulationReportName(EstablishmentType type) => type switch
    {
        EstablishmentType.Yoi => "YOI Population Breakdown",
        EstablishmentType.Split => "Population Breakdown for Split Establishments - Adults and Young Adults",
        _ => "Adult HMP Establishments Population Breakdown",
    };
}
