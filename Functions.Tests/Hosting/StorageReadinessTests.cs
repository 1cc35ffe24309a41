using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Hosting;

/// <summary>
/// Storage is prepared in the background: the app answers health at once (503 with the reason until storage is usable),
/// and what needs storage waits for it.
/// </summary>
public sealed class StorageReadinessTests
{
    [Fact]
    public async Task WithStorageUnreachable_HealthAnswers503WithTheReason_AndCoordinatorRequestsGet503Problems()
    {
        // Azurite's public development account, on a port where nothing listens.
        const string unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = await IrpFlowsApp.StartAsync(connectionString: unreachable, waitUntilHealthy: false);

        JsonObject problem;
        var waited = 0;
        do
        {
            await Task.Delay(250);
            using var health = await app.Anonymous.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            problem = (await health.Content.ReadFromJsonAsync<JsonObject>())!;
        } while (problem["detail"]!.GetValue<string>().Contains("being prepared", StringComparison.Ordinal) && ++waited < 240);
        Assert.Contains("unreachable", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var response = await app.Coordinator.GetAsync("/api/irps");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task WithStorageReady_HealthSaysSo()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        await app.Coordinator.GetAsync("/api/irps"); // waits for storage

        var state = (await app.Anonymous.GetFromJsonAsync<JsonObject>("/api/health"))!;
        Assert.Equal("ready", state["storage"]!.GetValue<string>());
    }
}
