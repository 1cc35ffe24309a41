using System.Globalization;
using Azure;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>One block blob, shaped like Azure.Storage.Blobs' <c>BlobClient</c>. Content is uploaded in a single request.</summary>
public sealed class BlobClient
{
    private const string MetadataPrefix = "x-ms-meta-";
    private readonly StoragePipeline _pipeline;
    private readonly BlobContainerClient _container;

    internal BlobClient(StoragePipeline pipeline, BlobContainerClient container, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _pipeline = pipeline;
        _container = container;
        Name = name;
        Uri = new Uri($"{container.Uri}/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}");
    }

    /// <summary>The blob name within its container.</summary>
    public string Name { get; }

    /// <summary>The blob URI (no SAS).</summary>
    public Uri Uri { get; }

    /// <summary>Uploads <paramref name="content"/> as a block blob, replacing any existing blob unless a condition says otherwise.</summary>
    /// <exception cref="RequestFailedException">409 when <see cref="BlobUploadOptions.IfNoneExists"/> and the blob exists; 412 when <see cref="BlobUploadOptions.IfMatch"/> does not match.</exception>
    public async Task<BlobContentInfo> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("Content-Type", options?.ContentType ?? "application/octet-stream");
        if (options?.IfNoneExists == true)
        {
            headers.SetValue("If-None-Match", "*");
        }

        if (options?.IfMatch is { } ifMatch)
        {
            headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        foreach (var (name, value) in options?.Metadata ?? new Dictionary<string, string>())
        {
            headers.SetValue(MetadataPrefix + name, value);
        }

        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, ct, 201).ConfigureAwait(false);
        return new BlobContentInfo(response.Headers.ETag!.Value, LastModified(response));
    }

    /// <summary>Downloads the whole blob into memory.</summary>
    /// <exception cref="RequestFailedException">404 (BlobNotFound) when the blob does not exist.</exception>
    public async Task<BlobDownloadResult> DownloadContentAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        var response = await _pipeline.SendAsync(message, ct, 200).ConfigureAwait(false);
        return new BlobDownloadResult(response.Content, response.Headers.ContentType, response.Headers.ETag!.Value, Metadata(response));
    }

    /// <summary>The blob's properties and metadata, or null when it does not exist.</summary>
    public async Task<BlobProperties?> GetPropertiesIfExistsAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await _pipeline.SendAsync(message, ct, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        var created = response.Headers.TryGetValue("x-ms-creation-time", out var text) ? ParseHttpDate(text) : LastModified(response);
        return new BlobProperties(
            response.Headers.ContentLength ?? 0,
            response.Headers.ContentType,
            response.Headers.ETag!.Value,
            LastModified(response),
            created,
            Metadata(response));
    }

    /// <summary>Whether the blob exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken ct = default) =>
        await GetPropertiesIfExistsAsync(ct).ConfigureAwait(false) is not null;

    /// <summary>Deletes the blob (and its snapshots); false when the blob or its container does not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await _pipeline.SendAsync(message, ct, 202, 404).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>
    /// A service SAS URI for exactly this blob, signed with the account key. https only, except on an http endpoint
    /// (Azurite), where http is allowed too.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection has no account key (token credential).</exception>
    public Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        new($"{Uri}?{BlobSas.BuildQuery(_pipeline.Connection, _container.Name, Name, BlobSas.Permissions(permissions), expiresOn)}");

    internal static DateTimeOffset ParseHttpDate(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset LastModified(Response response) =>
        ParseHttpDate(response.Headers.TryGetValue("Last-Modified", out var value)
            ? value
            : throw new InvalidOperationException("The Blob service response has no Last-Modified header."));

    private static IReadOnlyDictionary<string, string> Metadata(Response response) =>
        response.Headers
            .Where(h => h.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name[MetadataPrefix.Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
}
