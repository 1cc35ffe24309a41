using Azure;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

public sealed class TableClientTests
{
    private static async Task<TableClient> NewTableAsync(StorageClientOptions? options = null)
    {
        var service = new TableServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()), options);
        var table = service.GetTableClient(TestStorage.UniqueName("tbl"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task AddedEntity_IsReadBackWithItsETagAndTimestamp()
    {
        var table = await NewTableAsync();

        var etag = await table.AddEntityAsync(new TableEntity("irp-1", "snapshot") { ["Phase"] = "Announced" });
        var read = await table.GetEntityIfExistsAsync("irp-1", "snapshot");

        Assert.NotNull(read);
        Assert.Equal("Announced", read.GetString("Phase"));
        Assert.Equal("irp-1", read.PartitionKey);
        Assert.Equal("snapshot", read.RowKey);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task MissingEntity_ReadsAsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetEntityIfExistsAsync("nobody", "nothing"));
    }

    [Fact]
    public async Task CreateIfNotExists_OnAnExistingTable_KeepsItsEntities()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.CreateIfNotExistsAsync();

        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task AddingAnExistingRow_Fails409EntityAlreadyExists_AndKeepsTheOriginal()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 2 }));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(1, (await table.GetEntityIfExistsAsync("p", "r"))!.GetInt32("Value"));
    }

    [Fact]
    public async Task UpdateWithAStaleETag_Fails412_AndWithTheCurrentETagSucceeds()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 2 }, first);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 3 }, first));
        var third = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 4 }, second);

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        var read = await table.GetEntityIfExistsAsync("p", "r");
        Assert.Equal(4, read!.GetInt32("Value"));
        Assert.Equal(third, read.ETag);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task UpdateWithETagAll_IsUnconditional_ButStillRequiresTheRow()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 2 }, ETag.All);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "absent"), ETag.All));

        Assert.Equal(2, (await table.GetEntityIfExistsAsync("p", "r"))!.GetInt32("Value"));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task UpsertMerge_KeepsOtherProperties_WhileUpsertReplace_DropsThem()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["B"] = "b2" }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["B"] = "b2" }, TableUpdateMode.Replace);

        var merged = await table.GetEntityIfExistsAsync("p", "merge");
        var replaced = await table.GetEntityIfExistsAsync("p", "replace");
        Assert.Equal(("a", "b2"), (merged!.GetString("A"), merged.GetString("B")));
        Assert.Equal(((string?)null, "b2"), (replaced!.GetString("A"), replaced.GetString("B")));
    }

    [Fact]
    public async Task EveryPropertyType_RoundTripsWithItsExactTypeAndValue()
    {
        var table = await NewTableAsync();
        var instant = new DateTimeOffset(2023, 2, 13, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("types", "all")
        {
            ["Text"] = "it's \"quoted\" — ünïcode",
            ["Int"] = -42,
            ["Long"] = long.MaxValue,
            ["SmallLong"] = 7L,
            ["Flag"] = true,
            ["Double"] = 2.0,
            ["Fraction"] = 0.1,
            ["NotANumber"] = double.NaN,
            ["Infinite"] = double.NegativeInfinity,
            ["When"] = instant,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Nothing"] = null,
        };

        await table.AddEntityAsync(entity);
        var read = (await table.GetEntityIfExistsAsync("types", "all"))!;

        Assert.Equal("it's \"quoted\" — ünïcode", read["Text"]);
        Assert.Equal(-42, read["Int"]);
        Assert.Equal(long.MaxValue, read["Long"]);
        Assert.Equal(7L, read["SmallLong"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(2.0, read["Double"]);
        Assert.Equal(0.1, read["Fraction"]);
        Assert.Equal(double.NaN, read["NotANumber"]);
        Assert.Equal(double.NegativeInfinity, read["Infinite"]);
        Assert.Equal(instant, read["When"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read["Bytes"]);
        Assert.False(read.ContainsKey("Nothing"));
        Assert.Equal(instant, read.GetDateTimeOffset("When"));
        Assert.Equal(7L, read.GetInt64("SmallLong"));
        Assert.Equal(2.0, read.GetDouble("Double"));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
        Assert.True(read.GetBoolean("Flag"));
    }

    [Fact]
    public async Task KeysWithQuotesAndSlashFreePunctuation_AreAddressable()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("o'brien & co", "row 1 + 'x'") { ["V"] = 1 });

        var read = await table.GetEntityIfExistsAsync("o'brien & co", "row 1 + 'x'");
        await table.DeleteEntityAsync("o'brien & co", "row 1 + 'x'");

        Assert.Equal(1, read!.GetInt32("V"));
        Assert.Null(await table.GetEntityIfExistsAsync("o'brien & co", "row 1 + 'x'"));
    }

    [Fact]
    public async Task DeleteEntity_OfAMissingRow_Fails404_ButDeleteIfExistsReturnsFalse()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "absent"));
        var deletedMissing = await table.DeleteEntityIfExistsAsync("p", "absent");
        var deleted = await table.DeleteEntityIfExistsAsync("p", "r", etag);

        Assert.Equal(404, missing.Status);
        Assert.False(deletedMissing);
        Assert.True(deleted);
    }

    [Fact]
    public async Task DeleteEntity_WithAStaleETag_Fails412_AndKeepsTheRow()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));

        Assert.Equal(412, error.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task Query_FollowsContinuationTokens_AcrossSmallPages_InRowKeyOrder()
    {
        var table = await NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(i =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"row-{i:D3}") { ["I"] = i })));
        await table.AddEntityAsync(new TableEntity("other", "row-000"));

        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}"), maxPerPage: 10))
        {
            rows.Add(entity);
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"row-{i:D3}"), rows.Select(r => r.RowKey));
        Assert.Equal(Enumerable.Range(0, 25), rows.Select(r => r.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task QueryPage_ReturnsATokenUntilTheLastPage()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 3; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i}"));
        }

        var first = await table.QueryPageAsync(null, 2, null);
        var second = await table.QueryPageAsync(null, 2, first.ContinuationToken);

        Assert.Equal(["r0", "r1"], first.Values.Select(e => e.RowKey));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["r2"], second.Values.Select(e => e.RowKey));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task Query_WithFilterAndSelect_ReturnsOnlyMatchingRowsAndSelectedProperties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("due", "2023-02-01") { ["Step"] = "announce", ["Extra"] = 1 });
        await table.AddEntityAsync(new TableEntity("due", "2023-02-08") { ["Step"] = "remind", ["Extra"] = 2 });
        await table.AddEntityAsync(new TableEntity("due", "2023-03-01") { ["Step"] = "publish", ["Extra"] = 3 });

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"due"} and RowKey le {"2023-02-08"}");
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, select: ["Step"]))
        {
            rows.Add(entity);
        }

        Assert.Equal(["announce", "remind"], rows.Select(r => r.GetString("Step")));
        Assert.All(rows, r => Assert.False(r.ContainsKey("Extra")));
    }

    [Fact]
    public async Task CreateQueryFilter_DoublesQuotesInStrings_SoAValueCannotEscapeItsLiteral()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("o'neil", "1"));
        await table.AddEntityAsync(new TableEntity("x", "2"));

        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"o'neil"}")))
        {
            rows.Add(entity);
        }

        Assert.Equal(["o'neil"], rows.Select(r => r.PartitionKey));
    }

    [Fact]
    public async Task DeletedTable_IsReportedAsTableNotFound_NotAsAMissingRow()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.DeleteAsync();

        var readError = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r"));
        var deleteError = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityIfExistsAsync("p", "r"));
        Assert.Equal("TableNotFound", readError.ErrorCode);
        Assert.Equal("TableNotFound", deleteError.ErrorCode);
    }
}
