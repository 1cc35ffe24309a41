using System.Xml.Linq;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>The Blob service of one account, shaped like Azure.Storage.Blobs' <c>BlobServiceClient</c>.</summary>
public sealed class BlobServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client; no request is sent until an operation is called.</summary>
    public BlobServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        _pipeline = new StoragePipeline(connection, options, SharedKeyScheme.Blob);
    }

    /// <summary>A client for one container; the container need not exist.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_pipeline, containerName);

    /// <summary>
    /// Replaces the service's CORS rules (Set Blob Service Properties). Only the <c>Cors</c> element is sent, so
    /// logging, metrics and other service properties keep their current values. An empty list removes all rules.
    /// </summary>
    public async Task SetCorsRulesAsync(IReadOnlyList<BlobCorsRule> rules, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var body = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("StorageServiceProperties",
                new XElement("Cors", rules.Select(rule => new XElement("CorsRule",
                    new XElement("AllowedOrigins", rule.AllowedOrigins),
                    new XElement("AllowedMethods", rule.AllowedMethods),
                    new XElement("MaxAgeInSeconds", rule.MaxAgeInSeconds),
                    new XElement("ExposedHeaders", rule.ExposedHeaders),
                    new XElement("AllowedHeaders", rule.AllowedHeaders))))));

        using var message = _pipeline.CreateMessage(RequestMethod.Put,
            new Uri(_pipeline.Connection.BlobBase + "/?restype=service&comp=properties"));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.Declaration + body.ToString(SaveOptions.DisableFormatting)));
        await _pipeline.SendAsync(message, ct, 202).ConfigureAwait(false);
    }
}
