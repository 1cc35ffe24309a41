using System.Text.Json;
using IrpFlows.Documents;
using IrpFlows.Probation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>The coordinator API for probation inspections (see ../shared/API.md, "Probation inspections"), in the IRPs' patterns.</summary>
public sealed class ProbationFunctions(ProbationService inspections, ProbationReports reports, ReportOptions options, IdempotencyKeys keys)
{
    private const string Tag = "Probation inspections";

    private const string FileBody =
        $"Send the file's bytes as the body with Content-Type {ReportFileRules.PdfContentType} or {ReportFileRules.DocxContentType}, "
        + "and its name in ?fileName= (ending .pdf or .docx to match). The size limit is the setting Reports:MaxFileSizeBytes (25 MiB by default). "
        + "Returns 200 with the file as recorded.";

    [Function(nameof(PreviewProbationInspection))]
    [OpenApiOperation(Tag, "The timeline a probation inspection would get, week by week. Changes nothing.",
        RequestBody = typeof(CreateProbationInspectionRequest), Response = typeof(ProbationPreview), ErrorStatuses = [StatusCodes.Status400BadRequest])]
    public async Task<IResult> PreviewProbationInspection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/probation-inspections/preview")] HttpRequest request)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateProbationInspectionRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var validation = inspections.Validate(body);
        return validation.IsValid ? TypedResults.Ok(inspections.Preview(validation.Facts!)) : Problems.Validation(validation.Errors.ToDictionary());
    }

    [Function(nameof(CreateProbationInspection))]
    [OpenApiOperation(Tag, "Start a probation inspection. Returns 202 with the URLs to query it, raise events and terminate it.",
        Description = "Safe to retry with the header Idempotency-Key, as POST /api/irps: the same key and body within 24 hours get the first response "
            + "again (header Idempotent-Replayed: true), the same key with another body 422. 409 names the existing inspection when an active one of the "
            + "same organisation has its fieldwork within 90 days (local policy, ProbationPolicy:SameOrganisationMarginDays).",
        RequestBody = typeof(CreateProbationInspectionRequest), Response = typeof(CreatedProbationInspection), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity])]
    [OpenApiHeaderParameter(IdempotencyKeys.Header, "Makes the create safe to retry: the same key and body within 24 hours return the first response.")]
    public async Task<IResult> CreateProbationInspection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/probation-inspections")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<CreateProbationInspectionRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var key = request.Headers[IdempotencyKeys.Header].FirstOrDefault();
        if (key is not null && IdempotencyKeys.Broken(key) is { } badKey) return Problems.Validation(IdempotencyKeys.Header, badKey);
        var validation = inspections.Validate(body);
        if (!validation.IsValid) return Problems.Validation(validation.Errors.ToDictionary());
        return await keys.CreateOnceAsync<CreatedProbationInspection>(key, IdempotencyKeys.Fingerprint(body, EventData.Json),
            id => CreateAsync(request, validation.Facts!, durable, id, ct), (id, token) => CreatedFromLogAsync(request, id, token), ct);
    }

    private async Task<IResult> CreateAsync(HttpRequest request, ProbationFacts facts, DurableTaskClient durable, string? id, CancellationToken ct)
    {
        var (created, refusal) = await inspections.CreateAsync(facts, durable, ct, id);
        if (refusal is not null) return Problems.For(refusal);
        var response = CreatedProbationInspection.For(request, created!);
        return TypedResults.Accepted(response.StatusQueryGetUri, response);
    }

    /// <summary>The answer the create of inspection <paramref name="id"/> gave, rebuilt from its log; null when there is no such inspection.</summary>
    private async Task<IdempotencyKeys.Response?> CreatedFromLogAsync(HttpRequest request, string id, CancellationToken ct)
    {
        if (!await inspections.ExistsAsync(id, ct)) return null;
        var response = CreatedProbationInspection.For(request, id);
        return new IdempotencyKeys.Response(StatusCodes.Status202Accepted, response, response.StatusQueryGetUri);
    }

    [Function(nameof(ListProbationInspections))]
    [OpenApiOperation(Tag, "Probation inspections by fieldwork start, with their status and next step: every one, or a page of them (top, continuation) with the next page's address in the Link header.",
        Response = typeof(List<ProbationListItem>), ErrorStatuses = [StatusCodes.Status400BadRequest])]
    [OpenApiQueryParameter("top", "At most this many (1 to 500); the Link header (rel=\"next\") then gives the next page. Without it, every inspection.")]
    [OpenApiQueryParameter("continuation", "Where the page starts: as the Link header of the page before gave it.")]
    [OpenApiQueryParameter("year", "Only inspections whose fieldwork starts in this year.")]
    [OpenApiQueryParameter("status", "Only inspections in this runtimeStatus: Pending, Running, Completed, Failed or Terminated.")]
    public async Task<IResult> ListProbationInspections(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/probation-inspections")] HttpRequest request, CancellationToken ct)
    {
        var (query, problem) = ListPages.Read(request, categories: null);
        if (problem is not null) return problem;
        try
        {
            return ListPages.Answer(request, await inspections.ListAsync(query!, ct));
        }
        catch (RefusedException e)
        {
            return Problems.For(e.Refusal);
        }
    }

    [Function(nameof(GetProbationInspection))]
    [OpenApiOperation(Tag, "A probation inspection's status: timeline with weeks, ratings summary, emails.", Response = typeof(ProbationView),
        ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> GetProbationInspection(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/probation-inspections/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        var view = await inspections.GetAsync(id, ct);
        return view is null ? Problems.NotFound($"There is no probation inspection with id '{id}'.") : TypedResults.Ok(view);
    }

    [Function(nameof(RaiseProbationEvent))]
    [OpenApiOperation(Tag, "Record an event: SeniorLinkManagerNamed, ContactNamed, AnnouncementCallMade, PlanningMeetingAgreed, PlanningMeetingHeld, CaseSampleReturned, DraftIssued, CommentsReturned, Published, FieldworkRescheduled.",
        Description = "Bodies: SeniorLinkManagerNamed { name, email }; ContactNamed { role, name, email } (role: leadInspector, chiefExecutive, "
            + "seniorLinkManager, deputyLead, administrator, headOfInspection, osag, npsDivision (CRC only)); AnnouncementCallMade { date, by? } "
            + "(by: leadInspector, the default, or deputyLead; a date outside week -9 is recorded and answered 202 with { warnings }; 409 once the "
            + "confirming email has gone); PlanningMeetingAgreed { at } (local yyyy-MM-ddTHH:mm, within one week of the call, manual 3.5); PlanningMeetingHeld { date }; CaseSampleReturned, DraftIssued and CommentsReturned { date? } "
            + "(default today); Published { date, url }; FieldworkRescheduled { fieldworkStart, fieldworkWeekThreeStart? } (Mondays). Dates are yyyy-MM-dd. "
            + "400 for an unknown event or a bad field; 409 when the inspection's state refuses it.",
        RequestBody = typeof(ProbationEventRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> RaiseProbationEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/probation-inspections/{id}/events/{eventName}")] HttpRequest request,
        string id, string eventName, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ProbationEventRequest>(request, EventData.Json, emptyAllowed: true);
        if (problem is not null) return problem;
        var fields = body is null ? null : JsonSerializer.SerializeToNode(body, EventData.Json)!.AsObject();
        var (refusal, warnings) = await inspections.RaiseAsync(id, eventName, fields, durable, ct);
        return refusal is not null ? Problems.For(refusal)
            : warnings.Count > 0 ? TypedResults.Accepted((string?)null, new RecordedWithWarnings(warnings))
            : TypedResults.Accepted((string?)null);
    }

    [Function(nameof(RateProbationStandard))]
    [OpenApiOperation(Tag, "Record a standard's rating (1.1 … 3.2): Outstanding, Good, RequiresImprovement or Inadequate.",
        Description = "The rating already recorded is accepted and records nothing. 404 for a standard the organisation is not rated on; "
            + "409 before fieldwork week one starts (errors name 'rating': ratings are drafted from what fieldwork finds, manual 2.3) or once published.",
        RequestBody = typeof(RatingRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> RateProbationStandard(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/ratings/{standard}")] HttpRequest request,
        string id, string standard, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RatingRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        return Accepted(await inspections.RateAsync(id, standard, body, durable, ct));
    }

    [Function(nameof(PutProbationDraftReport))]
    [OpenApiOperation(Tag, "Upload the draft report (manual 7.3); a new upload replaces it until the draft report email has gone (409 after).",
        Description = FileBody + " DraftIssued is refused (409) until a draft is uploaded; the draft report email then links to the latest one.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", "The file's name, ending .pdf or .docx to match its Content-Type.", Required = true)]
    public Task<IResult> PutProbationDraftReport(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/draft-report")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => ReportFileUploads.PutAsync(request, options.MaxFileSizeBytes, (fileName, content) => reports.UploadDraftAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutProbationFinalReport))]
    [OpenApiOperation(Tag, "Upload the final report, which the embargoed copy links to five working days before publication (manual 7.4).",
        Description = FileBody + " A new upload replaces it until the embargoed copy has gone. 409 before DraftIssued or once the embargoed copy has gone; "
            + "the embargoed copy waits for it.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", "The file's name, ending .pdf or .docx to match its Content-Type.", Required = true)]
    public Task<IResult> PutProbationFinalReport(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/final-report")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => ReportFileUploads.PutAsync(request, options.MaxFileSizeBytes, (fileName, content) => reports.UploadFinalAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutProbationPlanningMeetingMinutes))]
    [OpenApiOperation(Tag, "Upload the planning meeting's minutes (manual 3.5); they go at once, attached, to the senior link manager and the administrator.",
        Description = FileBody + " At most Reports:MaxAttachedFileSizeBytes (3 MiB), as they go as an attachment. A new upload replaces them until they "
            + "have gone. 409 before AnnouncementCallMade or once sent.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", "The file's name, ending .pdf or .docx to match its Content-Type.", Required = true)]
    public Task<IResult> PutProbationPlanningMeetingMinutes(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/planning-meeting-minutes")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => ReportFileUploads.PutAsync(request, Math.Min(options.MaxFileSizeBytes, options.MaxAttachedFileSizeBytes),
            (fileName, content) => reports.UploadMinutesAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutProbationActionPlan))]
    [OpenApiOperation(Tag, "Record OSAG's action plan as reviewed (manual 7.5): { date?, recommendations: [{ recommendation, response }], amendments? }.",
        Description = "response: Agreed, PartlyAgreed or NotAgreed (Appendix 5). date (yyyy-MM-dd, not in the future) defaults to today; amendments, "
            + "when given, are what the acknowledgement letter asks to be changed, else it accepts the plan. The letter then goes to OSAG. "
            + "The same plan again records nothing. 409 before Published or once the acknowledgement has gone.",
        RequestBody = typeof(ActionPlanRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutProbationActionPlan(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/action-plan")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<ActionPlanRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        return Accepted(await inspections.RecordActionPlanAsync(id, body, durable, ct));
    }

    [Function(nameof(ProbationDraftReportDownload))]
    [OpenApiOperation(Tag, "The draft report a draft report email links to: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public Task<IResult> ProbationDraftReportDownload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probation-reports/draft/{token}")] HttpRequest request, string token, CancellationToken ct)
        => DownloadAsync(request, token, final: false, ct);

    [Function(nameof(ProbationFinalReportDownload))]
    [OpenApiOperation(Tag, "The final report an embargoed copy email links to: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public Task<IResult> ProbationFinalReportDownload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probation-reports/final/{token}")] HttpRequest request, string token, CancellationToken ct)
        => DownloadAsync(request, token, final: true, ct);

    [Function(nameof(PutProbationKeyQuestions))]
    [OpenApiOperation(Tag, "Record a domain two or three standard's key questions (manual 7.1): { keyQuestions: [{ question, yes, cases }] }; it is then rated by the lowest band.",
        Description = "Bands (7.1): below 50% Inadequate, 50–64% RequiresImprovement, 65–79% Good, 80% and over Outstanding, on the unrounded percentage. "
            + "The standard's rating in GET …/{id} then follows them, with nearBoundary when a key question is within five points of a boundary or one case "
            + "would change it (7.2). 400 for a domain one standard (judged directly) or a bad field; 404 for another standard; 409 before fieldwork or once published.",
        RequestBody = typeof(KeyQuestionsRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutProbationKeyQuestions(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/ratings/{standard}/key-questions")] HttpRequest request,
        string id, string standard, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<KeyQuestionsRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        return Accepted(await inspections.RecordKeyQuestionsAsync(id, standard, body, durable, ct));
    }

    [Function(nameof(PutProbationPanelDecision))]
    [OpenApiOperation(Tag, "Record the ratings panel's decision on a standard near a boundary (manual 7.2): { rating, reason, chair }.",
        Description = "Only where the standard's key questions put it near a boundary (409 naming 'rating' otherwise). The rating may confirm the one the "
            + "evidence gives or change it; the ratings letter summarises each decision with its reason and chair. New key questions set the decision aside.",
        RequestBody = typeof(PanelDecisionRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutProbationPanelDecision(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/probation-inspections/{id}/ratings/{standard}/panel")] HttpRequest request,
        string id, string standard, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<PanelDecisionRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        return Accepted(await inspections.RecordPanelDecisionAsync(id, standard, body, durable, ct));
    }

    [Function(nameof(TerminateProbationInspection))]
    [OpenApiOperation(Tag, "Cancel a probation inspection (?reason=): pending steps are skipped, and the organisation is told once it has been called.",
        ResponseStatus = StatusCodes.Status202Accepted, ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("reason", "Why the inspection is cancelled; recorded and given in the notice. At most 500 characters, no control characters but line breaks.")]
    public async Task<IResult> TerminateProbationInspection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/probation-inspections/{id}/terminate")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var reason = request.Query["reason"].FirstOrDefault();
        if (reason is not null && IrpFunctions.ReasonRule.Broken(reason) is { } broken) return Problems.Validation("reason", broken);
        return Accepted(await inspections.TerminateAsync(id, reason, durable, ct));
    }

    [Function(nameof(RetryProbationStep))]
    [OpenApiOperation(Tag, "Run a failed step again; 409 unless the step has failed.", ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> RetryProbationStep(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/probation-inspections/{id}/steps/{stepId}/retry")] HttpRequest request,
        string id, string stepId, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        return Accepted(await inspections.RetryStepAsync(id, stepId, durable, ct));
    }

    private async Task<IResult> DownloadAsync(HttpRequest request, string token, bool final, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (download, refusal) = await reports.OpenAsync(token, final, ct);
        return refusal is not null ? UploadFunctions.RefusalPage(response, refusal) : Results.Redirect(download!.ToString());
    }

    private static IResult Accepted(Refusal? refusal) => refusal is null ? TypedResults.Accepted((string?)null) : Problems.For(refusal);
}

/// <summary>The body of <c>202 Accepted</c> when what was recorded is unusual: an announcement call outside week -9 (manual 3.3).</summary>
public sealed record RecordedWithWarnings(IReadOnlyList<string> Warnings);

/// <summary>The body of <c>202 Accepted</c> after starting a probation inspection: where to follow it.</summary>
public sealed record CreatedProbationInspection(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri)
{
    public static CreatedProbationInspection For(HttpRequest request, string id)
    {
        var instance = $"{request.Scheme}://{request.Host}/api/probation-inspections/{id}";
        return new CreatedProbationInspection(id, instance, instance + "/events/{eventName}", instance + "/terminate?reason={text}");
    }
}
