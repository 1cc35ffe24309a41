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
        <h2 id="emails">Emails sent</h2>
        {(emails.Count == 0 ? Html.Of($"<p>None yet.</p>") : Html.Of($"""
            <table id="emails-table"><caption>{caption}</caption>
            <thead><tr><th scope="col">Sent</th><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Copied to</th></tr></thead>
            <tbody>{emails.Select(e => Html.Of($"<tr><td>{PageLayout.When(e.SentAt, zone)}</td><th scope=\"row\"><a href=\"{path}/emails/{e.MessageId}\">{e.Subject}</a></th><td>{string.Join(", ", e.To)}</td><td>{string.Join(", ", e.Cc)}</td></tr>"))}</tbody></table>
            """))}
        """);

    public static Html History(IReadOnlyList<HistoryEntry> history, TimeZoneInfo zone) => Html.Of($"""
        <h2 id="history">History</h2>
        <table id="history-table"><caption>Every event, oldest first, with who caused it</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">By</th></tr></thead>
        <tbody>{history.Select(h => Html.Of($"<tr><td>{PageLayout.When(h.RecordedAt, zone)}</td><td>{h.Type}{(h.Step is { } step ? ": " + step : "")}</td><td>{h.By ?? "not recorded"}</td></tr>"))}</tbody></table>
        """);
}
