using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace IrpFlows.Storage;

/// <summary>
/// Signs the app's SAS links, each for exactly one blob. What a link allows is decided here, once; how it is signed
/// depends on how the app reaches storage (see <see cref="StorageAccount"/>).
/// </summary>
public abstract class BlobSasSigner
{
    /// <summary>A link that lets a plain HTTP <c>PUT</c> (with <c>x-ms-blob-type: BlockBlob</c>) write this blob, and nothing else.</summary>
    public Task<Uri> UploadUriAsync(BlobClient blob, DateTimeOffset expiresOn, CancellationToken ct) =>
        SignAsync(blob, Sas(blob, BlobSasPermissions.Create | BlobSasPermissions.Write, expiresOn), ct);

    /// <summary>A link that lets a plain HTTP <c>GET</c> read this blob, and nothing else.</summary>
    public Task<Uri> ReadUriAsync(BlobClient blob, DateTimeOffset expiresOn, CancellationToken ct) =>
        SignAsync(blob, Sas(blob, BlobSasPermissions.Read, expiresOn), ct);

    /// <summary>Signs <paramref name="sas"/> for <paramref name="blob"/> and returns the blob's URI with the SAS.</summary>
    protected abstract Task<Uri> SignAsync(BlobClient blob, BlobSasBuilder sas, CancellationToken ct);

    private static BlobSasBuilder Sas(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        new(permissions, expiresOn)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            // Azurite serves plain http; anywhere else a link works over https only.
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttp ? SasProtocol.HttpsAndHttp : SasProtocol.Https,
        };
}

/// <summary>Signs with the account key that the blob's client was built with (a connection string).</summary>
internal sealed class AccountKeySasSigner : BlobSasSigner
{
    protected override Task<Uri> SignAsync(BlobClient blob, BlobSasBuilder sas, CancellationToken ct) =>
        Task.FromResult(blob.GenerateSasUri(sas));
}
