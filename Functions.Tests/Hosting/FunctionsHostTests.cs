using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Http;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Hosting;

/// <summary>The app as an Azure Functions custom handler: what the Functions host calls, and what infra/functions declares.</summary>
public sealed class FunctionsHostTests
{
    [Fact]
    public async Task TheTimerInvocation_RunsADispatcherTick_AndAnswersInTheCustomHandlerShape()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        // The dev clock is at 08:00 on the announcement day; the letter is due at 09:00.
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero));
        var clock = DevClockFor(app);
        Assert.Empty(await app.OutboxAsync(id));
        clock.TryMoveTo(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        // What the Functions host POSTs for a timer trigger: { Data: { timer: … }, Metadata: { … } }.
        var response = await app.Anonymous.PostAsJsonAsync("/" + HostEndpoints.DispatchTimerFunction,
            new { Data = new { timer = new { IsPastDue = false } }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body.ContainsKey("Outputs") && body.ContainsKey("Logs") && body.ContainsKey("ReturnValue"), body.ToJsonString());
        Assert.Equal("announcement", Assert.Single(await app.OutboxAsync(id))["step"]!.GetValue<string>());
    }

    [Fact]
    public void TheTimerFunctionDefinition_CallsTheDispatchEndpoint_EveryMinute()
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "functions",
            HostEndpoints.DispatchTimerFunction, "function.json")))!;
        var trigger = definition["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "timerTrigger")!;
        Assert.Equal("0 */1 * * * *", trigger["schedule"]!.GetValue<string>());
    }

    private static IrpFlows.Hosting.DevClock DevClockFor(IrpFlowsApp app) =>
        (IrpFlows.Hosting.DevClock)app.Services.GetService(typeof(TimeProvider))!;

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IrpFlows.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IrpFlows.sln not found above the test binaries.");
    }
}
