using Azure;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

public sealed class TableTransactionTests
{
    private static async Task<TableClient> NewTableAsync()
    {
        var service = new TableServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()));
        var table = service.GetTableClient(TestStorage.UniqueName("txn"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Transaction_CommitsEveryActionKind_AndReturnsEachNewETagInOrder()
    {
        var table = await NewTableAsync();
        var snapshotETag = await table.AddEntityAsync(new TableEntity("irp", "snapshot") { ["Version"] = 1, ["Phase"] = "Planned" });
        await table.AddEntityAsync(new TableEntity("irp", "obsolete"));
        await table.AddEntityAsync(new TableEntity("irp", "replaced") { ["Old"] = "x" });
        await table.AddEntityAsync(new TableEntity("irp", "event-0000") { ["Type"] = "Started", ["Extra"] = 1 });

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("irp", "snapshot") { ["Version"] = 2 }, snapshotETag),
            new(TableTransactionActionType.Add, new TableEntity("irp", "event-0001") { ["Type"] = "Started" }),
            new(TableTransactionActionType.Delete, new TableEntity("irp", "obsolete")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("irp", "replaced") { ["New"] = "y" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("irp", "upserted") { ["A"] = 1 }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("irp", "event-0000") { ["Type"] = "Replaced" }, ETag.All),
        ]);

        var snapshot = await table.GetEntityIfExistsAsync("irp", "snapshot");
        var replaced = await table.GetEntityIfExistsAsync("irp", "replaced");
        Assert.Equal(6, etags.Count);
        Assert.Equal(snapshot!.ETag, etags[0]);
        Assert.Equal((await table.GetEntityIfExistsAsync("irp", "event-0001"))!.ETag, etags[1]);
        Assert.Equal(default, etags[2]);
        Assert.Equal(replaced!.ETag, etags[3]);
        Assert.Equal((2, "Planned"), (snapshot.GetInt32("Version"), snapshot.GetString("Phase")));
        Assert.Null(await table.GetEntityIfExistsAsync("irp", "obsolete"));
        Assert.Equal(((string?)null, "y"), (replaced.GetString("Old"), replaced.GetString("New")));
        Assert.NotNull(await table.GetEntityIfExistsAsync("irp", "upserted"));
        var event0 = await table.GetEntityIfExistsAsync("irp", "event-0000");
        Assert.Equal(("Replaced", false), (event0!.GetString("Type"), event0.ContainsKey("Extra")));
        Assert.Equal(event0.ETag, etags[5]);
    }

    [Fact]
    public async Task Transaction_WithAStaleETag_CommitsNothing_AndReportsTheFailingIndex()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("irp", "snapshot") { ["Version"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("irp", "snapshot") { ["Version"] = 2 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("irp", "event-0001")),
            new(TableTransactionActionType.Add, new TableEntity("irp", "event-0002")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("irp", "snapshot") { ["Version"] = 3 }, stale),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, error.FailedTransactionActionIndex);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Null(await table.GetEntityIfExistsAsync("irp", "event-0001"));
        Assert.Null(await table.GetEntityIfExistsAsync("irp", "event-0002"));
        Assert.Equal(2, (await table.GetEntityIfExistsAsync("irp", "snapshot"))!.GetInt32("Version"));
    }

    [Fact]
    public async Task Transaction_AddingAnExistingRow_Fails409_AndRollsBackEarlierActions()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("irp", "event-0002") { ["Type"] = "Original" });
        await table.AddEntityAsync(new TableEntity("irp", "snapshot") { ["Version"] = 1 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertMerge, new TableEntity("irp", "snapshot") { ["Version"] = 2 }),
            new(TableTransactionActionType.Add, new TableEntity("irp", "event-0002") { ["Type"] = "Duplicate" }),
        ]));

        Assert.Equal(409, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(1, (await table.GetEntityIfExistsAsync("irp", "snapshot"))!.GetInt32("Version"));
        Assert.Equal("Original", (await table.GetEntityIfExistsAsync("irp", "event-0002"))!.GetString("Type"));
    }

    [Fact]
    public async Task TransactionETags_AreUsableAsIfMatchForTheNextTransaction()
    {
        var table = await NewTableAsync();
        var first = await table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("irp", "snapshot") { ["Version"] = 1 })]);

        var second = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("irp", "snapshot") { ["Version"] = 2 }, first[0]),
            new(TableTransactionActionType.Add, new TableEntity("irp", "event-0001")),
        ]);
        var stale = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateMerge, new TableEntity("irp", "snapshot") { ["Version"] = 9 }, first[0])]));

        Assert.Equal(412, stale.Status);
        Assert.Equal(0, stale.FailedTransactionActionIndex);
        var snapshot = await table.GetEntityIfExistsAsync("irp", "snapshot");
        Assert.Equal(2, snapshot!.GetInt32("Version"));
        Assert.Equal(second[0], snapshot.ETag);
    }

    [Fact]
    public async Task HundredActionTransactions_FillAPartitionBeyondOneQueryPage()
    {
        var table = await NewTableAsync();
        for (var batch = 0; batch < 11; batch++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(batch * 100, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", $"{i:D5}") { ["I"] = i })));
        }

        var count = 0;
        var last = -1;
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"big"}")))
        {
            Assert.Equal(last + 1, entity.GetInt32("I"));
            last = entity.GetInt32("I")!.Value;
            count++;
        }

        Assert.Equal(1100, count);
    }

    [Fact]
    public async Task Transaction_RejectsMixedPartitionsAndMoreThanHundredActions_BeforeSending()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("a", "1")),
            new(TableTransactionActionType.Add, new TableEntity("b", "1")),
        ]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", $"{i}")))));
    }
}
