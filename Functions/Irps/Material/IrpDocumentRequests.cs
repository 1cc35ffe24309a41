using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;
using IrpFlows.Workflow;
using IrpFlows.Writing;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Irps.Material;

/// <summary>An IRP's document requests (prison guide 7.3, IRC guide 2.7), as its upload page has always shown them.</summary>
public sealed class IrpDocumentRequests(IrpWorkflow workflow, IrpService irps) : IDocumentRequests
{
    public string Kind => IrpWorkflow.KindName;

    public DocumentRequestPage Page(InstanceStatus status)
    {
        var state = IrpState.From(status.Instance);
        var facts = state.Facts;
        var deadline = workflow.Timeline(state).Single(s => s.Id == IrpSteps.DocumentsDeadline).Date;
        return new DocumentRequestPage("HM Inspectorate of Prisons", facts.Establishment.Name, $"Documents for the independent review of progress at {facts.Establishment.Name}", "review",
            deadline, $"The visit starts on {DateWords.LongDate(facts.VisitStart)}.", facts.Contacts.Coordinator, "coordinating inspector", state.Documents);
    }

    public Task<Refusal?> RecordAsync(string instanceId, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        irps.RecordDocumentAsync(instanceId, file, durable, ct);
}
