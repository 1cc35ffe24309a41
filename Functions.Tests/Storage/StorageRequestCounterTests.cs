using System.Net;
using System.Net.Sockets;
using Azure;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

public sealed class StorageRequestCounterTests
{
    [Fact]
    public async Task Counter_CountsEachRequest_AndResetStartsAgainFromZero()
    {
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions();
        options.AddRequestCounter(counter);
        var table = new TableServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()), options)
            .GetTableClient(TestStorage.UniqueName("count"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.GetEntityIfExistsAsync("p", "r");
        var afterThree = counter.Count;
        counter.Reset();
        await table.GetEntityIfExistsAsync("p", "r");

        Assert.Equal(3, afterThree);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task ConflictAndPreconditionFailures_AreNotRetried()
    {
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions();
        options.AddRequestCounter(counter);
        var table = new TableServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()), options)
            .GetTableClient(TestStorage.UniqueName("noretry"));
        await table.CreateIfNotExistsAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        counter.Reset();

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        var precondition = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), stale));

        Assert.Equal((409, 412), (conflict.Status, precondition.Status));
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task Counter_AtPerRetry_CountsEveryAttempt_IncludingRetriesOfTransientFailures()
    {
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.AddRequestCounter(counter);
        var closedPort = ClosedPort();
        var blob = new BlobServiceClient(StorageConnection.Development(closedPort, closedPort), options)
            .GetBlobContainerClient("c").GetBlobClient("b");

        await Assert.ThrowsAnyAsync<Exception>(() => blob.ExistsAsync());

        Assert.Equal(3, counter.Count);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
