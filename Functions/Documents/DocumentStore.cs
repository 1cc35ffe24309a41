using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Storage;

namespace IrpFlows.Documents;

/// <summary>An upload SAS handed out and not yet known to have been completed.</summary>
public sealed record PendingUpload(string IrpId, string Key, string BlobName, DateTimeOffset SasExpiresOn);

/// <summary>A create-only SAS for one new blob, and the content type to PUT the file with.</summary>
public sealed record UploadGrant(Uri UploadUrl, string BlobName, DateTimeOffset ExpiresOn, string ContentType);

/// <summary>
/// Where each IRP's files live: the container <c>irp-{irpId}</c>, documents under <c>documents/{key}/</c>, each file a new
/// blob named <c>documents/{key}/{yyyyMMddHHmmss}-{random}-{safeName}</c> so that nothing overwrites another file. Also keeps
/// the table of upload SASs handed out but not completed, which the reconciliation pass works through.
/// </summary>
/// <param name="storageClock">
/// The clock SAS expiry times are based on: the storage service checks them against its own clock, which the development
/// clock does not move, so this is the system clock even when the app's clock is moved.
/// </param>
public sealed class DocumentStore(
    BlobServiceClient blobs, TableServiceClient tables, BlobSasSigner sas, DocumentsOptions options, TimeProvider storageClock) : IStorageSetup
{
    /// <summary>A PUT started just before its SAS expired may still be finishing; wait this long before giving up on it.</summary>
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromHours(1);
    public const string DocumentsFolder = "documents/";
    private readonly TableClient _pending = tables.GetTableClient(options.UploadsTable);

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => _pending.CreateIfNotExistsAsync(cancellationToken);

    public static string ContainerName(string irpId) => "irp-" + irpId;

    public static string Folder(string key) => $"{DocumentsFolder}{key}/";

    public BlobContainerClient Container(string irpId) => blobs.GetBlobContainerClient(ContainerName(irpId));

    /// <summary>
    /// Records the upload as pending, then returns a create-only SAS for a new blob in the IRP's container (created on
    /// first use): one PUT creates the file, and nothing can overwrite it through the link. Pending first: a SAS is never
    /// out without the reconciliation pass knowing of it.
    /// </summary>
    /// <param name="now">The app's time, stamped at the start of the blob's name so a folder lists in upload order.</param>
    public async Task<UploadGrant> GrantUploadAsync(string irpId, string key, AcceptedUpload file, DateTimeOffset now, CancellationToken ct)
    {
        var safeName = file.SafeName;
        var container = Container(irpId);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var leaf = $"{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{safeName}";
        var blobName = Folder(key) + leaf;
        var expiresOn = storageClock.GetUtcNow() + options.UploadSasLifetime;
        await _pending.AddEntityAsync(new TableEntity(irpId, leaf)
        {
            ["Key"] = key,
            ["BlobName"] = blobName,
            ["SasExpiresOn"] = expiresOn,
        }, ct);
        return new UploadGrant(await sas.UploadOnceUriAsync(container.GetBlobClient(blobName), expiresOn, ct), blobName, expiresOn, file.ContentType);
    }

    /// <summary>The pending upload for <paramref name="blobName"/> in this IRP, or null if no SAS was handed out for it (or it was completed).</summary>
    public async Task<PendingUpload?> FindPendingAsync(string irpId, string blobName, CancellationToken ct)
    {
        var leaf = blobName[(blobName.LastIndexOf('/') + 1)..];
        if (leaf.Length == 0 || leaf.IndexOfAny(['\\', '#', '?']) >= 0) return null;
        var entity = await _pending.GetEntityIfExistsAsync<TableEntity>(irpId, leaf, cancellationToken: ct);
        return entity.HasValue && ToPending(entity.Value!) is { } p && p.BlobName == blobName ? p : null;
    }

    /// <summary>Every pending upload, grouped by IRP: the cost of a reconciliation pass is proportional to these.</summary>
    public async Task<IReadOnlyList<IGrouping<string, PendingUpload>>> ListPendingAsync(CancellationToken ct)
    {
        var pending = new List<PendingUpload>();
        await foreach (var entity in _pending.QueryAsync<TableEntity>(cancellationToken: ct)) pending.Add(ToPending(entity));
        return pending.GroupBy(p => p.IrpId).ToList();
    }

    /// <summary>Deletes the pending row; one already gone is not an error.</summary>
    public Task ForgetPendingAsync(PendingUpload upload, CancellationToken ct) =>
        _pending.DeleteEntityAsync(upload.IrpId, upload.BlobName[(upload.BlobName.LastIndexOf('/') + 1)..], cancellationToken: ct);

    /// <summary>The blob's properties if <paramref name="blobName"/> is a file under this IRP's <c>documents/{key}/</c> and exists.</summary>
    public async Task<BlobProperties?> GetDocumentAsync(string irpId, string key, string blobName, CancellationToken ct)
    {
        if (!IsDocumentBlobName(key, blobName)) return null;
        try
        {
            return (await Container(irpId).GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks a stored document against <paramref name="rules"/> (see <see cref="UploadRules.CheckStored"/>): its size and
    /// content type as stored, and its first bytes, read with a ranged download. Empty when it keeps every rule.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckStoredAsync(
        string irpId, string blobName, long size, string? contentType, UploadRules rules, CancellationToken ct)
    {
        var fileName = FileNameOf(blobName);
        var head = size > 0
            ? (await Container(irpId).GetBlobClient(blobName).DownloadContentAsync(
                new BlobDownloadOptions { Range = new HttpRange(0, FileSignatures.HeadLength) }, ct)).Value.Content.ToArray()
            : [];
        return rules.CheckStored(fileName, size, contentType, head);
    }

    /// <summary>Files under <c>documents/</c> in this IRP's container; none when the container does not exist yet.</summary>
    public async Task<IReadOnlyList<BlobItem>> ListDocumentsAsync(string irpId, CancellationToken ct)
    {
        var items = new List<BlobItem>();
        try
        {
            await foreach (var item in Container(irpId).GetBlobsAsync(new GetBlobsOptions { Prefix = DocumentsFolder }, ct)) items.Add(item);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // no upload was ever started for this IRP
        }
        return items;
    }

    /// <summary>
    /// A read-only SAS for one document, valid for <see cref="DocumentsOptions.DownloadSasLifetime"/>, that makes the
    /// browser save it as <paramref name="fileName"/> (see <see cref="BlobSasSigner.DownloadUriAsync"/>).
    /// </summary>
    public Task<Uri> DownloadUriAsync(string irpId, string blobName, string fileName, string? contentType, CancellationToken ct) =>
        sas.DownloadUriAsync(Container(irpId).GetBlobClient(blobName), fileName, contentType, storageClock.GetUtcNow() + options.DownloadSasLifetime, ct);

    /// <summary>True once the SAS has expired (with a margin for a PUT still finishing): no file will arrive for it any more.</summary>
    public bool IsAbandoned(PendingUpload upload) => upload.SasExpiresOn + AbandonAfter <= storageClock.GetUtcNow();

    /// <summary>The name the establishment's file had (sanitised): the blob name's last segment without its time stamp and random part.</summary>
    public static string FileNameOf(string blobName)
    {
        var leaf = blobName[(blobName.LastIndexOf('/') + 1)..];
        var parts = leaf.Split('-', 3);
        return parts.Length == 3 && parts[0].Length == 14 && parts[1].Length == 8 ? parts[2] : leaf;
    }

    public Task DeleteBlobAsync(string irpId, string blobName, CancellationToken ct) =>
        Container(irpId).GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: ct);

    /// <summary>
    /// Deletes every file under <c>documents/</c> (what the establishment uploaded) and nothing else in the container: the
    /// inspectorate's own report files stay. Returns each file this call deleted, with its size; a second call deletes
    /// nothing and returns none.
    /// </summary>
    public async Task<IReadOnlyList<BlobItem>> DeleteDocumentsAsync(string irpId, CancellationToken ct)
    {
        var deleted = new List<BlobItem>();
        foreach (var item in await ListDocumentsAsync(irpId, ct))
        {
            // Count only what this call deleted, so a re-run after a crash does not count a file twice.
            if ((await Container(irpId).GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: ct)).Value) deleted.Add(item);
        }
        return deleted;
    }

    /// <summary>True for <c>documents/{key}/{leaf}</c> with a single plain leaf segment (no "..", no further folders).</summary>
    public static bool IsDocumentBlobName(string key, string? blobName)
    {
        var folder = Folder(key);
        if (blobName is null || !blobName.StartsWith(folder, StringComparison.Ordinal)) return false;
        var leaf = blobName[folder.Length..];
        return leaf.Length > 0 && leaf.IndexOfAny(['/', '\\']) < 0 && leaf.Trim('.').Length > 0;
    }

    private static PendingUpload ToPending(TableEntity e) => new(
        e.PartitionKey, e.GetString("Key")!, e.GetString("BlobName")!, e.GetDateTimeOffset("SasExpiresOn")!.Value);
}
