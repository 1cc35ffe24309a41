using Azure.Storage.Blobs;
using IrpFlows.Documents;
using IrpFlows.Irps.Feedback;
using IrpFlows.Irps.Letters;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Storage;
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

        var options = new ReportOptions();
        configuration.GetSection(ReportOptions.SectionName).Bind(options);
        if (options.MaxFileSizeBytes < 1)
            throw new InvalidOperationException($"{ReportOptions.SectionName}:{nameof(ReportOptions.MaxFileSizeBytes)} must be at least 1 (was {options.MaxFileSizeBytes}).");
        if (options.MaxAttachedFileSizeBytes < 1)
            throw new InvalidOperationException($"{ReportOptions.SectionName}:{nameof(ReportOptions.MaxAttachedFileSizeBytes)} must be at least 1 (was {options.MaxAttachedFileSizeBytes}).");
        if (options.DraftLinkDaysAfterFactCheckDeadline < 0)
            throw new InvalidOperationException($"{ReportOptions.SectionName}:{nameof(ReportOptions.DraftLinkDaysAfterFactCheckDeadline)} must not be negative (was {options.DraftLinkDaysAfterFactCheckDeadline}).");
        services.AddSingleton(options);
        services.AddSingleton(sp => new IrpReportFiles(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<BlobSasSigner>(),
            sp.GetRequiredService<UploadLinks>(), sp.GetRequiredService<IrpPlanner>(), policy, options, TimeProvider.System));
        services.AddSingleton<IrpReportService>();
        services.AddSingleton<FactCheckPages>();
        services.AddSingleton<FeedbackPages>();

        services.AddSingleton<IrpWorkflow>();
        services.AddSingleton<IWorkflowKind>(sp => sp.GetRequiredService<IrpWorkflow>());
        services.AddSingleton<IrpService>();
        return services;
    }
}
