using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>One blob container, shaped like Azure.Storage.Blobs' <c>BlobContainerClient</c>.</summary>
public sealed class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;

    internal BlobContainerClient(StoragePipeline pipeline, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _pipeline = pipeline;
        Name = name;
        Uri = new Uri($"{pipeline.Connection.BlobBase}/{Uri.EscapeDataString(name)}");
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container URI (no SAS).</summary>
    public Uri Uri { get; }

    /// <summary>Creates the container (private access) unless it already exists.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri + "?restype=container"));
        var response = await _pipeline.SendAsync(message, ct, 201, 409).ConfigureAwait(false);
        if (response.Status == 409 && StorageErrors.ErrorCode(response) != "ContainerAlreadyExists")
        {
            throw StorageErrors.CreateException(response);
        }
    }

    /// <summary>Deletes the container and its blobs if it exists; a missing container is not an error.</summary>
    public async Task DeleteIfExistsAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, new Uri(Uri + "?restype=container"));
        await _pipeline.SendAsync(message, ct, 202, 404).ConfigureAwait(false);
    }

    /// <summary>A client for one blob; names may contain '/' to form virtual folders.</summary>
    public BlobClient GetBlobClient(string blobName) => new(_pipeline, this, blobName);

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in name order, following every page.</summary>
    public IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken ct = default) =>
        GetBlobsAsync(prefix, pageSize: null, ct);

    /// <summary>As <see cref="GetBlobsAsync(string?, CancellationToken)"/>, asking the service for at most <paramref name="pageSize"/> blobs per page.</summary>
    public async IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix, int? pageSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? marker = null;
        do
        {
            var query = "?restype=container&comp=list";
            query += prefix is null ? string.Empty : "&prefix=" + Uri.EscapeDataString(prefix);
            query += marker is null ? string.Empty : "&marker=" + Uri.EscapeDataString(marker);
            query += pageSize is null ? string.Empty : "&maxresults=" + pageSize.Value.ToString(CultureInfo.InvariantCulture);

            XElement root;
            using (var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri(Uri + query)))
            {
                var response = await _pipeline.SendAsync(message, ct, 200).ConfigureAwait(false);
                root = XDocument.Parse(response.Content.ToString()).Root!;
            }

            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var properties = blob.Element("Properties")!;
                var created = properties.Element("Creation-Time")?.Value;
                yield return new BlobItem(
                    blob.Element("Name")!.Value,
                    long.Parse(properties.Element("Content-Length")!.Value, CultureInfo.InvariantCulture),
                    NullIfEmpty(properties.Element("Content-Type")?.Value),
                    BlobClient.ParseHttpDate(properties.Element("Last-Modified")!.Value),
                    created is null ? null : BlobClient.ParseHttpDate(created));
            }

            marker = NullIfEmpty(root.Element("NextMarker")?.Value);
        }
        while (marker is not null);
    }

    /// <summary>A service SAS URI for this container, signed with the account key.</summary>
    /// <exception cref="InvalidOperationException">The connection has no account key (token credential).</exception>
    public Uri GenerateSasUri(BlobContainerSasPermissions permissions, DateTimeOffset expiresOn) =>
        new($"{Uri}?restype=container&{BlobSas.BuildQuery(_pipeline.Connection, Name, null, BlobSas.Permissions(permissions), expiresOn)}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
