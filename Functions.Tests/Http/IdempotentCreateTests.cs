using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using IrpFlows.Http;
using IrpFlows.Irps.Facts;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace IrpFlows.Tests.Http;

/// <summary>
/// <c>POST /api/irps</c> is safe to retry: the same Idempotency-Key and body return the first response, another body 422;
/// and an IRP is not created twice for one establishment's visit. Identical events sent at once record once.
/// </summary>
public sealed class IdempotentCreateTests
{
    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> CreateAsync(IrpFlowsApp app, JsonObject body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/irps") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await app.Coordinator.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static async Task<JsonArray> ListAsync(IrpFlowsApp app) => (await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!;

    [Fact]
    public async Task SameKeyAndBody_GetTheFirstResponseAgain_SameKeyAnotherBody_Gets422_AndOneIrpExists()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(app, IrpRequests.Elmley(), key);
        // The same request as read, written differently: its properties in another order.
        var reordered = new JsonObject(IrpRequests.Elmley().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var again = await CreateAsync(app, reordered, key);
        var other = await CreateAsync(app, IrpRequests.Elmley(name: "HMP Swaleside"), key);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first.Body), JsonNode.Parse(again.Body)), $"{first.Body}\n{again.Body}");
        Assert.Equal(first.Response.Headers.Location, again.Response.Headers.Location);
        Assert.Equal("true", again.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((HttpStatusCode)422, other.Status);
        Assert.Contains("Idempotency-Key", JsonNode.Parse(other.Body)!["title"]!.GetValue<string>());
        var id = JsonNode.Parse(first.Body)!["id"]!.GetValue<string>();
        Assert.Equal(id, Assert.Single(await ListAsync(app))!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task FiftyCreatesAtOnce_WithOneKey_MakeOneIrp_AndOneAnnouncement_AndNo5xx()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CreateAsync(app, IrpRequests.Elmley(), key)));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Accepted, $"{(int)r.Status} {r.Body}"));
        var ids = responses.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.Equal(id, Assert.Single(await ListAsync(app))!["id"]!.GetValue<string>());
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(["announcement"], await app.OutboxStepsAsync(id));
    }

    // The first request wrote the IRP and started it, then died before storing its response with the key (its storage
    // request to complete the claim never left). Without the log, every repeat for 24 hours would answer 409 "still being
    // created" for an IRP that exists.
    [Fact]
    public async Task ACreateThatDiedAfterWritingTheIrp_IsAnswered202FromTheLog_WithTheSameIrp_AndTheKeyKeepsThatAnswer()
    {
        var crash = new CrashAtClaimCompletion();
        var keysTables = crash.Tables(StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync()));
        await using var app = await IrpFlowsApp.StartAsync(services: s => s.AddSingleton(sp =>
            new IdempotencyKeys(keysTables, sp.GetRequiredService<WorkflowOptions>(), sp.GetRequiredService<TimeProvider>())));
        var key = Guid.NewGuid().ToString();

        var died = await CreateAsync(app, IrpRequests.Elmley(), key);
        Assert.True(crash.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, died.Status);
        var created = Assert.Single(await ListAsync(app))!["id"]!.GetValue<string>();

        var repeat = await CreateAsync(app, IrpRequests.Elmley(), key);
        var again = await CreateAsync(app, IrpRequests.Elmley(), key);

        Assert.True(repeat.Status == HttpStatusCode.Accepted, $"{(int)repeat.Status} {repeat.Body}");
        var body = JsonNode.Parse(repeat.Body)!;
        Assert.Equal(created, body["id"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/irps/{created}", body["statusQueryGetUri"]!.GetValue<string>());
        Assert.Equal(new Uri($"http://localhost/api/irps/{created}"), repeat.Response.Headers.Location);
        Assert.Equal("true", repeat.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.NotNull(body["warnings"]);
        Assert.True(JsonNode.DeepEquals(body, JsonNode.Parse(again.Body)), $"{repeat.Body}\n{again.Body}");
        var claim = Assert.Single(new TableClient(app.ConnectionString, app.Names.Instances).Query<TableEntity>(e => e.RowKey == "key"),
            e => e.PartitionKey.StartsWith("!idempotency-", StringComparison.Ordinal));
        Assert.Equal(202, claim.GetInt32("Status"));
        Assert.Equal(created, Assert.Single(await ListAsync(app))!["id"]!.GetValue<string>());
    }

    // The first request claimed the key, naming the IRP it would create, and died before creating it. Once the claim's
    // lease has run out a repeat takes the claim over and creates that very IRP.
    [Fact]
    public async Task AClaimLeftByARequestThatDiedBeforeCreating_IsTakenOverOnceItsLeaseRunsOut_AndCreatesTheIrpItNamed()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var key = Guid.NewGuid().ToString();
        var request = JsonSerializer.Deserialize<CreateIrpRequest>(IrpRequests.Elmley().ToJsonString(), EventData.Json)!;
        var died = await app.Services.GetRequiredService<IdempotencyKeys>().ClaimAsync(key, IdempotencyKeys.Fingerprint(request, EventData.Json),
            (_, _) => Task.FromResult<IdempotencyKeys.Response?>(null), CancellationToken.None);
        Assert.Null(died.Answer);

        await app.MoveClockAsync(IrpFlowsApp.MondayMorning + IdempotencyKeys.Lease + TimeSpan.FromSeconds(1));
        var repeat = await CreateAsync(app, IrpRequests.Elmley(), key);
        var again = await CreateAsync(app, IrpRequests.Elmley(), key);

        Assert.True(repeat.Status == HttpStatusCode.Accepted, $"{(int)repeat.Status} {repeat.Body}");
        Assert.Equal(died.IrpId, JsonNode.Parse(repeat.Body)!["id"]!.GetValue<string>());
        Assert.Equal(died.IrpId, Assert.Single(await ListAsync(app))!["id"]!.GetValue<string>());
        Assert.False(repeat.Response.Headers.Contains("Idempotent-Replayed")); // this request created it
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal("true", again.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(repeat.Body), JsonNode.Parse(again.Body)), $"{repeat.Body}\n{again.Body}");
    }

    /// <summary>The process dies at the storage request that completes a key's claim (the first PATCH of the keys' table client).</summary>
    private sealed class CrashAtClaimCompletion : HttpPipelinePolicy
    {
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        public TableServiceClient Tables(StorageAccount storage)
        {
            var options = new TableClientOptions();
            options.AddPolicy(this, HttpPipelinePosition.PerCall);
            return storage.CreateTableServiceClient(options);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            CrashOnFirstUpdate(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            CrashOnFirstUpdate(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void CrashOnFirstUpdate(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Patch && Interlocked.Exchange(ref _fired, 1) == 0)
                throw new IOException("Simulated crash before the key's claim was completed.");
        }
    }

    [Fact]
    public async Task AKeyIsForgotten_After24Hours()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var key = Guid.NewGuid().ToString();
        var first = await CreateAsync(app, IrpRequests.Elmley(), key);

        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddHours(24).AddMinutes(1));
        var later = await CreateAsync(app, IrpRequests.Elmley(name: "HMP Swaleside", announcementDate: "2026-11-24"), key);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, later.Status);
        Assert.Equal(2, (await ListAsync(app)).Count);
    }

    [Fact]
    public async Task ASecondActiveIrp_OfTheSameEstablishment_VisitingWithin90Days_Gets409NamingTheFirst_UntilItIsTerminated()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var first = await app.CreateIrpAsync(IrpRequests.Elmley());

        var sameWeek = await CreateAsync(app, IrpRequests.Elmley(name: " hmp  elmley "), key: null);
        var sevenWeeksLater = await CreateAsync(app, IrpRequests.Elmley(visitStart: "2027-04-05"), key: null);
        var otherPrison = await CreateAsync(app, IrpRequests.Elmley(name: "HMP Swaleside"), key: null);
        var nextYear = await CreateAsync(app, IrpRequests.Elmley(announcementDate: "2027-09-06", visitStart: "2027-11-15", sourceInspectionEnd: "2027-03-19"), key: null);

        Assert.Equal(HttpStatusCode.Conflict, sameWeek.Status);
        Assert.Contains(first, JsonNode.Parse(sameWeek.Body)!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, sevenWeeksLater.Status);
        Assert.Equal(HttpStatusCode.Accepted, otherPrison.Status);
        Assert.Equal(HttpStatusCode.Accepted, nextYear.Status);

        Assert.Equal(HttpStatusCode.Accepted, (await app.TerminateAsync(first, "Entered with the wrong dates")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await CreateAsync(app, IrpRequests.Elmley(), key: null)).Status);
    }

    [Fact]
    public async Task FiftyIdenticalEventsAtOnce_AreAccepted_WithNo5xx_AndRecordedOnce()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        var officer = new { name = "Lia Officer", email = IrpRequests.LiaisonEmail };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await app.RaiseAsync(id, "LiaisonOfficerAppointed", officer);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Accepted, $"{(int)r.StatusCode} {r.Body}"));
        var table = new Azure.Data.Tables.TableClient(app.ConnectionString, app.Names.Instances);
        var appointments = table.Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).Count(e => e.GetString("Type") == "LiaisonOfficerAppointed");
        Assert.Equal(1, appointments);
        Assert.Equal(IrpRequests.LiaisonEmail, (await app.GetIrpAsync(id))["contacts"]!["liaisonOfficer"]!["email"]!.GetValue<string>());
    }
}
