using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace IrpFlows.Workflow;

/// <summary>An instance as loaded, with what the engine needs to write it back under optimistic concurrency.</summary>
internal sealed record LoadedInstance(
    WorkflowInstance Instance,
    ETag HeaderETag,
    DateTimeOffset? HintDue,
    string? LeaseOwner,
    DateTimeOffset LeaseUntil);

/// <summary>The header fields the engine rewrites with every append.</summary>
internal sealed record InstanceHeader(
    RuntimeStatus RuntimeStatus,
    string CustomStatus,
    DateTimeOffset LastUpdatedTime,
    DateTimeOffset? HintDue,
    string? LeaseOwner,
    DateTimeOffset LeaseUntil,
    JsonObject Summary);

/// <summary>A wake-up hint: "look at this instance at or after <see cref="Due"/>".</summary>
internal sealed record ScheduleHint(string InstanceId, DateTimeOffset Due, string RowKey, ETag ETag);

/// <summary>
/// Table storage layout of the engine. Each instance is one partition of <see cref="WorkflowEngineOptions.InstancesTable"/>:
/// a header row ("instance") and one row per event ("e0000000001", …), so one query reads an instance and one entity
/// group transaction appends events and updates the header together, guarded by the header's ETag.
/// Wake-up hints live in one partition of <see cref="WorkflowEngineOptions.ScheduleTable"/>, row key = due ticks + id,
/// so a tick is one range query over what is due. Hints are only hints: the plan decides what runs.
/// </summary>
internal sealed class WorkflowStore(TableServiceClient tables, WorkflowEngineOptions options)
{
    private const string HeaderRowKey = "instance";
    private const string EventRowPrefix = "e";
    private const string SchedulePartition = "due";
    // Table string properties hold at most 32K UTF-16 characters; longer event data is split across Data, Data1, Data2, ….
    private const int DataChunkChars = 30_000;
    // Table storage cannot store null, and its earliest date is 1601-01-01: that stands for "none" (no hint, no lease).
    private static readonly DateTimeOffset NoTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TableClient _instances = tables.GetTableClient(options.InstancesTable);
    private readonly TableClient _schedule = tables.GetTableClient(options.ScheduleTable);

    public async Task CreateTablesIfNotExistAsync(CancellationToken ct)
    {
        await _instances.CreateIfNotExistsAsync(ct);
        await _schedule.CreateIfNotExistsAsync(ct);
    }

    /// <summary>Creates the instance with its first events in one transaction. Throws 409 if the id exists.</summary>
    public async Task<ETag> CreateAsync(
        string id, string kind, DateTimeOffset createdTime, IReadOnlyList<WorkflowEvent> events, InstanceHeader header, CancellationToken ct)
    {
        var headerEntity = HeaderEntity(id, header);
        headerEntity["Kind"] = kind;
        headerEntity["CreatedTime"] = createdTime;
        headerEntity["Version"] = (long)events.Count;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, headerEntity) };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity(id, e))));
        var results = await _instances.SubmitTransactionAsync(actions, ct);
        return HeaderETag(results);
    }

    public async Task<LoadedInstance?> LoadAsync(string id, CancellationToken ct)
    {
        TableEntity? header = null;
        var events = new List<WorkflowEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
        await foreach (var entity in _instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (entity.RowKey == HeaderRowKey) header = entity;
            else if (entity.RowKey.StartsWith(EventRowPrefix, StringComparison.Ordinal)) events.Add(ReadEvent(entity));
        }
        if (header is null) return null;
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var instance = new WorkflowInstance(
            id,
            header.GetString("Kind")!,
            header.GetDateTimeOffset("CreatedTime")!.Value,
            header.GetDateTimeOffset("LastUpdatedTime")!.Value,
            events);
        return new LoadedInstance(
            instance,
            header.ETag,
            header.GetDateTimeOffset("HintDue"),
            NullIfEmpty(header.GetString("LeaseOwner")),
            header.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue);
    }

    /// <summary>
    /// Appends <paramref name="newEvents"/> (sequence numbers continue the log) and replaces the header, only if the header
    /// still has <paramref name="ifMatch"/>. Throws <see cref="TableTransactionFailedException"/> 412 when another writer got there first.
    /// </summary>
    public async Task<ETag> AppendAsync(
        WorkflowInstance instance, ETag ifMatch, IReadOnlyList<WorkflowEvent> newEvents, InstanceHeader header, CancellationToken ct)
    {
        var headerEntity = HeaderEntity(instance.Id, header);
        headerEntity["Version"] = (long)(instance.Events.Count + newEvents.Count);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, headerEntity, ifMatch) };
        actions.AddRange(newEvents.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity(instance.Id, e))));
        var results = await _instances.SubmitTransactionAsync(actions, ct);
        return HeaderETag(results);
    }

    /// <summary>Every instance header, for listing. Reads headers only (one row per instance).</summary>
    public async IAsyncEnumerable<(string Id, string Kind, RuntimeStatus Status, string CustomStatus, JsonObject Summary)> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {HeaderRowKey}");
        await foreach (var h in _instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return (h.PartitionKey, h.GetString("Kind")!, Enum.Parse<RuntimeStatus>(h.GetString("RuntimeStatus")!),
                h.GetString("CustomStatus") ?? "", JsonNode.Parse(h.GetString("Summary") ?? "{}")!.AsObject());
        }
    }

    public Task UpsertHintAsync(string instanceId, DateTimeOffset due, CancellationToken ct) =>
        _schedule.UpsertEntityAsync(HintEntity(instanceId, due), TableUpdateMode.Replace, ct);

    /// <summary>Hints due at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduleHint>> QueryDueHintsAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Row keys are "<ticks:D19>_<id>"; "~" sorts after every id character, so this takes every hint up to now inclusive.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SchedulePartition} and RowKey le {Ticks(now) + "~"}");
        var hints = new List<ScheduleHint>();
        await foreach (var e in _schedule.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            hints.Add(new ScheduleHint(e.GetString("InstanceId")!, e.GetDateTimeOffset("Due")!.Value, e.RowKey, e.ETag));
        return hints;
    }

    /// <summary>Replaces the hints that woke a dispatcher by one for the instance's next due time (or none), in one transaction.</summary>
    public async Task ReplaceHintsAsync(string instanceId, IReadOnlyList<ScheduleHint> consumed, DateTimeOffset? nextDue, CancellationToken ct)
    {
        var next = nextDue is { } due ? HintEntity(instanceId, due) : null;
        var actions = consumed
            .Where(h => next is null || h.RowKey != next.RowKey)
            .Select(h => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(SchedulePartition, h.RowKey), ETag.All))
            .ToList();
        if (next is not null) actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, next));
        if (actions.Count == 0) return;
        try
        {
            await _schedule.SubmitTransactionAsync(actions, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another dispatcher already removed a consumed hint; write the next one on its own.
            if (next is not null) await _schedule.UpsertEntityAsync(next, TableUpdateMode.Replace, ct);
        }
    }

    private static TableEntity HeaderEntity(string id, InstanceHeader h)
    {
        var e = new TableEntity(id, HeaderRowKey)
        {
            ["RuntimeStatus"] = h.RuntimeStatus.ToString(),
            ["CustomStatus"] = h.CustomStatus,
            ["LastUpdatedTime"] = h.LastUpdatedTime,
            ["LeaseOwner"] = h.LeaseOwner ?? "",
            ["LeaseUntil"] = h.LeaseUntil == DateTimeOffset.MinValue ? NoTime : h.LeaseUntil,
            ["Summary"] = h.Summary.ToJsonString(),
            // "No hint" is the far past, which every writer treats as "write a hint".
            ["HintDue"] = h.HintDue ?? NoTime,
        };
        return e;
    }

    private static TableEntity EventEntity(string id, WorkflowEvent e)
    {
        var entity = new TableEntity(id, EventRowKey(e.Sequence))
        {
            ["Type"] = e.Type,
            ["RecordedAt"] = e.RecordedAt,
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
            entity.GetDateTimeOffset("RecordedAt")!.Value);
    }

    // The header is the transaction's first action.
    private static ETag HeaderETag(Response<IReadOnlyList<Response>> results) => results.Value[0].Headers.ETag!.Value;

    private static TableEntity HintEntity(string instanceId, DateTimeOffset due) =>
        new(SchedulePartition, $"{Ticks(due)}_{instanceId}") { ["InstanceId"] = instanceId, ["Due"] = due };

    private static string EventRowKey(long sequence) => EventRowPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    private static string Ticks(DateTimeOffset t) => t.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
