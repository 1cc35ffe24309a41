using System.Net;
using System.Runtime.CompilerServices;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Reliability;

/// <summary>
/// The promises of the Durable migration (issue 10), on the local host and Azurite: IRPs run to completion with every
/// email once through repeated crashes of the host, and past a mail sender that fails for one IRP (two hosts sharing the
/// work: <see cref="SharedStorageReliabilityTests"/>). Slow (minutes): they carry the trait Category=Reliability, which CI
/// still runs.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ReliabilityTests(ITestOutputHelper output)
{
    /// <summary>
    /// The environment variable that replays a run: the seed every random fault of these tests is drawn from. Each run
    /// writes the seed it used to the test output and into its failure message.
    /// </summary>
    public const string SeedVariable = "IRPFLOWS_TEST_SEED";

    [Fact]
    public async Task TwentyIrps_ThroughTenKillsOfTheHost_AllComplete_WithEveryEmailOnce()
    {
        await using var app = await IrpFlowsApp.StartProcessAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, settings: QuickRecovery);
        var ids = new List<string>();
        for (var i = 1; i <= 20; i++) ids.Add(await app.CreateIrpAsync(IrpRequests.ElmleyIn2023($"HMP Elmley {i}")));

        var seed = Seed();
        using var stop = new CancellationTokenSource();
        await ReplayableWithAsync(seed, async () =>
        {
            var kills = KillAtRandomAsync(app.Process!, new Random(seed), times: 10, stop.Token);
            await app.RunAllToCompletionAsync(ids, ridesOutOutages: true);
            await kills;
            await app.WaitUntilHealthyAsync();

            Assert.True(app.Process!.Starts >= 11, $"the host was started {app.Process.Starts} times");
            foreach (var id in ids) await EveryEmailOnce.AssertCompletedAsync(app, id);
        });
    }

    [Fact]
    public async Task AMailSenderFailingForOneIrp_FailsThatStepAlone_AndARetryAfterItRecoversSendsItOnce()
    {
        var outage = new MailOutage();
        await using var app = await IrpFlowsApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Workflow:MaxStepAttempts"] = "2",
            ["Workflow:FirstRetryInterval"] = "01:00:00", // only a move of the clock brings the second attempt
        }, services: outage.Install);
        var failing = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Elmley"));
        var others = new[] { await app.CreateIrpAsync(IrpRequests.Elmley("HMP Hull")), await app.CreateIrpAsync(IrpRequests.Elmley("HMP Lewes")) };
        outage.FailFor = failing + "/announcement";

        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)); // after the 09:00 announcements

        // The first attempt failed; the second is a timed pass of its own, an hour later.
        var retrying = IrpFlowsApp.Step(await app.GetIrpAsync(failing), "announcement");
        Assert.Equal(("pending", 1), (retrying["status"]!.GetValue<string>(), retrying["failedAttempts"]!.GetValue<int>()));
        Assert.InRange(retrying["retryAt"]!.GetValue<DateTimeOffset>(), // an hour after the attempt, which came once the clock was at 10:00
            new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 11, 1, 0, TimeSpan.Zero));
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 11, 2, 0, TimeSpan.Zero));
        await app.CatchUpAsync(); // the coordinator's notice is due when the failure was recorded, just after the clock's move

        var failed = IrpFlowsApp.Step(await app.GetIrpAsync(failing), "announcement");
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal(2, failed["failedAttempts"]!.GetValue<int>());
        Assert.Contains("Mail server unavailable", failed["lastError"]!.GetValue<string>());
        // Nothing went to the governor; the coordinator was told, once, with the page to retry it from.
        var notice = Assert.Single(await app.OutboxAsync(failing));
        Assert.StartsWith(FailureNotices.StepPrefix, notice["step"]!.GetValue<string>());
        Assert.Equal([IrpRequests.CoordinatorEmail], notice["to"]!.AsArray().Select(a => a!.GetValue<string>()));
        foreach (var other in others) Assert.Equal(["announcement"], await app.OutboxStepsAsync(other));
        // The failed step holds nothing else up: the IRP's next step still goes on its date.
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(["documents-request"], (await app.OutboxStepsAsync(failing)).Where(step => !FailureNotices.IsNotice(step)));

        outage.FailFor = null;
        using var retry = await app.Coordinator.PostAsync($"/api/irps/{failing}/steps/announcement/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await app.CatchUpAsync();

        Assert.Equal("done", await app.StepStatusAsync(failing, "announcement"));
        Assert.Single(await app.OutboxAsync(failing), e => e["step"]!.GetValue<string>() == "announcement");
        using var again = await app.Coordinator.PostAsync($"/api/irps/{failing}/steps/announcement/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    // A killed host's partitions and half-done messages come back to the next host within seconds, not minutes.
    private static readonly Dictionary<string, string> QuickRecovery = new()
    {
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:leaseInterval"] = "00:00:08",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:leaseRenewInterval"] = "00:00:02",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout"] = "00:00:08",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:08",
    };

    /// <summary>The seed of this run's random faults: <see cref="SeedVariable"/> when set (a replay), else a fresh one; written to the output.</summary>
    private int Seed()
    {
        var given = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = string.IsNullOrEmpty(given) ? Random.Shared.Next() : int.Parse(given, System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"Random faults drawn from seed {seed}; replay with {SeedVariable}={seed}.");
        return seed;
    }

    /// <summary>Runs <paramref name="test"/>; a failure is reported with the seed that replays it.</summary>
    private static async Task ReplayableWithAsync(int seed, Func<Task> test, [CallerMemberName] string testName = "")
    {
        try
        {
            await test();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Failed with random faults from seed {seed} (replay: {SeedVariable}={seed} dotnet test --filter {testName}): {e.Message}", e);
        }
    }

    private static async Task KillAtRandomAsync(LocalHostProcess host, Random random, int times, CancellationToken ct)
    {
        for (var kill = 0; kill < times; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 6000)), ct);
            host.Kill();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1000)), ct);
            host.Restart();
        }
    }
}
