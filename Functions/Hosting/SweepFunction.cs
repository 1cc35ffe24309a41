using IrpFlows.Documents;
using IrpFlows.Storage;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Hosting;

/// <summary>
/// Every minute: records uploads whose completion call never came (so reminders do not chase what arrived), then wakes any
/// instance whose orchestration missed a change or a start (see <see cref="WorkflowEngine.SweepAsync"/>). With nothing
/// pending it costs two table queries. While storage is not available it does nothing, and a sweep that meets an outage
/// tells <see cref="StorageInitializer"/> (one warning for the outage, not a stack trace a minute): the first sweep after
/// storage is back does what was missed.
/// </summary>
public sealed class SweepFunction(UploadReconciler uploads, WorkflowEngine engine, StorageInitializer storage)
{
    [Function(nameof(Sweep))]
    public async Task Sweep([TimerTrigger("0 */1 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        if (!storage.IsAvailable) return;
        try
        {
            await uploads.ReconcileAsync(durable, ct);
            await engine.SweepAsync(durable, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && StorageInitializer.IsOutage(e))
        {
            storage.ReportUnavailable("The sweep could not reach storage: " + StorageInitializer.FirstLine(e.Message));
        }
    }
}
