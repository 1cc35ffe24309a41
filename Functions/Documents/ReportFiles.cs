using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Storage;

namespace IrpFlows.Documents;

/// <summary>
/// A report file a coordinator uploaded, stored at <see cref="BlobName"/> in its inspection's container: for an IRP the draft
/// report, fact-check comments, final report or debrief document; for a probation inspection the draft or final report. The
/// event that records it says which.
/// </summary>
/// <param name="FileName">The name as stored (sanitised), which is also the last segment of <see cref="BlobName"/>.</param>
public sealed record ReportFileUploadedData(string BlobName, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>A report file as a coordinator sees it (the blob name stays internal).</summary>
public sealed record ReportFileView(string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public static ReportFileView From(ReportFileUploadedData file) => new(file.FileName, file.ContentType, file.Size, file.UploadedAt);
}

/// <summary>
/// Report files in an inspection's blob container (<see cref="DocumentStore.ContainerName"/>), each upload in its own numbered
/// folder (<c>reports/draft/2/name.pdf</c>) and written only if that blob does not exist, so no file is ever overwritten:
/// replacing a draft adds a new version, and a draft that went out stays exactly as it went.
/// </summary>
/// <param name="storageClock">The clock read-link expiry is based on: the storage service's, which the development clock does not move.</param>
public sealed class ReportFileStore(BlobServiceClient blobs, BlobSasSigner sas, ReportOptions options, TimeProvider storageClock)
{
    public const string DraftFolder = "reports/draft";
    public const string FinalFolder = "reports/final";

    /// <summary>
    /// Stores a file as version <paramref name="version"/> in <paramref name="folder"/>, creating the container if needed.
    /// Returns null when that version already exists (another upload got there first).
    /// </summary>
    public async Task<ReportFileUploadedData?> StoreAsync(
        string instanceId, string folder, int version, string fileName, string contentType, BinaryData content, DateTimeOffset uploadedAt, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(DocumentStore.ContainerName(instanceId));
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blobName = $"{folder}/{version}/{fileName}";
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        return new ReportFileUploadedData(blobName, fileName, contentType, content.ToMemory().Length, uploadedAt);
    }

    /// <summary>The bytes of a stored report file, to attach to an email.</summary>
    public async Task<BinaryData> ReadAsync(string instanceId, ReportFileUploadedData file, CancellationToken ct) =>
        (await blobs.GetBlobContainerClient(DocumentStore.ContainerName(instanceId)).GetBlobClient(file.BlobName).DownloadContentAsync(ct)).Value.Content;

    /// <summary>Deletes a stored file that was never recorded (its upload was refused after it was written).</summary>
    public Task DeleteAsync(string instanceId, string blobName, CancellationToken ct) =>
        blobs.GetBlobContainerClient(DocumentStore.ContainerName(instanceId)).GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: ct);

    /// <summary>
    /// A read link to a stored report file, valid for <see cref="ReportOptions.DownloadSasLifetime"/>, that storage answers as
    /// an attachment named as the file with its recorded content type.
    /// </summary>
    public Task<Uri> DownloadUriAsync(string instanceId, ReportFileUploadedData file, CancellationToken ct) =>
        sas.DownloadUriAsync(blobs.GetBlobContainerClient(DocumentStore.ContainerName(instanceId)).GetBlobClient(file.BlobName), file.FileName, file.ContentType,
            storageClock.GetUtcNow() + options.DownloadSasLifetime, ct);
}
