using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

/// <summary>The counter the benchmark reads, in the SDK clients' pipelines.</summary>
public sealed class StorageRequestCounterTests
{
    private static async Task<TableClient> CountedTableAsync(StorageRequestCounter counter, string prefix)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var account = StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync());
        return account.CreateTableServiceClient(options).GetTableClient(TestStorage.UniqueName(prefix));
    }

    [Fact]
    public async Task Counter_CountsEachRequest_AndResetStartsAgainFromZero()
    {
        var counter = new StorageRequestCounter();
        var table = await CountedTableAsync(counter, "count");

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        var afterThree = counter.Count;
        counter.Reset();
        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.Equal(3, afterThree);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task ConflictAndPreconditionFailures_AreNotRetried()
    {
        var counter = new StorageRequestCounter();
        var table = await CountedTableAsync(counter, "noretry");
        await table.CreateIfNotExistsAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r"))).Headers.ETag!.Value;
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
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var nothingListens = $"http://127.0.0.1:{ClosedPort()}/devstoreaccount1";
        var account = StorageAccount.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint={nothingListens};TableEndpoint={nothingListens}");
        var blob = account.CreateBlobServiceClient(options).GetBlobContainerClient("c").GetBlobClient("b");

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
