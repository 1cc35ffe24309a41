using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Reliability;

/// <summary>
/// Two hosts sharing one storage account and task hub, as a Function App scaled out: every IRP completes with every email
/// once. A class of its own so that it runs beside the host-kill test rather than after it: that test mostly waits out
/// leases, and the two in one class made the suite's longest chain.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SharedStorageReliabilityTests
{
    [Fact]
    public async Task FiftyIrps_OnTwoHostsSharingStorage_AllComplete_WithEveryEmailOnce()
    {
        var sharing = new Dictionary<string, string>
        {
            // More partitions than host.json's one, so orchestrations spread over both hosts (as they would in Azure with
            // the count raised on a new task hub); activities go to whichever host asks first.
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"] = "4",
        };
        await using var first = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, settings: sharing);
        await using var second = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, names: first.Names, settings: sharing);
        var ids = new List<string>();
        for (var i = 1; i <= 50; i++) ids.Add(await (i % 2 == 0 ? second : first).CreateIrpAsync(IrpRequests.ElmleyIn2023($"HMP Elmley {i}")));

        // Two hosts and fifty IRPs on one Azurite: a read may meet storage too slow to answer (503, Retry-After), which a
        // script asks again; what is promised is that every IRP completes with every email once.
        await first.RunAllToCompletionAsync(ids, ridesOutOutages: true);

        foreach (var id in ids) await EveryEmailOnce.AssertCompletedAsync(second, id);
    }
}
