using IrpFlows.Documents;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Hosting;

/// <summary>
/// Every minute: records uploads whose completion call never came (so reminders do not chase what arrived), then wakes any
/// instance whose orchestration missed a change or a start (see <see cref="WorkflowEngine.SweepAsync"/>). With nothing
/// pending it costs two table queries.
/// </summary>
public sealed class SweepFunction(UploadReconciler uploads, WorkflowEngine engine, StorageInitializer storage)
{
    [Function(nameof(Sweep))]
    public async Task Sweep([TimerTrigger("0 */1 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        if (!storage.Ready.IsCompletedSuccessfully) return; // the next sweep will do it
        await uploads.ReconcileAsync(durable, ct);
        await engine.SweepAsync(durable, ct);
    }
}
