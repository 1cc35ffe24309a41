using IrpFlows.Pages;
using IrpFlows.Workflow;
using IrpFlows.Writing;

namespace IrpFlows.Documents;

/// <summary>
/// The upload page behind the links emailed to establishments and providers, rendered on the server: every checklist item
/// with its status and files, readable without JavaScript. With JavaScript (<c>upload.js</c>, inlined with the page's CSP
/// <c>nonce</c>) each item gets a file input and an upload button that runs the upload protocol with a progress bar per
/// file. And the short page for a link that does not work. Framed by <see cref="UploadPageLayout"/>.
/// </summary>
public static class UploadPage
{
    // This app's own file, inlined as it is.
    private static readonly Html Script = Html.Trusted(UploadPageLayout.Resource("upload.js"));

    public static Html Render(UploadAccess access, string token, UploadRules rules, TimeZoneInfo zone, string nonce)
    {
        var page = access.Page;
        var contact = page.Contact;
        var documents = page.Documents;
        var received = documents.Count(d => d.Files.Count > 0);
        var accept = string.Join(",", rules.AllowedTypes.Keys.Order().Select(e => "." + e));
        var uploads = access.AcceptsUploads
            ? Html.Of($"""
                <p class="hint">Each file can be up to {UploadRules.Describe(rules.MaxFileSizeBytes)}, of these types: {string.Join(", ", rules.AllowedTypes.Keys.Order())}. You can upload several files for one item, and add more later.</p>
                <noscript><p class="notice">Uploading files from this page needs JavaScript. If you cannot turn it on, please email the documents to {contact.Email}.</p></noscript>
                """)
            : Html.Of($"<p class=\"notice\" role=\"alert\">This {page.Noun} no longer accepts documents. Please contact the {page.ContactRole}.</p>");
        return UploadPageLayout.Page($"Upload documents: {page.Subject}", page.Inspectorate, Html.Of($"""
            <h1>{page.Heading}</h1>
            <p class="lead">Please upload the documents below by <strong>{DateWords.LongDate(page.Deadline)}</strong>. {page.AfterDeadline}</p>
            <p>If you have any questions, contact {contact.Name}, {page.ContactRole}, at <a href="mailto:{contact.Email}">{contact.Email}</a>.</p>
            <p id="summary" class="summary" aria-live="polite">{Summary(received, documents.Count)}</p>
            {uploads}
            <ol class="items">
            {documents.Select(d => Item(d.Item, d.Files, access.AcceptsUploads, accept, zone))}</ol>
            """),
            bodyAttributes: Html.Of($" data-api=\"/api/uploads/{token}\""),
            script: Html.When(access.AcceptsUploads, $"<script nonce=\"{nonce}\">{Script}</script>\n"));
    }

    /// <summary>A short page for a link that does not work: it says so and whom to contact, and nothing else.</summary>
    public static Html RenderRefusal(Refusal refusal) => UploadPageLayout.Page(refusal.Title, UploadPageLayout.PrisonsInspectorate, Html.Of($"""
        <h1>{refusal.Title}</h1>
        <p>{refusal.Detail}</p>
        <p>If you need to send documents for an independent review of progress, please contact the coordinating inspector who wrote to you.</p>
        """));

    private static Html Item(DocumentItem item, IReadOnlyList<DocumentReceivedData> files, bool acceptsUploads, string accept, TimeZoneInfo zone)
    {
        var key = item.Key;
        var isReceived = files.Count > 0;
        return Html.Of($"""
            <li class="item" id="item-{key}">
            <section aria-labelledby="title-{key}">
            <h2 id="title-{key}">{item.Title}</h2>
            <p class="status {(isReceived ? "received" : "missing")}" id="status-{key}">{(isReceived ? "Received" : "Missing")}</p>
            <p>{item.Description}</p>
            <ul class="files" id="files-{key}" aria-label="Files received for {item.Title}">{files.Select(f => UploadPageLayout.ReceivedFile(f.FileName, f.Size, f.ReceivedAt, zone))}</ul>
            {Html.When(acceptsUploads, $"""
                <form class="upload" data-key="{key}" hidden>
                <label for="input-{key}">Choose files for {item.Title}</label>
                <input type="file" id="input-{key}" name="files" multiple accept="{accept}">
                <button type="submit">Upload</button>
                <ul class="progress-list" aria-label="Uploads in progress for {item.Title}"></ul>
                <p class="message" id="message-{key}" role="status" aria-live="polite"></p>
                </form>

                """)}</section>
            </li>

            """);
    }

    private static string Summary(int received, int total) =>
        received == total ? $"All {total} documents have been received. Thank you." : $"{received} of {total} documents received.";
}
