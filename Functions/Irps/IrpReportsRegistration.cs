using Azure.Storage.Blobs;
using IrpFlows.Documents;
using IrpFlows.Storage;
using IrpFlows.Timeline;

namespace IrpFlows.Irps;

/// <summary>Registers what the after-the-visit API needs: report options (section "Reports"), report files, the report service and the fact-check page.</summary>
public static class IrpReportsRegistration
{
    public static IServiceCollection AddIrpReports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ReportOptions();
        configuration.GetSection(ReportOptions.SectionName).Bind(options);
        if (options.MaxFileSizeBytes < 1)
            throw new InvalidOperationException($"{ReportOptions.SectionName}:{nameof(ReportOptions.MaxFileSizeBytes)} must be at least 1 (was {options.MaxFileSizeBytes}).");
        if (options.DraftLinkDaysAfterFactCheckDeadline < 0)
            throw new InvalidOperationException($"{ReportOptions.SectionName}:{nameof(ReportOptions.DraftLinkDaysAfterFactCheckDeadline)} must not be negative (was {options.DraftLinkDaysAfterFactCheckDeadline}).");
        services.AddSingleton(options);
        services.AddSingleton(sp => new IrpReportFiles(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<BlobSasSigner>(),
            sp.GetRequiredService<UploadLinks>(), sp.GetRequiredService<IrpPlanner>(), sp.GetRequiredService<IrpPolicy>(), options, TimeProvider.System));
        services.AddSingleton<IrpReportService>();
        services.AddSingleton<FactCheckPages>();
        return services;
    }
}
