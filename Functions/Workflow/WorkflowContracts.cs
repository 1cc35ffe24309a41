using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IrpFlows.Workflow;

/// <summary>Where an instance stands, in the vocabulary of Durable Functions' management API.</summary>
public enum RuntimeStatus { Pending, Running, Completed, Failed, Terminated }

/// <summary>One fact in an instance's append-only log. <see cref="Sequence"/> starts at 1 and has no gaps.</summary>
public sealed record WorkflowEvent(long Sequence, string Type, JsonObject Data, DateTimeOffset RecordedAt)
{
    /// <summary>Who caused it (see <see cref="Actor"/>); null in rows written before IrpFlows recorded it.</summary>
    public string? By { get; init; }
}

/// <summary>An instance as read from storage: its header and its whole event log, in order.</summary>
public sealed record WorkflowInstance(
    string Id,
    string Kind,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    IReadOnlyList<WorkflowEvent> Events)
{
    /// <summary>The ids of the appends that wrote this log, so a writer can tell whether its own append committed.</summary>
    public IReadOnlySet<string> AppendIds { get; init; } = new HashSet<string>();

    public IEnumerable<WorkflowEvent> EventsOfType(string type) => Events.Where(e => e.Type == type);
}

/// <summary>Whether a planned step may run.</summary>
public enum StepReadiness
{
    /// <summary>Runs once its due time has passed.</summary>
    Ready,
    /// <summary>Waits for an event (e.g. the report's publication) before it can run.</summary>
    Waiting,
    /// <summary>Will not happen (e.g. a reminder once everything has arrived, or anything after a cancellation).</summary>
    Skipped,
}

/// <summary>
/// A step the workflow kind plans. The engine runs a step once, when it is <see cref="StepReadiness.Ready"/> and
/// <see cref="Due"/> has passed, and it is not already completed.
/// </summary>
/// <param name="Id">Stable across re-planning: completion is recorded by id, so a done step stays done when dates move.</param>
public sealed record PlannedWork(string Id, DateTimeOffset Due, StepReadiness Readiness)
{
    /// <summary>
    /// The end of the step's window: from this instant on, running it would be false or pointless (a reminder once its
    /// deadline has come), so the engine records it skipped, with <see cref="WindowReason"/>, instead of running it late.
    /// Null: the step runs however late.
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Why the step is not run once <see cref="NotAfter"/> has come, for the coordinator.</summary>
    public string? WindowReason { get; init; }

    /// <summary>Why a step planned <see cref="StepReadiness.Skipped"/> will not happen, when the kind says.</summary>
    public string? SkipReason { get; init; }
}

/// <summary>What a workflow kind says about an instance at a moment in its log.</summary>
/// <param name="Steps">Every step, runnable or not.</param>
/// <param name="IsTerminated">The instance was cancelled: nothing but the steps still listed as runnable will run.</param>
/// <param name="CustomStatus">A short phrase for people, e.g. "Collecting documents".</param>
/// <param name="Summary">A few fields kept on the instance header so a list of instances needs no log reads.</param>
public sealed record WorkflowPlan(IReadOnlyList<PlannedWork> Steps, bool IsTerminated, string CustomStatus, JsonObject Summary);

/// <summary>
/// Where an instance is found without reading every instance (the engine's index): lists go by
/// <paramref name="Date"/>, a year's programme takes every instance whose <paramref name="From"/>–<paramref name="To"/>
/// span reaches into it, and two instances of one <paramref name="Place"/> can be checked against each other.
/// </summary>
/// <param name="Date">The day lists sort by: an IRP's visit, an inspection's fieldwork.</param>
/// <param name="From">The first day the instance has work (its announcement).</param>
/// <param name="To">The last day the programme shows it (its last milestone).</param>
/// <param name="Place">The establishment or organisation, as names compare (case, spaces and punctuation aside).</param>
/// <param name="Category">A kind's own sort of instance, to filter on (an IRP's prison or detention); empty when it has none.</param>
public sealed record WorkflowListing(DateOnly Date, DateOnly From, DateOnly To, string Place, string Category)
{
    /// <summary>Every year the instance reaches, from the first of its span and its date to the last.</summary>
    public IEnumerable<int> Years
    {
        get
        {
            var first = Math.Min(From.Year, Date.Year);
            return Enumerable.Range(first, Math.Max(To.Year, Date.Year) - first + 1);
        }
    }

    /// <summary>
    /// The listing of an instance dated <paramref name="date"/> whose summary keeps its milestones as
    /// <c>{ "step": "yyyy-MM-dd" }</c>: its span runs from the first milestone to the last.
    /// </summary>
    public static WorkflowListing Of(DateOnly date, JsonObject? milestones, string place, string category)
    {
        var days = (milestones ?? []).Select(m => DateOnly.ParseExact(m.Value!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return new WorkflowListing(date, days.Count == 0 ? date : days.Min(), days.Count == 0 ? date : days.Max(), place, category);
    }
}

/// <summary>The outcome of one activity run. <see cref="Result"/> is stored in the StepCompleted event (e.g. the email's audit record).</summary>
public sealed record StepResult(JsonObject? Result)
{
    public static StepResult Empty { get; } = new((JsonObject?)null);

    /// <summary>
    /// Facts the step established (e.g. which files it deleted), recorded in the same append as its completion, so the
    /// steps that follow read them from the log instead of redoing the work.
    /// </summary>
    public IReadOnlyList<NewEvent> Facts { get; init; } = [];
}

/// <summary>
/// A kind of workflow (an IRP, a probation inspection) run by the workflow orchestration. The orchestration and the
/// engine know nothing about prisons or probation: every rule lives here, behind a pure plan and idempotent steps.
/// </summary>
public interface IWorkflowKind
{
    /// <summary>Short stable name stored with each instance ("irp", "probation").</summary>
    string Name { get; }

    /// <summary>
    /// Raised with every change of the rules that can change the plan of a log already written (a step added, moved, or no
    /// longer skipped). The sweep plans each instance last planned under an older version once again, so an instance that
    /// had finished under the old rules runs what the new ones make due.
    /// </summary>
    int RulesVersion { get; }

    /// <summary>Pure: the plan implied by the log. Must not read the clock or storage.</summary>
    WorkflowPlan Plan(WorkflowInstance instance);

    /// <summary>
    /// Pure: where lists and the programme find an instance whose plan gave <paramref name="summary"/>
    /// (<see cref="WorkflowPlan.Summary"/>, as kept on its header); null when the summary cannot say (written before it
    /// carried what this needs).
    /// </summary>
    WorkflowListing? Listing(JsonObject summary);

    /// <summary>
    /// Pure: who runs instance <paramref name="instanceId"/> and what of it is not yet done, from
    /// <paramref name="summary"/> (<see cref="WorkflowPlan.Summary"/>, as kept on its header), for the weekly digest; null
    /// when the summary keeps none (planned before it did, or a kind with no one to tell).
    /// </summary>
    WorkflowAgenda? Agenda(string instanceId, JsonObject summary);

    /// <summary>
    /// Does the work of <paramref name="stepId"/> (sends its email, deletes material, …). Durable activities run at least
    /// once, so this may run again for the same step (a crash between the work and the record of its completion):
    /// implementations must be idempotent by instance id + step id. Throwing fails the attempt; the orchestration retries it
    /// with back-off and records the step failed when its attempts run out.
    /// </summary>
    Task<StepResult> RunStepAsync(WorkflowInstance instance, string stepId, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the person who runs the instance (an IRP's coordinator) of <paramref name="failure"/>, with where to retry it.
    /// At least once, like a step: implementations must be idempotent by instance id + <see cref="WorkflowFailure.NoticeId"/>.
    /// Called for a log that cannot be planned too, so it must not rely on <see cref="Plan"/>.
    /// </summary>
    Task<StepResult> NotifyFailureAsync(WorkflowInstance instance, WorkflowFailure failure, CancellationToken cancellationToken);
}

/// <summary>A failure to tell the person who runs an instance of: a step whose attempts ran out, or a log that cannot be planned.</summary>
/// <param name="NoticeId">Unique per failure (<c>failure-notice-{sequence of StepFailed}</c>, <c>instance-failed-{log version}</c>): one notice each.</param>
/// <param name="StepId">The step that failed; null when the whole instance cannot be planned.</param>
public sealed record WorkflowFailure(string NoticeId, string? StepId, int Attempts, string Error);

/// <summary>
/// The notices of failed steps, as steps the engine adds to every kind's plan: one per <see cref="EngineEvents.StepFailed"/>
/// (not of a notice itself), due when the failure was recorded, so a notice is sent once, retried like any step, and not
/// lost if the mail service is down when the step fails (often for the same reason).
/// </summary>
public static class FailureNotices
{
    public const string StepPrefix = "failure-notice-";

    /// <summary>
    /// The notice steps <paramref name="instance"/>'s log calls for: one per failure, skipped when a coordinator retried the
    /// step before the notice went.
    /// </summary>
    public static IEnumerable<PlannedWork> Plan(WorkflowInstance instance) =>
        instance.EventsOfType(EngineEvents.StepFailed).Where(e => !IsNotice(StepHistory.StepId(e))).Select(e =>
        {
            var standing = StepHistory.StandingFailure(instance, StepHistory.StepId(e))?.Sequence == e.Sequence;
            return new PlannedWork(StepPrefix + e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.RecordedAt,
                standing ? StepReadiness.Ready : StepReadiness.Skipped) { SkipReason = standing ? null : "the step was retried before its failure was told" };
        });

    /// <summary>The failure a notice step tells of; null when <paramref name="stepId"/> is not a notice of this log.</summary>
    public static WorkflowFailure? Of(WorkflowInstance instance, string stepId) =>
        IsNotice(stepId) && long.TryParse(stepId.AsSpan(StepPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            && instance.Events.FirstOrDefault(e => e.Sequence == sequence) is { Type: EngineEvents.StepFailed } failed
            ? new WorkflowFailure(stepId, StepHistory.StepId(failed), failed.Data["attempts"]?.GetValue<int>() ?? 1, failed.Data["error"]?.GetValue<string>() ?? "")
            : null;

    public static bool IsNotice(string stepId) => stepId.StartsWith(StepPrefix, StringComparison.Ordinal);

    /// <summary>The notice of a log that cannot be planned, once per version of the log.</summary>
    public static WorkflowFailure Unplannable(WorkflowInstance instance, string reason) =>
        new("instance-failed-" + instance.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), null, 1, reason);
}

/// <summary>Event type names the engine itself writes.</summary>
public static class EngineEvents
{
    public const string StepCompleted = nameof(StepCompleted);

    /// <summary>A step's attempts ran out; it stays failed until a coordinator asks for it again.</summary>
    public const string StepFailed = nameof(StepFailed);

    /// <summary>
    /// One attempt at a step failed and another is due at its <c>retryAt</c>: the retry is a timed pass of its own, so the
    /// orchestration follows a cancellation or a moved date while it waits, and the sweep sees when the step is next due.
    /// </summary>
    public const string StepAttemptFailed = nameof(StepAttemptFailed);

    /// <summary>A coordinator asked for a failed step to run again.</summary>
    public const string StepRetryRequested = nameof(StepRetryRequested);

    /// <summary>A step came due after its window had closed (<see cref="PlannedWork.NotAfter"/>): recorded instead of running it.</summary>
    public const string StepSkipped = nameof(StepSkipped);

    internal static JsonObject StepCompletedData(string stepId, JsonObject? result) =>
        new() { ["stepId"] = stepId, ["result"] = result?.DeepClone() };

    internal static JsonObject StepFailedData(string stepId, int attempts, string error) =>
        new() { ["stepId"] = stepId, ["attempts"] = attempts, ["error"] = error };

    internal static JsonObject StepAttemptFailedData(string stepId, int attempt, string error, DateTimeOffset retryAt) =>
        new() { ["stepId"] = stepId, ["attempt"] = attempt, ["error"] = error, ["retryAt"] = retryAt };

    internal static JsonObject StepRetryRequestedData(string stepId) => new() { ["stepId"] = stepId };

    internal static JsonObject StepSkippedData(string stepId, string reason) => new() { ["stepId"] = stepId, ["reason"] = reason };
}

/// <summary>Reads the engine's own events out of a log: which steps are done, and how often each has failed.</summary>
public static class StepHistory
{
    public static IReadOnlyDictionary<string, WorkflowEvent> Completed(WorkflowInstance instance)
    {
        var completed = new Dictionary<string, WorkflowEvent>();
        foreach (var e in instance.EventsOfType(EngineEvents.StepCompleted))
            completed.TryAdd(StepId(e), e);
        return completed;
    }

    /// <summary>Steps recorded skipped because their window had closed, by id (the first record of each).</summary>
    public static IReadOnlyDictionary<string, WorkflowEvent> Skipped(WorkflowInstance instance)
    {
        var skipped = new Dictionary<string, WorkflowEvent>();
        foreach (var e in instance.EventsOfType(EngineEvents.StepSkipped))
            skipped.TryAdd(StepId(e), e);
        return skipped;
    }

    /// <summary>The step's failure that still stands: recorded and not followed by a request to retry it; null when there is none.</summary>
    public static WorkflowEvent? StandingFailure(WorkflowInstance instance, string stepId) =>
        instance.Events.LastOrDefault(e => e.Type is EngineEvents.StepFailed or EngineEvents.StepRetryRequested && StepId(e) == stepId)
            is { Type: EngineEvents.StepFailed } failure ? failure : null;

    /// <summary>
    /// The attempts at a step that failed since it last started afresh (its first attempt, or a coordinator's retry), in
    /// order; empty when the step has not failed since.
    /// </summary>
    public static IReadOnlyList<WorkflowEvent> FailedAttempts(WorkflowInstance instance, string stepId)
    {
        var attempts = new List<WorkflowEvent>();
        foreach (var e in instance.Events)
        {
            if (e.Type is not (EngineEvents.StepAttemptFailed or EngineEvents.StepRetryRequested) || StepId(e) != stepId) continue;
            if (e.Type == EngineEvents.StepRetryRequested) attempts.Clear();
            else attempts.Add(e);
        }
        return attempts;
    }

    public static string StepId(WorkflowEvent e) => e.Data["stepId"]!.GetValue<string>();
}

internal static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
