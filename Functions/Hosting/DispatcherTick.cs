using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Hosting;

/// <summary>
/// One tick of the dispatcher, wherever it is triggered (the in-process timer, the Functions TimerTrigger, the dev clock):
/// first record uploads that arrived without their completion call, so reminders see them, then run every due step.
/// </summary>
public sealed class DispatcherTick(WorkflowEngine engine, UploadReconciler uploads)
{
    /// <summary>Returns the number of steps run.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await uploads.ReconcileAsync(ct);
        return await engine.DispatchDueAsync(ct);
    }
}
