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
        <h2 id="documents">Documents</h2>
        <p>{documents.Count(d => d.Status == "received")} of {documents.Count} received.{(uploadLink is { } link ? Html.Of($" {uploadPage}: <a href=\"{link.AbsoluteUri}\">upload link</a>.") : Html.Empty)}</p>
        <table id="documents-table"><caption>Documents requested</caption>
        <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Files</th></tr></thead>
        <tbody>{documents.Select(d => Html.Of($"""
            <tr><th scope="row">{d.Title}<br><span class="hint">{d.Source}</span></th><td>{PageLayout.StatusTag(d.Status)}</td>
            <td>{(d.Files.Count == 0 ? Html.Of($"–") : Html.Of($"<ul>{d.Files.Select(f => Html.Of($"<li><a href=\"{path}/documents/{d.Key}/files/{Uri.EscapeDataString(f.Name)}\">{f.Name}</a> <span class=\"hint\">{PageLayout.When(f.ReceivedAt, zone)}</span></li>"))}</ul>"))}</td></tr>
            """))}</tbody></table>
        """);
}
