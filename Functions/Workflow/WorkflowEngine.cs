using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Workflow;

/// <summary>
/// Raised by an event decision to refuse an event; the HTTP layer maps <see cref="Status"/> to a problem response, naming
/// <see cref="Field"/> when the refusal is about one field of the request.
/// </summary>
public sealed class EventRejectedException(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Field { get; } = field;
}

/// <summary>A new fact to append: its type and data.</summary>
public sealed record NewEvent(string Type, JsonObject Data);

/// <summary>
/// The durable workflow engine: an append-only event log per instance on Table storage, a pure plan per workflow kind,
/// and a dispatcher that runs due steps. Guarantees:
/// <list type="bullet">
/// <item>Appends are atomic with the header update and serialised by the header's ETag: no lost or interleaved writes.</item>
/// <item>A step runs only under a lease claimed with If-Match, so two dispatchers never run a step at the same time; its
/// completion is recorded by step id, so once recorded it never runs again. A crash after the activity but before the record
/// re-runs the activity after the lease expires: activities are idempotent by instance + step id.</item>
/// <item>A wake-up hint is written before any commit that makes work due earlier, so nothing due is ever forgotten.</item>
/// </list>
/// Everything reads time from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class WorkflowEngine
{
    private readonly WorkflowStore _store;
    private readonly IReadOnlyDictionary<string, IWorkflowKind> _kinds;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;
    private readonly ILogger<WorkflowEngine> _logger;
    private readonly string _dispatcherId = $"{Environment.MachineName}/{Guid.NewGuid():N}";
    // One dispatch at a time in this process (timer, signals, the dev clock); across processes the lease does the work.
    private readonly SemaphoreSlim _dispatchGate = new(1, 1);

    public WorkflowEngine(
        TableServiceClient tables, IEnumerable<IWorkflowKind> kinds, TimeProvider time, WorkflowEngineOptions options, ILogger<WorkflowEngine> logger)
    {
        _store = new WorkflowStore(tables, options);
        _kinds = kinds.ToDictionary(k => k.Name);
        _time = time;
        _options = options;
        _logger = logger;
    }

    public Task CreateStorageIfNotExistsAsync(CancellationToken ct) => _store.CreateTablesIfNotExistAsync(ct);

    /// <summary>Starts an instance with its first event. Costs two storage requests: the wake-up hint, then the instance.</summary>
    public async Task<InstanceStatus> StartAsync(string kindName, string instanceId, NewEvent started, CancellationToken ct)
    {
        var kind = Kind(kindName);
        var now = _time.GetUtcNow();
        var events = new[] { new WorkflowEvent(1, started.Type, started.Data, now) };
        var instance = new WorkflowInstance(instanceId, kind.Name, now, now, events);
        var status = Evaluate(kind, instance);
        if (status.NextDue is { } due) await _store.UpsertHintAsync(instanceId, due, ct);
        await _store.CreateAsync(instanceId, kind.Name, now, events, Header(status, now, status.NextDue, null, default), ct);
        return status;
    }

    public async Task<InstanceStatus?> GetAsync(string instanceId, CancellationToken ct)
    {
        var loaded = await _store.LoadAsync(instanceId, ct);
        return loaded is null ? null : Evaluate(Kind(loaded.Instance.Kind), loaded.Instance);
    }

    public IAsyncEnumerable<(string Id, string Kind, RuntimeStatus Status, string CustomStatus, JsonObject Summary)> ListAsync(CancellationToken ct) =>
        _store.ListAsync(ct);

    /// <summary>
    /// Appends the events <paramref name="decide"/> returns for the current log. <paramref name="decide"/> may throw
    /// <see cref="EventRejectedException"/>; it is called again on the fresh log if another writer got in first.
    /// Returns null when the instance does not exist.
    /// </summary>
    public async Task<InstanceStatus?> AppendAsync(string instanceId, Func<InstanceStatus, IReadOnlyList<NewEvent>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await _store.LoadAsync(instanceId, ct);
            if (loaded is null) return null;
            var kind = Kind(loaded.Instance.Kind);
            var now = _time.GetUtcNow();
            var newEvents = decide(Evaluate(kind, loaded.Instance));
            if (newEvents.Count == 0) return Evaluate(kind, loaded.Instance); // nothing new to record (e.g. a repeated report)
            var after = WithEvents(loaded.Instance, newEvents.Select(e => (e.Type, e.Data)), now);
            var status = Evaluate(kind, after);
            // Write the hint before the commit when the next due time comes earlier than the hint we know of
            // (or that hint has already fired), so a crash between the two can only leave an extra, harmless hint.
            var hintDue = loaded.HintDue;
            if (status.NextDue is { } due && (hintDue is null || due < hintDue || hintDue <= now))
            {
                await _store.UpsertHintAsync(instanceId, due, ct);
                hintDue = due;
            }
            try
            {
                await _store.AppendAsync(loaded.Instance, loaded.HeaderETag, after.Events.Skip(loaded.Instance.Events.Count).ToList(),
                    Header(status, now, hintDue, loaded.LeaseOwner, loaded.LeaseUntil), ct);
                return status;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                Log.AppendConflict(_logger, instanceId, attempt);
            }
        }
    }

    /// <summary>
    /// One tick: runs every step that is due now across all instances. Costs one query when nothing is due.
    /// Returns the number of steps run (completed or failed).
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await _dispatchGate.WaitAsync(ct);
        try
        {
            var hints = await _store.QueryDueHintsAsync(_time.GetUtcNow(), ct);
            var ran = 0;
            foreach (var group in hints.GroupBy(h => h.InstanceId))
                ran += await DispatchAsync(group.Key, group.ToList(), ct);
            return ran;
        }
        finally
        {
            _dispatchGate.Release();
        }
    }

    /// <summary>Runs what is due now for one instance (used right after an event, so a due step need not wait for the timer).</summary>
    public async Task<int> DispatchInstanceAsync(string instanceId, CancellationToken ct)
    {
        await _dispatchGate.WaitAsync(ct);
        try
        {
            return await DispatchAsync(instanceId, [], ct);
        }
        finally
        {
            _dispatchGate.Release();
        }
    }

    private async Task<int> DispatchAsync(string instanceId, IReadOnlyList<ScheduleHint> hints, CancellationToken ct)
    {
        var loaded = await _store.LoadAsync(instanceId, ct);
        if (loaded is null)
        {
            // A hint written before a create that never committed.
            await _store.ReplaceHintsAsync(instanceId, hints, null, ct);
            return 0;
        }
        var kind = Kind(loaded.Instance.Kind);
        var now = _time.GetUtcNow();
        if (loaded.LeaseOwner is not null && loaded.LeaseUntil > now)
            return 0; // another dispatcher is running this instance's steps; the hint stays until it is done
        var status = Evaluate(kind, loaded.Instance);
        var due = status.DueSteps(now);
        if (due.Count == 0)
        {
            await _store.ReplaceHintsAsync(instanceId, hints, status.NextDue, ct);
            return 0;
        }

        // Claim: the lease is written with If-Match, so of two dispatchers that read the same header only one proceeds.
        var leaseUntil = now + _options.StepLease;
        ETag etag;
        try
        {
            etag = await _store.AppendAsync(loaded.Instance, loaded.HeaderETag, [],
                Header(status, now, loaded.HintDue, _dispatcherId, leaseUntil), ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            Log.ClaimLost(_logger, instanceId);
            return 0;
        }

        var results = new List<(string Type, JsonObject Data)>();
        foreach (var stepId in due)
        {
            var attempt = StepHistory.Failures(loaded.Instance, stepId).Count + 1;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.StepLease / 2);
                var result = await kind.RunStepAsync(loaded.Instance, stepId, timeout.Token);
                results.Add((EngineEvents.StepCompleted, EngineEvents.StepCompletedData(stepId, result.Result)));
                Log.StepCompleted(_logger, instanceId, stepId, attempt);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                results.Add((EngineEvents.StepFailed, EngineEvents.StepFailedData(stepId, attempt, $"{e.GetType().Name}: {e.Message}")));
                Log.StepFailed(_logger, e, instanceId, stepId, attempt);
            }
        }
        var recorded = await RecordResultsAsync(loaded.Instance, etag, results, ct);
        await _store.ReplaceHintsAsync(instanceId, hints, recorded.NextDue, ct);
        return results.Count;
    }

    /// <summary>Appends step outcomes and releases the lease, re-reading the log if an event was appended meanwhile.</summary>
    private async Task<InstanceStatus> RecordResultsAsync(WorkflowInstance claimed, ETag etag, List<(string Type, JsonObject Data)> results, CancellationToken ct)
    {
        var instance = claimed;
        var kind = Kind(instance.Kind);
        for (var attempt = 1; ; attempt++)
        {
            var now = _time.GetUtcNow();
            var after = WithEvents(instance, results, now);
            var status = Evaluate(kind, after);
            try
            {
                // The hint for the next due time is written right after; until then the hint that woke us still stands.
                await _store.AppendAsync(instance, etag, after.Events.Skip(instance.Events.Count).ToList(),
                    Header(status, now, status.NextDue, null, default), ct);
                return status;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                var reloaded = await _store.LoadAsync(instance.Id, ct)
                    ?? throw new InvalidOperationException($"Instance {instance.Id} disappeared while its steps ran.");
                instance = reloaded.Instance;
                etag = reloaded.HeaderETag;
            }
        }
    }

    private InstanceStatus Evaluate(IWorkflowKind kind, WorkflowInstance instance) =>
        InstanceStatus.Evaluate(instance, kind.Plan(instance), _options);

    private static WorkflowInstance WithEvents(WorkflowInstance instance, IEnumerable<(string Type, JsonObject Data)> events, DateTimeOffset now)
    {
        var all = instance.Events.ToList();
        foreach (var (type, data) in events) all.Add(new WorkflowEvent(all.Count + 1, type, data, now));
        return instance with { Events = all, LastUpdatedTime = now };
    }

    private static InstanceHeader Header(InstanceStatus status, DateTimeOffset now, DateTimeOffset? hintDue, string? leaseOwner, DateTimeOffset leaseUntil) =>
        new(status.RuntimeStatus, status.Plan.CustomStatus, now, hintDue, leaseOwner, leaseUntil, status.Plan.Summary);

    private IWorkflowKind Kind(string name) =>
        _kinds.TryGetValue(name, out var kind) ? kind : throw new InvalidOperationException($"No workflow kind named '{name}' is registered.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Step {StepId} of {InstanceId} completed (attempt {Attempt})")]
        public static partial void StepCompleted(ILogger logger, string instanceId, string stepId, int attempt);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Step {StepId} of {InstanceId} failed (attempt {Attempt})")]
        public static partial void StepFailed(ILogger logger, Exception exception, string instanceId, string stepId, int attempt);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Another dispatcher claimed {InstanceId} first")]
        public static partial void ClaimLost(ILogger logger, string instanceId);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Concurrent append to {InstanceId}; retrying (attempt {Attempt})")]
        public static partial void AppendConflict(ILogger logger, string instanceId, int attempt);
    }
}
