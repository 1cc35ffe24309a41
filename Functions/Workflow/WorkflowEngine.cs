using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using IrpFlows.Telemetry;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Workflow;

/// <summary>Writers kept colliding on one instance's log: the request may be tried again shortly.</summary>
public sealed class WorkflowContentionException(string instanceId)
    : Exception($"Instance {instanceId} is being changed by other requests at the same moment; try again shortly.");

/// <summary>An instance's log cannot be planned (a bug, or data no rule expected): the instance is failed, no other is affected.</summary>
public sealed class WorkflowPlanException(WorkflowInstance instance, Exception inner)
    : Exception($"Instance {instance.Id} cannot be planned: {inner.Message}", inner)
{
    public WorkflowInstance Instance { get; } = instance;
}

/// <summary>A new fact to append: its type and data.</summary>
public sealed record NewEvent(string Type, JsonObject Data);

/// <summary>
/// Where an instance's orchestration stands after each of its activities: what to run now, or when to look again. Each
/// activity returns it, so the orchestration needs no planning activity of its own between steps.
/// </summary>
/// <param name="Finished">Nothing will ever run again: the orchestration ends.</param>
/// <param name="DueSteps">The steps to run now, in plan order.</param>
/// <param name="WakeAt">When nothing is due: the next due time (business time), or null to wait for a change.</param>
/// <param name="WakeAtUtc">The same instant on the system clock, for the orchestration's timer.</param>
/// <param name="DueAtWake">The steps that will be due at <paramref name="WakeAtUtc"/>, unless something changes first.</param>
/// <param name="Version">The length of the log this pass was planned from: of two passes, the longer log's is the newer.</param>
public sealed record WorkflowPass(
    bool Finished, IReadOnlyList<string> DueSteps, DateTimeOffset? WakeAt, DateTime? WakeAtUtc, IReadOnlyList<string> DueAtWake, long Version)
{
    /// <summary>The log cannot be planned: the instance is recorded failed and its orchestration ends (the sweep watches it).</summary>
    public bool Unplannable { get; init; }

    /// <summary>This pass as it stands when its timer fires, the steps due then to run; null when it knew of none (plan afresh).</summary>
    public WorkflowPass? AtWake() => DueAtWake.Count > 0 ? this with { DueSteps = DueAtWake, WakeAt = null, WakeAtUtc = null, DueAtWake = [] } : null;

    /// <summary>The newer of two passes (the one planned from the longer log; <paramref name="other"/> on a tie, as it came later).</summary>
    public WorkflowPass Newest(WorkflowPass other) => other.Version >= Version ? other : this;
}

/// <summary>An orchestration's input: its instance, the pass it continues with (null: plan afresh), and how many times it has continued as new.</summary>
public sealed record WorkflowCursor(string InstanceId, WorkflowPass? Pass, int Generation = 0);

/// <summary>
/// The workflow log and what happens to it: every instance's events on Table storage (the truth for every read), a pure
/// plan per workflow kind, and the work of the instance's Durable orchestration (<see cref="WorkflowOrchestration"/>),
/// which only sequences: plan a pass, run each due step, wait for the next due time or a change.
/// <list type="bullet">
/// <item>Appends are atomic with the header update and serialised by the header's ETag; each carries an id, so an attempt
/// that may have committed (a timeout, a retry meeting 412) is recognised rather than written twice.</item>
/// <item>A command that changes when the next step is due tells the orchestration (<see cref="WorkflowOrchestration.ChangedEvent"/>),
/// with the pass that follows and the log's version, so an event delivered late never overrides a newer one. If that message
/// is lost (a crash between the commit and the raise), <see cref="SweepAsync"/> finds the instance by its header and what its
/// orchestration says it waits for, and tells it again.</item>
/// <item>A failed attempt at a step is recorded with the time of the next one, so a retry is a timed pass like any other and
/// the header's next due time says when it comes.</item>
/// <item>A step's work runs in an activity, at least once; its completion is recorded by step id, so a step once recorded
/// never runs again and a step done stays done when dates move.</item>
/// </list>
/// Business time comes from <see cref="TimeProvider"/> (the development clock when it is on).
/// </summary>
public sealed partial class WorkflowEngine
{
    private const int MaxAppendAttempts = 12;
    // A step runs a few seconds after it is due (its timer's margin, Durable's polling); still not run a minute on, its
    // orchestration was not told of the change that made it due.
    private static readonly TimeSpan SweepGrace = TimeSpan.FromMinutes(1);
    // An instance whose log cannot be planned is tried again this often, so a deploy that fixes the rule brings it back
    // without a flood of restarts in between.
    private static readonly TimeSpan FailedRetryInterval = TimeSpan.FromHours(1);
    /// <summary>How often the index is checked against the whole log: a day, so the check costs a few requests a minute at most.</summary>
    public static readonly TimeSpan IndexAuditInterval = TimeSpan.FromDays(1);
    // Longer than any change takes from its first write to its commit.
    private static readonly TimeSpan UnsettledRowAge = TimeSpan.FromMinutes(5);
    // Durable's Azure Storage backend sends a timer as a queue message made visible after a whole number of seconds, rounded
    // down, so a timer can fire up to a second early; a pass that then found its step not yet due would set timer after timer
    // (each a pass of its own) until the instant came. Timers are set this much after the due time (a second for the
    // rounding, a second for clock skew between the app and the storage service).
    private static readonly TimeSpan TimerMargin = TimeSpan.FromSeconds(2);

    // Headers read at once for a list or a sweep: enough to hide a round trip each, few enough not to crowd storage.
    private const int ReadParallelism = 16;
    // Steps run by one activity: each records two events at most (its completion and a fact), and an append is one
    // transaction of at most 100 entities.
    internal const int MaxStepsPerRun = 20;
    // Instances woken at once when the development clock jumps.
    private const int WakeParallelism = 16;

    private readonly WorkflowStore _store;
    private readonly WorkflowIndex _index;
    private readonly IReadOnlyDictionary<string, IWorkflowKind> _kinds;
    private readonly TimeProvider _time;
    private readonly WorkflowOptions _options;
    private readonly ILogger<WorkflowEngine> _logger;
    private readonly Lock _indexingLock = new();
    private Task? _indexing;
    private volatile bool _indexReady;
    private volatile IReadOnlyDictionary<string, int>? _indexedRules;
    private DateTimeOffset _indexCheckedAt;

    public WorkflowEngine(
        Azure.Data.Tables.TableServiceClient tables, IEnumerable<IWorkflowKind> kinds, TimeProvider time, WorkflowOptions options, ILogger<WorkflowEngine> logger)
    {
        _store = new WorkflowStore(tables, options);
        _index = new WorkflowIndex(tables, options);
        _kinds = kinds.ToDictionary(k => k.Name);
        _time = time;
        _options = options.Validate();
        _logger = logger;
    }

    /// <summary>
    /// Creates the log's and the index's tables. A store that has never held an instance is indexed from the start; one that
    /// holds instances logged before the index is indexed by <see cref="EnsureIndexedAsync"/>, started here.
    /// </summary>
    public async Task CreateStorageIfNotExistsAsync(CancellationToken ct)
    {
        await _store.CreateTableIfNotExistsAsync(ct);
        await _index.CreateTableIfNotExistsAsync(ct);
        if (await _index.ReadMarkerAsync(ct) is null && await _store.IsEmptyAsync(ct)) await _index.WriteMarkerAsync(_kinds.Values, _time.GetUtcNow(), ct);
        else _ = IndexInBackgroundAsync();
    }

    /// <summary>Reads the workflow table once; throws when storage cannot serve the app.</summary>
    public Task ProbeStorageAsync(CancellationToken ct) => _store.ProbeAsync(ct);

    /// <summary>
    /// Logs a new instance with its first event, then starts its orchestration (instance id = <paramref name="instanceId"/>).
    /// If the start is lost, <see cref="SweepAsync"/> starts it once its first step is due.
    /// </summary>
    public Task<InstanceStatus> StartAsync(string kindName, string instanceId, NewEvent started, DurableTaskClient durable, CancellationToken ct) =>
        StartAsync(kindName, instanceId, started, samePlace: null, durable, ct);

    /// <summary>
    /// As <see cref="StartAsync(string, string, NewEvent, DurableTaskClient, CancellationToken)"/>, refused when
    /// <paramref name="samePlace"/> refuses the instances already at the new one's place (its <see cref="WorkflowListing.Place"/>).
    /// The index decides a race: of two starts at one place at the same moment, the second is checked again against the first.
    /// </summary>
    /// <exception cref="RefusedException"><paramref name="samePlace"/> refused.</exception>
    public async Task<InstanceStatus> StartAsync(string kindName, string instanceId, NewEvent started,
        Func<IReadOnlyList<InstanceHeaderRow>, Refusal?>? samePlace, DurableTaskClient durable, CancellationToken ct)
    {
        var kind = Kind(kindName);
        var now = _time.GetUtcNow();
        var appendId = NewAppendId();
        var events = new[] { new WorkflowEvent(1, started.Type, started.Data, now) { By = Actor.Current } };
        var status = Evaluate(kind, new WorkflowInstance(instanceId, kind.Name, now, now, events));
        var state = StateOf(kind, instanceId, status);
        for (var attempt = 1; ; attempt++)
        {
            TableTransactionAction? claim = null;
            if (samePlace is not null && state.Listing is { } listing)
            {
                var (ids, placeClaim) = await _index.AtPlaceAsync(kind.Name, listing.Place, ct);
                var there = await HeadersAsync(ids.Where(id => id != instanceId).ToList(), ct);
                if (samePlace(there.OfType<InstanceHeaderRow>().Where(h => h.Kind == kind.Name).ToList()) is { } refusal) throw new RefusedException(refusal);
                claim = placeClaim;
            }
            try
            {
                await _index.BeforeCommitAsync(before: null, state, now, claim, ct);
                break;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another start claimed the place first: check against it.
                if (attempt == MaxAppendAttempts) throw new WorkflowContentionException(instanceId);
                await Task.Delay(Backoff(attempt), ct);
            }
        }
        try
        {
            await _store.CreateAsync(instanceId, kind.Name, now, events, appendId, Header(kind, status, now), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // An earlier attempt of this very create may have committed (the SDK retried after losing its answer).
            if ((await _store.LoadAsync(instanceId, ct))?.Instance.AppendIds.Contains(appendId) != true) throw;
        }
        // A new instance's rows are all written before its log: nothing follows.
        await ScheduleOrchestrationAsync(durable, instanceId, Pass(status, now), ct);
        return status;
    }

    /// <summary>
    /// The instance <paramref name="instanceId"/> as its log says it is now; null when there is none of kind
    /// <paramref name="kindName"/>. Every kind shares the log, so an id of another kind is not found, rather than read
    /// by rules written for another kind.
    /// </summary>
    /// <exception cref="WorkflowPlanException">The instance's log cannot be planned.</exception>
    public async Task<InstanceStatus?> GetAsync(string kindName, string instanceId, CancellationToken ct)
    {
        var loaded = await _store.LoadAsync(instanceId, ct);
        return loaded is null || loaded.Instance.Kind != kindName ? null : Evaluate(Kind(kindName), loaded.Instance);
    }

    /// <summary>
    /// The instance <paramref name="instanceId"/> whatever its kind, for what serves several kinds and checks which it
    /// got (an upload link); null when there is none.
    /// </summary>
    public async Task<InstanceStatus?> GetOfAnyKindAsync(string instanceId, CancellationToken ct)
    {
        var loaded = await _store.LoadAsync(instanceId, ct);
        return loaded is null ? null : Evaluate(Kind(loaded.Instance.Kind), loaded.Instance);
    }

    /// <summary>The header of an instance, without its log: enough to say it failed, when its log cannot be planned.</summary>
    public Task<InstanceHeaderRow?> GetHeaderAsync(string instanceId, CancellationToken ct) => _store.GetHeaderAsync(instanceId, ct);

    /// <summary>
    /// Headers of kind <paramref name="kindName"/> in date order (<see cref="WorkflowListing.Date"/>), filtered as
    /// <paramref name="query"/> says, from the index: a page of <see cref="InstanceQuery.Top"/> and where the next starts, or
    /// every one when it is null. Reads what it returns, not what is stored. Until an upgraded store has been indexed
    /// (<see cref="EnsureIndexedAsync"/>, within a minute of start-up) every header is read and the answer is one page.
    /// </summary>
    /// <exception cref="RefusedException">The continuation is not one this list gave.</exception>
    public async Task<InstancePage> ListAsync(string kindName, InstanceQuery query, CancellationToken ct)
    {
        var kind = Kind(kindName);
        bool Matches(InstanceHeaderRow h, WorkflowListing listing) =>
            (query.Year is null || listing.Date.Year == query.Year) && (query.Status is null || h.RuntimeStatus == query.Status)
            && (query.Category is null || listing.Category == query.Category);
        if (!await IndexReadyAsync(ct))
        {
            var all = await ScanAsync(h => h.Kind == kind.Name && kind.Listing(h.Summary) is { } listing && Matches(h, listing), ct);
            return new InstancePage(all.OrderBy(h => kind.Listing(h.Summary)!.Date).ThenBy(h => h.Id, StringComparer.Ordinal).ToList(), null);
        }
        DatePage page;
        try
        {
            page = await _index.ByDateAsync(kind.Name, query.Year, query.Status, query.Category, query.Top, ContinuationToken.Read(query.Continuation), ct);
        }
        catch (Exception e) when (e is FormatException or RequestFailedException { Status: 400 })
        {
            throw new RefusedException(Refusal.Invalid("continuation", "is not one this list gave: pass the next link as it came, or leave it out to start again."));
        }
        var headers = await HeadersAsync(page.Rows.Select(r => r.Id).ToList(), ct);
        // A row the header contradicts (left by a change whose follow-up was lost; the sweep puts it right) is not listed.
        var listed = headers.Select((h, i) => h is not null && h.Kind == kind.Name && kind.Listing(h.Summary) is { } listing
                && listing.Date == page.Rows[i].Date && Matches(h, listing) ? h : null)
            .OfType<InstanceHeaderRow>().DistinctBy(h => h.Id).ToList();
        return new InstancePage(listed, ContinuationToken.Write(page.Continuation));
    }

    /// <summary>Headers of kind <paramref name="kindName"/> whose span (<see cref="WorkflowListing"/>) reaches into any of <paramref name="years"/>.</summary>
    public async Task<IReadOnlyList<InstanceHeaderRow>> InYearsAsync(string kindName, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var kind = Kind(kindName);
        bool Reaches(InstanceHeaderRow h) => h.Kind == kind.Name && kind.Listing(h.Summary) is { } l && l.Years.Any(years.Contains);
        if (!await IndexReadyAsync(ct)) return await ScanAsync(Reaches, ct);
        return (await HeadersAsync(await _index.InYearsAsync(kind.Name, years, ct), ct)).OfType<InstanceHeaderRow>().Where(Reaches).ToList();
    }

    /// <summary>Every year that instances of kind <paramref name="kindName"/> reach, in order.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string kindName, CancellationToken ct)
    {
        var kind = Kind(kindName);
        if (await IndexReadyAsync(ct)) return (await _index.YearsAsync(kind.Name, ct)).Order().ToList();
        return (await ScanAsync(h => h.Kind == kind.Name, ct)).SelectMany(h => kind.Listing(h.Summary)?.Years ?? []).Distinct().Order().ToList();
    }

    /// <summary>
    /// The agendas (<see cref="IWorkflowKind.Agenda"/>) of every instance not finished: pending, running, or unplannable (its
    /// header keeps its last agenda). What it costs: per kind, three queries of the index's date rows (storage filters them by
    /// status, so only unfinished instances' rows come back) and one header read per unfinished instance; no log is read, so
    /// it grows with the inspections in hand, not with every one ever run. First, once after a deploy that raised a kind's
    /// rules, every header is planned again (<see cref="EnsureIndexedAsync"/>), so none lacks its agenda.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowAgenda>> UnfinishedAgendasAsync(CancellationToken ct)
    {
        await EnsureIndexedAsync(ct);
        var agendas = new List<WorkflowAgenda>();
        foreach (var kind in _kinds.Values)
            foreach (var status in new[] { RuntimeStatus.Pending, RuntimeStatus.Running, RuntimeStatus.Failed })
                foreach (var header in (await ListAsync(kind.Name, new InstanceQuery(Status: status), ct)).Items)
                    if (kind.Agenda(header.Id, header.Summary) is { } agenda) agendas.Add(agenda);
        return agendas;
    }

    /// <summary>
    /// Appends the events <paramref name="decide"/> returns for the current log, and tells the orchestration when that
    /// changes the next due step. <paramref name="decide"/> may throw <see cref="RefusedException"/>; it is called again
    /// on the fresh log if another writer got in first. It returns no events for a request that would only repeat what the
    /// log already says (a retried request, or the same one sent twice at once): nothing is appended, and the instance as
    /// it stands is returned, so a repeat is answered as the first was. Returns null when there is no instance of kind
    /// <paramref name="kindName"/> with that id (see <see cref="GetAsync"/>).
    /// </summary>
    /// <param name="durable">The client to tell the orchestration with; null from the orchestration's own activities.</param>
    /// <exception cref="WorkflowContentionException">Other writers kept getting in first.</exception>
    public Task<InstanceStatus?> AppendAsync(
        string kindName, string instanceId, Func<InstanceStatus, IReadOnlyList<NewEvent>> decide, DurableTaskClient? durable, CancellationToken ct) =>
        AppendAsync(kindName, instanceId, decide, durable, first: null, ct);

    /// <param name="kindName">The kind the instance must be; null for the engine's own records, which follow an instance of any kind.</param>
    /// <param name="first">The instance as just loaded, to decide on before reading it again.</param>
    private async Task<InstanceStatus?> AppendAsync(string? kindName, string instanceId, Func<InstanceStatus, IReadOnlyList<NewEvent>> decide,
        DurableTaskClient? durable, LoadedInstance? first, CancellationToken ct)
    {
        var appendId = NewAppendId();
        for (var attempt = 1; ; attempt++)
        {
            var loaded = first ?? await _store.LoadAsync(instanceId, ct);
            first = null;
            if (loaded is null || kindName is not null && loaded.Instance.Kind != kindName) return null;
            var kind = Kind(loaded.Instance.Kind);
            var before = Evaluate(kind, loaded.Instance);
            var now = _time.GetUtcNow();
            if (loaded.Instance.AppendIds.Contains(appendId))
            {
                // An earlier attempt committed; what was to follow it may not have.
                await FollowUpAsync(() => _index.RewriteAsync(StateOf(kind, instanceId, before), [], ct), instanceId);
                return before;
            }
            var newEvents = decide(before);
            if (newEvents.Count == 0) return before; // already true: nothing new to record
            var after = Evaluate(kind, WithEvents(loaded.Instance, newEvents, now));
            var header = Header(kind, after, now);
            var followUp = await _index.BeforeCommitAsync(StateOf(loaded.Header), StateOf(kind, instanceId, after), now, placeLock: null, ct);
            try
            {
                await _store.AppendAsync(loaded.Instance, loaded.HeaderETag, after.Instance.Events.Skip(loaded.Instance.Events.Count).ToList(),
                    appendId, header, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                if (attempt == MaxAppendAttempts) throw new WorkflowContentionException(instanceId);
                Log.AppendConflict(_logger, instanceId, attempt);
                await Task.Delay(Backoff(attempt), ct);
                continue;
            }
            if (durable is not null && after.NextDue != before.NextDue) await TellChangedAsync(durable, instanceId, Pass(after, now), ct);
            await FollowUpAsync(() => _index.AfterCommitAsync(followUp, ct), instanceId);
            return after;
        }
    }

    /// <summary>
    /// A coordinator's request to run a failed step again. Refused (a conflict) when the step is not failed, not found when it has no such step; null when there is no
    /// instance of kind <paramref name="kindName"/> with that id.
    /// </summary>
    public Task<InstanceStatus?> RetryStepAsync(string kindName, string instanceId, string stepId, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(kindName, instanceId, status => status.Step(stepId) switch
        {
            null => throw new RefusedException(Refusal.NotFound($"Instance {instanceId} has no step '{stepId}'.")),
            { Status: StepStatus.Failed } => [new NewEvent(EngineEvents.StepRetryRequested, EngineEvents.StepRetryRequestedData(stepId))],
            var step => throw new RefusedException(Refusal.Conflict("The step has not failed",
                $"Step '{stepId}' is {step.Status.ToString().ToLowerInvariant()}; only a failed step can be retried.")),
        }, durable, ct);

    /// <summary>
    /// The start of an orchestration's pass when it does not know where it stands (its start, or after the sweep's call):
    /// what is due now, and when to look again. A log that no rule can plan (<see cref="WorkflowPlanException"/>) is
    /// recorded failed, keeping its next due time, and the pass says <see cref="WorkflowPass.Unplannable"/>; any other error
    /// (storage, a timeout) is thrown, for the orchestration to retry or to end faulted and be restarted by the sweep. A
    /// header marked failed whose log plans again (a fixed rule) is rewritten from the plan.
    /// </summary>
    public async Task<WorkflowPass> PlanPassAsync(string instanceId, CancellationToken ct)
    {
        await SyncClockAsync(ct);
        var loaded = await _store.LoadAsync(instanceId, ct);
        if (loaded is null) return FinishedPass(0); // its log is gone: nothing to run
        var now = _time.GetUtcNow();
        var kind = Kind(loaded.Instance.Kind);
        InstanceStatus status;
        try
        {
            status = Evaluate(kind, loaded.Instance);
        }
        catch (WorkflowPlanException e)
        {
            var firstTime = loaded.Header.RuntimeStatus != RuntimeStatus.Failed || loaded.Header.Failure != e.Message;
            var failed = StateOf(loaded.Header) with { Status = RuntimeStatus.Failed };
            var followUp = await _index.BeforeCommitAsync(StateOf(loaded.Header), failed, now, placeLock: null, ct);
            await _store.RecordFailureAsync(instanceId, e.Message, now, ct);
            await FollowUpAsync(() => _index.AfterCommitAsync(followUp, ct), instanceId);
            if (firstTime) Log.InstanceFailed(_logger, instanceId, e.Message);
            try
            {
                // Told once per version of the log; an hourly retry of the same log repeats the same, idempotent, notice.
                await kind.NotifyFailureAsync(loaded.Instance, FailureNotices.Unplannable(loaded.Instance, e.Message), ct);
            }
            catch (Exception notice) when (notice is not OperationCanceledException)
            {
                // The failure is recorded and shown; the notice is tried again with the hourly retry.
                Log.FailureNoticeNotSent(_logger, notice, instanceId);
            }
            return FinishedPass(loaded.Instance.Events.Count) with { Finished = false, Unplannable = true };
        }
        if (loaded.Header.RuntimeStatus == RuntimeStatus.Failed && await RewriteHeaderAsync(loaded, kind, status, now, ct))
            Log.InstanceRecovered(_logger, instanceId);
        return Pass(status, now);
    }

    /// <summary>
    /// Runs the work of the steps due together, in order, and records what became of each in one append with the pass that
    /// follows: done, skipped when too late to be true, or an attempt failed (with the time of the next, or failed when
    /// attempts ran out). Each step runs on the log as the steps before it left it. A step no longer due (done by an
    /// earlier attempt, skipped or moved by an event since) is left alone. At most <see cref="MaxStepsPerRun"/> run at once,
    /// so the append fits one transaction; the pass says what is still due. A step's work may run again after a crash
    /// before the record: steps are idempotent by instance and step id (see <see cref="IWorkflowKind.RunStepAsync"/>).
    /// Storage failing around the work (the log's read, the append) is thrown, for the orchestration to record.
    /// </summary>
    public async Task<WorkflowPass> RunStepsAsync(string instanceId, IReadOnlyList<string> stepIds, CancellationToken ct)
    {
        await SyncClockAsync(ct);
        var loaded = await _store.LoadAsync(instanceId, ct);
        if (loaded is null) return FinishedPass(0);
        var kind = Kind(loaded.Instance.Kind);
        var ranFrom = loaded.Instance.Events.Count;
        var instance = loaded.Instance;
        var outcomes = new List<StepOutcome>();
        foreach (var stepId in stepIds.Take(MaxStepsPerRun))
        {
            var status = Evaluate(kind, instance);
            var now = _time.GetUtcNow();
            StepOutcome outcome;
            if (status.IsPastWindow(stepId, now))
            {
                // Too late to be true: recorded skipped, with the kind's reason, rather than sent as if on time.
                var reason = status.Plan.Steps.First(s => s.Id == stepId).WindowReason ?? "its moment had passed";
                outcome = new StepOutcome(current => current.Step(stepId)?.Status is StepStatus.Pending
                    ? [new NewEvent(EngineEvents.StepSkipped, EngineEvents.StepSkippedData(stepId, reason))]
                    : [], () =>
                {
                    Log.StepSkipped(_logger, instanceId, stepId, reason);
                    AppTelemetry.StepOutcome(stepId, "skipped");
                });
            }
            else if (status.IsDue(stepId, now))
            {
                using var span = AppTelemetry.StartStep(kind.Name, instanceId, stepId);
                try
                {
                    var result = FailureNotices.Of(instance, stepId) is { } failure
                        ? await kind.NotifyFailureAsync(instance, failure, ct)
                        : await kind.RunStepAsync(instance, stepId, ct);
                    outcome = new StepOutcome(current => current.Step(stepId)?.Status == StepStatus.Done
                        ? []
                        : [new NewEvent(EngineEvents.StepCompleted, EngineEvents.StepCompletedData(stepId, result.Result)), .. result.Facts],
                        () =>
                        {
                            Log.StepCompleted(_logger, instanceId, stepId);
                            AppTelemetry.StepOutcome(stepId, "done");
                        });
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    span?.SetStatus(ActivityStatusCode.Error, e.Message);
                    // Recorded with the others' outcomes: the steps after it go on, and it is tried again at its back-off.
                    outcome = AttemptFailed(instanceId, stepId, ranFrom, e.Message);
                }
            }
            else continue;
            outcomes.Add(outcome);
            instance = WithEvents(instance, outcome.Record(status), now);
        }
        var recorded = await AppendAsync(kindName: null, instanceId, current => outcomes.SelectMany(o => o.Record(current)).ToList(), durable: null, loaded, ct);
        foreach (var outcome in outcomes) outcome.Log();
        return recorded is null ? FinishedPass(0) : Pass(recorded, _time.GetUtcNow());
    }

    /// <summary>
    /// Records that an attempt at a step failed: with the time of the next attempt (the retry policy's back-off), or, when
    /// its attempts have run out, as failed, to show and to be retried by a coordinator while the instance's other steps go
    /// on. Idempotent: an attempt already recorded after <paramref name="ranFromVersion"/> (the log the attempt was run
    /// from) is not recorded again. Returns the pass that follows.
    /// </summary>
    public async Task<WorkflowPass> RecordStepAttemptFailedAsync(string instanceId, string stepId, long ranFromVersion, string error, CancellationToken ct)
    {
        await SyncClockAsync(ct);
        var outcome = AttemptFailed(instanceId, stepId, ranFromVersion, error);
        var status = await AppendAsync(kindName: null, instanceId, outcome.Record, durable: null, first: null, ct);
        outcome.Log();
        return status is null ? FinishedPass(0) : Pass(status, _time.GetUtcNow());
    }

    /// <summary>
    /// A failed attempt at a step, to record: with the time of the next attempt (the retry policy's back-off), or as failed
    /// when its attempts have run out. Nothing when the step is no longer pending or this attempt's failure is recorded
    /// already (one recorded after <paramref name="ranFromVersion"/>, the log the attempt was run from).
    /// </summary>
    private StepOutcome AttemptFailed(string instanceId, string stepId, long ranFromVersion, string error)
    {
        NewEvent? recorded = null; // what the last call chose (it is called again if another writer got in first)
        var attempt = 0;
        return new StepOutcome(current =>
        {
            recorded = null;
            if (current.Step(stepId) is not { Status: StepStatus.Pending } step) return []; // done, skipped or failed meanwhile
            if (current.Instance.Events.Any(e => e.Sequence > ranFromVersion && e.Type is EngineEvents.StepAttemptFailed or EngineEvents.StepFailed
                && StepHistory.StepId(e) == stepId)) return []; // this attempt's failure is recorded already
            attempt = step.Attempts + 1;
            recorded = attempt >= _options.MaxStepAttempts
                ? new(EngineEvents.StepFailed, EngineEvents.StepFailedData(stepId, attempt, error))
                : new(EngineEvents.StepAttemptFailed, EngineEvents.StepAttemptFailedData(stepId, attempt, error, _time.GetUtcNow() + RetryDelay(attempt)));
            return [recorded];
        }, () =>
        {
            if (recorded is null) return;
            var failed = recorded.Type == EngineEvents.StepFailed;
            if (failed) Log.StepFailed(_logger, instanceId, stepId, attempt, error);
            else Log.StepAttemptFailed(_logger, instanceId, stepId, attempt, error);
            AppTelemetry.StepOutcome(stepId, failed ? "failed" : "attempt-failed");
        });
    }

    /// <summary>What became of one step, to record: the events for the log as it then stands, and what to log once recorded.</summary>
    private sealed record StepOutcome(Func<InstanceStatus, IReadOnlyList<NewEvent>> Record, Action Log);

    /// <summary>
    /// Repairs lost wake-ups. For every instance the index says has had a step due for over a minute, it reads the header:
    /// a due row left early by a step since run is moved to the header's next due time (and every row of the instance
    /// rewritten); for one really due it asks the instance's orchestration what it waits for (<see cref="WorkflowOrchestration"/>'s
    /// custom status): one that is gone or ended is started; one that waits (for a change, or a time that should have come)
    /// is told; one running its steps is left alone, so a step being retried is never flooded with events. An instance
    /// whose log cannot be planned is tried again hourly. Reads only the index up to now, so it costs what is due, not what
    /// is stored; first, once after an upgrade or a deploy that raised a kind's rules, <see cref="EnsureIndexedAsync"/>.
    /// Returns how many it woke.
    /// </summary>
    public async Task<int> SweepAsync(DurableTaskClient durable, CancellationToken ct)
    {
        await SyncClockAsync(ct);
        await EnsureIndexedAsync(ct);
        var now = _time.GetUtcNow();
        var woken = 0;
        foreach (var header in await DueHeadersAsync(now - SweepGrace, repair: true, ct))
        {
            if (header.NextDue is not { } due || due > now - SweepGrace) continue;
            if (header.RuntimeStatus == RuntimeStatus.Failed && header.FailedAt > now - FailedRetryInterval) continue;
            var orchestration = await durable.GetInstanceAsync(header.Id, getInputsAndOutputs: true, ct);
            // A trace of its own for each instance the sweep finds due: what its orchestration then runs is traced beneath it.
            using var wake = AppTelemetry.Source.StartActivity("sweep due instance", ActivityKind.Server, default(ActivityContext),
                [new(AppTelemetry.KindTag, header.Kind), new(AppTelemetry.InstanceIdTag, header.Id)]);
            if (orchestration is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
            {
                await ScheduleOrchestrationAsync(durable, header.Id, pass: null, ct);
                woken++;
            }
            else if (orchestration.RuntimeStatus == OrchestrationRuntimeStatus.Running && OrchestrationState.Read(orchestration.SerializedCustomStatus) is not { IsRunningSteps: true })
            {
                // It waits while a step has been due for a minute: for a change it was never told of, or on a timer set before
                // the development clock moved. Null: plan afresh from the log.
                await TellChangedAsync(durable, header.Id, pass: null, ct);
                woken++;
            }
        }
        return woken;
    }

    /// <summary>
    /// The headers of every instance the index says may have a step due at or before <paramref name="upTo"/>, whose header
    /// says so too. With <paramref name="repair"/> (the sweep), rows the header contradicts (left early by a change whose
    /// follow-up was lost, or of an instance whose log is gone) are put right on the way, so each is read once.
    /// </summary>
    private async Task<IReadOnlyList<InstanceHeaderRow>> DueHeadersAsync(DateTimeOffset upTo, bool repair, CancellationToken ct)
    {
        if (!await IndexReadyAsync(ct)) return await ScanAsync(h => h.NextDue <= upTo, ct);
        var due = new List<InstanceHeaderRow>();
        // A row written for a longer log than the header's belongs to a change still committing, or one that never did:
        // judged stale only once no change could still be committing.
        var settled = TimeProvider.System.GetUtcNow() - UnsettledRowAge;
        foreach (var kind in _kinds.Values)
        {
            var rows = (await _index.DueAsync(kind.Name, upTo, ct)).GroupBy(r => r.Id).ToList();
            var byId = (await HeadersAsync(rows.Select(r => r.Key).ToList(), ct)).OfType<InstanceHeaderRow>().ToDictionary(h => h.Id);
            foreach (var rowsOfOne in rows)
            {
                var header = byId.GetValueOrDefault(rowsOfOne.Key) is { } h && h.Kind == kind.Name ? h : null;
                if (header?.NextDue <= upTo) due.Add(header!);
                if (!repair || header is not null && rowsOfOne.All(r => r.Due == header.NextDue)) continue;
                var stale = rowsOfOne.Where(r => r.Due != header?.NextDue && (r.Version <= header?.Version || r.WrittenAt < settled))
                    .Select(r => r.RowKey).ToList();
                if (header is not null) await _index.RewriteAsync(StateOf(header), stale, ct);
                else if (stale.Count > 0) await _index.DeleteAsync(kind.Name, stale, ct); // its log is gone, or never committed
            }
        }
        return due;
    }

    /// <summary>
    /// Plans an instance last planned under older rules with today's and writes its header from that plan; returns the header
    /// as written, or null when it was not (the log cannot be planned: its orchestration records that when it runs; or
    /// another writer came first: the next sweep looks again).
    /// </summary>
    private async Task<InstanceHeaderRow?> ReplanAsync(string instanceId, DateTimeOffset now, CancellationToken ct)
    {
        if (await _store.LoadAsync(instanceId, ct) is not { } loaded) return null;
        var kind = Kind(loaded.Instance.Kind);
        InstanceStatus status;
        try
        {
            status = Evaluate(kind, loaded.Instance);
        }
        catch (WorkflowPlanException)
        {
            return null;
        }
        var header = Header(kind, status, now);
        if (!await RewriteHeaderAsync(loaded, kind, status, now, ct)) return null;
        return loaded.Header with
        {
            RuntimeStatus = header.RuntimeStatus, CustomStatus = header.CustomStatus, LastUpdatedTime = now, NextDue = header.NextDue,
            Summary = header.Summary, RulesVersion = header.RulesVersion, Failure = null,
        };
    }

    /// <summary>Rewrites a header from a plan of its log, and the index after it; false when another writer came first.</summary>
    private async Task<bool> RewriteHeaderAsync(LoadedInstance loaded, IWorkflowKind kind, InstanceStatus status, DateTimeOffset now, CancellationToken ct)
    {
        var followUp = await _index.BeforeCommitAsync(StateOf(loaded.Header), StateOf(kind, loaded.Instance.Id, status), now, placeLock: null, ct);
        if (!await _store.TryRewriteHeaderAsync(loaded.Instance.Id, loaded.HeaderETag, Header(kind, status, now), ct)) return false;
        await FollowUpAsync(() => _index.AfterCommitAsync(followUp, ct), loaded.Instance.Id);
        return true;
    }

    /// <summary>
    /// Tells every instance that has a step due at <paramref name="now"/> what is due (the development clock has just
    /// jumped), starting any orchestration that is not running, several at once. Returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> WakeDueAsync(DateTimeOffset now, DurableTaskClient durable, CancellationToken ct)
    {
        var due = await DueInstancesAsync(now, ct);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = WakeParallelism, CancellationToken = ct }, async (id, token) =>
        {
            WorkflowPass? pass;
            try
            {
                pass = await GetOfAnyKindAsync(id, token) is { } status ? Pass(status, now) : null;
            }
            catch (WorkflowPlanException)
            {
                pass = null; // its orchestration plans, and records it failed
            }
            if (!await EnsureRunningAsync(durable, id, pass, token)) await TellChangedAsync(durable, id, pass, token);
        });
        return due;
    }

    /// <summary>
    /// Instances with a step due at or before <paramref name="now"/>: those that have not yet caught up with it. Instances
    /// whose log cannot be planned are left out: they will not catch up until a rule is fixed. Reads the index up to
    /// <paramref name="now"/> and the headers it names.
    /// </summary>
    public async Task<IReadOnlyList<string>> DueInstancesAsync(DateTimeOffset now, CancellationToken ct) =>
        (await DueHeadersAsync(now, repair: false, ct)).Where(h => h.RuntimeStatus != RuntimeStatus.Failed).Select(h => h.Id).ToList();

    /// <summary>
    /// The ids the index lists with a step due at or before <paramref name="now"/>, in order, without reading their headers:
    /// an instance's due row moves on once its steps have run, so a caller waiting for instances to catch up can poll this
    /// one query and read the headers (<see cref="DueInstancesAsync"/>) only when it stops changing. Null while reads cannot
    /// go to the index (an upgraded store not yet indexed).
    /// </summary>
    public async Task<IReadOnlyList<string>?> ListedDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!await IndexReadyAsync(ct)) return null;
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kind in _kinds.Values) ids.UnionWith((await _index.DueAsync(kind.Name, now, ct)).Select(r => r.Id));
        return [.. ids];
    }

    /// <summary>
    /// Makes sure the index holds every instance, and that every header was planned under its kind's rules: once after an
    /// upgrade from a log kept before the index, once after a deploy that raised a kind's
    /// <see cref="IWorkflowKind.RulesVersion"/>, and once a day (<see cref="IndexAuditInterval"/>) so that even a row lost
    /// outside the write protocol (deleted by hand, a bug) is back within a day, it reads every header of the log, plans
    /// again each one planned under older rules (so an instance that had finished under the old rules runs what the new
    /// ones make due; a kind this build does not know is left to the build that does), and writes the index rows of all.
    /// Then records that it has, for every host, and knows it in memory: until the next is due it costs nothing.
    /// </summary>
    public Task EnsureIndexedAsync(CancellationToken ct)
    {
        if (_indexedRules is { } known && _kinds.Values.All(k => known.GetValueOrDefault(k.Name) >= k.RulesVersion)
            && _time.GetUtcNow() < _indexCheckedAt + IndexAuditInterval)
            return Task.CompletedTask;
        lock (_indexingLock)
        {
            if (_indexing is null || _indexing.IsCompleted) _indexing = IndexAllAsync();
            return _indexing.WaitAsync(ct);
        }
    }

    private async Task IndexAllAsync()
    {
        var ct = CancellationToken.None; // shared by every caller waiting: none of them may cancel it for the others
        var now = _time.GetUtcNow();
        if (await _index.ReadMarkerAsync(ct) is { Layout: WorkflowIndex.Layout } marker
            && _kinds.Values.All(k => marker.Rules.GetValueOrDefault(k.Name) >= k.RulesVersion) && now < marker.CheckedAt + IndexAuditInterval)
        {
            _indexReady = true;
            (_indexedRules, _indexCheckedAt) = (marker.Rules, marker.CheckedAt);
            return;
        }
        var states = new List<IndexState>();
        await foreach (var listed in _store.ListAsync(ct))
        {
            if (!_kinds.TryGetValue(listed.Kind, out var kind)) continue;
            var header = listed.RulesVersion < kind.RulesVersion ? await ReplanAsync(listed.Id, now, ct) ?? listed : listed;
            states.Add(StateOf(header));
        }
        await _index.WriteAllAsync(states, ct);
        await _index.WriteMarkerAsync(_kinds.Values, now, ct);
        Log.Indexed(_logger, states.Count);
        _indexReady = true;
        (_indexedRules, _indexCheckedAt) = (_kinds.Values.ToDictionary(k => k.Name, k => k.RulesVersion), now);
    }

    private async Task IndexInBackgroundAsync()
    {
        try
        {
            await EnsureIndexedAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            Log.NotIndexedYet(_logger, e); // the sweep tries again every minute; reads go to the log meanwhile
        }
    }

    /// <summary>Whether reads can go to the index: it has been built for this layout (rules raised since do not matter to a read).</summary>
    private async Task<bool> IndexReadyAsync(CancellationToken ct)
    {
        if (_indexReady) return true;
        if (await _index.ReadMarkerAsync(ct) is { Layout: WorkflowIndex.Layout }) _indexReady = true;
        return _indexReady;
    }

    /// <summary>Every header of the log that <paramref name="keep"/> keeps: what reads do until an upgraded store is indexed.</summary>
    private async Task<List<InstanceHeaderRow>> ScanAsync(Func<InstanceHeaderRow, bool> keep, CancellationToken ct)
    {
        var kept = new List<InstanceHeaderRow>();
        await foreach (var header in _store.ListAsync(ct)) if (keep(header)) kept.Add(header);
        return kept;
    }

    /// <summary>
    /// Runs what follows a committed change in the index. Its failure is logged, not thrown: the change itself is recorded,
    /// and the index was left (<see cref="WorkflowIndex"/>) with a due row the sweep reaches within a minute and repairs from.
    /// </summary>
    private async Task FollowUpAsync(Func<Task> followUp, string instanceId)
    {
        try
        {
            await followUp();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.IndexFollowUpLost(_logger, e, instanceId);
        }
    }

    /// <summary>The headers of <paramref name="ids"/>, several read at once, in the same order; null for an id with no instance.</summary>
    private async Task<InstanceHeaderRow?[]> HeadersAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var headers = new InstanceHeaderRow?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct },
            async (i, token) => headers[i] = await _store.GetHeaderAsync(ids[i], token));
        return headers;
    }

    private IndexState StateOf(InstanceHeaderRow header) =>
        new(header.Kind, header.Id, header.NextDue, header.RuntimeStatus, _kinds.TryGetValue(header.Kind, out var kind) ? kind.Listing(header.Summary) : null,
            header.Version);

    private static IndexState StateOf(IWorkflowKind kind, string id, InstanceStatus status) =>
        new(kind.Name, id, status.NextDue, status.RuntimeStatus, kind.Listing(status.Plan.Summary), status.Version);

    /// <summary>Starts the instance's orchestration, from <paramref name="pass"/>, unless it is running; returns true when it had to start it.</summary>
    private async Task<bool> EnsureRunningAsync(DurableTaskClient durable, string instanceId, WorkflowPass? pass, CancellationToken ct)
    {
        if (await durable.GetInstanceAsync(instanceId, ct) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
            return false;
        await ScheduleOrchestrationAsync(durable, instanceId, pass, ct);
        return true;
    }

    /// <param name="pass">Where the instance stands, so the orchestration need not plan first; null: it plans.</param>
    private async Task ScheduleOrchestrationAsync(DurableTaskClient durable, string instanceId, WorkflowPass? pass, CancellationToken ct)
    {
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(WorkflowOrchestration.OrchestratorName, new WorkflowCursor(instanceId, pass),
                new Microsoft.DurableTask.StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The log is written; the sweep starts the orchestration when its first step is due.
            Log.SignalLost(_logger, e, instanceId);
        }
    }

    /// <param name="pass">Where the instance stands after the change, so the orchestration need not plan again; null: it plans.</param>
    private async Task TellChangedAsync(DurableTaskClient durable, string instanceId, WorkflowPass? pass, CancellationToken ct)
    {
        try
        {
            await durable.RaiseEventAsync(instanceId, WorkflowOrchestration.ChangedEvent, pass, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; the sweep tells the orchestration once the step it changed is due.
            Log.SignalLost(_logger, e, instanceId);
        }
    }

    // Another host may have moved the development clock; what is due must be judged by the time every host agrees on.
    private Task SyncClockAsync(CancellationToken ct) => _time is ISyncedClock shared ? shared.SyncAsync(ct) : Task.CompletedTask;

    private static InstanceStatus Evaluate(IWorkflowKind kind, WorkflowInstance instance)
    {
        WorkflowPlan plan;
        try
        {
            plan = kind.Plan(instance);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new WorkflowPlanException(instance, e);
        }
        return InstanceStatus.Evaluate(instance, plan);
    }

    private static WorkflowInstance WithEvents(WorkflowInstance instance, IEnumerable<NewEvent> events, DateTimeOffset now)
    {
        var all = instance.Events.ToList();
        foreach (var e in events) all.Add(new WorkflowEvent(all.Count + 1, e.Type, e.Data, now) { By = Actor.Current });
        return instance with { Events = all, LastUpdatedTime = now };
    }

    private static WorkflowPass FinishedPass(long version) => new(true, [], null, null, [], version);

    /// <summary>Where the orchestration of <paramref name="status"/> stands at <paramref name="now"/>.</summary>
    private static WorkflowPass Pass(InstanceStatus status, DateTimeOffset now)
    {
        if (status.IsFinished) return FinishedPass(status.Version);
        var due = status.DueSteps(now);
        if (due.Count > 0 || status.NextDue is not { } next) return new WorkflowPass(false, due, null, null, [], status.Version);
        // Timers run on the system clock; the development clock may be ahead of it by a fixed offset.
        var wakeAtUtc = (TimeProvider.System.GetUtcNow() + (next - now) + TimerMargin).UtcDateTime;
        return new WorkflowPass(false, [], next, wakeAtUtc, status.DueSteps(next), status.Version);
    }

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1: the first interval, growing by the coefficient, capped.</summary>
    private TimeSpan RetryDelay(int failedAttempt) => TimeSpan.FromTicks((long)Math.Min(
        _options.MaxRetryInterval.Ticks, _options.FirstRetryInterval.Ticks * Math.Pow(_options.RetryBackoffCoefficient, failedAttempt - 1)));

    private static InstanceHeader Header(IWorkflowKind kind, InstanceStatus status, DateTimeOffset now) =>
        new(status.RuntimeStatus, status.Plan.CustomStatus, now, status.NextDue, status.Plan.Summary, kind.RulesVersion);

    // Jittered and growing, so writers that collided do not collide again in step.
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * Math.Min(attempt, 8));

    private static string NewAppendId() => Guid.NewGuid().ToString("N");

    private IWorkflowKind Kind(string name) =>
        _kinds.TryGetValue(name, out var kind) ? kind : throw new InvalidOperationException($"No workflow kind named '{name}' is registered.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Step {StepId} of {InstanceId} completed")]
        public static partial void StepCompleted(ILogger logger, string instanceId, string stepId);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Step {StepId} of {InstanceId} failed after {Attempts} attempt(s): {Error}")]
        public static partial void StepFailed(ILogger logger, string instanceId, string stepId, int attempts, string error);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Instance {InstanceId} cannot be planned and is marked failed: {Reason}")]
        public static partial void InstanceFailed(ILogger logger, string instanceId, string reason);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Concurrent append to {InstanceId}; retrying (attempt {Attempt})")]
        public static partial void AppendConflict(ILogger logger, string instanceId, int attempt);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Step {StepId} of {InstanceId} skipped: {Reason}")]
        public static partial void StepSkipped(ILogger logger, string instanceId, string stepId, string reason);

        [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Attempt {Attempt} at step {StepId} of {InstanceId} failed; it is tried again later: {Error}")]
        public static partial void StepAttemptFailed(ILogger logger, string instanceId, string stepId, int attempt, string error);

        [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Instance {InstanceId} can be planned again; its failure is cleared")]
        public static partial void InstanceRecovered(ILogger logger, string instanceId);

        [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "The notice that {InstanceId} cannot be planned was not sent; it is tried again within the hour")]
        public static partial void FailureNoticeNotSent(ILogger logger, Exception exception, string instanceId);

        [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Indexed {Count} instance(s) of the log")]
        public static partial void Indexed(ILogger logger, int count);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "The log could not be indexed yet; the sweep tries again within a minute, and reads go to the log meanwhile")]
        public static partial void NotIndexedYet(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "The index was not updated after a change to {InstanceId}; the sweep repairs it within a minute")]
        public static partial void IndexFollowUpLost(ILogger logger, Exception exception, string instanceId);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Could not tell the orchestration of {InstanceId}; the sweep will")]
        public static partial void SignalLost(ILogger logger, Exception exception, string instanceId);
    }
}
