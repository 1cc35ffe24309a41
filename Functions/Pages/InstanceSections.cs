using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Pages;

/// <summary>
/// The sections an IRP's page and a probation inspection's page share: the documents received (each file opening through
/// <c>{path}/documents/…</c>), the emails sent (each opening through <c>{path}/emails/…</c>) and the history of events.
/// </summary>
public static class InstanceSections
{
    /// <param name="path">The page's own address, e.g. <c>/irps/{id}</c>.</param>
    /// <param name="uploadPage">Who the upload page is for, e.g. "The establishment's upload page", when there is a link to show.</param>
    public static Html Documents(string path, IReadOnlyList<DocumentView> documents, Uri? uploadLink, string uploadPage, TimeZoneInfo zone) => Html.Of($"""
        <h2 id="documents">Documents</h2>
        <p>{documents.Count(d => d.Status == "received")} of {documents.Count} received.{(uploadLink is { } link ? Html.Of($" {uploadPage}: <a href=\"{link.AbsoluteUri}\">upload link</a>.") : Html.Empty)}</p>
        <table id="documents-table"><caption>Documents requested</caption>
        <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Files</th></tr></thead>
        <tbody>{documents.Select(d => Html.Of($"""
            <tr><th scope="row">{d.Title}<br><span class="hint">{d.Source}</span></th><td><span class="tag {d.Status}">{d.Status}</span></td>
            <td>{(d.Files.Count == 0 ? Html.Of($"–") : Html.Of($"<ul>{d.Files.Select(f => Html.Of($"<li><a href=\"{path}/documents/{d.Key}/files/{Uri.EscapeDataString(f.Name)}\">{f.Name}</a> <span class=\"hint\">{PageLayout.When(f.ReceivedAt, zone)}</span></li>"))}</ul>"))}</td></tr>
            """))}</tbody></table>
        """);

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
