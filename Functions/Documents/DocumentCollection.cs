using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Documents;

/// <summary>An instance as an upload link opens it: what its page shows, and whether it still accepts files.</summary>
public sealed record UploadAccess(string IrpId, IDocumentRequests Requests, DocumentRequestPage Page, RuntimeStatus RuntimeStatus)
{
    /// <summary>Terminated and completed instances take no more files.</summary>
    public bool AcceptsUploads => RuntimeStatus is not (RuntimeStatus.Terminated or RuntimeStatus.Completed);

    /// <summary>The instance was cancelled: its links are gone for good, and a file that still arrives is deleted.</summary>
    public bool Cancelled => RuntimeStatus == RuntimeStatus.Terminated;

    /// <summary>Gone: what the upload page and calls answer for a cancelled instance.</summary>
    public Refusal CancelledRefusal => Refusal.Gone($"The {Page.Noun} was cancelled",
        $"This {Page.Noun} was cancelled: it no longer accepts documents, and any file sent for it is deleted. Please contact the {Page.ContactRole}.");
}

/// <summary>
/// What an upload link lets an establishment (or probation provider) do: see the checklist, get a create-only SAS for one
/// new file, and report the file uploaded. Every call checks the token first; nothing is handed out or recorded for a token
/// that fails. Each workflow kind that asks for documents says what its page shows and records what arrives.
/// </summary>
public sealed partial class DocumentCollection(
    SignedLinks links, IEnumerable<IDocumentRequests> requests, WorkflowEngine engine, DocumentStore store, UploadRules rules, TimeProvider time,
    ILogger<DocumentCollection> logger)
{
    /// <summary>
    /// The log's record of a file deleted because it arrived after the instance was cancelled (an upload link handed out
    /// before the cancellation: a SAS cannot be revoked). Data: <see cref="DocumentReceivedData"/>'s fields, the time it was found.
    /// </summary>
    public const string UploadDeletedAfterCancellation = nameof(UploadDeletedAfterCancellation);

    private readonly IReadOnlyDictionary<string, IDocumentRequests> _requests = requests.ToDictionary(r => r.Kind);

    /// <summary>The instance the token is for; forbidden for a bad or expired token, not found when the instance no longer exists.</summary>
    public async Task<(UploadAccess? Access, Refusal? Refusal)> OpenAsync(string token, CancellationToken ct)
    {
        var (status, refusal) = await links.OpenAsync(token, UploadTokenPayload.DocumentsPurpose, _requests.Keys.ToList(),
            "The upload link is not valid or has expired. Please ask the inspector who sent it for a new link.", ct);
        if (refusal is not null) return (null, refusal);
        var kind = _requests[status!.Instance.Kind];
        return (new UploadAccess(status.Instance.Id, kind, kind.Page(status), status.RuntimeStatus), null);
    }

    /// <summary>
    /// Records a file found in storage whose upload was never completed (see <see cref="UploadReconciler"/>), against the
    /// instance whatever its kind; a refusal when the instance is gone or finished.
    /// </summary>
    public async Task<Refusal?> RecordAsync(string instanceId, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        await engine.GetHeaderAsync(instanceId, ct) is { } header && _requests.TryGetValue(header.Kind, out var kind)
            ? await kind.RecordAsync(instanceId, file, durable, ct)
            : Refusal.NotFound($"There is no instance with id '{instanceId}' that asks for documents.");

    /// <summary>Whether the instance was cancelled (see <see cref="DeleteAfterCancellationAsync"/>).</summary>
    public async Task<bool> IsCancelledAsync(string instanceId, CancellationToken ct) =>
        (await engine.GetHeaderAsync(instanceId, ct))?.RuntimeStatus == RuntimeStatus.Terminated;

    /// <summary>
    /// Deletes a file that arrived for a cancelled instance and records that it did (<see cref="UploadDeletedAfterCancellation"/>,
    /// once per blob), so the instance's history says what became of it. Idempotent.
    /// </summary>
    public async Task DeleteAfterCancellationAsync(string instanceId, DocumentReceivedData file, CancellationToken ct)
    {
        // Recorded first: a crash between the two leaves the file for the next pass to delete, never a deletion unrecorded.
        if (await engine.GetHeaderAsync(instanceId, ct) is { } header)
            await engine.AppendAsync(header.Kind, instanceId, status => status.Instance.EventsOfType(UploadDeletedAfterCancellation)
                    .Any(e => e.Data["blobName"]?.GetValue<string>() == file.BlobName)
                ? []
                : [new NewEvent(UploadDeletedAfterCancellation, EventData.ToData(file))], durable: null, ct);
        await store.DeleteBlobAsync(instanceId, file.BlobName, ct);
        Log.DeletedAfterCancellation(logger, instanceId, file.BlobName);
    }

    /// <summary>
    /// Checks, in this order, the token (forbidden, not found), the item key (not found), that the IRP still takes files
    /// (a conflict) and the file (invalid, naming the field), and only then hands out a create-only SAS for one new blob under <c>documents/{key}/</c>.
    /// </summary>
    public async Task<(UploadGrant? Grant, Refusal? Refusal)> BeginUploadAsync(string token, string key, UploadRequest request, CancellationToken ct)
    {
        var (access, refusal) = await OpenForItemAsync(token, key, ct);
        if (refusal is not null) return (null, refusal);
        var (accepted, errors) = rules.Check(request);
        if (accepted is null)
            return (null, Refusal.Invalid(errors));
        return (await store.GrantUploadAsync(access!.IrpId, key, accepted, time.GetUtcNow(), ct), null);
    }

    /// <summary>
    /// Records the file at <paramref name="blobName"/> as received for the item. Idempotent: completing twice records one
    /// file. The file is checked as stored (see <see cref="UploadRules.CheckStored"/>), since the SAS cannot limit what is
    /// PUT: one that breaks a rule is deleted and refused (invalid, naming the field), and nothing is recorded.
    /// </summary>
    public async Task<(DocumentView? Item, Refusal? Refusal)> CompleteUploadAsync(string token, string key, string? blobName, DurableTaskClient durable, CancellationToken ct)
    {
        var (access, refusal) = await OpenForItemAsync(token, key, ct, forCompletion: true);
        if (refusal is not null) return (null, refusal);
        var irpId = access!.IrpId;
        if (!DocumentStore.IsDocumentBlobName(key, blobName))
            return (null, Refusal.Invalid("blobName", $"must be the blobName returned when the upload was started: a name under '{DocumentStore.Folder(key)}'."));
        var blob = await store.GetDocumentAsync(irpId, key, blobName!, ct);
        if (access.Cancelled)
        {
            // Put through a link handed out before the cancellation: deleted, not kept unrecorded.
            if (blob is not null)
                await DeleteAfterCancellationAsync(irpId, new DocumentReceivedData(key, DocumentStore.FileNameOf(blobName!), blobName!, blob.ContentLength, time.GetUtcNow()), ct);
            if (await store.FindPendingAsync(irpId, blobName!, ct) is { } forgotten) await store.ForgetPendingAsync(forgotten, ct);
            return (null, access.CancelledRefusal);
        }
        if (blob is null)
            return (null, Refusal.NotFound($"No file has been uploaded to '{blobName}'. PUT the file to the uploadUrl first."));
        var pending = await store.FindPendingAsync(irpId, blobName!, ct);
        var broken = await store.CheckStoredAsync(irpId, blobName!, blob.ContentLength, blob.ContentType, rules, ct);
        if (broken.Count > 0)
        {
            await store.DeleteBlobAsync(irpId, blobName!, ct);
            if (pending is not null) await store.ForgetPendingAsync(pending, ct);
            return (null, Refusal.Invalid(broken.ToDictionary(e => e.Key, e => e.Value.Select(message => message + " It has been deleted.").ToArray())));
        }
        var recorded = await access.Requests.RecordAsync(irpId,
            new DocumentReceivedData(key, DocumentStore.FileNameOf(blobName!), blobName!, blob.ContentLength, time.GetUtcNow()), durable, ct);
        if (recorded is not null) return (null, recorded);
        if (pending is not null) await store.ForgetPendingAsync(pending, ct);
        var (after, _) = await OpenAsync(token, ct);
        return (ItemView(after!, key), null);
    }

    /// <summary>One checklist item with its files, as <c>GET /api/irps/{id}</c> shows it.</summary>
    public static DocumentView ItemView(UploadAccess access, string key)
    {
        var (item, files) = access.Page.Documents.Single(d => d.Item.Key == key);
        return new DocumentView(item.Key, item.Title, item.Description, item.Source, files.Count > 0 ? "received" : "missing",
            files.Select(f => new DocumentFileView(f.FileName, f.Size, f.ReceivedAt)).ToList());
    }

    /// <param name="forCompletion">A completion reaches a cancelled instance (gone is its caller's to answer, after deleting the file).</param>
    private async Task<(UploadAccess? Access, Refusal? Refusal)> OpenForItemAsync(string token, string key, CancellationToken ct, bool forCompletion = false)
    {
        var (access, refusal) = await OpenAsync(token, ct);
        if (refusal is not null) return (null, refusal);
        var page = access!.Page;
        if (page.Documents.All(d => d.Item.Key != key))
            return (null, Refusal.NotFound($"'{key}' is not one of the documents requested for this {page.Noun}."));
        if (access.Cancelled)
            return forCompletion ? (access, null) : (null, access.CancelledRefusal);
        if (!access.AcceptsUploads)
            return (null, Refusal.Conflict($"The {page.Noun} is {access.RuntimeStatus.ToString().ToLowerInvariant()}",
                $"This {page.Noun} no longer accepts documents. Please contact the {page.ContactRole}."));
        return (access, null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Deleted {BlobName} of {InstanceId}, which arrived after it was cancelled")]
        public static partial void DeletedAfterCancellation(ILogger logger, string instanceId, string blobName);
    }
}
