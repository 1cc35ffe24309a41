using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Pages;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Reports;

/// <summary>What the fact-check comments page shows for one IRP; <see cref="DraftLink"/> is null once the draft is gone.</summary>
public sealed record FactCheckPageView(
    string Establishment, Contact Coordinator, DateOnly Deadline, Uri? DraftLink, IReadOnlyList<ReportFileUploadedData> Comments, long MaxFileSizeBytes);

/// <summary>The outcome of a form post, shown at the top of the page it returns.</summary>
public sealed record PageMessage(string Text, bool IsError);

/// <summary>
/// The establishment's fact-check comments page, behind the link emailed with the draft: the deadline, a link to the draft
/// (when it is still available), the comment files received so far and a plain multipart form (field <c>comments</c>) that
/// posts back to the page's own address and needs no JavaScript. Framed as the upload page is (<see cref="UploadPageLayout"/>).
/// </summary>
public static class FactCheckPage
{
    /// <param name="message">The outcome of the last upload, if any.</param>
    public static Html Render(FactCheckPageView view, TimeZoneInfo zone, PageMessage? message)
    {
        var establishment = view.Establishment;
        var coordinator = view.Coordinator;
        var draft = view.DraftLink is { } link
            ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"{link.AbsoluteUri}\">Read the draft report</a>. It is confidential until publication, so please share it only with those who need to check it.</p>")
            : Html.Of($"<p class=\"govuk-body\">The draft report is not available from this page.</p>");
        var received = view.Comments.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"received\">No comments have been received yet.</p>")
            : Html.Of($"""
                <ul class="govuk-list app-upload-files" id="received" aria-labelledby="received-title">
                {view.Comments.Select(f => UploadPageLayout.ReceivedFile(f.FileName, f.Size, f.UploadedAt, zone))}</ul>
                """);
        return UploadPageLayout.Page($"Fact-check comments: {establishment}", UploadPageLayout.PrisonsInspectorate, Html.Of($"""
            {PageLayout.Message(message?.Text, message?.IsError == true)}
            <h1 class="govuk-heading-l">Comments on the draft report for {establishment}</h1>
            <p class="govuk-body-l">Please upload any corrections of fact to the draft report of our independent review of progress, with supporting evidence where possible, by <strong>{DateWords.LongDate(view.Deadline)}</strong>.</p>
            {draft}
            <p class="govuk-body">If you have any questions, or prefer to send your comments by email, contact {coordinator.Name}, coordinating inspector, at <a class="govuk-link" href="mailto:{coordinator.Email}">{coordinator.Email}</a>.</p>
            <h2 class="govuk-heading-m" id="received-title">Comments received</h2>
            {received}
            <h2 class="govuk-heading-m">Upload comments</h2>
            <form method="post" enctype="multipart/form-data">
            <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="comments">Choose a file of comments</label>
            <div class="govuk-hint" id="comments-hint">A PDF or Word (.docx) file, up to {UploadRules.Describe(view.MaxFileSizeBytes)}. To send several files, upload them one at a time.</div>
            <input class="govuk-file-upload" type="file" id="comments" name="comments" accept=".pdf,.docx" aria-describedby="comments-hint" required></div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Upload comments</button>
            </form>
            """));
    }
}
