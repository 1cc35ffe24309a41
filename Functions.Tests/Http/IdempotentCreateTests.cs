using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

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
