using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using IrpFlows.Irps;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Documents;

/// <summary>
/// The pages behind the links emailed to establishments, rendered on the server. The upload page: every checklist item with
/// its status and files, readable without JavaScript. With JavaScript each item gets a file input and an upload button that runs the upload protocol
/// with a progress bar per file. The fact-check page: the draft, the comments received and a plain form to upload more,
/// which needs no JavaScript. No external resources; the one inline script carries <c>nonce</c> for the page's CSP.
/// Every value that came from a person is HTML-encoded.
/// </summary>
public static class UploadPage
{
    // The app runs in globalisation-invariant mode; the invariant culture's day and month names are English.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Render(UploadAccess access, string token, UploadRules rules, TimeZoneInfo zone, string nonce)
    {
        var page = access.Page;
        var contact = page.Contact;
        var documents = page.Documents;
        var received = documents.Count(d => d.Files.Count > 0);
        var accept = string.Join(",", rules.AllowedTypes.Keys.Order().Select(e => "." + e));

        var html = new StringBuilder();
        html.Append($"""
            {Head($"Upload documents: {page.Subject}", page.Inspectorate)}
            <body data-api="/api/uploads/{E(token)}">
            <header class="banner"><p>{E(page.Inspectorate)}</p></header>
            <main>
            <h1>{E(page.Heading)}</h1>
            <p class="lead">Please upload the documents below by <strong>{LongDate(page.Deadline)}</strong>. {E(page.AfterDeadline)}</p>
            <p>If you have any questions, contact {E(contact.Name)}, {E(page.ContactRole)}, at <a href="mailto:{E(contact.Email)}">{E(contact.Email)}</a>.</p>
            <p id="summary" class="summary" aria-live="polite">{Summary(received, documents.Count)}</p>
            """);
        if (!access.AcceptsUploads)
        {
            html.Append($"<p class=\"notice\" role=\"alert\">This {E(page.Noun)} no longer accepts documents. Please contact the {E(page.ContactRole)}.</p>\n");
        }
        else
        {
            html.Append($"""
                <p class="hint">Each file can be up to {UploadRules.Describe(rules.MaxFileSizeBytes)}, of these types: {E(string.Join(", ", rules.AllowedTypes.Keys.Order()))}. You can upload several files for one item, and add more later.</p>
                <noscript><p class="notice">Uploading files from this page needs JavaScript. If you cannot turn it on, please email the documents to {E(contact.Email)}.</p></noscript>
                """);
        }
        html.Append("<ol class=\"items\">\n");
        foreach (var (item, files) in documents)
        {
            var key = E(item.Key);
            var isReceived = files.Count > 0;
            html.Append($"""
                <li class="item" id="item-{key}">
                <section aria-labelledby="title-{key}">
                <h2 id="title-{key}">{E(item.Title)}</h2>
                <p class="status {(isReceived ? "received" : "missing")}" id="status-{key}">{(isReceived ? "Received" : "Missing")}</p>
                <p>{E(item.Description)}</p>
                <ul class="files" id="files-{key}" aria-label="Files received for {E(item.Title)}">
                """);
            foreach (var file in files)
            {
                html.Append($"<li><span class=\"name\">{E(file.FileName)}</span> <span class=\"meta\">{UploadRules.Describe(file.Size)}, received {E(When(file.ReceivedAt, zone))}</span></li>\n");
            }
            html.Append("</ul>\n");
            if (access.AcceptsUploads)
            {
                html.Append($"""
                    <form class="upload" data-key="{key}" hidden>
                    <label for="input-{key}">Choose files for {E(item.Title)}</label>
                    <input type="file" id="input-{key}" name="files" multiple accept="{E(accept)}">
                    <button type="submit">Upload</button>
                    <ul class="progress-list" aria-label="Uploads in progress for {E(item.Title)}"></ul>
                    <p class="message" id="message-{key}" role="status" aria-live="polite"></p>
                    </form>
                    """);
            }
            html.Append("</section>\n</li>\n");
        }
        html.Append("</ol>\n</main>\n");
        if (access.AcceptsUploads) html.Append($"<script nonce=\"{E(nonce)}\">{Script}</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The fact-check comments page: the deadline, a link to the draft (when it is still available), the comment files
    /// received so far and a plain multipart form (field <c>comments</c>) that posts back to the page's own address.
    /// <paramref name="message"/> is the outcome of the last upload, if any.
    /// </summary>
    public static string RenderFactCheck(FactCheckPageView view, TimeZoneInfo zone, PageMessage? message)
    {
        var establishment = view.Establishment;
        var coordinator = view.Coordinator;
        var html = new StringBuilder();
        html.Append($"""
            {Head($"Fact-check comments: {establishment}")}
            <body>
            <header class="banner"><p>HM Inspectorate of Prisons</p></header>
            <main>
            <h1>Comments on the draft report for {E(establishment)}</h1>

            """);
        if (message is not null)
        {
            html.Append(message.IsError
                ? $"<p class=\"notice\" role=\"alert\">{E(message.Text)}</p>\n"
                : $"<p class=\"confirmation\" role=\"status\">{E(message.Text)}</p>\n");
        }
        html.Append($"""
            <p class="lead">Please upload any corrections of fact to the draft report of our independent review of progress, with supporting evidence where possible, by <strong>{LongDate(view.Deadline)}</strong>.</p>

            """);
        html.Append(view.DraftLink is { } draft
            ? $"<p><a href=\"{E(draft.AbsoluteUri)}\">Read the draft report</a>. It is confidential until publication, so please share it only with those who need to check it.</p>\n"
            : "<p>The draft report is not available from this page.</p>\n");
        html.Append($"""
            <p>If you have any questions, or prefer to send your comments by email, contact {E(coordinator.Name)}, coordinating inspector, at <a href="mailto:{E(coordinator.Email)}">{E(coordinator.Email)}</a>.</p>
            <h2 id="received-title">Comments received</h2>

            """);
        if (view.Comments.Count == 0)
        {
            html.Append("<p id=\"received\">No comments have been received yet.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"files\" id=\"received\" aria-labelledby=\"received-title\">\n");
            foreach (var file in view.Comments)
            {
                html.Append($"<li><span class=\"name\">{E(file.FileName)}</span> <span class=\"meta\">{UploadRules.Describe(file.Size)}, received {E(When(file.UploadedAt, zone))}</span></li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append($"""
            <h2>Upload comments</h2>
            <form class="upload" method="post" enctype="multipart/form-data">
            <label for="comments">Choose a file of comments</label>
            <p class="hint" id="comments-hint">A PDF or Word (.docx) file, up to {UploadRules.Describe(view.MaxFileSizeBytes)}. To send several files, upload them one at a time.</p>
            <input type="file" id="comments" name="comments" accept=".pdf,.docx" aria-describedby="comments-hint" required>
            <button type="submit">Upload comments</button>
            </form>
            </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    /// <summary>The document head both pages share; <paramref name="title"/> is encoded here.</summary>
    private static string Head(string title, string inspectorate = "HM Inspectorate of Prisons") => $"""
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)} – {E(inspectorate)}</title>
        <style>{Css}</style>
        </head>
        """;

    /// <summary>A short page for a link that does not work: it says so and whom to contact, and nothing else.</summary>
    public static string RenderRefusal(Refusal refusal) => $"""
        {Head(refusal.Title)}
        <body>
        <header class="banner"><p>HM Inspectorate of Prisons</p></header>
        <main>
        <h1>{E(refusal.Title)}</h1>
        <p>{E(refusal.Detail)}</p>
        <p>If you need to send documents for an independent review of progress, please contact the coordinating inspector who wrote to you.</p>
        </main>
        </body>
        </html>

        """;

    private static string Summary(int received, int total) =>
        received == total ? $"All {total} documents have been received. Thank you." : $"{received} of {total} documents received.";

    internal static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    private static string When(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy, HH:mm", English);

    private static string E(string value) => HtmlEncoder.Default.Encode(value);

    private const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#0b0c0c;background:#f3f2f1}
        .banner{background:#0b0c0c;color:#fff;padding:.75rem 1rem}
        .banner p{margin:0 auto;max-width:48rem;font-weight:700}
        main{max-width:48rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
        h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;margin:0 0 .25rem}
        a{color:#1d70b8}
        a:focus,button:focus,input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
        .summary{font-weight:700}
        .hint{color:#505a5f}
        .notice{border-left:5px solid #d4351c;padding:.5rem 1rem;background:#fef7f6}
        .confirmation{border-left:5px solid #00703c;padding:.5rem 1rem;background:#f3faf6;font-weight:700}
        .items{list-style:none;padding:0;margin:0}
        .item{border:1px solid #b1b4b6;border-radius:4px;padding:1rem;margin:0 0 1rem}
        .status{display:inline-block;margin:0 0 .5rem;padding:.1rem .6rem;border-radius:3px;font-weight:700;text-transform:uppercase;font-size:.875rem;letter-spacing:.03em}
        .status.received{background:#cce2d8;color:#005a30}
        .status.missing{background:#fcd6c3;color:#6e3619}
        .files{padding-left:1.25rem;margin:.25rem 0 .75rem}
        .files li{overflow-wrap:anywhere}
        .files .meta{color:#505a5f;font-size:.9375rem}
        form.upload{display:grid;gap:.5rem;border-top:1px solid #b1b4b6;padding-top:.75rem}
        form.upload[hidden]{display:none}
        label{font-weight:700}
        input[type=file]{max-width:100%;font-size:1rem}
        button{justify-self:start;font-size:1rem;font-weight:700;padding:.5rem 1.25rem;border:0;border-radius:3px;background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18;cursor:pointer}
        button:disabled{background:#6f777b;cursor:wait}
        .progress-list{list-style:none;padding:0;margin:0}
        .progress-list li{display:grid;grid-template-columns:1fr;gap:.25rem;margin:.25rem 0;overflow-wrap:anywhere}
        progress{width:100%;height:1rem}
        .message{margin:0;font-weight:700}
        .message.error{color:#d4351c}
        @media (max-width:30rem){body{font-size:1rem}h1{font-size:1.4rem}main{padding:.75rem}.item{padding:.75rem}}
        """;

    // Runs the upload protocol for each chosen file, one after another: begin (get a SAS), PUT with progress, complete.
    private const string Script = """
        (function () {
          'use strict';
          var api = document.body.getAttribute('data-api');
          var forms = document.querySelectorAll('form.upload');
          Array.prototype.forEach.call(forms, function (form) {
            form.hidden = false;
            form.addEventListener('submit', function (event) { event.preventDefault(); uploadAll(form); });
          });

          function uploadAll(form) {
            var key = form.getAttribute('data-key');
            var input = form.querySelector('input[type=file]');
            var button = form.querySelector('button');
            var message = document.getElementById('message-' + key);
            var list = form.querySelector('.progress-list');
            var files = Array.prototype.slice.call(input.files);
            if (files.length === 0) { say(message, 'Choose at least one file first.', true); input.focus(); return; }
            button.disabled = true;
            say(message, 'Uploading ' + plural(files.length, 'file') + '…', false);
            var uploaded = 0, failures = [];
            files.reduce(function (previous, file) {
              return previous.then(function () {
                return uploadOne(key, file, list).then(
                  function (item) { uploaded++; showItem(item); },
                  function (error) { failures.push(file.name + ': ' + error); });
              });
            }, Promise.resolve()).then(function () {
              button.disabled = false;
              input.value = '';
              if (failures.length === 0) say(message, plural(uploaded, 'file') + ' uploaded. Thank you.', false);
              else say(message, (uploaded > 0 ? plural(uploaded, 'file') + ' uploaded; ' : '') + 'not uploaded: ' + failures.join('; '), true);
            });
          }

          function uploadOne(key, file, list) {
            var row = document.createElement('li');
            var label = document.createElement('span');
            var progress = document.createElement('progress');
            label.textContent = file.name + ' – starting';
            progress.max = Math.max(file.size, 1);
            progress.value = 0;
            progress.setAttribute('aria-label', 'Upload progress for ' + file.name);
            row.appendChild(label);
            row.appendChild(progress);
            list.appendChild(row);
            var base = api + '/' + encodeURIComponent(key);
            return postJson(base, { fileName: file.name, size: file.size, contentType: file.type })
              .then(function (grant) {
                label.textContent = file.name + ' – uploading';
                return put(grant, file, progress).then(function () { return grant; });
              })
              .then(function (grant) { return postJson(base + '/complete', { blobName: grant.blobName }); })
              .then(function (item) {
                progress.value = progress.max;
                label.textContent = file.name + ' – uploaded';
                return item;
              }, function (error) {
                label.textContent = file.name + ' – not uploaded: ' + error;
                throw error;
              });
          }

          function postJson(url, body) {
            return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
              .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (json) {
                  if (!response.ok) throw problemText(json, response.status);
                  return json;
                });
              }, function () { throw 'the connection failed; please try again'; });
          }

          function problemText(problem, status) {
            if (problem && problem.errors) {
              return Object.keys(problem.errors).map(function (field) { return field + ' ' + problem.errors[field].join(' '); }).join(' ');
            }
            return (problem && (problem.detail || problem.title)) || ('the server answered ' + status);
          }

          function put(grant, file, progress) {
            return new Promise(function (resolve, reject) {
              var xhr = new XMLHttpRequest();
              xhr.open('PUT', grant.uploadUrl);
              xhr.setRequestHeader('x-ms-blob-type', 'BlockBlob');
              xhr.setRequestHeader('Content-Type', grant.contentType);
              xhr.upload.onprogress = function (event) { if (event.lengthComputable) { progress.max = event.total; progress.value = event.loaded; } };
              xhr.onload = function () { if (xhr.status >= 200 && xhr.status < 300) resolve(); else reject('storage refused the file (HTTP ' + xhr.status + ')'); };
              xhr.onerror = function () { reject('the connection to storage failed; please try again'); };
              xhr.send(file);
            });
          }

          function showItem(item) {
            var status = document.getElementById('status-' + item.key);
            status.textContent = item.status === 'received' ? 'Received' : 'Missing';
            status.className = 'status ' + item.status;
            var files = document.getElementById('files-' + item.key);
            while (files.firstChild) files.removeChild(files.firstChild);
            item.files.forEach(function (file) {
              var li = document.createElement('li');
              var name = document.createElement('span');
              var meta = document.createElement('span');
              name.className = 'name';
              name.textContent = file.name;
              meta.className = 'meta';
              meta.textContent = size(file.size) + ', received ' + new Date(file.receivedAt).toLocaleString('en-GB',
                { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
              li.appendChild(name);
              li.appendChild(document.createTextNode(' '));
              li.appendChild(meta);
              files.appendChild(li);
            });
            var statuses = document.querySelectorAll('.items .status');
            var received = document.querySelectorAll('.items .status.received').length;
            document.getElementById('summary').textContent = received === statuses.length
              ? 'All ' + statuses.length + ' documents have been received. Thank you.'
              : received + ' of ' + statuses.length + ' documents received.';
          }

          function size(bytes) {
            if (bytes < 1024) return bytes === 1 ? '1 byte' : bytes + ' bytes';
            var units = ['KB', 'MB', 'GB', 'TB'], value = bytes / 1024, unit = 0;
            while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
            return (value < 10 ? Math.round(value * 10) / 10 : Math.round(value)) + ' ' + units[unit];
          }

          function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

          function say(element, text, isError) {
            element.textContent = text;
            element.className = 'message' + (isError ? ' error' : '');
          }
        })();
        """;
}

/// <summary>What the fact-check comments page shows for one IRP; <see cref="DraftLink"/> is null once the draft is gone.</summary>
public sealed record FactCheckPageView(
    string Establishment, Contact Coordinator, DateOnly Deadline, Uri? DraftLink, IReadOnlyList<ReportFileUploadedData> Comments, long MaxFileSizeBytes);

/// <summary>The outcome of a form post, shown at the top of the page it returns.</summary>
public sealed record PageMessage(string Text, bool IsError);
