using IrpFlows.Irps;
using IrpFlows.Irps.Facts;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>The coordinator API for IRPs (see ../shared/API.md), in the spirit of Durable Functions' management API.</summary>
public sealed class IrpFunctions(IrpService irps, IdempotencyKeys keys)
{
    [Function(nameof(PreviewIrp))]
    [OpenApiOperation("IRPs", "The timeline an IRP would get, and its departures from the guide. Changes nothing.",
        RequestBody = typeof(CreateIrpRequest), Response = typeof(IrpPreview), ErrorStatuses = [StatusCodes.Status400BadRequest])]
    public async Task<IResult> PreviewIrp(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps/preview")] HttpRequest request)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateIrpRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var validation = irps.Validate(body);
        if (!validation.IsValid) return Problems.Validation(validation.Errors.ToDictionary());
        var (preview, refusal) = irps.Preview(validation);
        return preview is null ? Problems.For(refusal!) : TypedResults.Ok(preview);
    }

    [Function(nameof(CreateIrp))]
    [OpenApiOperation("IRPs", "Start an IRP. Returns 202 with the URLs to query it, raise events and terminate it.",
        Description = "Safe to retry with the header Idempotency-Key (1 to 255 printable ASCII characters): the same key and body within "
            + "24 hours get the first response again (same status, body and id; header Idempotent-Replayed: true), the same key with "
            + "another body 422; when the first request died before its response was kept, a repeat is answered from the log (202 "
            + "with the IRP it created) or, after a one-minute lease, creates that same IRP. 409 names the existing IRP when an active IRP of the same establishment has its visit within 90 days. "
            + "The body is at most 128 KiB.",
        RequestBody = typeof(CreateIrpRequest), Response = typeof(CreatedIrp), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity])]
    [OpenApiHeaderParameter(IdempotencyKeys.Header, "Makes the create safe to retry: the same key and body within 24 hours return the first response.")]
    public async Task<IResult> CreateIrp(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<CreateIrpRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var key = request.Headers[IdempotencyKeys.Header].FirstOrDefault();
        if (key is not null && IdempotencyKeys.Broken(key) is { } badKey) return Problems.Validation(IdempotencyKeys.Header, badKey);
        var validation = irps.Validate(body);
        if (!validation.IsValid) return Problems.Validation(validation.Errors.ToDictionary());
        return await keys.CreateOnceAsync<CreatedIrp>(key, IdempotencyKeys.Fingerprint(body, EventData.Json),
            id => CreateAsync(request, validation, durable, id, ct), (id, token) => CreatedFromLogAsync(request, id, token), ct);
    }

    private async Task<IResult> CreateAsync(HttpRequest request, IrpValidation validation, DurableTaskClient durable, string? id, CancellationToken ct)
    {
        var (created, refusal) = await irps.CreateAsync(validation, durable, ct, id);
        if (refusal is not null) return Problems.For(refusal);
        var response = CreatedIrp.For(request, created!, validation.Warnings);
        return TypedResults.Accepted(response.StatusQueryGetUri, response);
    }

    /// <summary>The answer the create of IRP <paramref name="id"/> gave, rebuilt from its log; null when there is no such IRP.</summary>
    private async Task<IdempotencyKeys.Response?> CreatedFromLogAsync(HttpRequest request, string id, CancellationToken ct)
    {
        if (await irps.StartedWarningsAsync(id, ct) is not { } warnings) return null;
        var response = CreatedIrp.For(request, id, warnings);
        return new IdempotencyKeys.Response(StatusCodes.Status202Accepted, response, response.StatusQueryGetUri);
    }

    [Function(nameof(ListIrps))]
    [OpenApiOperation("IRPs", "IRPs by visit date, with their status and next step: every one, or a page of them (top, continuation) with the next page's address in the Link header.",
        Response = typeof(List<IrpListItem>), ErrorStatuses = [StatusCodes.Status400BadRequest])]
    [OpenApiQueryParameter("top", "At most this many (1 to 500); the Link header (rel=\"next\") then gives the next page. Without it, every IRP.")]
    [OpenApiQueryParameter("continuation", "Where the page starts: as the Link header of the page before gave it.")]
    [OpenApiQueryParameter("year", "Only IRPs whose visit starts in this year.")]
    [OpenApiQueryParameter("status", "Only IRPs in this runtimeStatus: Pending, Running, Completed, Failed or Terminated.")]
    [OpenApiQueryParameter("kind", "Only IRPs of this kind: prison or immigration.")]
    public async Task<IResult> ListIrps(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps")] HttpRequest request, CancellationToken ct)
    {
        var (query, problem) = ListPages.Read(request, IrpKinds);
        if (problem is not null) return problem;
        try
        {
            return ListPages.Answer(request, await irps.ListAsync(query!, ct));
        }
        catch (RefusedException e)
        {
            return Problems.For(e.Refusal);
        }
    }

    private static readonly string[] IrpKinds = Enum.GetNames<IrpKind>().Select(k => k.ToLowerInvariant()).ToArray();

    [Function(nameof(GetIrp))]
    [OpenApiOperation("IRPs", "An IRP's status: timeline, documents, emails, warnings.", Response = typeof(IrpView),
        ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> GetIrp(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        var view = await irps.GetAsync(id, ct);
        return view is null ? Problems.NotFound($"There is no IRP with id '{id}'.") : TypedResults.Ok(view);
    }

    [Function(nameof(RaiseIrpEvent))]
    [OpenApiOperation("IRPs", "Record an event: LiaisonOfficerAppointed, PreparationVisitArranged, InspectorAssigned, VisitRescheduled, DraftIssued, FactCheckReturned, FinalReportSentElsewhere, MinisterialOfficeNamed, Published, FeedbackReceived.",
        Description = "Bodies: LiaisonOfficerAppointed and MinisterialOfficeNamed { name, email }; PreparationVisitArranged { date } (a working "
            + "day from the announcement to the day before the visit); InspectorAssigned { ref, name } (before the visit; named after the "
            + "arrangements went, the establishment gets an update); VisitRescheduled { visitStart }; DraftIssued, "
            + "FactCheckReturned and FinalReportSentElsewhere { date? } (default today); Published { date, url }, refused (409) until the final report "
            + "has been sent to ministers or recorded as sent elsewhere; FeedbackReceived { name, role?, text } (a reply by email on how the review was run, "
            + "accepted also once the IRP has ended). Dates are yyyy-MM-dd. 400 for an unknown event or a bad field; 409 when the IRP's state refuses it.",
        RequestBody = typeof(IrpEventRequest), ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> RaiseIrpEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps/{id}/events/{eventName}")] HttpRequest request,
        string id, string eventName, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<IrpEventRequest>(request, EventData.Json, emptyAllowed: true);
        if (problem is not null) return problem;
        return Accepted(await irps.RaiseAsync(id, eventName, body, durable, ct));
    }

    [Function(nameof(TerminateIrp))]
    [OpenApiOperation("IRPs", "Cancel an IRP (?reason=): pending steps are skipped and the establishment is told the visit is cancelled.",
        ResponseStatus = StatusCodes.Status202Accepted, ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("reason", "Why the IRP is cancelled; recorded with the cancellation. At most 500 characters, no control characters but line breaks.")]
    public async Task<IResult> TerminateIrp(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps/{id}/terminate")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var reason = request.Query["reason"].FirstOrDefault();
        if (reason is not null && ReasonRule.Broken(reason) is { } broken) return Problems.Validation("reason", broken);
        return Accepted(await irps.TerminateAsync(id, reason, durable, ct));
    }

    internal static readonly TextAttribute ReasonRule = new(Limits.Reason) { Multiline = true };

    [Function(nameof(RetryIrpStep))]
    [OpenApiOperation("IRPs", "Run a failed step again; 409 unless the step has failed.", ResponseStatus = StatusCodes.Status202Accepted,
        ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> RetryIrpStep(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps/{id}/steps/{stepId}/retry")] HttpRequest request,
        string id, string stepId, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        return Accepted(await irps.RetryStepAsync(id, stepId, durable, ct));
    }

    private static IResult Accepted(Refusal? refusal) => refusal is null ? TypedResults.Accepted((string?)null) : Problems.For(refusal);
}

/// <summary>The body of <c>202 Accepted</c> after starting an IRP: where to follow it, as Durable Functions returns.</summary>
public sealed record CreatedIrp(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri, IReadOnlyList<IrpWarning> Warnings)
{
    public static CreatedIrp For(HttpRequest request, string id, IReadOnlyList<IrpWarning> warnings)
    {
        var instance = $"{request.Scheme}://{request.Host}/api/irps/{id}";
        return new CreatedIrp(id, instance, instance + "/events/{eventName}", instance + "/terminate?reason={text}", warnings);
    }
}
