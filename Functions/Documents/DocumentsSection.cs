using IrpFlows.Pages;

namespace IrpFlows.Documents;

/// <summary>
/// The documents an IRP or a probation inspection received, as both their coordinator pages show them: each requested item
/// with its status, and each file opening through <c>{path}/documents/{key}/files/{name}</c>.
/// </summary>
public static class DocumentsSection
{
    /// <param name="path">The page's own address, e.g. <c>/irps/{id}</c>.</param>
    /// <param name="uploadPage">Who the upload page is for, e.g. "The establishment's upload page", when there is a link to show.</param>
    public static Html Render(string path, IReadOnlyList<DocumentView> documents, Uri? uploadLink, string uploadPage, TimeZoneInfo zone) => Html.Of($"""
        <h2 class="govuk-heading-m" id="documents">Documents</h2>
        <p class="govuk-body">{documents.Count(d => d.Status == "received")} of {documents.Count} received.{(uploadLink is { } link ? Html.Of($" {uploadPage}: <a class=\"govuk-link\" href=\"{link.AbsoluteUri}\">upload link</a>.") : Html.Empty)}</p>
        <table class="govuk-table" id="documents-table"><caption class="govuk-table__caption govuk-table__caption--s">Documents requested</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Document</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Files</th></tr></thead>
        <tbody class="govuk-table__body">{documents.Select(d => Html.Of($"""
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{d.Title}{PageLayout.Note(d.Source)}</th><td class="govuk-table__cell">{PageLayout.StatusTag(d.Status)}</td>
            <td class="govuk-table__cell">{(d.Files.Count == 0 ? Html.Of($"–") : Html.Of($"<ul class=\"govuk-list\">{d.Files.Select(f => Html.Of($"<li><a class=\"govuk-link\" href=\"{path}/documents/{d.Key}/files/{Uri.EscapeDataString(f.Name)}\">{f.Name}</a>{PageLayout.Note(PageLayout.When(f.ReceivedAt, zone))}</li>"))}</ul>"))}</td></tr>
            """))}</tbody></table>
        """);
}
