using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace IrpFlows.Workflow;

/// <summary>The steps of an instance due together, as an activity's input.</summary>
public sealed record StepsCall(string InstanceId, IReadOnlyList<string> StepIds);

/// <summary>A failed attempt at a step, as an activity's input.</summary>
/// <param name="RanFromVersion">The log's version in the pass that ran the attempt: a failure recorded after it is this attempt's.</param>
public sealed record StepFailure(string InstanceId, string StepId, long RanFromVersion, string Error);

/// <summary>
/// What an orchestration is doing, as its custom status says it for the sweep (<see cref="WorkflowEngine.SweepAsync"/>) and
/// for Durable's own tools: running its due steps, or waiting until <see cref="WakeAt"/> (business time; null: only for a
/// change), having planned from the log's <see cref="Version"/>.
/// </summary>
public sealed record OrchestrationState(string State, DateTimeOffset? WakeAt, long Version, int Generation)
{
    public const string RunningSteps = "running-steps", Waiting = "waiting";

    public bool IsRunningSteps => State == RunningSteps;

    /// <summary>The state in a custom status as Durable stores it; null when there is none or it is not one of ours.</summary>
    public static OrchestrationState? Read(string? serializedCustomStatus)
    {
        if (string.IsNullOrEmpty(serializedCustomStatus)) return null;
        try
        {
            return JsonSerializer.Deserialize<OrchestrationState>(serializedCustomStatus, WorkflowJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// One Durable orchestration per workflow instance (an IRP; instance id = its id), kept thin because Durable replays it
/// against its history: every rule lives in the activities, so a fixed rule or a new step reaches every instance in flight
/// on its next pass. A pass runs the steps due together in one activity, each once: a failed attempt is recorded with the
/// time of the next (or as failed when attempts run out) and the others go on, so a retry is a timed pass like any other.
/// Each activity answers with where the instance then stands, so steps that fall due because of one another run in the
/// same pass. Then it says what it waits for (<see cref="OrchestrationState"/>) and waits for the earlier of the next due time and
/// a change.
/// <list type="bullet">
/// <item>A change carries the pass that follows it and the log's version; every change already delivered is taken with it
/// and the newest wins, so a burst of commands costs one pass and an event delivered late never overrides a newer one.</item>
/// <item>It continues as new after each timer (so no history grows past a few passes), with the steps it knew would be due,
/// and after a bounded number of changes. The Durable SDK leaves a waiter that is no longer awaited in place, where it would
/// swallow an event delivered in the same episode; the orchestration only abandons its waiter when the next generation reads
/// the log before it acts (a step's activity or a plan), so nothing swallowed is lost.</item>
/// <item>The bookkeeping activities (plan, record a failed attempt) are retried briefly; if storage stays away longer, the
/// orchestration ends faulted and the sweep starts it again from the log. Only a log that no rule can plan ends it for
/// good, recorded failed by the planning activity.</item>
/// </list>
/// </summary>
public sealed class WorkflowOrchestration(WorkflowEngine engine)
{
    public const string OrchestratorName = nameof(RunWorkflow);

    /// <summary>The event a command raises after changing an instance's log so that its orchestration plans again.</summary>
    public const string ChangedEvent = "InstanceChanged";

    // A pass whose steps keep making others due (a bug) ends here and plans afresh, rather than spin inside one history.
    internal const int MaxStepRunsPerPass = 100;

    // Changes followed in one generation before it continues as new: bounds its history, however many commands arrive.
    internal const int MaxChangesPerGeneration = 20;

    // Storage blips within an activity's own SDK retries are absorbed there; this rides out the next minute or so.
    internal static readonly TaskOptions Bookkeeping = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 3));

    [Function(nameof(RunWorkflow))]
    public static async Task RunWorkflow([OrchestrationTrigger] TaskOrchestrationContext context, WorkflowCursor cursor)
    {
        var instanceId = cursor.InstanceId;
        var pass = cursor.Pass ?? await PlanAsync(context, instanceId);
        Task<WorkflowPass?>? changed = null; // a waiter for the next change, kept across passes of this generation
        for (var changes = 0; ; changes++)
        {
            pass = await RunDueStepsAsync(context, instanceId, pass, cursor.Generation);
            if (pass.Finished || pass.Unplannable) return;
            if (pass.DueSteps.Count > 0 || changes == MaxChangesPerGeneration)
            {
                // The run cap, or enough changes for one history: the next generation plans afresh from the log.
                context.ContinueAsNew(new WorkflowCursor(instanceId, null, cursor.Generation + 1));
                return;
            }

            context.SetCustomStatus(new OrchestrationState(OrchestrationState.Waiting, pass.WakeAt, pass.Version, cursor.Generation));
            changed ??= context.WaitForExternalEvent<WorkflowPass?>(ChangedEvent);
            if (!changed.IsCompleted)
            {
                using var stopTimer = new CancellationTokenSource();
                var woke = pass.WakeAtUtc is { } wakeAt ? await Task.WhenAny(changed, context.CreateTimer(wakeAt, stopTimer.Token)) : await Task.WhenAny(changed);
                stopTimer.Cancel();
                if (woke != changed)
                {
                    // The timer: the next generation runs what it knew would be due (each step's activity reads the log) or plans.
                    context.ContinueAsNew(new WorkflowCursor(instanceId, pass.AtWake(), cursor.Generation + 1));
                    return;
                }
            }

            // A change, and every change already delivered with it: the newest wins; the sweep's (null) asks for a plan.
            var planAfresh = false;
            var newest = pass;
            for (; changed.IsCompleted; changed = context.WaitForExternalEvent<WorkflowPass?>(ChangedEvent))
            {
                if (changed.Result is { } told) newest = newest.Newest(told);
                else planAfresh = true;
            }
            pass = planAfresh ? await PlanAsync(context, instanceId) : newest;
        }
    }

    /// <summary>
    /// Runs the due steps, together in one activity, until nothing is due or the run cap is reached; returns where the
    /// instance then stands. The activity records each step's failure itself; when it fails as a whole (storage), each
    /// step's attempt is recorded failed here, and a step it had recorded done stays done.
    /// </summary>
    private static async Task<WorkflowPass> RunDueStepsAsync(TaskOrchestrationContext context, string instanceId, WorkflowPass pass, int generation)
    {
        for (var runs = 0; pass.DueSteps.Count > 0 && runs < MaxStepRunsPerPass;)
        {
            context.SetCustomStatus(new OrchestrationState(OrchestrationState.RunningSteps, null, pass.Version, generation));
            var ran = pass;
            runs += ran.DueSteps.Count;
            try
            {
                pass = pass.Newest(await context.CallActivityAsync<WorkflowPass>(nameof(RunWorkflowSteps), new StepsCall(instanceId, ran.DueSteps)));
            }
            catch (TaskFailedException failure)
            {
                foreach (var step in ran.DueSteps)
                    pass = pass.Newest(await context.CallActivityAsync<WorkflowPass>(nameof(RecordWorkflowStepAttemptFailed),
                        new StepFailure(instanceId, step, ran.Version, failure.FailureDetails.ErrorMessage), Bookkeeping));
            }
        }
        return pass;
    }

    private static Task<WorkflowPass> PlanAsync(TaskOrchestrationContext context, string instanceId) =>
        context.CallActivityAsync<WorkflowPass>(nameof(PlanWorkflowPass), instanceId, Bookkeeping);

    [Function(nameof(PlanWorkflowPass))]
    public Task<WorkflowPass> PlanWorkflowPass([ActivityTrigger] string instanceId, CancellationToken cancellationToken) =>
        engine.PlanPassAsync(instanceId, cancellationToken);

    [Function(nameof(RunWorkflowSteps))]
    public Task<WorkflowPass> RunWorkflowSteps([ActivityTrigger] StepsCall steps, CancellationToken cancellationToken) =>
        engine.RunStepsAsync(steps.InstanceId, steps.StepIds, cancellationToken);

    [Function(nameof(RecordWorkflowStepAttemptFailed))]
    public Task<WorkflowPass> RecordWorkflowStepAttemptFailed([ActivityTrigger] StepFailure failure, CancellationToken cancellationToken) =>
        engine.RecordStepAttemptFailedAsync(failure.InstanceId, failure.StepId, failure.RanFromVersion, failure.Error, cancellationToken);
}
