using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Storage;

namespace IrpFlows.Documents;

/// <summary>Registers document collection: upload links, the upload protocol's services and reconciliation; each kind registers what it asks for (<see cref="IDocumentRequests"/>).</summary>
public static class DocumentsRegistration
{
    /// <exception cref="InvalidOperationException">
    /// <see cref="UploadTokens.SigningKeySetting"/> is missing or too short, or <see cref="UploadLinks.PublicBaseUrlSetting"/>
    /// is not an absolute URL: the app refuses to start rather than hand out links it cannot check.
    /// </exception>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration, TimeZoneInfo zone)
    {
        var options = new DocumentsOptions();
        configuration.GetSection(DocumentsOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(new UploadTokens(configuration[UploadTokens.SigningKeySetting]));
        var publicBaseUrl = UploadLinks.ReadPublicBaseUrl(configuration);
        services.AddSingleton(sp => new UploadLinks(sp.GetRequiredService<UploadTokens>(), options, zone, publicBaseUrl));
        services.AddSingleton<UploadRules>();
        services.AddSingleton(sp => new DocumentStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<BlobSasSigner>(), options, TimeProvider.System));
        services.AddSingleton<IStorageSetup>(sp => sp.GetRequiredService<DocumentStore>());
        services.AddSingleton<IStorageSetup, UploadCorsSetup>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<DocumentCollection>();
        services.AddSingleton<UploadReconciler>();
        var reports = ReportOptions.FromConfiguration(configuration);
        services.AddSingleton(reports);
        services.AddSingleton(sp => new ReportFileStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<BlobSasSigner>(), reports, TimeProvider.System));
        return services;
    }
}
