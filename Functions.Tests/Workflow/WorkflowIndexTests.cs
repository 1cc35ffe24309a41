using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// The instances' index on real Azurite: reads that cost what they return, a store from before the index indexed once,
/// a race for one place decided by the index, and an index the sweep repairs when a write after a change was lost.
/// </summary>
public sealed class WorkflowIndexTests
{
    private static readonly DateTimeOffset T0 = EngineHarness.Monday;
    private static readonly CancellationToken None = CancellationToken.None;

    private static NewEvent Listed(string date, string place, params (string Step, DateTimeOffset Due)[] steps)
    {
        var started = ScriptedWorkflow.Started(steps);
        started.Data["date"] = date;
        started.Data["place"] = place;
        return started;
    }

    private static async Task<List<string>> AllPagesAsync(WorkflowEngine engine, InstanceQuery query)
    {
        var ids = new List<string>();
        for (var page = await engine.ListAsync(ScriptedWorkflow.KindName, query, None); ; page = await engine.ListAsync(ScriptedWorkflow.KindName, query with { Continuation = page.Continuation }, None))
        {
            ids.AddRange(page.Items.Select(h => h.Id));
            if (page.Continuation is null) return ids;
        }
    }

    [Fact]
    public async Task Paging_Through250_WithFilters_ReturnsEachExactlyOnce_InDateOrder()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        var random = new Random(20261206);
        var dates = new Dictionary<string, DateOnly>();
        for (var i = 0; i < 250; i++)
        {
            var id = $"i{i:D3}";
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(3 * 365));
            dates[id] = date;
            await engine.StartAsync(ScriptedWorkflow.KindName, id, Listed(date.ToString("yyyy-MM-dd"), $"place {i}", ("a", T0.AddDays(30))), h.Client, None);
            if (i % 5 == 0) await engine.AppendAsync(ScriptedWorkflow.KindName, id, _ => [new NewEvent("Stop", [])], h.Client, None);
        }

        var all = await AllPagesAsync(engine, new InstanceQuery(Top: 17));
        Assert.Equal(dates.OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key), all);

        var stoppedIn2027 = await AllPagesAsync(engine, new InstanceQuery(Year: 2027, Status: RuntimeStatus.Terminated, Top: 7));
        var expected = dates.Where(d => d.Value.Year == 2027 && int.Parse(d.Key[1..]) % 5 == 0).OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => d.Key).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stoppedIn2027);
        Assert.Equal(all, (await engine.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(), None)).Items.Select(i => i.Id)); // no top: every one
    }

    [Fact]
    public async Task RowsOfAnInstanceThatNeverCommitted_AreNotListed_AndTheRestAre()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "real", Listed("2027-03-01", "a", ("a", T0.AddDays(1))), h.Client, None);
        // What a create leaves when it fails between the index's write and its log's: rows, and no instance.
        await h.Table(h.Options.IndexTableName).AddEntityAsync(new TableEntity(ScriptedWorkflow.KindName, "date~2027-01-01~ghost") { ["Id"] = "ghost" });

        var page = await engine.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(Top: 10), None);

        Assert.Equal(["real"], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task AContinuationNotGivenByTheList_IsRefusedNamingIt()
    {
        var h = await EngineHarness.CreateAsync();
        var refused = await Assert.ThrowsAsync<RefusedException>(() =>
            h.NewEngine().ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(Top: 5, Continuation: "not base64 !"), None));
        Assert.Equal("continuation", Assert.Single(refused.Refusal.Errors!).Key);
    }

    [Fact]
    public async Task ACreateRacingAnotherForTheSamePlace_IsRefusedOnce_TheIndexDecides()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        // Both creates read the place before either has written: each sees nobody there, and only the index can tell them apart.
        using var bothLooked = new CountdownEvent(2);
        var looks = 0;
        Refusal? RefuseAnyone(IReadOnlyList<InstanceHeaderRow> there)
        {
            if (Interlocked.Increment(ref looks) <= 2)
            {
                bothLooked.Signal();
                bothLooked.Wait(TimeSpan.FromSeconds(30));
            }
            return there.Count > 0 ? Refusal.Conflict("There already", $"{there[0].Id} is there") : null;
        }

        var results = await Task.WhenAll(new[] { "first", "second" }.Select(id => Task.Run(async () =>
        {
            try
            {
                await engine.StartAsync(ScriptedWorkflow.KindName, id, Listed("2027-03-01", "hmp elmley", ("a", T0.AddDays(1))), RefuseAnyone, h.Client, None);
                return (id, (Refusal?)null);
            }
            catch (RefusedException e)
            {
                return (id, e.Refusal);
            }
        })));

        var started = Assert.Single(results, r => r.Item2 is null).id;
        var refused = Assert.Single(results, r => r.Item2 is not null);
        Assert.Equal($"{started} is there", refused.Item2!.Detail);
        Assert.Null(await engine.GetHeaderAsync(refused.id, None)); // nothing of the refused one was logged
        Assert.Equal([started], (await engine.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(), None)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task AStoreFromBeforeTheIndex_IsListedFromTheLogUntilIndexed_ThenIndexedOnce()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "late", Listed("2027-05-01", "b", ("a", T0.AddHours(1))), h.Client, None);
        await engine.StartAsync(ScriptedWorkflow.KindName, "early", Listed("2027-02-01", "a", ("a", T0.AddHours(2))), h.Client, None);
        await engine.StartAsync(ScriptedWorkflow.KindName, "unlisted", ScriptedWorkflow.Started(("a", T0.AddHours(3))), h.Client, None);
        var index = h.Table(h.Options.IndexTableName);
        await foreach (var row in index.QueryAsync<TableEntity>()) await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);

        var upgraded = h.NewEngine();
        await upgraded.CreateStorageIfNotExistsAsync(None); // starts indexing; until it is done, lists read the log
        Assert.Equal(["early", "late"], (await upgraded.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(), None)).Items.Select(i => i.Id));
        await upgraded.EnsureIndexedAsync(None); // what start-up began, and every sweep waits for

        Assert.Equal(["early", "late"], await AllPagesAsync(upgraded, new InstanceQuery(Top: 1)));
        var rows = new List<string>();
        await foreach (var row in index.QueryAsync<TableEntity>(select: ["RowKey"])) rows.Add(row.RowKey);
        Assert.Equal(3, rows.Count(r => r.StartsWith("due~", StringComparison.Ordinal))); // every instance with a step to come, listed or not
        h.Clock.SetUtcNow(T0.AddHours(3).AddMinutes(2));
        h.Running.Clear();
        Assert.Equal(3, await upgraded.SweepAsync(h.Client, None)); // the sweep finds them through the index
    }

    [Fact]
    public async Task ASweepWithNothingDue_CostsTheSame_WhateverTheStoreHolds()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        async Task<long> SweepCostAsync()
        {
            await engine.SweepAsync(h.Client, None); // the first after a change of the store may read the marker
            h.Requests.Reset();
            await engine.SweepAsync(h.Client, None);
            return h.Requests.Count;
        }

        for (var i = 0; i < 5; i++) await engine.StartAsync(ScriptedWorkflow.KindName, $"a{i}", ScriptedWorkflow.Started(("a", T0.AddDays(10))), h.Client, None);
        var withFive = await SweepCostAsync();
        for (var i = 0; i < 60; i++) await engine.StartAsync(ScriptedWorkflow.KindName, $"b{i}", ScriptedWorkflow.Started(("a", T0.AddDays(10))), h.Client, None);
        var withSixtyFive = await SweepCostAsync();

        Assert.Equal(1, withFive); // one query of the due rows up to now, for its one kind
        Assert.Equal(withFive, withSixtyFive);
    }

    [Fact]
    public async Task WhenTheWriteAfterAStepIsLost_TheSweepPutsTheIndexRight_AndStillWakesTheInstanceAtItsNextStep()
    {
        var h = await EngineHarness.CreateAsync();
        var loseIndexWrites = new FailIndexBatches(h.Options.IndexTableName);
        var engine = h.NewEngine(loseIndexWrites);
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddHours(1)), ("b", T0.AddHours(5))), h.Client, None);

        h.Clock.SetUtcNow(T0.AddHours(1));
        loseIndexWrites.Armed = true;
        await engine.RunStepsAsync("i1", ["a"], None); // done and recorded; the index still says "due at T0+1h"
        loseIndexWrites.Armed = false;
        Assert.Equal([T0.AddHours(1)], await DueRowsAsync(h, "i1"));

        h.Clock.SetUtcNow(T0.AddHours(1).AddMinutes(2));
        Assert.Equal(0, await engine.SweepAsync(h.Client, None)); // nothing due: the early row is moved on, nobody woken
        Assert.Equal([T0.AddHours(5)], await DueRowsAsync(h, "i1"));

        h.Running.Clear(); // its orchestration has gone
        h.Clock.SetUtcNow(T0.AddHours(5).AddMinutes(2));
        Assert.Equal(1, await engine.SweepAsync(h.Client, None));
        Assert.Equal(["i1", "i1"], h.Started);
    }

    [Fact]
    public async Task WhenTheWriteAfterACancellationIsLost_ItsStatusIsPutRightByTheNextSweep()
    {
        var h = await EngineHarness.CreateAsync();
        var loseIndexWrites = new FailIndexBatches(h.Options.IndexTableName);
        var engine = h.NewEngine(loseIndexWrites);
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", Listed("2027-03-01", "p", ("a", T0.AddDays(20))), h.Client, None);

        loseIndexWrites.ArmAfter = 1; // the write before the change goes; the one after is lost
        await engine.AppendAsync(ScriptedWorkflow.KindName, "i1", _ => [new NewEvent("Stop", [])], h.Client, None);
        Assert.Empty((await engine.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(Status: RuntimeStatus.Terminated), None)).Items);

        h.Clock.SetUtcNow(T0.AddMinutes(2));
        await engine.SweepAsync(h.Client, None);
        Assert.Equal(["i1"], (await engine.ListAsync(ScriptedWorkflow.KindName, new InstanceQuery(Status: RuntimeStatus.Terminated), None)).Items.Select(i => i.Id));
        // The row for the step it no longer has stays until the sweep reaches it, and goes then.
        Assert.Equal([T0.AddDays(20)], await DueRowsAsync(h, "i1"));
        h.Clock.SetUtcNow(T0.AddDays(20).AddMinutes(2));
        Assert.Equal(0, await engine.SweepAsync(h.Client, None));
        Assert.Empty(await DueRowsAsync(h, "i1"));
    }

    [Fact]
    public async Task AnInstanceWhoseDueRowWasDeleted_IsFoundAgainByTheDailyCheck_AndWoken()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddHours(1))), h.Client, None);
        var index = h.Table(h.Options.IndexTableName);
        await foreach (var row in index.QueryAsync<TableEntity>(r => r.RowKey.CompareTo("due~") > 0 && r.RowKey.CompareTo("due~~") < 0))
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey); // lost outside the write protocol: by hand, or a bug
        h.Running.Clear();

        h.Clock.SetUtcNow(T0.AddHours(2));
        Assert.Equal(0, await engine.SweepAsync(h.Client, None)); // the index no longer knows it
        h.Clock.SetUtcNow(T0 + WorkflowEngine.IndexAuditInterval);
        Assert.Equal(1, await engine.SweepAsync(h.Client, None));
        Assert.Equal(["i1", "i1"], h.Started);
        Assert.Equal([T0.AddHours(1)], await DueRowsAsync(h, "i1"));
    }

    private static async Task<List<DateTimeOffset>> DueRowsAsync(EngineHarness h, string id)
    {
        var due = new List<DateTimeOffset>();
        await foreach (var row in h.Table(h.Options.IndexTableName).QueryAsync<TableEntity>(r => r.PartitionKey == ScriptedWorkflow.KindName))
            if (row.RowKey.StartsWith("due~", StringComparison.Ordinal) && row.GetString("Id") == id)
                due.Add(new DateTimeOffset(long.Parse(row.RowKey.AsSpan(4, 19)), TimeSpan.Zero));
        return due;
    }

    /// <summary>Fails entity group transactions on the index table while armed, as an outage between two writes would.</summary>
    private sealed class FailIndexBatches(string indexTable) : HttpPipelinePolicy
    {
        public volatile bool Armed;
        private int _armAfter = -1;

        /// <summary>Lets this many index transactions through, then fails the next one.</summary>
        public int ArmAfter
        {
            set => Volatile.Write(ref _armAfter, value);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && IsIndexBatch(message))
            {
                if (Armed) throw new IOException("Simulated outage on the index's write.");
                var left = Volatile.Read(ref _armAfter);
                if (left == 0)
                {
                    Volatile.Write(ref _armAfter, -1);
                    throw new IOException("Simulated outage on the index's write.");
                }
                if (left > 0) Volatile.Write(ref _armAfter, left - 1);
            }
            return ProcessNextAsync(message, pipeline);
        }

        private bool IsIndexBatch(HttpMessage message)
        {
            if (message.Request.Content is null) return false;
            using var body = new MemoryStream();
            message.Request.Content.WriteTo(body, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains($"/{indexTable}(", StringComparison.Ordinal);
        }
    }
}
