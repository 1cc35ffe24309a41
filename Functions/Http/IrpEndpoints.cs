using System.Text.Json.Nodes;
using IrpFlows.Irps;
using IrpFlows.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>The coordinator API for IRPs (see ../shared/API.md), in the spirit of Durable Functions' management API.</summary>
public static class IrpEndpoints
{
    public static RouteGroupBuilder MapIrpEndpoints(this IEndpointRouteBuilder routes)
    {
        var irps = routes.MapGroup("/api/irps").WithTags("IRPs").AddEndpointFilter<CoordinatorKeyFilter>();

        irps.MapPost("/preview", PreviewAsync)
            .WithSummary("The timeline an IRP would get, and its departures from the guide. Changes nothing.");
        irps.MapPost("/", CreateAsync)
            .WithSummary("Start an IRP. Returns 202 with the URLs to query it, raise events and terminate it.");
        irps.MapGet("/", ListAsync).WithSummary("Every IRP, with its status and next step.");
        irps.MapGet("/{id}", GetAsync).WithSummary("An IRP's status: timeline, emails, warnings.");
        irps.MapPost("/{id}/events/{eventName}", RaiseEventAsync)
            .WithSummary("Record an event: LiaisonOfficerAppointed, VisitRescheduled, DraftIssued, FactCheckReturned, Published.");
        irps.MapPost("/{id}/terminate", TerminateAsync)
            .WithSummary("Cancel an IRP: pending steps are skipped and the establishment is told the visit is cancelled.");
        return irps;
    }

    private static async Task<Results<Ok<IrpPreview>, ValidationProblem>> PreviewAsync(HttpRequest request, IrpService irps)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateIrpRequest>(request, IrpEvents.Json);
        if (problem is not null) return problem;
        var validation = irps.Validate(body);
        if (!validation.IsValid) return Problems.Validation(ToDictionary(validation.Errors));
        return TypedResults.Ok(irps.Preview(validation));
    }

    private static async Task<Results<Accepted<CreatedIrp>, ValidationProblem>> CreateAsync(
        HttpRequest request, IrpService irps, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateIrpRequest>(request, IrpEvents.Json);
        if (problem is not null) return problem;
        var validation = irps.Validate(body);
        if (!validation.IsValid) return Problems.Validation(ToDictionary(validation.Errors));
        var (id, refusal) = await irps.CreateAsync(validation, ct);
        if (refusal is not null) return Problems.Validation(ToDictionary(refusal.Errors!));
        var created = CreatedIrp.For(request, id!, validation.Warnings);
        return TypedResults.Accepted(created.StatusQueryGetUri, created);
    }

    private static async Task<Ok<List<IrpListItem>>> ListAsync(IrpService irps, CancellationToken ct)
    {
        var items = new List<IrpListItem>();
        await foreach (var item in irps.ListAsync(ct)) items.Add(item);
        return TypedResults.Ok(items.OrderBy(i => i.VisitStart).ToList());
    }

    private static async Task<Results<Ok<IrpView>, ProblemHttpResult>> GetAsync(string id, IrpService irps, CancellationToken ct)
    {
        var view = await irps.GetAsync(id, ct);
        return view is null ? Problems.NotFound($"There is no IRP with id '{id}'.") : TypedResults.Ok(view);
    }

    private static async Task<IResult> RaiseEventAsync(string id, string eventName, HttpRequest request, IrpService irps, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonObject>(request, IrpEvents.Json, emptyAllowed: true);
        if (problem is not null) return problem;
        return ToResult(await irps.RaiseAsync(id, eventName, body, ct));
    }

    private static async Task<IResult> TerminateAsync(string id, string? reason, IrpService irps, CancellationToken ct) =>
        ToResult(await irps.TerminateAsync(id, reason, ct));

    private static IResult ToResult(Refusal? refusal) => refusal is null ? TypedResults.Accepted((string?)null) : Problems.For(refusal);

    private static Dictionary<string, string[]> ToDictionary(IReadOnlyDictionary<string, string[]> errors) => errors.ToDictionary();
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
