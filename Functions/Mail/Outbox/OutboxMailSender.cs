using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Storage;

namespace IrpFlows.Mail;

/// <summary>
/// Where the local outbox writes its messages, and who they appear to be from unless a message names its own
/// <see cref="MailMessage.From"/>. Bound from the "Mail" section.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Mail";

    public string SenderName { get; set; } = "HM Inspectorate of Prisons";
    public string SenderAddress { get; set; } = "irp@hmiprisons.example";
    public string Container { get; set; } = "outbox";
    public string Table { get; set; } = "outbox";
}

/// <summary>One message in the outbox, as <c>GET /api/outbox</c> lists it.</summary>
public sealed record OutboxEntry(string Id, string IrpId, string Step, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, DateTimeOffset SentAt);

/// <summary>
/// The sender used when no Graph mailbox is configured: every message is stored as a real MIME <c>.eml</c> blob and
/// listed in a table. Exactly once: the blob is written with If-None-Match: *, so the first write wins and a repeat
/// (after a crash between sending and recording) finds it and returns what it holds; the listing row is an
/// idempotent upsert written after the blob, so a crash between the two is repaired by the repeat.
/// </summary>
public sealed class OutboxMailSender(BlobServiceClient blobs, TableServiceClient tables, OutboxOptions options, TimeProvider time)
    : IMailSender, IStorageSetup
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(options.Container);
    private readonly TableClient _table = tables.GetTableClient(options.Table);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _table.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns what the stored <c>.eml</c> says, read back from it, for the first call and any repeat alike: a repeat gets
    /// the first message's recipients, subject and date, and lists them, even when it was rendered from other data.
    /// </remarks>
    public async Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var (irpId, step) = SplitKey(message.MessageKey);
        var id = OutboxId(irpId, step);
        var blob = _container.GetBlobClient(BlobName(irpId, step));
        var eml = MimeMail.ToEml(message, message.From ?? new EmailAddress(options.SenderName, options.SenderAddress), time.GetUtcNow());
        try
        {
            await blob.UploadAsync(eml, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Sent before: the message stored is the one that went.
            eml = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        var sent = MimeMail.ReadSent(eml, id);
        var entry = new OutboxEntry(id, irpId, step, sent.To.Select(a => a.Address).ToList(), sent.Cc.Select(a => a.Address).ToList(),
            sent.Subject, sent.SentAt);
        await _table.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
        return sent;
    }

    /// <summary>Messages, newest last; only those of one IRP when <paramref name="irpId"/> is given.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string? irpId, CancellationToken ct)
    {
        var filter = irpId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {irpId}");
        var entries = new List<OutboxEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) entries.Add(FromEntity(e));
        return entries.OrderBy(e => e.SentAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The raw MIME message, or null when there is no message with that id.</summary>
    public async Task<BinaryData?> GetRawAsync(string id, CancellationToken ct)
    {
        var separator = id.IndexOf('.', StringComparison.Ordinal);
        if (separator <= 0 || separator == id.Length - 1 || id.Contains('/', StringComparison.Ordinal)) return null;
        var blob = _container.GetBlobClient(BlobName(id[..separator], id[(separator + 1)..]));
        if (!(await blob.ExistsAsync(ct)).Value) return null;
        return (await blob.DownloadContentAsync(ct)).Value.Content;
    }

    private static (string IrpId, string Step) SplitKey(string messageKey)
    {
        var slash = messageKey.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == messageKey.Length - 1)
            throw new ArgumentException($"Message key '{messageKey}' is not of the form instanceId/stepId.", nameof(messageKey));
        return (messageKey[..slash], messageKey[(slash + 1)..]);
    }

    private static string OutboxId(string irpId, string step) => $"{irpId}.{step}";

    private static string BlobName(string irpId, string step) => $"{irpId}/{step}.eml";

    private static TableEntity ToEntity(OutboxEntry e) => new(e.IrpId, e.Step)
    {
        ["To"] = string.Join(",", e.To),
        ["Cc"] = string.Join(",", e.Cc),
        ["Subject"] = e.Subject,
        ["SentAt"] = e.SentAt,
    };

    private static OutboxEntry FromEntity(TableEntity e) => new(
        OutboxId(e.PartitionKey, e.RowKey), e.PartitionKey, e.RowKey, Split(e.GetString("To")), Split(e.GetString("Cc")),
        e.GetString("Subject") ?? "", e.GetDateTimeOffset("SentAt")!.Value);

    private static List<string> Split(string? list) => string.IsNullOrEmpty(list) ? [] : list.Split(',').ToList();
}
