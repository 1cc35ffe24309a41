using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace IrpFlows.Storage;

/// <summary>
/// Signs the app's SAS links, each for exactly one blob. What a link allows is decided here, once; how it is signed
/// depends on how the app reaches storage (see <see cref="StorageAccount"/>).
/// </summary>
public abstract class BlobSasSigner
{
    /// <summary>
    /// A link that lets one plain HTTP <c>PUT</c> (with <c>x-ms-blob-type: BlockBlob</c>) create this blob, and nothing else.
    /// It grants Create only, so once the blob exists the service refuses the link (403): a file, once uploaded, cannot be
    /// overwritten through its link.
    /// </summary>
    public Task<Uri> UploadOnceUriAsync(BlobClient blob, DateTimeOffset expiresOn, CancellationToken ct) =>
        SignAsync(blob, Sas(blob, BlobSasPermissions.Create, expiresOn), ct);

    /// <summary>
    /// A link that lets a plain HTTP <c>GET</c> read this blob, and nothing else. The service answers it with
    /// <c>Content-Disposition: attachment</c> (named <paramref name="fileName"/>) and <paramref name="contentType"/>, whatever
    /// the blob was stored with, so a browser saves the file: an uploaded HTML or SVG file never renders on the storage origin.
    /// </summary>
    /// <param name="contentType">The blob's stored content type; <c>application/octet-stream</c> when it has none.</param>
    public Task<Uri> DownloadUriAsync(BlobClient blob, string fileName, string? contentType, DateTimeOffset expiresOn, CancellationToken ct)
    {
        var sas = Sas(blob, BlobSasPermissions.Read, expiresOn);
        sas.ContentDisposition = Attachment(fileName);
        sas.ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType;
        return SignAsync(blob, sas, ct);
    }

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

    // RFC 6266: a plain ASCII name for old clients, and the real one in UTF-8 for every current browser.
    private static string Attachment(string fileName)
    {
        var ascii = new string(fileName.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}

/// <summary>Signs with the account key that the blob's client was built with (a connection string).</summary>
internal sealed class AccountKeySasSigner : BlobSasSigner
{
    protected override Task<Uri> SignAsync(BlobClient blob, BlobSasBuilder sas, CancellationToken ct) =>
        Task.FromResult(blob.GenerateSasUri(sas));
}
