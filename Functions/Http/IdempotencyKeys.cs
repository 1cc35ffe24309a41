using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using IrpFlows.Workflow;

namespace IrpFlows.Http;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/irps</c>, as Stripe's API has it: the first request with a key claims it (one row
/// beside the workflow log, added with If-None-Match, so of any number of simultaneous requests exactly one wins); that
/// request creates the IRP and stores its response in the row. Requests with the same key and the same body within
/// <see cref="Lifetime"/> get that response again; with another body, 422. A request that arrives while the first is still
/// running waits for its response. Requests that create nothing (400, 409) release the key, so nothing of them is kept.
/// "The same body" is the same request once read: whitespace and property order do not matter.
/// </summary>
public sealed class IdempotencyKeys(TableServiceClient tables, WorkflowOptions options, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>How long a key's response is kept, by the app's clock.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Creating an IRP takes well under a second; a request still waiting after this gets 409 and may try again.
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);
    private const string Row = "key";
    private readonly TableClient _table = tables.GetTableClient(options.InstancesTable);

    /// <summary>What a key allows: create (with the id reserved for the IRP), or answer at once with <see cref="Answer"/>.</summary>
    public sealed record Claim(string Key, string? IrpId, ETag ETag, IResult? Answer);

    /// <summary>Why a key sent is unusable (400 on the header), or null.</summary>
    public static string? Broken(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"must be 1 to {MaxKeyLength} printable ASCII characters without spaces (a UUID, say)."
            : null;

    /// <summary>The request as read, hashed: two bodies that read the same are the same.</summary>
    public static string Fingerprint<T>(T body, JsonSerializerOptions json) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, json)));

    public async Task<Claim> ClaimAsync(string key, string fingerprint, CancellationToken ct)
    {
        var partition = "!idempotency-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        var waitUntil = TimeProvider.System.GetUtcNow() + WaitForFirst; // real time: the development clock may jump meanwhile
        while (true)
        {
            var id = Guid.NewGuid().ToString("N");
            try
            {
                var added = await _table.AddEntityAsync(
                    new TableEntity(partition, Row) { ["Fingerprint"] = fingerprint, ["IrpId"] = id, ["ClaimedAt"] = time.GetUtcNow() }, ct);
                return new Claim(partition, id, added.Headers.ETag!.Value, null);
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
            {
                // Claimed before: answer as that claim says.
            }
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: ct);
            if (!read.HasValue) continue; // released meanwhile: claim it again
            var claim = read.Value!;
            if (claim.GetDateTimeOffset("ClaimedAt")!.Value + Lifetime <= time.GetUtcNow())
            {
                await ForgetAsync(partition, claim.ETag, ct);
                continue;
            }
            if (claim.GetString("Fingerprint") != fingerprint)
                return Answer(Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {Header} was first used, at {claim.GetDateTimeOffset("ClaimedAt"):O}, with another body. Use a new key for a new request."));
            if (claim.GetInt32("Status") is { } status)
                return Answer(new StoredResponse(status, claim.GetString("Body")!, claim.GetString("Location")));
            if (TimeProvider.System.GetUtcNow() > waitUntil)
                return Answer(Problems.Conflict("Still being created", $"The first request with this {Header} is still running; repeat this one shortly."));
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Stores the response of the request that made the claim, for the requests that repeat it.</summary>
    public Task CompleteAsync(Claim claim, int status, object body, string? location, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(claim.Key, Row)
        {
            ["Status"] = status,
            ["Body"] = JsonSerializer.Serialize(body, Irps.IrpEvents.Json),
            ["Location"] = location,
        }, claim.ETag, TableUpdateMode.Merge, ct);

    /// <summary>Gives a claim up: the request created nothing (or failed), so the key is free again.</summary>
    public Task ReleaseAsync(Claim claim, CancellationToken ct) => ForgetAsync(claim.Key, claim.ETag, ct);

    private async Task ForgetAsync(string partition, ETag etag, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, Row, etag, ct);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status404NotFound or StatusCodes.Status412PreconditionFailed)
        {
            // Someone else forgot or renewed it first.
        }
    }

    private static Claim Answer(IResult answer) => new("", null, default, answer);

    /// <summary>The first response again, marked as a replay.</summary>
    private sealed record StoredResponse(int Status, string Body, string? Location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            if (Location is not null) context.Response.Headers.Location = Location;
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Content(Body, "application/json; charset=utf-8", statusCode: Status).ExecuteAsync(context);
        }
    }
}
