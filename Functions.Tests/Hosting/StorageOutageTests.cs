using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using IrpFlows.Hosting;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Hosting;

/// <summary>
/// Storage lost after start-up, as an operator meets it: Azurite stopped (connections refused) or frozen (SIGSTOP:
/// accepted, never answered). Health answers 503 with the reason within its 3 s cap, and a request that needs storage
/// answers 503 with <c>Retry-After</c> and a problem body, never 500, with the development clock on and off; one warning
/// says storage is lost and one that it is back; when it returns (even empty) the app carries on without a restart.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    // Health's own cap (StorageInitializer.CheckTimeout), with room for a machine that is busy running other tests.
    private static readonly TimeSpan HealthCap = StorageInitializer.CheckTimeout + TimeSpan.FromSeconds(4);

    // A request that meets a frozen account gives up within a few storage tries (ServiceRegistration's retry options);
    // one that meets a known outage answers at once. The margin is for a busy machine, not for the app.
    private static readonly TimeSpan RequestCap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StorageStopped_HealthAndRequestsAnswer503_ThenStorageBackEmpty_TheAppCarriesOnWithoutARestart(bool devClock)
    {
        await using var azurite = await OwnAzurite.StartAsync();
        var log = new CapturedLog();
        await using var app = await IrpFlowsApp.StartAsync(connectionString: azurite.ConnectionString, settings: DevClock(devClock),
            services: s => s.AddSingleton<ILoggerProvider>(log));

        await azurite.StopAsync();
        await AssertHealth503Async(app, "stopped, health first");
        await AssertRequest503Async(app, "stopped, then a request");

        await azurite.StartAgainAsync(); // in memory: it comes back with nothing, not even the app's tables
        await app.WaitUntilHealthyAsync();

        // The tables and containers are there again: reads answer...
        using (var list = await app.Coordinator.GetAsync("/api/irps")) Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var outbox = await app.Coordinator.GetAsync("/api/outbox")) Assert.Equal(HttpStatusCode.OK, outbox.StatusCode);
        if (devClock)
        {
            // ...and so is the task hub: a new IRP (its dates are before the real today, so only with the development
            // clock) starts, and its orchestration runs its announcement.
            var id = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Elmley"));
            await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
            Assert.Equal(["announcement"], await app.OutboxStepsAsync(id));
        }
        Assert.Single(log.At(LogLevel.Warning), l => l.Contains("Storage is no longer usable", StringComparison.Ordinal));
        Assert.Single(log.At(LogLevel.Warning), l => l.Contains("Storage is usable again", StringComparison.Ordinal));
        Assert.DoesNotContain(log.At(LogLevel.Error), l => l.Contains("IrpFlows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StorageFrozen_HealthAndRequestsAnswer503WithinTheirCaps_AndTheAppCarriesOnWhenItThaws(bool devClock)
    {
        await using var azurite = await OwnAzurite.StartAsync();
        await using var app = await IrpFlowsApp.StartAsync(connectionString: azurite.ConnectionString, settings: DevClock(devClock));

        // Each is the first to meet the frozen account, so each finds it out itself.
        azurite.Freeze();
        await AssertHealth503Async(app, "frozen, health first");
        azurite.Thaw();
        await app.WaitUntilHealthyAsync();
        azurite.Freeze();
        await AssertRequest503Async(app, "frozen, a request first");
        await AssertHealth503Async(app, "frozen, health after the request");
        azurite.Thaw();

        await app.WaitUntilHealthyAsync();
        using var list = await app.Coordinator.GetAsync("/api/irps");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task AHostToldToStop_WithStorageGone_ExitsWithinItsShutdownTimeout()
    {
        await using var azurite = await OwnAzurite.StartAsync();
        await using var app = await IrpFlowsApp.StartProcessAsync(connectionString: azurite.ConnectionString);
        await app.CreateIrpAsync(IrpRequests.Elmley("HMP Elmley")); // an orchestration the Durable worker holds

        await azurite.StopAsync(); // and nothing has noticed yet: no request, no sweep
        var took = await app.Process!.TerminateAsync(TimeSpan.FromMinutes(3));

        output.WriteLine($"SIGTERM with storage gone: the host exited after {took?.TotalSeconds:0.0} s");
        Assert.True(took < ShutdownTimeout, $"the host took {took?.ToString() ?? "more than 3 minutes"} to stop\n{app.Process.OutputTail}");
    }

    // ASP.NET Core's default HostOptions.ShutdownTimeout: the host gives its services this long to stop.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> DevClock(bool on) => new() { [ServiceRegistration.DevClockEnabledSetting] = on ? "true" : "false" };

    private async Task AssertHealth503Async(IrpFlowsApp app, string when)
    {
        var watch = Stopwatch.StartNew();
        using var health = await app.Anonymous.GetAsync("/api/health");
        watch.Stop();
        output.WriteLine($"{when}: GET /api/health {(int)health.StatusCode} in {watch.Elapsed.TotalSeconds:0.00} s");
        var problem = await AssertStorageProblemAsync(health);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "health says why");
        Assert.True(watch.Elapsed < HealthCap, $"{when}: health took {watch.Elapsed}");
    }

    private async Task AssertRequest503Async(IrpFlowsApp app, string when)
    {
        var watch = Stopwatch.StartNew();
        using var list = await app.Coordinator.GetAsync("/api/irps");
        watch.Stop();
        output.WriteLine($"{when}: GET /api/irps {(int)list.StatusCode} in {watch.Elapsed.TotalSeconds:0.00} s");
        await AssertStorageProblemAsync(list);
        Assert.True(list.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{when}: Retry-After is {list.Headers.RetryAfter}");
        Assert.True(watch.Elapsed < RequestCap, $"{when}: the request took {watch.Elapsed}");
    }

    private static async Task<JsonObject> AssertStorageProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Storage is not available", problem["title"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        return problem;
    }
}
