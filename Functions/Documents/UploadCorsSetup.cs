using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Storage;

namespace IrpFlows.Documents;

/// <summary>
/// Lets the upload page PUT files straight to blob storage: a CORS rule on the Blob service for the origin of
/// <see cref="UploadLinks.PublicBaseUrl"/>. The rules belong to the whole account and the deployment may set its own
/// (infra/), so this adds the app's rule when it is missing and keeps every other; it never removes one. Only when
/// <see cref="DocumentsOptions.ConfigureBlobCors"/> is on (Azurite); in Azure the deployment sets the rule.
/// </summary>
public sealed class UploadCorsSetup(BlobServiceClient blobs, UploadLinks links, DocumentsOptions options) : IStorageSetup
{
    /// <summary>The most CORS rules the Blob service accepts.</summary>
    public const int MaxRules = 5;

    /// <exception cref="InvalidOperationException">The service already has <see cref="MaxRules"/> rules and none is the app's.</exception>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        if (!options.ConfigureBlobCors) return;
        var rule = Rule(links.PublicBaseUrl);
        // Set Blob Service Properties replaces what it is sent, so send back everything read, plus the app's rule.
        var properties = (await blobs.GetPropertiesAsync(cancellationToken)).Value;
        if (properties.Cors.Any(r => SameRule(r, rule))) return;
        if (properties.Cors.Count >= MaxRules)
            throw new InvalidOperationException(
                $"The Blob service already has {MaxRules} CORS rules, the most it allows, and none lets {rule.AllowedOrigins} upload. Remove one, or set Documents__ConfigureBlobCors=false and add the rule yourself.");
        properties.Cors.Add(rule);
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

    private static bool SameRule(BlobCorsRule a, BlobCorsRule b) =>
        a.MaxAgeInSeconds == b.MaxAgeInSeconds
        && SameList(a.AllowedOrigins, b.AllowedOrigins) && SameList(a.AllowedMethods, b.AllowedMethods)
        && SameList(a.AllowedHeaders, b.AllowedHeaders) && SameList(a.ExposedHeaders, b.ExposedHeaders);

    // The service may echo a list with other spacing, case or order.
    private static bool SameList(string? a, string? b) => Normal(a) == Normal(b);

    private static string Normal(string? list) => string.Join(',',
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.ToLowerInvariant()).Order(StringComparer.Ordinal));
}
