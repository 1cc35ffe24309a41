using IrpFlows.Documents;
using IrpFlows.Workflow;
using IrpFlows.Writing;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Probation;

/// <summary>
/// What a probation inspection asks the organisation to upload, through the same links and page as an IRP's documents:
/// the evidence in advance (manual 3.6) and each case sample (4.1, 4.4, <see cref="ProbationSamples"/>), then, once the draft
/// report is issued, the factual accuracy comments (7.3). A sample or comments file arriving counts as its return.
/// </summary>
public sealed class ProbationDocuments(ProbationWorkflow workflow, ProbationService inspections) : IDocumentRequests
{
    public const string EvidenceInAdvance = "evidence-in-advance";
    public const string FactualAccuracyComments = "factual-accuracy-comments";

    /// <summary>
    /// The items asked for so far: the comments only once there is a draft to comment on. A CRC inspection started before each
    /// sample was asked for on its own keeps the single case sample it was sent, when files came for it.
    /// </summary>
    public static IReadOnlyList<DocumentItem> Checklist(OrganisationType type, ProbationProgress progress, IReadOnlyList<DocumentReceivedData> received) =>
    [
        new(EvidenceInAdvance, "Evidence in advance",
            "Your best evidence against the domain one standards, each item named in the evidence source grid, and the annex on your operating model in plain English, without staff names.",
            "Probation manual 3.6"),
        .. ProbationSamples.For(type),
        .. type == OrganisationType.Crc && received.Any(f => f.Key == ProbationSamples.CourtReports)
            ? new DocumentItem[] { new(ProbationSamples.CourtReports, "Case sample", "The case sample lists, as first asked for.", "Probation manual 4.4") }
            : [],
        .. progress.DraftIssued
            ? new DocumentItem[] { new(FactualAccuracyComments, "Factual accuracy comments",
                "Your comments on the factual accuracy of the draft report, using the template the draft came with.", "Probation manual 7.3") }
            : [],
    ];

    public string Kind => ProbationWorkflow.KindName;

    public DocumentRequestPage Page(InstanceStatus status)
    {
        var state = ProbationState.From(status.Instance);
        var timeline = workflow.Timeline(state);
        DateOnly Date(string step) => timeline.Single(s => s.Id == step).Date;
        var organisation = state.Facts.Organisation.Name;
        var lead = state.Facts.Contacts.LeadInspector;
        return state.Progress.DraftIssued
            ? new DocumentRequestPage("HM Inspectorate of Probation", organisation, $"Factual accuracy comments for the inspection of {organisation}", "inspection",
                Date(ProbationSteps.FactualAccuracyDeadline), "Please send them to the lead inspector and the head of inspection by then.", lead, "lead inspector", state.Documents)
            : new DocumentRequestPage("HM Inspectorate of Probation", organisation, $"Evidence and case samples for the inspection of {organisation}", "inspection",
                Date(ProbationSteps.CaseSampleReturn),
                $"The domain two long list is due by {DateWords.LongDate(Date(ProbationSteps.DomainTwoLongList))}, the evidence in advance by "
                + $"{DateWords.LongDate(Date(ProbationSteps.EvidenceInAdvance))}, the provisional list back by {DateWords.LongDate(Date(ProbationSteps.DomainTwoSampleReturn))}, "
                + $"and the domain three samples by 16:00 on the last day; fieldwork starts on {DateWords.LongDate(Date(ProbationSteps.FieldworkWeek1))}.",
                lead, "lead inspector", state.Documents);
    }

    public Task<Refusal?> RecordAsync(string instanceId, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        inspections.RecordDocumentAsync(instanceId, file, durable, ct);

    /// <summary>
    /// The upload link for an inspection, valid (plus the grace period) until the last thing it collects is due: the case
    /// sample, or once the draft is issued the factual accuracy comments. The same state gives the same link.
    /// </summary>
    public static Uri Link(UploadLinks links, string instanceId, ProbationProgress progress, IReadOnlyList<PlannedStep> timeline) =>
        links.For(instanceId, timeline.Single(s => s.Id == (progress.DraftIssued ? ProbationSteps.FactualAccuracyDeadline : ProbationSteps.CaseSampleReturn)).Date);
}
