using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>One table, shaped like Azure.Data.Tables' <c>TableClient</c>.</summary>
public sealed class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly StoragePipeline _pipeline;

    internal TableClient(StoragePipeline pipeline, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _pipeline = pipeline;
        Name = name;
        Uri = new Uri($"{pipeline.Connection.TableBase}/{Uri.EscapeDataString(name)}");
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    internal Uri Uri { get; }

    /// <summary>
    /// Builds an OData filter from an interpolated string, formatting each argument as a literal: strings are quoted
    /// with single quotes doubled, so <c>$"PartitionKey eq {pk}"</c> is safe whatever <c>pk</c> holds.
    /// Supports string, int, long, bool, double, DateTimeOffset, DateTime, Guid and byte[].
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(TableQueryLiteral.Format).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>Creates the table unless it already exists.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = CreateJsonMessage(RequestMethod.Post, new Uri(_pipeline.Connection.TableBase + "/Tables"));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(BinaryData.FromObjectAsJson(new { TableName = Name }));
        var response = await _pipeline.SendAsync(message, ct, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && StorageErrors.ErrorCode(response) != "TableAlreadyExists")
        {
            throw StorageErrors.CreateException(response);
        }
    }

    /// <summary>Deletes the table and all its entities.</summary>
    /// <exception cref="RequestFailedException">404 when the table does not exist.</exception>
    public async Task DeleteAsync(CancellationToken ct = default)
    {
        var uri = new Uri($"{_pipeline.Connection.TableBase}/Tables('{Uri.EscapeDataString(Name)}')");
        using var message = CreateJsonMessage(RequestMethod.Delete, uri);
        await _pipeline.SendAsync(message, ct, 204).ConfigureAwait(false);
    }

    /// <summary>The entity with these keys, or null when there is none.</summary>
    /// <exception cref="RequestFailedException">404 (TableNotFound) when the table itself does not exist.</exception>
    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken ct = default)
    {
        using var message = CreateJsonMessage(RequestMethod.Get, EntityUri(partitionKey, rowKey));
        var response = await _pipeline.SendAsync(message, ct, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            // A missing row is an answer; a missing table is a mistake the caller must hear about.
            return StorageErrors.ErrorCode(response) == "TableNotFound" ? throw StorageErrors.CreateException(response) : null;
        }

        using var json = JsonDocument.Parse(response.Content);
        return TableEntityJson.Deserialize(json.RootElement);
    }

    /// <summary>Inserts the entity and returns its new ETag.</summary>
    /// <exception cref="RequestFailedException">409 (EntityAlreadyExists) when the row exists.</exception>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateJsonMessage(RequestMethod.Post, Uri);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, ct, 204).ConfigureAwait(false);
        return response.Headers.ETag!.Value;
    }

    /// <summary>Inserts the entity, or merges into / replaces the existing row, unconditionally; returns the new ETag.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default) =>
        WriteEntityAsync(entity, mode, ifMatch: null, ct);

    /// <summary>
    /// Merges into or replaces an existing row only if its ETag matches <paramref name="ifMatch"/>
    /// (<see cref="ETag.All"/> for any version); returns the new ETag.
    /// </summary>
    /// <exception cref="RequestFailedException">412 (UpdateConditionNotSatisfied) on a stale ETag; 404 when the row is missing.</exception>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken ct = default)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("Pass the entity's ETag, or ETag.All to update any version.", nameof(ifMatch));
        }

        return WriteEntityAsync(entity, mode, ifMatch, ct);
    }

    /// <summary>Deletes the row if its ETag matches <paramref name="ifMatch"/> (default: any version).</summary>
    /// <exception cref="RequestFailedException">404 when the row is missing; 412 on a stale ETag.</exception>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken ct = default)
    {
        using var message = CreateDeleteMessage(partitionKey, rowKey, ifMatch);
        await _pipeline.SendAsync(message, ct, 204).ConfigureAwait(false);
    }

    /// <summary>Deletes the row if it exists and its ETag matches (default: any version); false when it was missing.</summary>
    /// <exception cref="RequestFailedException">412 on a stale ETag; 404 (TableNotFound) when the table does not exist.</exception>
    public async Task<bool> DeleteEntityIfExistsAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken ct = default)
    {
        using var message = CreateDeleteMessage(partitionKey, rowKey, ifMatch);
        var response = await _pipeline.SendAsync(message, ct, 204, 404).ConfigureAwait(false);
        return response.Status == 404 && StorageErrors.ErrorCode(response) == "TableNotFound"
            ? throw StorageErrors.CreateException(response)
            : response.Status == 204;
    }

    /// <summary>
    /// Entities matching the OData <paramref name="filter"/> (all when null), in partition and row key order,
    /// following continuation tokens until the last page. <paramref name="select"/> limits the properties returned.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        int? maxPerPage = null,
        IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var selected = select?.ToArray();
        string? token = null;
        do
        {
            var page = await QueryPageAsync(filter, maxPerPage, token, selected, ct).ConfigureAwait(false);
            foreach (var entity in page.Values)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// One page of entities matching <paramref name="filter"/>. Pass the returned <see cref="TablePage.ContinuationToken"/>
    /// to get the next page; a page may be empty while a token is still returned.
    /// </summary>
    public Task<TablePage> QueryPageAsync(string? filter, int? maxPerPage, string? continuationToken, CancellationToken ct = default) =>
        QueryPageAsync(filter, maxPerPage, continuationToken, select: null, ct);

    /// <summary>
    /// Commits every action atomically (an entity group transaction): all in one partition, at most 100, each row once.
    /// Returns the new ETag of each action in order (default for deletes). An empty list sends nothing.
    /// </summary>
    /// <exception cref="TableTransactionFailedException">The service rejected an action; nothing was committed.</exception>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var batch = new TableTransactionBatch(Uri, list, EntityUri);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, new Uri(_pipeline.Connection.TableBase + "/$batch"));
        message.Request.Headers.SetValue("Accept", "application/json");
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await _pipeline.SendAsync(message, ct, 202).ConfigureAwait(false);
        return TableTransactionBatch.ReadResponse(response, list);
    }

    private async Task<TablePage> QueryPageAsync(string? filter, int? maxPerPage, string? continuationToken, string[]? select, CancellationToken ct)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (maxPerPage is not null)
        {
            query.Add("$top=" + maxPerPage.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (select is { Length: > 0 })
        {
            query.Add("$select=" + Uri.EscapeDataString(string.Join(',', select)));
        }

        if (continuationToken is not null)
        {
            // Token format (ours): "<NextPartitionKey> <NextRowKey>"; the service's values never contain spaces.
            var parts = continuationToken.Split(' ');
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(parts[0]));
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(parts[1]));
            }
        }

        var uri = new Uri($"{Uri}()" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query)));
        using var message = CreateJsonMessage(RequestMethod.Get, uri);
        var response = await _pipeline.SendAsync(message, ct, 200).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content);
        var entities = json.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize).ToList();

        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition))
        {
            next = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow)
                ? $"{nextPartition} {nextRow}"
                : nextPartition;
        }

        return new TablePage(entities, next);
    }

    private async Task<ETag> WriteEntityAsync(TableEntity entity, TableUpdateMode mode, ETag? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateJsonMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityUri(entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString("H"));
        }

        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, ct, 204).ConfigureAwait(false);
        return response.Headers.ETag!.Value;
    }

    private HttpMessage CreateDeleteMessage(string partitionKey, string rowKey, ETag ifMatch)
    {
        var message = CreateJsonMessage(RequestMethod.Delete, EntityUri(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString("H"));
        return message;
    }

    private HttpMessage CreateJsonMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage(method, uri);
        message.Request.Headers.SetValue("Accept", JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (method != RequestMethod.Get && method != RequestMethod.Delete)
        {
            message.Request.Headers.SetValue("Content-Type", "application/json");
        }

        return message;
    }

    private Uri EntityUri(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return new Uri($"{Uri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')");
    }

    // OData doubles a quote inside a string literal; the result is then percent-encoded for the path.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
