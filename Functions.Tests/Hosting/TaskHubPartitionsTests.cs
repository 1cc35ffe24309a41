using Azure.Data.Tables;
using DurableTask.AzureStorage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Hosting;

/// <summary>
/// What Durable's Azure Storage backend (DurableTask.AzureStorage, with the table partition manager Durable Functions
/// uses by default) does when host.json's <c>partitionCount</c> differs from the count an existing task hub was created
/// with. This is why infra/README.md says to change the count only together with <c>TaskHubName</c>.
/// </summary>
public sealed class TaskHubPartitionsTests
{
    [Fact]
    public async Task AHubKeepsThePartitionsItWasCreatedWith_AWorkerSetToFewerStillLeasesAndPollsThemAll()
    {
        var connection = await TestStorage.ConnectionStringAsync();
        var hub = TestStorage.UniqueTaskHubName();
        // A hub created with four partitions, as host.json made it before issue 21.
        await new AzureStorageOrchestrationService(Settings(connection, hub, partitions: 4, worker: "before")).CreateIfNotExistsAsync();

        // The same hub started by a worker configured for one.
        var after = new AzureStorageOrchestrationService(Settings(connection, hub, partitions: 1, worker: "after"));
        await after.StartAsync();
        try
        {
            // The partition manager claims every row of the hub's partitions table, one per control queue ever created,
            // and listens to each queue it claims: four leases to renew and four queues to poll, not one. New messages
            // are routed by the configured count (every instance to control-00), while those already waiting in the
            // other queues stay there, so one instance's messages would sit in two queues.
            var partitions = new TableClient(connection, hub + "Partitions");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            List<TableEntity> rows;
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                rows = await partitions.QueryAsync<TableEntity>().ToListAsync();
            } while (rows.Any(r => r.GetString("CurrentOwner") != "after") && DateTime.UtcNow < deadline);

            var queue = hub.ToLowerInvariant() + "-control-";
            Assert.Equal([queue + "00", queue + "01", queue + "02", queue + "03"], rows.Select(r => r.RowKey).Order());
            Assert.All(rows, r => Assert.Equal("after", r.GetString("CurrentOwner")));
        }
        finally
        {
            await after.StopAsync(isForced: true);
        }
    }

    private static AzureStorageOrchestrationServiceSettings Settings(string connection, string hub, int partitions, string worker) => new()
    {
        TaskHubName = hub,
        StorageAccountClientProvider = new StorageAccountClientProvider(connection),
        PartitionCount = partitions,
        WorkerId = worker,
        UseAppLease = false,
    };
}
