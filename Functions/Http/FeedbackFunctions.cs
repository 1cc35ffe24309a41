using IrpFlows.Irps;
using IrpFlows.Irps.Feedback;
using IrpFlows.Pages;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// The feedback form, <c>/feedback/{token}</c>, behind the link in the feedback requests (prison guide 16.1, IRC guide 5.3),
/// authorised by the signed token in the URL alone (purpose <see cref="Documents.UploadTokenPayload.FeedbackPurpose"/>). A bad,
/// expired or other-purpose token gets the 403 refusal page; an IRP that no longer exists, 404.
/// </summary>
public sealed class FeedbackFunctions(FeedbackPages pages, IrpService irps)
{
    [Function(nameof(FeedbackPage))]
    [OpenApiOperation("After the visit", "The feedback form on how the review was run: a name, a role and a few questions.",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public async Task<IResult> FeedbackPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "feedback/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (_, view, refusal) = await pages.OpenAsync(token, ct);
        return refusal is not null ? UploadFunctions.RefusalPage(response, refusal) : Form(response, view!, null, [], StatusCodes.Status200OK);
    }

    /// <remarks>The token in the URL is the authority, as for the fact-check page: there is no session for a forged form to ride on.</remarks>
    [Function(nameof(SendFeedback))]
    [OpenApiOperation("After the visit", "Send the feedback form (fields name, role and answer-{question}): records FeedbackReceived, and thanks the sender.",
        RequestContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"], ResponseContentType = "text/html",
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge])]
    public async Task<IResult> SendFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "feedback/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Link);
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (id, view, refusal) = await pages.OpenAsync(token, ct);
        if (refusal is not null) return UploadFunctions.RefusalPage(response, refusal);

        var (form, notRead) = await PageForms.ReadAsync(request, ct);
        if (notRead is not null) return Form(response, view!, null, new() { ["answers"] = [notRead.Message] }, notRead.Status);
        if (form is null)
            return Form(response, view!, null, new() { ["answers"] = ["The feedback could not be read: please send it with this page's form."] }, StatusCodes.Status400BadRequest);
        var (feedback, errors) = FeedbackForm.Read(form, view!.Immigration);
        if (feedback is null) return Form(response, view, form, errors, StatusCodes.Status400BadRequest);

        if (await irps.RecordFeedbackAsync(id!, feedback, durable, ct) is { } notRecorded) return UploadFunctions.RefusalPage(response, notRecorded);
        return UploadFunctions.FormPage(response, Irps.Feedback.FeedbackPage.RenderThanks(view, feedback.Name), StatusCodes.Status200OK);
    }

    /// <summary>The form, refilled from <paramref name="values"/> (if posted), with <paramref name="errors"/> beside their fields.</summary>
    private static IResult Form(HttpResponse response, FeedbackPageView view, IFormCollection? values, Dictionary<string, string[]> errors, int status) =>
        UploadFunctions.FormPage(response, Irps.Feedback.FeedbackPage.Render(view, values, errors), status);
}
