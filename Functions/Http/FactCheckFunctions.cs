using IrpFlows.Documents;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Pages;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// The establishment's fact-check page, <c>/fact-check/{token}</c>, authorised by the signed token in the URL alone (purpose
/// <see cref="UploadTokenPayload.FactCheckPurpose"/>): the draft, the comments received, and a plain form to upload more.
/// A bad, expired or other-purpose token gets the 403 refusal page; an IRP that no longer exists, 404.
/// </summary>
public sealed class FactCheckFunctions(FactCheckPages pages, IrpReportFiles files, IrpReportService reports, IrpPolicy policy)
{
    /// <summary>The form's file field.</summary>
    public const string FileField = "comments";

    [Function(nameof(FactCheckPage))]
    [OpenApiOperation("Reports", "The establishment's fact-check page: the draft report link, the comments received, and a form to upload comments.",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public async Task<IResult> FactCheckPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fact-check/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (opened, refusal) = await pages.OpenAsync(token, ct);
        return refusal is not null ? UploadFunctions.RefusalPage(response, refusal) : Page(response, opened!.View, null, StatusCodes.Status200OK);
    }

    [Function(nameof(FactCheckDraft))]
    [OpenApiOperation("Reports", "The draft report the fact-check page is for: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public async Task<IResult> FactCheckDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fact-check/{token}/draft")] HttpRequest request, string token, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (opened, refusal) = await pages.OpenAsync(token, ct);
        if (refusal is not null) return UploadFunctions.RefusalPage(response, refusal);
        if (opened!.IssuedDraft is not { } draft)
            return UploadFunctions.RefusalPage(response, Refusal.NotFound("No draft report has been issued for this review yet."));
        return Results.Redirect((await files.DownloadUriAsync(opened.IrpId, draft, ct)).ToString());
    }

    /// <remarks>The token in the URL is the authority, as for the upload protocol: there is no session for a forged form to ride on.</remarks>
    [Function(nameof(UploadFactCheckComments))]
    [OpenApiOperation("Reports", "Upload one file of fact-check comments (multipart/form-data, field 'comments'): records FactCheckReturned if not yet recorded, and shows the page again.",
        RequestContentTypes = ["multipart/form-data"], ResponseContentType = "text/html",
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> UploadFactCheckComments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fact-check/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Link);
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (opened, refusal) = await pages.OpenAsync(token, ct);
        if (refusal is not null) return UploadFunctions.RefusalPage(response, refusal);

        var (form, notRead) = await PageForms.ReadAsync(request, ct);
        if (notRead is not null) return Page(response, opened!.View, new PageMessage($"Your file was not uploaded. {notRead.Message}", IsError: true), notRead.Status);
        var file = form?.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
            return Page(response, opened!.View, new PageMessage("Choose a file of comments to upload.", IsError: true), StatusCodes.Status400BadRequest);
        // Refuse a file that is too big before reading it into memory.
        if (file.Length > opened!.View.MaxFileSizeBytes)
            return Page(response, opened.View, NotUploaded(opened.View), StatusCodes.Status400BadRequest);

        BinaryData content;
        await using (var stream = file.OpenReadStream()) content = await BinaryData.FromStreamAsync(stream, ct);
        var (stored, refused) = await reports.UploadFactCheckCommentsAsync(opened.IrpId, file.FileName, file.ContentType, content, durable, ct);
        if (stored is null)
        {
            var text = refused!.Kind == RefusalKind.Invalid ? NotUploaded(opened.View, refused) : new PageMessage($"Your file was not uploaded. {refused.Detail}", IsError: true);
            return Page(response, opened.View, text, Problems.StatusOf(refused));
        }
        var (after, gone) = await pages.OpenAsync(token, ct);
        if (gone is not null) return UploadFunctions.RefusalPage(response, gone);
        return Page(response, after!.View, new PageMessage($"Thank you. We have received {stored.FileName}.", IsError: false), StatusCodes.Status200OK);
    }

    /// <summary>The rules for comments, and what this file broke when it was its content (<c>body</c>: not what its name says, too big).</summary>
    private static PageMessage NotUploaded(FactCheckPageView view, Refusal? refused = null) => new(
        $"Your file was not uploaded. Comments must be a PDF or Word (.docx) file, named with its extension, not empty and at most {UploadRules.Describe(view.MaxFileSizeBytes)}."
        + (refused?.Errors?.TryGetValue("body", out var content) == true ? $" This file {string.Join(" ", content)}" : ""),
        IsError: true);

    // The draft link is an ordinary navigation, which the form page's CSP allows.
    private IResult Page(HttpResponse response, FactCheckPageView view, PageMessage? message, int status) =>
        UploadFunctions.FormPage(response, Irps.Reports.FactCheckPage.Render(view, policy.TimeZone, message), status);
}
