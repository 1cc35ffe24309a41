using IrpFlows.Mail;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Http;

/// <summary>The local mail outbox (only when no Graph mailbox is configured): every email sent, as listed and raw MIME.</summary>
public sealed class OutboxFunctions(IServiceProvider services)
{
    private const string NoOutboxDescription = "404 when mail goes through Microsoft Graph, which leaves no local outbox.";

    [Function(nameof(ListOutbox))]
    [OpenApiOperation("Outbox", "Emails in the outbox, oldest first; only one IRP's with ?irpId=.", Response = typeof(List<OutboxEntry>),
        Description = NoOutboxDescription, ErrorStatuses = [StatusCodes.Status404NotFound])]
    [OpenApiQueryParameter("irpId", "Only this IRP's (or probation inspection's) emails; digest-{ISO week}, such as digest-2026-W49, lists that week's digests.")]
    public async Task<IResult> ListOutbox(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/outbox")] HttpRequest request, CancellationToken ct)
    {
        if (Outbox() is not { } outbox) return NoOutbox();
        var irpId = request.Query["irpId"].FirstOrDefault();
        return TypedResults.Ok(await outbox.ListAsync(string.IsNullOrWhiteSpace(irpId) ? null : irpId, ct));
    }

    [Function(nameof(GetOutboxEmail))]
    [OpenApiOperation("Outbox", "One email as a raw MIME message (message/rfc822).", ResponseContentType = "message/rfc822",
        Description = NoOutboxDescription, ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> GetOutboxEmail(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/outbox/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        if (Outbox() is not { } outbox) return NoOutbox();
        var raw = await outbox.GetRawAsync(id, ct);
        return raw is null
            ? Problems.NotFound($"There is no email with id '{id}' in the outbox.")
            : TypedResults.File(raw.ToArray(), "message/rfc822", $"{id}.eml");
    }

    // Registered only when no Graph mailbox is configured.
    private OutboxMailSender? Outbox() => services.GetService<OutboxMailSender>();

    private static IResult NoOutbox() => Problems.NotFound(
        "Mail is sent through Microsoft Graph here, so there is no local outbox: see the sender mailbox's Sent Items.");
}
