using System.Globalization;
using System.Text.Json.Nodes;

namespace IrpFlows.Workflow;

/// <summary>One step of an instance that still asks something of the person who runs it: its title on the timeline and its date.</summary>
/// <param name="Failed">Its attempts ran out and it waits for a retry; otherwise it is still to come, or late.</param>
public sealed record AgendaItem(string Title, DateOnly Date, bool Failed);

/// <summary>
/// Who runs an instance (an IRP's coordinator, a probation inspection's lead inspector) and what of it is not yet done, as its
/// header keeps them: what the weekly digest reads, so that it reads one header per running instance and no log.
/// Whether an item is overdue or due soon depends on the day, so the reader judges that.
/// </summary>
/// <param name="Title">The instance as a subject line names it ("Independent review of progress at HMP Elmley").</param>
/// <param name="PagePath">Its page, relative to the app's public address ("irps/{id}").</param>
/// <param name="Inspectorate">Who runs it ("HM Inspectorate of Prisons").</param>
/// <param name="Items">Every step not done, skipped or waived, in timeline order, failed ones included.</param>
public sealed record WorkflowAgenda(
    string OwnerName, string OwnerEmail, string Title, string PagePath, string Inspectorate, IReadOnlyList<AgendaItem> Items)
{
    /// <summary>The field of a plan's <see cref="WorkflowPlan.Summary"/> that keeps the agenda.</summary>
    public const string SummaryField = "agenda";

    /// <summary>The agenda as a summary keeps it (everything but what the kind knows without it: page and inspectorate).</summary>
    public static JsonObject ToSummary(string ownerName, string ownerEmail, string title, IEnumerable<AgendaItem> items) => new()
    {
        ["owner"] = new JsonObject { ["name"] = ownerName, ["email"] = ownerEmail },
        ["title"] = title,
        ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
        {
            ["title"] = i.Title, ["date"] = i.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["failed"] = i.Failed,
        }).ToArray()),
    };

    /// <summary>The agenda a header's summary keeps; null for a header planned before summaries kept one.</summary>
    public static WorkflowAgenda? FromSummary(JsonObject summary, string pagePath, string inspectorate) =>
        summary[SummaryField] is JsonObject agenda
            ? new WorkflowAgenda(agenda["owner"]!["name"]!.GetValue<string>(), agenda["owner"]!["email"]!.GetValue<string>(),
                agenda["title"]!.GetValue<string>(), pagePath, inspectorate,
                agenda["items"]!.AsArray().Select(i => new AgendaItem(i!["title"]!.GetValue<string>(),
                    DateOnly.ParseExact(i["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), i["failed"]!.GetValue<bool>())).ToList())
            : null;
}
