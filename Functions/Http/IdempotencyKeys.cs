using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/irps</c>, as Stripe's API has it: the first request with a key claims it (one row
/// beside the workflow log, added with If-None-Match, so of any number of simultaneous requests exactly one wins); that
/// request creates the IRP and stores its response in the row. Requests with the same key and the same body within
/// <see cref="Lifetime"/> get that response again; with another body, 422. A request that arrives while the first is still
/// running waits for its response. Requests that create nothing (400, 409) release the key, so nothing of them is kept.
/// "The same body" is the same request once read: whitespace and property order do not matter.
/// </summary>
/// <remarks>
/// The claim names the IRP's id before anything is created, so a claim whose request died before storing its response
/// (after creating the IRP, or before) is settled from the log: if the IRP it names exists, a repeat completes the claim with
/// the answer the log gives and returns it; if not, once the claim is older than <see cref="Lease"/> a repeat takes it over
/// and creates that same IRP. Two requests holding one claim can therefore never make two IRPs: the log's header is added
/// with If-None-Match.
/// </remarks>
public sealed class IdempotencyKeys(TableServiceClient tables, WorkflowOptions options, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>How long a key's response is kept, by the app's clock.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How long, by the app's clock, a claim with no response belongs to the request that made it. Creating an IRP takes well
    /// under a second, so a claim this old whose IRP is not in the log was left by a request that died before creating it.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    // Creating an IRP takes well under a second; a request still waiting after this gets 409 and may try again.
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);

    // A repeat waiting for the first request's answer reads the claim after 100 ms, then ever less often: fifty repeats
    // at once must not bury the storage that the first request needs to finish (they read 500 times a second at 100 ms).
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private const string Row = "key";
    private readonly TableClient _table = tables.GetTableClient(options.InstancesTable);

    /// <summary>What a key allows: create (with the id reserved for the IRP), or answer at once with <see cref="Answer"/>.</summary>
    public sealed record Claim(string Key, string? IrpId, ETag ETag, IResult? Answer);

    /// <summary>The answer to a create, kept with its key for the requests that repeat it.</summary>
    public sealed record Response(int Status, object Body, string? Location);

    /// <summary>Why a key sent is unusable (400 on the header), or null.</summary>
    public static string? Broken(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"must be 1 to {MaxKeyLength} printable ASCII characters without spaces (a UUID, say)."
            : null;

    /// <summary>The request as read, hashed: two bodies that read the same are the same.</summary>
    public static string Fingerprint<T>(T body, JsonSerializerOptions json) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, json)));

    /// <param name="fromLog">
    /// The answer the create of the IRP with the given id gave, as its log tells it; null when the log holds no such IRP.
    /// Asked when a claim has no response yet: at once, again once the claim's <see cref="Lease"/> has run out, and when
    /// waiting for the first request's response gives up.
    /// </param>
    public async Task<Claim> ClaimAsync(string key, string fingerprint, Func<string, CancellationToken, Task<Response?>> fromLog, CancellationToken ct)
    {
        var partition = "!idempotency-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        var waitUntil = TimeProvider.System.GetUtcNow() + WaitForFirst; // real time: the development clock may jump meanwhile
        var lookedInLog = false;
        var tryClaim = true;
        var pause = FirstPause;
        while (true)
        {
            if (tryClaim)
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
                    // Claimed before: answer as that claim says, reading it until it answers (not claiming it again).
                    tryClaim = false;
                }
            }
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: ct);
            if (!read.HasValue)
            {
                tryClaim = true; // released meanwhile: claim it again
                continue;
            }
            var claim = read.Value!;
            var claimedAt = claim.GetDateTimeOffset("ClaimedAt")!.Value;
            if (claimedAt + Lifetime <= time.GetUtcNow())
            {
                await ForgetAsync(partition, claim.ETag, ct);
                tryClaim = true;
                continue;
            }
            if (claim.GetString("Fingerprint") != fingerprint)
                return Answer(Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {Header} was first used, at {claimedAt:O}, with another body. Use a new key for a new request."));
            if (claim.GetInt32("Status") is { } status)
                return Answer(new StoredResponse(status, claim.GetString("Body")!, claim.GetString("Location")));

            var irpId = claim.GetString("IrpId")!;
            var leaseOver = claimedAt + Lease <= time.GetUtcNow();
            var waitOver = TimeProvider.System.GetUtcNow() > waitUntil;
            if (!lookedInLog || leaseOver || waitOver)
            {
                lookedInLog = true;
                if (await fromLog(irpId, ct) is { } logged)
                {
                    // Created, and its response never stored (the request died, or is about to store it): the log answers.
                    if (await TryCompleteAsync(partition, claim.ETag, logged, ct)) return Answer(StoredResponse.Of(logged));
                    continue; // completed or taken over meanwhile: read it again
                }
                if (leaseOver && await TryTakeOverAsync(partition, irpId, claim.ETag, ct) is { } takenOver) return takenOver;
                if (leaseOver) continue; // another request took it over first
            }
            if (waitOver)
                return Answer(Problems.Conflict("Still being created", $"The first request with this {Header} is still running; repeat this one shortly."));
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>
    /// Stores the response of the request that made the claim, for the requests that repeat it. A repeat that found the IRP
    /// in the log may have stored the same answer first; that is not an error.
    /// </summary>
    public async Task CompleteAsync(Claim claim, Response response, CancellationToken ct)
    {
        if (await TryCompleteAsync(claim.Key, claim.ETag, response, ct)) return;
        var now = await _table.GetEntityIfExistsAsync<TableEntity>(claim.Key, Row, cancellationToken: ct);
        if (now.HasValue && now.Value!.GetInt32("Status") is not null && now.Value.GetString("IrpId") == claim.IrpId) return;
        throw new InvalidOperationException(
            $"The {Header} claim for IRP {claim.IrpId} was taken over after its lease of {Lease.TotalMinutes:0} minute(s) ran out; its response is not kept.");
    }

    private async Task<bool> TryCompleteAsync(string partition, ETag etag, Response response, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(partition, Row)
            {
                ["Status"] = response.Status,
                ["Body"] = JsonSerializer.Serialize(response.Body, EventData.Json),
                ["Location"] = response.Location,
            }, etag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status404NotFound or StatusCodes.Status412PreconditionFailed)
        {
            return false;
        }
    }

    /// <summary>Renews a claim whose request died before creating its IRP, for this request to create that IRP; null when another got in first.</summary>
    private async Task<Claim?> TryTakeOverAsync(string partition, string irpId, ETag etag, CancellationToken ct)
    {
        try
        {
            var renewed = await _table.UpdateEntityAsync(new TableEntity(partition, Row) { ["ClaimedAt"] = time.GetUtcNow() }, etag, TableUpdateMode.Merge, ct);
            return new Claim(partition, irpId, renewed.Headers.ETag!.Value, null);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status404NotFound or StatusCodes.Status412PreconditionFailed)
        {
            return null;
        }
    }

    /// <summary>Gives a claim up: the request created nothing (or failed), so the key is free again.</summary>
    public Task ReleaseAsync(Claim claim, CancellationToken ct) => ForgetAsync(claim.Key, claim.ETag, ct);

    /// <summary>
    /// A create made once per <paramref name="key"/> (none: simply made): <paramref name="create"/> runs with the id the claim
    /// reserves, and its 202 (<typeparamref name="TCreated"/>) is kept for the requests that repeat it; any other answer releases
    /// the key, as does a failure.
    /// </summary>
    public async Task<IResult> CreateOnceAsync<TCreated>(string? key, string fingerprint, Func<string?, Task<IResult>> create,
        Func<string, CancellationToken, Task<Response?>> fromLog, CancellationToken ct)
        where TCreated : class
    {
        if (key is null) return await create(null);
        var claim = await ClaimAsync(key, fingerprint, fromLog, ct);
        if (claim.Answer is not null) return claim.Answer;
        IResult result;
        try
        {
            result = await create(claim.IrpId);
        }
        catch
        {
            await ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        if (result is Accepted<TCreated> { Value: { } created } accepted)
            await CompleteAsync(claim, new Response(accepted.StatusCode, created, accepted.Location), CancellationToken.None);
        else
            await ReleaseAsync(claim, CancellationToken.None);
        return result;
    }

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
        public static StoredResponse Of(Response response) =>
            new(response.Status, JsonSerializer.Serialize(response.Body, EventData.Json), response.Location);

        public Task ExecuteAsync(HttpContext context)
        {
            if (Location is not null) context.Response.Headers.Location = Location;
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Content(Body, "application/json; charset=utf-8", statusCode: Status).ExecuteAsync(context);
        }
    }
}
