using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace IrpFlows.Workflow;

/// <summary>An instance as loaded, with the header's ETag to write it back under optimistic concurrency.</summary>
internal sealed record LoadedInstance(WorkflowInstance Instance, ETag HeaderETag, InstanceHeaderRow Header);

/// <summary>
/// The header row as listed: what a list or a sweep needs without reading the log. <see cref="NextDue"/> is the earliest
/// moment the log makes a step runnable (written with every append, and kept when the instance is marked failed, so the
/// sweep still watches it); <see cref="Version"/> is the number of events in the log.
/// </summary>
/// <param name="Failure">Why the log cannot be planned, when <see cref="RuntimeStatus"/> is Failed; null otherwise.</param>
/// <param name="FailedAt">When that failure was last recorded.</param>
/// <param name="RulesVersion">The kind's <see cref="IWorkflowKind.RulesVersion"/> the header was planned with (0: before versions).</param>
public sealed record InstanceHeaderRow(
    string Id,
    string Kind,
    RuntimeStatus RuntimeStatus,
    string CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    DateTimeOffset? NextDue,
    long Version,
    string? Failure,
    DateTimeOffset? FailedAt,
    JsonObject Summary,
    int RulesVersion);

/// <summary>The header fields every append rewrites.</summary>
internal sealed record InstanceHeader(
    RuntimeStatus RuntimeStatus, string CustomStatus, DateTimeOffset LastUpdatedTime, DateTimeOffset? NextDue, JsonObject Summary, int RulesVersion);

/// <summary>
/// Table storage layout of the workflow log. Each instance is one partition of <see cref="WorkflowOptions.InstancesTable"/>:
/// a header row ("instance") and one row per event ("e0000000001", …), so one query reads an instance and one entity
/// group transaction appends events and updates the header together, guarded by the header's ETag. Each event row carries
/// the id of the append that wrote it, so a writer whose transaction may or may not have committed (a timeout, or a retry
/// that met 412 on its own commit) can tell by reading the log.
/// </summary>
internal sealed class WorkflowStore(TableServiceClient tables, WorkflowOptions options)
{
    private const string HeaderRowKey = "instance";
    private const string EventRowPrefix = "e";
    // Table string properties hold at most 32K UTF-16 characters; longer event data is split across Data, Data1, Data2, ….
    private const int DataChunkChars = 30_000;
    // Table storage cannot store null, and its earliest date is 1601-01-01: that stands for "none".
    private static readonly DateTimeOffset NoTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TableClient _instances = tables.GetTableClient(options.InstancesTable);

    public TableClient Table => _instances;

    public Task CreateTableIfNotExistsAsync(CancellationToken ct) => _instances.CreateIfNotExistsAsync(ct);

    /// <summary>One read of a row that need not exist: throws when the table cannot be read.</summary>
    public Task ProbeAsync(CancellationToken ct) => _instances.GetEntityIfExistsAsync<TableEntity>("!health", "probe", cancellationToken: ct);

    /// <summary>Creates the instance with its first events in one transaction. Throws <see cref="TableTransactionFailedException"/> 409 if the id exists.</summary>
    public async Task CreateAsync(string id, string kind, DateTimeOffset createdTime, IReadOnlyList<WorkflowEvent> events, string appendId,
        InstanceHeader header, CancellationToken ct)
    {
        var headerEntity = HeaderEntity(id, header);
        headerEntity["Kind"] = kind;
        headerEntity["CreatedTime"] = createdTime;
        headerEntity["Version"] = (long)events.Count;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, headerEntity) };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity(id, e, appendId))));
        await _instances.SubmitTransactionAsync(actions, ct);
    }

    public async Task<LoadedInstance?> LoadAsync(string id, CancellationToken ct)
    {
        TableEntity? header = null;
        var events = new List<(WorkflowEvent Event, string? AppendId)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
        await foreach (var entity in _instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (entity.RowKey == HeaderRowKey) header = entity;
            else if (entity.RowKey.StartsWith(EventRowPrefix, StringComparison.Ordinal)) events.Add((ReadEvent(entity), entity.GetString("AppendId")));
        }
        if (header is null) return null;
        events.Sort((a, b) => a.Event.Sequence.CompareTo(b.Event.Sequence));
        var row = ReadHeader(header);
        var instance = new WorkflowInstance(id, row.Kind, row.CreatedTime, row.LastUpdatedTime, events.Select(e => e.Event).ToList())
        {
            AppendIds = events.Select(e => e.AppendId).OfType<string>().ToHashSet(StringComparer.Ordinal),
        };
        return new LoadedInstance(instance, header.ETag, row);
    }

    /// <summary>The header of instance <paramref name="id"/>, without its log (one point read); null when there is none.</summary>
    public async Task<InstanceHeaderRow?> GetHeaderAsync(string id, CancellationToken ct)
    {
        var header = await _instances.GetEntityIfExistsAsync<TableEntity>(id, HeaderRowKey, cancellationToken: ct);
        return header.HasValue && header.Value is { } row ? ReadHeader(row) : null;
    }

    /// <summary>Whether the log holds any row at all: a store that has never held an instance needs no index built.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        await foreach (var _ in _instances.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {HeaderRowKey}"), maxPerPage: 1,
            select: ["RowKey"], cancellationToken: ct))
        {
            return false;
        }
        return true;
    }

    /// <summary>
    /// Appends <paramref name="newEvents"/> (sequence numbers continue the log) and updates the header, only if the header
    /// still has <paramref name="ifMatch"/>. Throws <see cref="TableTransactionFailedException"/> 412 when the header has
    /// changed since (another writer, or this very append committed by an earlier attempt: see <see cref="WorkflowInstance.AppendIds"/>).
    /// </summary>
    public async Task AppendAsync(WorkflowInstance instance, ETag ifMatch, IReadOnlyList<WorkflowEvent> newEvents, string appendId,
        InstanceHeader header, CancellationToken ct)
    {
        var headerEntity = HeaderEntity(instance.Id, header);
        headerEntity["Version"] = (long)(instance.Events.Count + newEvents.Count);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, headerEntity, ifMatch) };
        actions.AddRange(newEvents.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity(instance.Id, e, appendId))));
        await _instances.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>
    /// Rewrites the header from a plan of its log, only if the header still has <paramref name="ifMatch"/>: a header marked
    /// failed whose log can be planned again (a rule fixed by a deploy). Returns false when another writer got in first; its
    /// append rewrote the header from the log anyway.
    /// </summary>
    public async Task<bool> TryRewriteHeaderAsync(string id, ETag ifMatch, InstanceHeader header, CancellationToken ct)
    {
        try
        {
            await _instances.UpdateEntityAsync(HeaderEntity(id, header), ifMatch, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Marks an instance failed (its log cannot be planned), with the reason, without touching its log or its next due time:
    /// the sweep keeps watching it, so a deploy that fixes the rule brings it back.
    /// </summary>
    public Task RecordFailureAsync(string id, string reason, DateTimeOffset now, CancellationToken ct) =>
        _instances.UpdateEntityAsync(new TableEntity(id, HeaderRowKey)
        {
            ["RuntimeStatus"] = RuntimeStatus.Failed.ToString(),
            ["CustomStatus"] = "Failed: " + reason,
            ["Failure"] = reason,
            ["FailedAt"] = now,
        }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>Every instance header (one row per instance, no log reads).</summary>
    public async IAsyncEnumerable<InstanceHeaderRow> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {HeaderRowKey}");
        await foreach (var h in _instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return ReadHeader(h);
    }

    private static InstanceHeaderRow ReadHeader(TableEntity h) => new(
        h.PartitionKey,
        h.GetString("Kind")!,
        Enum.Parse<RuntimeStatus>(h.GetString("RuntimeStatus")!),
        h.GetString("CustomStatus") ?? "",
        h.GetDateTimeOffset("CreatedTime")!.Value,
        h.GetDateTimeOffset("LastUpdatedTime")!.Value,
        Time(h.GetDateTimeOffset("NextDue")),
        h.GetInt64("Version") ?? 0,
        h.GetString("Failure") is { Length: > 0 } failure ? failure : null,
        Time(h.GetDateTimeOffset("FailedAt")),
        JsonNode.Parse(h.GetString("Summary") ?? "{}")!.AsObject(),
        h.GetInt32("RulesVersion") ?? 0);

    private static TableEntity HeaderEntity(string id, InstanceHeader h)
    {
        var header = new TableEntity(id, HeaderRowKey)
        {
            ["RuntimeStatus"] = h.RuntimeStatus.ToString(),
            ["CustomStatus"] = h.CustomStatus,
            ["LastUpdatedTime"] = h.LastUpdatedTime,
            ["NextDue"] = h.NextDue ?? NoTime,
            ["Summary"] = h.Summary.ToJsonString(),
            ["RulesVersion"] = h.RulesVersion,
            // A header written from a plan is not failed (Table storage cannot store null: empty stands for none).
            ["Failure"] = "",
        };
        return header;
    }

    private static TableEntity EventEntity(string id, WorkflowEvent e, string appendId)
    {
        var entity = new TableEntity(id, EventRowKey(e.Sequence))
        {
            ["Type"] = e.Type,
            ["RecordedAt"] = e.RecordedAt,
            ["AppendId"] = appendId,
            ["By"] = e.By,
        };
        var json = e.Data.ToJsonString(WorkflowJson.Options);
        for (int i = 0, chunk = 0; i < json.Length || chunk == 0; i += DataChunkChars, chunk++)
            entity[chunk == 0 ? "Data" : $"Data{chunk}"] = json.Substring(i, Math.Min(DataChunkChars, json.Length - i));
        return entity;
    }

    private static WorkflowEvent ReadEvent(TableEntity entity)
    {
        var json = new StringBuilder(entity.GetString("Data"));
        for (var chunk = 1; entity.GetString($"Data{chunk}") is { } more; chunk++) json.Append(more);
        return new WorkflowEvent(
            long.Parse(entity.RowKey.AsSpan(EventRowPrefix.Length), CultureInfo.InvariantCulture),
            entity.GetString("Type")!,
            JsonNode.Parse(json.ToString())!.AsObject(),
            entity.GetDateTimeOffset("RecordedAt")!.Value) { By = entity.GetString("By") };
    }

    private static DateTimeOffset? Time(DateTimeOffset? stored) => stored is { } t && t > NoTime ? t : null;

    private static string EventRowKey(long sequence) => EventRowPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);
}
