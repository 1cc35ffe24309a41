using IrpFlows.Hosting;
using IrpFlows.Storage;

namespace IrpFlows.Documents;

/// <summary>
/// Lets the upload page PUT files straight to blob storage: a CORS rule on the Blob service for the origin of
/// <see cref="UploadLinks.PublicBaseUrl"/>. Set Blob Service Properties replaces every rule, so this is the one rule the
/// account has; in Azure the deployment sets the same rule (infra/) and <see cref="DocumentsOptions.ConfigureBlobCors"/> may be off.
/// </summary>
public sealed class UploadCorsSetup(BlobServiceClient blobs, UploadLinks links, DocumentsOptions options) : IStorageSetup
{
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        options.ConfigureBlobCors ? blobs.SetCorsRulesAsync([Rule(links.PublicBaseUrl)], cancellationToken) : Task.CompletedTask;

    /// <summary>PUT (and its preflight) from the app's origin, with the headers a blob upload sends.</summary>
    public static BlobCorsRule Rule(Uri publicBaseUrl) => new(
        publicBaseUrl.GetLeftPart(UriPartial.Authority), "PUT,OPTIONS", "x-ms-blob-type,content-type,x-ms-*", "etag,x-ms-request-id", 3600);
}
