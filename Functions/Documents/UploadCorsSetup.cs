using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Hosting;

namespace IrpFlows.Documents;

/// <summary>
/// Lets the upload page PUT files straight to blob storage: a CORS rule on the Blob service for the origin of
/// <see cref="UploadLinks.PublicBaseUrl"/>. Set Blob Service Properties replaces every rule, so this is the one rule the
/// account has; in Azure the deployment sets the same rule (infra/) and <see cref="DocumentsOptions.ConfigureBlobCors"/> may be off.
/// </summary>
public sealed class UploadCorsSetup(BlobServiceClient blobs, UploadLinks links, DocumentsOptions options) : IStorageSetup
{
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        if (!options.ConfigureBlobCors) return;
        var properties = (await blobs.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors = [Rule(links.PublicBaseUrl)];
        await blobs.SetPropertiesAsync(properties, cancellationToken);
    }

    /// <summary>PUT (and its preflight) from the app's origin, with the headers a blob upload sends.</summary>
    public static BlobCorsRule Rule(Uri publicBaseUrl) => new()
    {
        AllowedOrigins = publicBaseUrl.GetLeftPart(UriPartial.Authority),
        AllowedMethods = "PUT,OPTIONS",
        AllowedHeaders = "x-ms-blob-type,content-type,x-ms-*",
        ExposedHeaders = "etag,x-ms-request-id",
        MaxAgeInSeconds = 3600,
    };
}
