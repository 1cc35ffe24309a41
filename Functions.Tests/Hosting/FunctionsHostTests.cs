using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IrpFlows.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task EveryEndpointOfTheApp_IsReachableThroughAFunctionDefinition_ExceptTheDevClock()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var functions = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "infra", "functions"))
            .SelectMany(dir => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "function.json")))!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => (Route: RouteRegex(b!["route"]!.GetValue<string>()),
                Methods: b["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToHashSet()))
            .ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: Sample(e.RoutePattern), Method: m)))
            .Where(e => !e.Path.StartsWith("/api/dev/", StringComparison.Ordinal) && e.Path != "/" + HostEndpoints.DispatchTimerFunction)
            .ToList();

        Assert.NotEmpty(endpoints);
        var unreachable = endpoints.Where(e => !functions.Any(f => f.Methods.Contains(e.Method) && f.Route.IsMatch(e.Path))).ToList();
        Assert.True(unreachable.Count == 0, "No function forwards: " + string.Join(", ", unreachable.Select(e => $"{e.Method} {e.Path}")));
    }

    /// <summary>A concrete path for a route pattern: each parameter becomes "x".</summary>
    private static string Sample(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "x",
        }))));

    /// <summary>A function route ("api/irps/{*rest}", "upload/{token}") as a regex over paths.</summary>
    private static Regex RouteRegex(string route) => new("^/" + string.Join("/", route.Split('/').Select(segment =>
        segment.StartsWith("{*", StringComparison.Ordinal) ? ".+" : segment.StartsWith('{') ? "[^/]+" : Regex.Escape(segment))) + "$");

    private static IrpFlows.Hosting.DevClock DevClockFor(IrpFlowsApp app) =>
        (IrpFlows.Hosting.DevClock)app.Services.GetService(typeof(TimeProvider))!;

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IrpFlows.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IrpFlows.sln not found above the test binaries.");
    }
}
