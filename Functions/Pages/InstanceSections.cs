using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Pages;

/// <summary>
/// The sections an IRP's page and a probation inspection's page share (the documents received: <see cref="Documents.DocumentsSection"/>):
/// the emails sent (each opening through <c>{path}/emails/…</c>) and the history of events.
/// </summary>
public static class InstanceSections
{
    /// <param name="caption">What the table lists, e.g. "Every email this IRP has sent".</param>
    public static Html Emails(string path, IReadOnlyList<EmailRecord> emails, string caption, TimeZoneInfo zone) => Html.Of($"""
        <h2 class="govuk-heading-m" id="emails">Emails sent</h2>
        {(emails.Count == 0 ? Html.Of($"<p class=\"govuk-body\">None yet.</p>") : Html.Of($"""
            <table class="govuk-table" id="emails-table"><caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Sent</th><th scope="col" class="govuk-table__header">Subject</th><th scope="col" class="govuk-table__header">To</th><th scope="col" class="govuk-table__header">Copied to</th></tr></thead>
            <tbody class="govuk-table__body">{emails.Select(e => Html.Of($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{PageLayout.When(e.SentAt, zone)}</td><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"{path}/emails/{e.MessageId}\">{e.Subject}</a></th><td class=\"govuk-table__cell\">{string.Join(", ", e.To)}</td><td class=\"govuk-table__cell\">{string.Join(", ", e.Cc)}</td></tr>"))}</tbody></table>
            """))}
        """);

    /// <summary>Every event as MOJ Frontend's timeline, newest first as the MOJ Design System orders it, each with who caused it.</summary>
    public static Html History(IReadOnlyList<HistoryEntry> history, TimeZoneInfo zone) => Html.Of($"""
        <h2 class="govuk-heading-m" id="history">History</h2>
        <div class="moj-timeline" id="history-timeline">
        {history.Reverse().Select(h => Html.Of($"""
            <div class="moj-timeline__item">
            <div class="moj-timeline__header"><h3 class="moj-timeline__title">{h.Type}{(h.Step is { } step ? ": " + step : "")}</h3><p class="moj-timeline__byline">by {h.By ?? "not recorded"}</p></div>
            <p class="moj-timeline__date"><time datetime="{h.RecordedAt.ToString("O", PageLayout.English)}">{PageLayout.When(h.RecordedAt, zone)}</time></p>
            </div>
            """))}
        </div>
        """);
}
