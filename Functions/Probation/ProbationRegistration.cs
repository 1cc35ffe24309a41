using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>
/// Registers everything a probation inspection needs: its policy (section "Probation"), its sender (section "ProbationMail"),
/// planner, letters, documents, workflow kind and service.
/// </summary>
public static class ProbationRegistration
{
    public static IServiceCollection AddProbation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ProbationPolicy.FromConfiguration(configuration.GetSection(ProbationPolicy.SectionName)));
        services.AddSingleton(ProbationPack.FromConfiguration(configuration.GetSection(ProbationPack.SectionName)));
        services.AddSingleton(ProbationMailOptions.FromConfiguration(configuration.GetSection(ProbationMailOptions.SectionName)));
        services.AddSingleton<ProbationPlanner>();
        services.AddSingleton<ProbationMailTemplates>();
        services.AddSingleton<ProbationReportLinks>();
        services.AddSingleton<ProbationReports>();
        services.AddSingleton<ProbationWorkflow>();
        services.AddSingleton<IWorkflowKind>(sp => sp.GetRequiredService<ProbationWorkflow>());
        services.AddSingleton<ProbationService>();
        services.AddSingleton<IDocumentRequests, ProbationDocuments>();
        return services;
    }
}
