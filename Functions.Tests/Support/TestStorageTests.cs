using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Support;

public sealed class TestStorageTests
{
    [Theory]
    [InlineData("tbl")]
    [InlineData("Blob-Container_Name")]
    [InlineData("42abc")]
    [InlineData("a-very-long-prefix-that-would-push-the-name-beyond-the-limit")]
    public void UniqueName_IsAValidTableAndContainerName(string prefix)
    {
        var name = TestStorage.UniqueName(prefix);

        Assert.InRange(name.Length, 3, 63);
        Assert.True(char.IsAsciiLetterLower(name[0]));
        Assert.All(name, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        Assert.NotEqual(name, TestStorage.UniqueName(prefix));
    }

    [Fact]
    public async Task TestAzurite_ListensOnTheConnectionStringsPorts()
    {
        var connectionString = await TestStorage.ConnectionStringAsync();

        Assert.Equal(AzuriteInstance.AccountName, new BlobServiceClient(connectionString).AccountName);
        Assert.True(AzuriteLauncher.IsListening(new BlobServiceClient(connectionString).Uri.Port));
        Assert.True(AzuriteLauncher.IsListening(new Azure.Storage.Queues.QueueServiceClient(connectionString).Uri.Port));
        Assert.True(AzuriteLauncher.IsListening(new TableServiceClient(connectionString).Uri.Port));
    }

    [Fact]
    public async Task Launcher_ReusesAnAzuriteAlreadyListening_AndLeavesItRunningOnDispose()
    {
        var running = new BlobServiceClient(await TestStorage.ConnectionStringAsync()).Uri;
        var connectionString = await TestStorage.ConnectionStringAsync();
        var options = new AzuriteStartOptions
        {
            BlobPort = running.Port,
            QueuePort = new Azure.Storage.Queues.QueueServiceClient(connectionString).Uri.Port,
            TablePort = new TableServiceClient(connectionString).Uri.Port,
        };

        var reused = await AzuriteLauncher.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        await reused.DisposeAsync();

        Assert.False(reused.StartedByUs);
        Assert.Equal(running, new BlobServiceClient(reused.ConnectionString).Uri);
        Assert.True(AzuriteLauncher.IsListening(running.Port));
    }

    [Fact]
    public async Task Launcher_StartsItsOwnAzurite_AndDisposeStopsIt()
    {
        var options = new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true };

        var instance = await AzuriteLauncher.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        var table = new TableServiceClient(instance.ConnectionString).GetTableClient("launched");
        await table.CreateIfNotExistsAsync();
        await instance.DisposeAsync();

        Assert.True(instance.StartedByUs);
        Assert.False(AzuriteLauncher.IsListening(instance.BlobPort));
        Assert.False(AzuriteLauncher.IsListening(instance.TablePort));
    }

    [Fact]
    public void IsListening_TellsAnOpenPortFromAClosedOne()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var whileOpen = AzuriteLauncher.IsListening(port);
        listener.Stop();

        Assert.True(whileOpen);
        Assert.False(AzuriteLauncher.IsListening(port));
    }
}
