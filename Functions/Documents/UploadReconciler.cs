using Microsoft.DurableTask.Client;

namespace IrpFlows.Documents;

/// <summary>
/// Notices files written with a valid SAS whose upload was never completed (the browser closed, the script stopped after
/// its PUT) and records them as received. Runs with every sweep (see <c>SweepFunction</c>). Its cost is proportional to the uploads still
/// pending, which exist only for IRPs collecting documents: one table query, then one listing per IRP with pending uploads.
/// </summary>
public sealed partial class UploadReconciler(DocumentStore store, DocumentCollection documents, UploadRules rules, TimeProvider time, ILogger<UploadReconciler> logger)
{
    /// <summary>
    /// Records every pending upload whose blob now exists and keeps the upload rules (checked as on completion; one that
    /// breaks them is deleted, and so is one for a cancelled instance, recorded as such); forgets those whose SAS has long
    /// expired unused. Returns how many it recorded.
    /// </summary>
    public async Task<int> ReconcileAsync(DurableTaskClient durable, CancellationToken ct)
    {
        var recorded = 0;
        foreach (var irp in await store.ListPendingAsync(ct))
        {
            var blobs = (await store.ListDocumentsAsync(irp.Key, ct)).ToDictionary(b => b.Name, StringComparer.Ordinal);
            foreach (var upload in irp)
            {
                if (!blobs.TryGetValue(upload.BlobName, out var blob))
                {
                    if (store.IsAbandoned(upload)) await store.ForgetPendingAsync(upload, ct);
                    continue;
                }
                var size = blob.Properties.ContentLength ?? 0;
                var file = new DocumentReceivedData(upload.Key, DocumentStore.FileNameOf(upload.BlobName), upload.BlobName, size, time.GetUtcNow());
                // Put through a link handed out before a cancellation: a SAS cannot be revoked, so what arrives is deleted.
                if (await documents.IsCancelledAsync(upload.IrpId, ct))
                {
                    await documents.DeleteAfterCancellationAsync(upload.IrpId, file, ct);
                    await store.ForgetPendingAsync(upload, ct);
                    continue;
                }
                var broken = await store.CheckStoredAsync(upload.IrpId, upload.BlobName, size, blob.Properties.ContentType, rules, ct);
                if (broken.Count > 0)
                {
                    await store.DeleteBlobAsync(upload.IrpId, upload.BlobName, ct);
                    Log.RefusedDeleted(logger, upload.IrpId, upload.BlobName, string.Join(" ", broken.Values.SelectMany(v => v)));
                }
                else
                {
                    var refusal = await documents.RecordAsync(upload.IrpId, file, durable, ct);
                    if (refusal is null)
                    {
                        recorded++;
                        Log.Recorded(logger, upload.IrpId, upload.BlobName);
                    }
                    else if (await documents.IsCancelledAsync(upload.IrpId, ct))
                    {
                        await documents.DeleteAfterCancellationAsync(upload.IrpId, file, ct); // cancelled since the check above
                    }
                    else
                    {
                        // The IRP was completed or removed meanwhile: there is nothing to record the file against.
                        Log.NotRecorded(logger, upload.IrpId, upload.BlobName, refusal.Detail);
                    }
                }
                await store.ForgetPendingAsync(upload, ct);
            }
        }
        return recorded;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Recorded {BlobName} of {IrpId}, uploaded but never completed")]
        public static partial void Recorded(ILogger logger, string irpId, string blobName);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Deleted {BlobName} of {IrpId}, which breaks the upload rules: {Reasons}")]
        public static partial void RefusedDeleted(ILogger logger, string irpId, string blobName, string reasons);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not record {BlobName} of {IrpId}: {Reason}")]
        public static partial void NotRecorded(ILogger logger, string irpId, string blobName, string reason);
    }
}
