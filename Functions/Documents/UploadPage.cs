using IrpFlows.Pages;
using IrpFlows.Workflow;
using IrpFlows.Writing;

namespace IrpFlows.Documents;

/// <summary>
/// The upload page behind the links emailed to establishments and providers, rendered on the server: every checklist item
/// with its status and files, readable without JavaScript. With JavaScript (<c>/assets/upload.js</c>) each item gets a file input and an upload button that runs the upload protocol with a progress bar per
/// file. And the short page for a link that does not work. Framed by <see cref="UploadPageLayout"/>.
/// </summary>
public static class UploadPage
{
    public static Html Render(UploadAccess access, string token, UploadRules rules, TimeZoneInfo zone)
    {
        var page = access.Page;
        var contact = page.Contact;
        var documents = page.Documents;
        var received = documents.Count(d => d.Files.Count > 0);
        var accept = string.Join(",", rules.AllowedTypes.Keys.Order().Select(e => "." + e));
        var uploads = access.AcceptsUploads
            ? Html.Of($"""
                <p class="govuk-hint">Each file can be up to {UploadRules.Describe(rules.MaxFileSizeBytes)}, of these types: {string.Join(", ", rules.AllowedTypes.Keys.Order())}. You can upload several files for one item, and add more later.</p>
                <noscript><div class="govuk-inset-text">Uploading files from this page needs JavaScript. If you cannot turn it on, please email the documents to {contact.Email}.</div></noscript>
                """)
            : Html.Of($"<div class=\"govuk-warning-text\" role=\"alert\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>This {page.Noun} no longer accepts documents. Please contact the {page.ContactRole}.</strong></div>");
        return UploadPageLayout.Page($"Upload documents: {page.Subject}", page.Inspectorate, Html.Of($"""
            <h1 class="govuk-heading-l">{page.Heading}</h1>
            <p class="govuk-body-l">Please upload the documents below by <strong>{DateWords.LongDate(page.Deadline)}</strong>. {page.AfterDeadline}</p>
            <p class="govuk-body">If you have any questions, contact {contact.Name}, {page.ContactRole}, at <a class="govuk-link" href="mailto:{contact.Email}">{contact.Email}</a>.</p>
            <p id="summary" class="govuk-body govuk-!-font-weight-bold" aria-live="polite">{Summary(received, documents.Count)}</p>
            {uploads}
            <ol class="items app-upload-items">
            {documents.Select(d => Item(d.Item, d.Files, access.AcceptsUploads, accept, zone))}</ol>
            """),
            bodyAttributes: Html.Of($" data-api=\"/api/uploads/{token}\""),
            script: Html.When(access.AcceptsUploads, $"<script src=\"{SiteAssets.Url("upload.js")}\"></script>\n"));
    }

    /// <summary>A short page for a link that does not work: it says so and whom to contact, and nothing else.</summary>
    public static Html RenderRefusal(Refusal refusal) => UploadPageLayout.Page(refusal.Title, UploadPageLayout.PrisonsInspectorate, Html.Of($"""
        <h1 class="govuk-heading-l">{refusal.Title}</h1>
        <p class="govuk-body">{refusal.Detail}</p>
        <p class="govuk-body">If you need to send documents for an independent review of progress, please contact the coordinating inspector who wrote to you.</p>
        """));

    private static Html Item(DocumentItem item, IReadOnlyList<DocumentReceivedData> files, bool acceptsUploads, string accept, TimeZoneInfo zone)
    {
        var key = item.Key;
        var isReceived = files.Count > 0;
        return Html.Of($"""
            <li class="app-upload-item" id="item-{key}">
            <section aria-labelledby="title-{key}">
            <h2 class="govuk-heading-m" id="title-{key}">{item.Title}</h2>
            <p class="govuk-body"><strong class="govuk-tag status {(isReceived ? "received govuk-tag--green" : "missing govuk-tag--red")}" id="status-{key}">{(isReceived ? "Received" : "Missing")}</strong></p>
            <p class="govuk-body">{item.Description}</p>
            <ul class="govuk-list app-upload-files" id="files-{key}" aria-label="Files received for {item.Title}">{files.Select(f => UploadPageLayout.ReceivedFile(f.FileName, f.Size, f.ReceivedAt, zone))}</ul>
            {Html.When(acceptsUploads, $"""
                <form class="upload" data-key="{key}" hidden>
                <div class="govuk-form-group">
                <label class="govuk-label" for="input-{key}">Choose files for {item.Title}</label>
                <input class="govuk-file-upload" type="file" id="input-{key}" name="files" multiple accept="{accept}">
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button">Upload</button>
                <ul class="progress-list app-upload-progress" aria-label="Uploads in progress for {item.Title}"></ul>
                <p class="message govuk-body" id="message-{key}" role="status" aria-live="polite"></p>
                </form>

                """)}</section>
            </li>

            """);
    }

    private static string Summary(int received, int total) =>
        received == total ? $"All {total} documents have been received. Thank you." : $"{received} of {total} documents received.";
}
