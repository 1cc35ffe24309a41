using IrpFlows.Calendar;
using IrpFlows.Mail;
using IrpFlows.Probation;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Probation;

/// <summary>Probation inspections on real dates, and the planner that plans them on the England-and-Wales calendar.</summary>
internal static class ProbationExamples
{
    public static ProbationFacts Facts(DateOnly fieldworkStart, DateOnly? weekThree = null, OrganisationType type = OrganisationType.Nps,
        Nation nation = Nation.England) =>
        new(new Organisation("Example NPS division", type, nation), fieldworkStart, weekThree ?? fieldworkStart.AddDays(14),
            new ProbationContacts(new Contact("Lena Lead", "lena.lead@hmiprobation.example"),
                new Contact("Chris Chief", "chris.chief@probation.example"), null));

    public static IReadOnlyList<PlannedStep> Plan(ProbationFacts facts, ProbationProgress? progress = null) =>
        new ProbationPlanner(IrpFlows.Calendar.WorkingDayCalendar.EnglandAndWales, new ProbationPolicy()).Plan(facts, progress ?? new ProbationProgress());

    public static PlannedStep Step(this IReadOnlyList<PlannedStep> plan, string id) => plan.Single(s => s.Id == id);

    public static DateOnly Date(this IReadOnlyList<PlannedStep> plan, string id) => plan.Step(id).Date;
}
