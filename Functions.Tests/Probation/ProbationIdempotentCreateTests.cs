using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// <c>POST /api/probation-inspections</c> is as safe to retry as an IRP's create: one Idempotency-Key, one inspection, however
/// many requests carry it at once; another body with it 422; and a second active inspection of the same organisation within
/// 90 days refused, naming the first. Both kinds create through one flow, which <see cref="Http.IdempotentCreateTests"/> races
/// with fifty requests; ten show that probation's create goes through it.
/// </summary>
public sealed class ProbationIdempotentCreateTests
{
    private static async Task<(HttpStatusCode Status, string Body)> CreateAsync(IrpFlowsApp app, JsonObject body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/probation-inspections") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await app.Coordinator.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TenCreatesAtOnce_WithOneKey_MakeOneInspection_AnotherBodyGets422_AndTheSameOrganisationSoonAfterGets409()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(app, Inspection("2027-02-08"), key)));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Accepted, $"{(int)r.Status} {r.Body}"));
        var id = Assert.Single(responses.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Distinct());
        Assert.Equal(id, Assert.Single((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/probation-inspections"))!)!["id"]!.GetValue<string>());
        var (other, _) = await CreateAsync(app, Inspection("2027-03-01"), key);
        Assert.Equal((HttpStatusCode)422, other);

        // Local policy: the same organisation (names as they read) with fieldwork within 90 days of an active inspection is a duplicate.
        var sameName = Inspection("2027-04-26");
        sameName["organisation"]!["name"] = "kent,  surrey and sussex NPS Division";
        var (duplicate, duplicateBody) = await CreateAsync(app, sameName, key: null);
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Contains(id, JsonNode.Parse(duplicateBody)!["detail"]!.GetValue<string>());
        var (nextYear, _) = await CreateAsync(app, Inspection("2028-02-07"), key: null);
        Assert.Equal(HttpStatusCode.Accepted, nextYear);
    }
}
