using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Probation;

/// <summary>
/// What a probation inspection asks the organisation to upload, through the same links and page as an IRP's documents:
/// the evidence in advance (manual 3.6) and the case sample (4.4). A case sample file arriving counts as its return.
/// </summary>
public sealed class ProbationDocuments(ProbationWorkflow workflow, ProbationService inspections) : IDocumentRequests
{
    public const string EvidenceInAdvance = "evidence-in-advance";
    public const string CaseSample = "case-sample";

    public static readonly IReadOnlyList<DocumentItem> Checklist =
    [
        new(EvidenceInAdvance, "Evidence in advance",
            "Your best evidence against the domain one standards, each item named in the evidence source grid, and the annex on your operating model in plain English, without staff names.",
            "Probation manual 3.6"),
        new(CaseSample, "Case sample",
            "The case sample lists completed to the case sample specification: exclusions identified and responsible officers' availability given.",
            "Probation manual 4.4"),
    ];

    public string Kind => ProbationWorkflow.KindName;

    public DocumentRequestPage Page(InstanceStatus status)
    {
        var state = ProbationState.From(status.Instance);
        var timeline = workflow.Timeline(state);
        DateOnly Date(string step) => timeline.Single(s => s.Id == step).Date;
        return new DocumentRequestPage("HM Inspectorate of Probation", state.Facts.Organisation.Name,
            $"Evidence and case sample for the inspection of {state.Facts.Organisation.Name}", "inspection", Date(ProbationSteps.CaseSampleReturn),
            $"The evidence in advance is due by {UploadPage.LongDate(Date(ProbationSteps.EvidenceInAdvance))}, the case sample by 16:00 on the last day; fieldwork starts on {UploadPage.LongDate(Date(ProbationSteps.FieldworkWeek1))}.",
            state.Facts.Contacts.LeadInspector, "lead inspector", state.Documents);
    }

    public Task<Refusal?> RecordAsync(string instanceId, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        inspections.RecordDocumentAsync(instanceId, file, durable, ct);

    /// <summary>The upload link for an inspection: valid until the case sample is due (plus the grace period), the last thing it collects.</summary>
    public static Uri Link(UploadLinks links, string instanceId, IReadOnlyList<IrpFlows.Timeline.PlannedStep> timeline) =>
        links.For(instanceId, timeline.Single(s => s.Id == ProbationSteps.CaseSampleReturn).Date);
}
