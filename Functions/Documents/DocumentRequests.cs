using IrpFlows.Mail;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Documents;

/// <summary>One document an inspected body is asked for. <see cref="Key"/> is stable: it names upload URLs and blobs.</summary>
/// <param name="Source">Where the ask comes from, e.g. "Prison guide 7.3".</param>
public sealed record DocumentItem(string Key, string Title, string Description, string Source);

/// <summary>What an upload page shows of one instance: who asks, for what, by when, and what has arrived.</summary>
/// <param name="Inspectorate">"HM Inspectorate of Prisons", "HM Inspectorate of Probation".</param>
/// <param name="Subject">Who is asked: the establishment or organisation, as the page's title names it.</param>
/// <param name="Heading">The page's heading, e.g. "Documents for the independent review of progress at HMP Elmley".</param>
/// <param name="Noun">What the instance is called in refusals: "review", "inspection".</param>
/// <param name="Deadline">When everything is due.</param>
/// <param name="AfterDeadline">A sentence after the deadline's, e.g. "The visit starts on Monday 15 February 2027."</param>
/// <param name="Contact">Who to ask, and their role ("coordinating inspector").</param>
public sealed record DocumentRequestPage(
    string Inspectorate, string Subject, string Heading, string Noun, DateOnly Deadline, string AfterDeadline, Contact Contact, string ContactRole,
    IReadOnlyList<(DocumentItem Item, IReadOnlyList<DocumentReceivedData> Files)> Documents);

/// <summary>
/// A workflow kind that asks for documents through upload links (<c>/upload/{token}</c>): an IRP its documents, a probation
/// inspection its evidence in advance and case sample. The upload protocol, storage and reconciliation are shared.
/// </summary>
public interface IDocumentRequests
{
    /// <summary>The workflow kind (<see cref="IWorkflowKind.Name"/>) this serves.</summary>
    string Kind { get; }

    DocumentRequestPage Page(InstanceStatus status);

    /// <summary>Records a file that arrived for a checklist item; idempotent by blob name. A refusal (a conflict) once the instance is finished.</summary>
    Task<Refusal?> RecordAsync(string instanceId, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct);
}
