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
/// on its next pass, and no history grows past one pass. Each pass plans, runs each due step as its own activity (retried
/// with back-off, then recorded failed while the others go on), waits for the earlier of the next due time and a change,
/// and continues as new.
/// </summary>
public sealed class WorkflowOrchestration(WorkflowEngine engine)
{
    public const string OrchestratorName = nameof(RunWorkflow);

    /// <summary>The event a command raises after changing an instance's log so that its orchestration plans again.</summary>
    public const string ChangedEvent = "InstanceChanged";

    [Function(nameof(RunWorkflow))]
    public static async Task RunWorkflow([OrchestrationTrigger] TaskOrchestrationContext context, string instanceId)
    {
        WorkflowPass pass;
        try
        {
            pass = await context.CallActivityAsync<WorkflowPass>(nameof(PlanWorkflowPass), instanceId);
        }
        catch (TaskFailedException failure)
        {
            // The log cannot be planned (a bug, or data no rule expected): mark this instance failed and stop. Others go on.
            await context.CallActivityAsync(nameof(RecordWorkflowFailed), new InstanceFailure(instanceId, failure.FailureDetails.ErrorMessage));
            throw;
        }
        if (pass.Finished) return;

        foreach (var step in pass.DueSteps)
        {
            try
            {
                await context.CallActivityAsync(nameof(RunWorkflowStep), new StepCall(instanceId, step), RetryOptions(pass.Retry));
            }
            catch (TaskFailedException failure)
            {
                await context.CallActivityAsync(nameof(RecordWorkflowStepFailed),
                    new StepFailure(instanceId, step, pass.Retry.MaxAttempts, failure.FailureDetails.ErrorMessage));
            }
        }

        if (pass.DueSteps.Count == 0)
        {
            using var stopWaiting = new CancellationTokenSource();
            var changed = context.WaitForExternalEvent<object?>(ChangedEvent, stopWaiting.Token);
            if (pass.WakeAtUtc is { } wakeAt) await Task.WhenAny(changed, context.CreateTimer(wakeAt, stopWaiting.Token));
            else await changed;
            stopWaiting.Cancel();
        }
        // Changes that arrive while steps run are kept for the next pass.
        context.ContinueAsNew(instanceId, preserveUnprocessedEvents: true);
    }

    [Function(nameof(PlanWorkflowPass))]
    public Task<WorkflowPass> PlanWorkflowPass([ActivityTrigger] string instanceId, CancellationToken cancellationToken) =>
        engine.PlanPassAsync(instanceId, cancellationToken);

    [Function(nameof(RunWorkflowStep))]
    public Task RunWorkflowStep([ActivityTrigger] StepCall step, CancellationToken cancellationToken) =>
        engine.RunStepAsync(step.InstanceId, step.StepId, cancellationToken);

    [Function(nameof(RecordWorkflowStepFailed))]
    public Task RecordWorkflowStepFailed([ActivityTrigger] StepFailure failure, CancellationToken cancellationToken) =>
        engine.RecordStepFailedAsync(failure.InstanceId, failure.StepId, failure.Attempts, failure.Error, cancellationToken);

    [Function(nameof(RecordWorkflowFailed))]
    public Task RecordWorkflowFailed([ActivityTrigger] InstanceFailure failure, CancellationToken cancellationToken) =>
        engine.RecordInstanceFailedAsync(failure.InstanceId, failure.Reason, cancellationToken);

    private static TaskOptions RetryOptions(StepRetry retry) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval));
}
