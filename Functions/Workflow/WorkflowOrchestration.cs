using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Workflow;

/// <summary>A step of an instance, as an activity's input.</summary>
public sealed record StepCall(string InstanceId, string StepId);

/// <summary>A step whose attempts ran out, as an activity's input.</summary>
public sealed record StepFailure(string InstanceId, string StepId, int Attempts, string Error);

/// <summary>An instance whose log could not be planned, as an activity's input.</summary>
public sealed record InstanceFailure(string InstanceId, string Reason);

/// <summary>
/// One Durable orchestration per workflow instance (an IRP; instance id = its id), kept thin because Durable replays it
/// against its history: every rule lives in the activities, so a fixed rule or a new step reaches every instance in flight
/// on its next pass. A pass runs each due step as its own activity (retried with back-off, then recorded failed while the
/// others go on); each activity answers with where the instance then stands, so steps that fall due together, or because
/// of one another, run in the same pass. Then it waits for the earlier of the next due time and a change, and continues
/// as new, so no history grows past one pass: after its timer, with the steps it knew would be due then; after a change,
/// planning afresh.
/// </summary>
public sealed class WorkflowOrchestration(WorkflowEngine engine)
{
    public const string OrchestratorName = nameof(RunWorkflow);

    /// <summary>The event a command raises after changing an instance's log so that its orchestration plans again.</summary>
    public const string ChangedEvent = "InstanceChanged";

    // A pass whose steps keep making others due (a bug) ends here and plans afresh, rather than spin inside one history.
    private const int MaxStepRunsPerPass = 100;

    [Function(nameof(RunWorkflow))]
    public static async Task RunWorkflow([OrchestrationTrigger] TaskOrchestrationContext context, WorkflowCursor cursor)
    {
        var instanceId = cursor.InstanceId;
        WorkflowPass pass;
        try
        {
            pass = cursor.Pass ?? await context.CallActivityAsync<WorkflowPass>(nameof(PlanWorkflowPass), instanceId);
        }
        catch (TaskFailedException failure)
        {
            // The log cannot be planned (a bug, or data no rule expected): mark this instance failed and stop. Others go on.
            await context.CallActivityAsync(nameof(RecordWorkflowFailed), new InstanceFailure(instanceId, failure.FailureDetails.ErrorMessage));
            throw;
        }

        for (var runs = 0; pass.DueSteps.Count > 0 && runs < MaxStepRunsPerPass;)
        {
            var due = pass.DueSteps;
            foreach (var step in due)
            {
                runs++;
                try
                {
                    pass = await context.CallActivityAsync<WorkflowPass>(nameof(RunWorkflowStep), new StepCall(instanceId, step), RetryOptions(pass.Retry));
                }
                catch (TaskFailedException failure)
                {
                    pass = await context.CallActivityAsync<WorkflowPass>(nameof(RecordWorkflowStepFailed),
                        new StepFailure(instanceId, step, pass.Retry.MaxAttempts, failure.FailureDetails.ErrorMessage));
                }
            }
        }
        if (pass.Finished) return;
        if (pass.DueSteps.Count > 0)
        {
            context.ContinueAsNew(new WorkflowCursor(instanceId, null), preserveUnprocessedEvents: true);
            return;
        }

        using var stopWaiting = new CancellationTokenSource();
        // A change carries where the instance stood after it (null from the sweep: plan afresh).
        var changed = context.WaitForExternalEvent<WorkflowPass?>(ChangedEvent, stopWaiting.Token);
        var woke = pass.WakeAtUtc is { } wakeAt ? await Task.WhenAny(changed, context.CreateTimer(wakeAt, stopWaiting.Token)) : await Task.WhenAny(changed);
        stopWaiting.Cancel();
        // Changes that arrive meanwhile are kept for the next pass, in order, so the latest is followed last. A step a
        // stale pass lists runs only if it is still due when its activity looks.
        context.ContinueAsNew(new WorkflowCursor(instanceId, woke == changed ? changed.Result : pass.AtWake()), preserveUnprocessedEvents: true);
    }

    [Function(nameof(PlanWorkflowPass))]
    public Task<WorkflowPass> PlanWorkflowPass([ActivityTrigger] string instanceId, CancellationToken cancellationToken) =>
        engine.PlanPassAsync(instanceId, cancellationToken);

    [Function(nameof(RunWorkflowStep))]
    public Task<WorkflowPass> RunWorkflowStep([ActivityTrigger] StepCall step, CancellationToken cancellationToken) =>
        engine.RunStepAsync(step.InstanceId, step.StepId, cancellationToken);

    [Function(nameof(RecordWorkflowStepFailed))]
    public Task<WorkflowPass> RecordWorkflowStepFailed([ActivityTrigger] StepFailure failure, CancellationToken cancellationToken) =>
        engine.RecordStepFailedAsync(failure.InstanceId, failure.StepId, failure.Attempts, failure.Error, cancellationToken);

    [Function(nameof(RecordWorkflowFailed))]
    public Task RecordWorkflowFailed([ActivityTrigger] InstanceFailure failure, CancellationToken cancellationToken) =>
        engine.RecordInstanceFailedAsync(failure.InstanceId, failure.Reason, cancellationToken);

    private static TaskOptions RetryOptions(StepRetry retry) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval));
}
