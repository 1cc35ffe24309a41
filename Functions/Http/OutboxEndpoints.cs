using IrpFlows.Mail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>The local mail outbox (only when no Graph mailbox is configured): every email sent, as listed and raw MIME.</summary>
public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this IEndpointRouteBuilder routes)
    {
        var outbox = routes.MapGroup("/api/outbox").WithTags("Outbox").AddEndpointFilter<CoordinatorKeyFilter>();
        outbox.MapGet("/", ListAsync).WithSummary("Emails in the outbox, oldest first; only one IRP's with ?irpId=.");
        outbox.MapGet("/{id}", GetAsync).WithSummary("One email as a raw MIME message (message/rfc822).");
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxEntry>>, ProblemHttpResult>> ListAsync(
        string? irpId, IServiceProvider services, CancellationToken ct) =>
        services.GetService<OutboxMailSender>() is { } outbox
            ? TypedResults.Ok(await outbox.ListAsync(string.IsNullOrWhiteSpace(irpId) ? null : irpId, ct))
            : NoOutbox();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(string id, IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<OutboxMailSender>() is not { } outbox) return NoOutbox();
        var raw = await outbox.GetRawAsync(id, ct);
        return raw is null
            ? Problems.NotFound($"There is no email with id '{id}' in the outbox.")
            : TypedResults.File(raw.ToArray(), "message/rfc822", $"{id}.eml");
    }

    private static ProblemHttpResult NoOutbox() => Problems.NotFound(
        "Mail is sent through Microsoft Graph here, so there is no local outbox: see the sender mailbox's Sent Items.");
}
