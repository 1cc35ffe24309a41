using IrpFlows.Documents;
using IrpFlows.Irps.Feedback;
using IrpFlows.Irps.Letters;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Workflow;

namespace IrpFlows.Irps;

/// <summary>
/// Registers everything an IRP needs: its policy, planner and letters, the documents it asks for and destroys, the report
/// files and their options (section "Reports"), the fact-check page, its workflow kind and its service.
/// </summary>
public static class IrpRegistration
{
    public static IServiceCollection AddIrps(this IServiceCollection services, IConfiguration configuration, IrpPolicy policy)
    {
        services.AddSingleton(policy);
        services.AddSingleton<IrpPlanner>();
        services.AddSingleton<IrpMailTemplates>();
        services.AddSingleton<MaterialDestruction>();
        services.AddSingleton<IDocumentRequests, IrpDocumentRequests>();

        services.AddSingleton<IrpReportFiles>();
        services.AddSingleton<IrpReportService>();
        services.AddSingleton<FactCheckPages>();
        services.AddSingleton<FeedbackPages>();

        services.AddSingleton<IrpWorkflow>();
        services.AddSingleton<IWorkflowKind>(sp => sp.GetRequiredService<IrpWorkflow>());
        services.AddSingleton<IrpService>();
        return services;
    }
}
