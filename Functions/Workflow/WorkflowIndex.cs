using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace IrpFlows.Workflow;

/// <summary>What the index says of one instance: derived from its header alone.</summary>
/// <param name="Version">The length of the log this state is of (the one a change is about to write, before it commits).</param>
internal sealed record IndexState(string Kind, string Id, DateTimeOffset? NextDue, RuntimeStatus Status, WorkflowListing? Listing, long Version);

/// <summary>What the index was built for (<see cref="WorkflowIndex.Layout"/>, each kind's rules version) and when it was last checked against the log.</summary>
internal sealed record IndexMarker(int Layout, IReadOnlyDictionary<string, int> Rules, DateTimeOffset CheckedAt);

/// <summary>
/// An index row that says an instance may have a step due at <see cref="Due"/>: written for the log of length
/// <see cref="Version"/>, at <see cref="WrittenAt"/> (storage's clock).
/// </summary>
internal sealed record DueRow(string RowKey, string Id, DateTimeOffset Due, long Version, DateTimeOffset WrittenAt);

/// <summary>A page of the date index in list order, and where the next page starts (null: this was the last).</summary>
internal sealed record DatePage(IReadOnlyList<(string Id, DateOnly Date)> Rows, string? Continuation);

/// <summary>What is left to write once the log has committed: the rows to upsert and to delete.</summary>
internal sealed record IndexFollowUp(string Kind, IReadOnlyList<TableEntity> Upserts, IReadOnlyList<string> Deletes)
{
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0;
}

/// <summary>
/// The instances' index, so that what a read needs costs what it returns, however many instances the log has ever held.
/// One partition per kind (so every index change of an instance is one entity group transaction), with rows:
/// <list type="bullet">
/// <item><c>due~{ticks}~{id}</c>: the instance may have a step due then; the sweep and the development clock read only up to now.</item>
/// <item><c>date~{yyyy-MM-dd}~{id}</c>: lists in date order (an IRP's visit), with its status and category to filter on.</item>
/// <item><c>year~{yyyy}~{id}</c>: one per year the instance's span reaches: a year's programme.</item>
/// <item><c>place~{hash}~{id}</c>: the instances of one establishment, for the same-place check; <c>place~{hash}</c> is
/// the place's lock, whose ETag makes two creates racing for one place conflict.</item>
/// </list>
/// The log is the truth and the index follows it, written around each append so that no instance is ever missing from it:
/// rows an instance gains are written <i>before</i> its log commits (a crash leaves an extra row, which readers check against
/// the header and drop); rows it loses, and a due time that moves later, are written after. A row left early that way
/// is harmless: a due row is never later than the instance's next due time, and the sweep, reaching it, rewrites every row
/// of the instance from its header (a change with nothing due to reach first leaves a due row at the moment of the change).
/// </summary>
internal sealed class WorkflowIndex(TableServiceClient tables, WorkflowOptions options)
{
    // Written when the index holds every instance of the log, with the rules each kind's headers were last planned under.
    private const string MarkerPartition = "!index";
    private const string MarkerRow = "state";
    // Raised when the rows change shape: an index of an older layout is rebuilt from the log.
    public const int Layout = 1;
    private const string Due = "due~", Date = "date~", Year = "year~", Place = "place~";
    // An entity group transaction holds at most 100 actions.
    private const int MaxBatch = 100;

    private readonly TableClient _table = tables.GetTableClient(options.IndexTableName);

    public Task CreateTableIfNotExistsAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);

    /// <summary>
    /// The layout and the rules version per kind the index was last built for, and when it was last checked against the
    /// log; null when it was never built.
    /// </summary>
    public async Task<IndexMarker?> ReadMarkerAsync(CancellationToken ct)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: ct);
        if (!marker.HasValue || marker.Value is not { } row) return null;
        var rules = row.Keys.Where(k => k.StartsWith("Rules_", StringComparison.Ordinal))
            .ToDictionary(k => k["Rules_".Length..], k => row.GetInt32(k) ?? 0);
        return new IndexMarker(row.GetInt32("Layout") ?? 0, rules, row.GetDateTimeOffset("CheckedAt") ?? DateTimeOffset.MinValue);
    }

    public Task WriteMarkerAsync(IEnumerable<IWorkflowKind> kinds, DateTimeOffset checkedAt, CancellationToken ct)
    {
        var row = new TableEntity(MarkerPartition, MarkerRow) { ["Layout"] = Layout, ["CheckedAt"] = checkedAt };
        foreach (var kind in kinds) row["Rules_" + kind.Name] = kind.RulesVersion;
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// Writes what the index must hold before a change from <paramref name="before"/> (null: a new instance) to
    /// <paramref name="after"/> commits, with <paramref name="placeLock"/> in the same transaction; returns what to write once it
    /// has. Throws <see cref="TableTransactionFailedException"/> when the place lock has moved (another create got in first).
    /// </summary>
    public async Task<IndexFollowUp> BeforeCommitAsync(IndexState? before, IndexState after, DateTimeOffset now, TableTransactionAction? placeLock,
        CancellationToken ct)
    {
        var had = before is null ? [] : Rows(before);
        var will = Rows(after);
        var added = will.Values.Where(r => !had.ContainsKey(r.RowKey)).ToList();
        var changed = will.Values.Where(r => had.TryGetValue(r.RowKey, out var old) && !SameProperties(old, r)).ToList();
        // A year's own row says some instance reaches it: never removed for one that no longer does.
        var removed = had.Keys.Where(k => !will.ContainsKey(k) && !k.StartsWith(YearsRow(""), StringComparison.Ordinal)).ToList();

        // A due time that moves later is written after: the earlier row stays until then, and never says too late.
        var laterDue = before?.NextDue is { } wasDue && after.NextDue is { } willDue && willDue > wasDue ? DueKey(after.Id, willDue) : null;
        var ahead = added.Where(r => r.RowKey != laterDue).ToList();
        // The rest of the follow-up, if it were lost, must leave a due row the sweep reaches soon: the old one if it has come,
        // else one at this moment, removed by the follow-up.
        string? trigger = null;
        var rest = changed.Count > 0 || removed.Any(k => !k.StartsWith(Due, StringComparison.Ordinal));
        var guarded = before?.NextDue <= now || after.NextDue <= now && ahead.Any(r => r.RowKey.StartsWith(Due, StringComparison.Ordinal));
        if (rest && !guarded)
        {
            trigger = DueKey(after.Id, now);
            if (!will.ContainsKey(trigger)) ahead.Add(DueEntity(after, now));
            else trigger = null;
        }

        var actions = ahead.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).ToList();
        if (placeLock is not null) actions.Add(placeLock);
        await SubmitAsync(actions, ct);

        var upserts = will.Values.Where(r => r.RowKey == laterDue || changed.Contains(r)).ToList();
        var deletes = removed.Concat(trigger is null ? [] : [trigger]).ToList();
        return new IndexFollowUp(after.Kind, upserts, deletes);
    }

    /// <summary>Writes the follow-up of a change that has committed. Rows already gone are not an error.</summary>
    public Task AfterCommitAsync(IndexFollowUp followUp, CancellationToken ct)
    {
        if (followUp.IsEmpty) return Task.CompletedTask;
        var actions = followUp.Upserts.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))
            .Concat(followUp.Deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(followUp.Kind, k), ETag.All)))
            .ToList();
        return SubmitAsync(actions, ct);
    }

    /// <summary>Rewrites every row of <paramref name="state"/>, and deletes <paramref name="stale"/> due rows read for it.</summary>
    public Task RewriteAsync(IndexState state, IEnumerable<string> stale, CancellationToken ct)
    {
        var rows = Rows(state);
        return AfterCommitAsync(new IndexFollowUp(state.Kind, rows.Values.ToList(), stale.Where(k => !rows.ContainsKey(k)).ToList()), ct);
    }

    /// <summary>Deletes rows of an instance that no longer exists.</summary>
    public Task DeleteAsync(string kind, IEnumerable<string> rowKeys, CancellationToken ct) =>
        AfterCommitAsync(new IndexFollowUp(kind, [], rowKeys.ToList()), ct);

    /// <summary>Rows of many instances at once (checking the index against the log): one transaction per hundred rows of a kind.</summary>
    public async Task WriteAllAsync(IEnumerable<IndexState> states, CancellationToken ct)
    {
        // Instances share the rows that say a year has some: each goes once.
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var state in states)
            foreach (var row in Rows(state).Values) rows[row.RowKey] = row;
        foreach (var batch in rows.Values.GroupBy(r => r.PartitionKey).SelectMany(ofKind => ofKind.Chunk(MaxBatch)))
            await _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
    }

    /// <summary>The due rows of <paramref name="kind"/> at or before <paramref name="upTo"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueRow>> DueAsync(string kind, DateTimeOffset upTo, CancellationToken ct)
    {
        var rows = new List<DueRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {Due} and RowKey lt {Due + Ticks(upTo) + "~~"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Id", "Version", "Timestamp"], cancellationToken: ct))
        {
            var ticks = long.Parse(row.RowKey.AsSpan(Due.Length, 19), CultureInfo.InvariantCulture);
            rows.Add(new DueRow(row.RowKey, row.GetString("Id")!, new DateTimeOffset(ticks, TimeSpan.Zero), row.GetInt64("Version") ?? 0,
                row.Timestamp ?? DateTimeOffset.MinValue));
        }
        return rows;
    }

    /// <summary>
    /// Ids of <paramref name="kind"/> in date order, from the date index: within <paramref name="year"/> when given, with
    /// that <paramref name="status"/> and <paramref name="category"/>; a page of <paramref name="top"/> from
    /// <paramref name="continuation"/>, or every one when <paramref name="top"/> is null.
    /// </summary>
    public async Task<DatePage> ByDateAsync(string kind, int? year, RuntimeStatus? status, string? category, int? top, string? continuation,
        CancellationToken ct)
    {
        var from = year is { } y ? $"{Date}{y:D4}-" : Date;
        var to = year is { } z ? $"{Date}{z + 1:D4}-" : Date + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {from} and RowKey lt {to}");
        if (status is { } s) filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}");
        if (category is not null) filter += " and " + TableClient.CreateQueryFilter($"Category eq {category}");
        var rows = new List<(string, DateOnly)>();
        var query = _table.QueryAsync<TableEntity>(filter, maxPerPage: top, select: ["RowKey", "Id"], cancellationToken: ct);
        (string, DateOnly) Read(TableEntity row) =>
            (row.GetString("Id")!, DateOnly.ParseExact(row.RowKey.AsSpan(Date.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (top is null)
        {
            await foreach (var row in query) rows.Add(Read(row));
            return new DatePage(rows, null);
        }
        // A page may come back short of top with more to come (storage stops at its own limits): keep reading until full.
        while (true)
        {
            await foreach (var page in query.AsPages(continuation, top - rows.Count))
            {
                rows.AddRange(page.Values.Select(Read));
                continuation = page.ContinuationToken;
                break;
            }
            if (rows.Count >= top || continuation is null) return new DatePage(rows, continuation);
        }
    }

    /// <summary>Ids of <paramref name="kind"/> whose span reaches into any of <paramref name="years"/>.</summary>
    public async Task<IReadOnlyList<string>> InYearsAsync(string kind, IEnumerable<int> years, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var prefix = $"{Year}{year:D4}~";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["Id"], cancellationToken: ct)) ids.Add(row.GetString("Id")!);
        }
        return ids.ToList();
    }

    /// <summary>The years any instance of <paramref name="kind"/> reaches, each once.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string kind, CancellationToken ct)
    {
        // One row a year tells that the year has instances; written with the instances' year rows, never removed.
        var years = new List<int>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {YearsRow("")} and RowKey lt {YearsRow("~")}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
            years.Add(int.Parse(row.RowKey.AsSpan(YearsRow("").Length), CultureInfo.InvariantCulture));
        return years;
    }

    /// <summary>
    /// The ids of <paramref name="kind"/> at <paramref name="place"/>, and the transaction action that claims the place for a new
    /// instance: it fails if another claim commits after this read.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, TableTransactionAction Claim)> AtPlaceAsync(string kind, string place, CancellationToken ct)
    {
        var lockKey = Place + PlaceHash(place);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {lockKey} and RowKey lt {lockKey + "~~"}");
        var ids = new List<string>();
        ETag? held = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Id"], cancellationToken: ct))
        {
            if (row.RowKey == lockKey) held = row.ETag;
            else ids.Add(row.GetString("Id")!);
        }
        var claim = new TableEntity(kind, lockKey) { ["Place"] = place };
        return (ids, held is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, claim, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, claim));
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken ct)
    {
        while (actions.Count > 0)
        {
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } failed
                && actions[failed].ActionType == TableTransactionActionType.Delete)
            {
                actions.RemoveAt(failed); // already gone: the transaction applied nothing, so send the rest again
            }
        }
    }

    /// <summary>Every row the index holds for <paramref name="state"/>, by row key.</summary>
    private static Dictionary<string, TableEntity> Rows(IndexState state)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        void Add(TableEntity row) => rows[row.RowKey] = row;
        if (state.NextDue is { } due) Add(DueEntity(state, due));
        if (state.Listing is { } listing)
        {
            Add(new TableEntity(state.Kind, $"{Date}{listing.Date:yyyy-MM-dd}~{state.Id}")
            {
                ["Id"] = state.Id,
                ["Status"] = state.Status.ToString(),
                ["Category"] = listing.Category,
            });
            foreach (var year in listing.Years)
            {
                Add(new TableEntity(state.Kind, $"{Year}{year:D4}~{state.Id}") { ["Id"] = state.Id });
                Add(new TableEntity(state.Kind, YearsRow(year.ToString("D4", CultureInfo.InvariantCulture))));
            }
            Add(new TableEntity(state.Kind, $"{Place}{PlaceHash(listing.Place)}~{state.Id}") { ["Id"] = state.Id });
        }
        return rows;
    }

    private static string YearsRow(string year) => "years~" + year;

    // A due row's version tells the sweep which change wrote it; a change that leaves the row where it was need not rewrite it.
    private static bool SameProperties(TableEntity a, TableEntity b) =>
        a.Where(p => p.Key != "Version").All(p => b.TryGetValue(p.Key, out var v) && Equals(v, p.Value))
        && b.Keys.Where(k => k != "Version").All(a.ContainsKey);

    private static TableEntity DueEntity(IndexState state, DateTimeOffset due) =>
        new(state.Kind, DueKey(state.Id, due)) { ["Id"] = state.Id, ["Version"] = state.Version };

    private static string DueKey(string id, DateTimeOffset due) => $"{Due}{Ticks(due)}~{id}";

    private static string Ticks(DateTimeOffset t) => t.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    // Names may hold any character, and row keys may not: a place is found by a digest of its name (names are compared
    // again, as they read, on the instances found).
    private static string PlaceHash(string place) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(place)))[..32];
}
