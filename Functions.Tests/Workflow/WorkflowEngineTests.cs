using System.Text.Json.Nodes;
using Azure.Data.Tables;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow;

/// <summary>The durable engine on real Azurite: durability, exactly-once under concurrency, retries, crash recovery, cost.</summary>
public sealed class WorkflowEngineTests
{
    private static readonly DateTimeOffset T0 = EngineHarness.Monday;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Start_RunsNothingBeforeItsDueTime_ThenRunsTheStepOnceWhenDue()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddHours(1))), None);

        Assert.Equal(0, await engine.DispatchDueAsync(None));
        Assert.Equal(RuntimeStatus.Pending, (await engine.GetAsync("i1", None))!.RuntimeStatus);

        h.Clock.SetUtcNow(T0.AddHours(1));
        Assert.Equal(1, await engine.DispatchDueAsync(None));
        Assert.Equal(0, await engine.DispatchDueAsync(None));

        var status = (await engine.GetAsync("i1", None))!;
        Assert.Equal(StepStatus.Done, status.Step("a")!.Status);
        Assert.Equal(T0.AddHours(1), status.Step("a")!.CompletedAt);
        Assert.Equal("a", status.Step("a")!.Result!["ran"]!.GetValue<string>());
        Assert.Equal(RuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(1, h.Kind.RunCount("i1", "a"));
    }

    [Fact]
    public async Task Instance_SurvivesANewEngine_StepsDoneStayDoneAndNothingRunsTwice()
    {
        var h = await EngineHarness.CreateAsync();
        var first = h.NewEngine();
        await first.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0), ("b", T0.AddDays(3))), None);
        await first.DispatchDueAsync(None);

        var restarted = h.NewEngine(); // another process, same storage
        var status = (await restarted.GetAsync("i1", None))!;
        Assert.Equal(StepStatus.Done, status.Step("a")!.Status);
        Assert.Equal(StepStatus.Pending, status.Step("b")!.Status);
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);

        h.Clock.SetUtcNow(T0.AddDays(3));
        Assert.Equal(1, await restarted.DispatchDueAsync(None));
        Assert.Equal(1, h.Kind.RunCount("i1", "a"));
        Assert.Equal(1, h.Kind.RunCount("i1", "b"));
    }

    [Fact]
    public async Task TwoDispatchersOnTheSameStorage_NeverRunAStepTwice()
    {
        var h = await EngineHarness.CreateAsync();
        h.Kind.ActivityDelay = TimeSpan.FromMilliseconds(20);
        var a = h.NewEngine();
        var b = h.NewEngine();
        var ids = Enumerable.Range(0, 12).Select(i => $"race{i}").ToList();
        foreach (var id in ids)
            await a.StartAsync(ScriptedWorkflow.KindName, id, ScriptedWorkflow.Started(("s1", T0), ("s2", T0), ("s3", T0.AddMinutes(1))), None);
        h.Clock.SetUtcNow(T0.AddMinutes(1));

        // Both dispatch concurrently until neither finds anything to do.
        while (true)
        {
            var ran = await Task.WhenAll(a.DispatchDueAsync(None), b.DispatchDueAsync(None), a.DispatchInstanceAsync(ids[0], None));
            if (ran.Sum() == 0) break;
        }

        foreach (var id in ids)
        foreach (var step in new[] { "s1", "s2", "s3" })
            Assert.Equal(1, h.Kind.RunCount(id, step));
        foreach (var id in ids)
            Assert.Equal(RuntimeStatus.Completed, (await a.GetAsync(id, None))!.RuntimeStatus);
    }

    [Fact]
    public async Task FailingStep_IsRetriedAfterBackOff_ThenReportedFailedWithItsError()
    {
        var h = await EngineHarness.CreateAsync();
        h.Kind.FailuresToInject["a"] = 10;
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0)), None);

        Assert.Equal(1, await engine.DispatchDueAsync(None));
        var afterFirst = (await engine.GetAsync("i1", None))!.Step("a")!;
        Assert.Equal((StepStatus.Pending, 1), (afterFirst.Status, afterFirst.FailedAttempts));
        Assert.Equal(T0.AddMinutes(1), afterFirst.EffectiveDue);

        h.Clock.SetUtcNow(T0.AddSeconds(59));
        Assert.Equal(0, await engine.DispatchDueAsync(None)); // still backing off
        h.Clock.SetUtcNow(T0.AddMinutes(1));
        Assert.Equal(1, await engine.DispatchDueAsync(None));
        h.Clock.SetUtcNow(T0.AddMinutes(11));
        Assert.Equal(1, await engine.DispatchDueAsync(None));
        h.Clock.SetUtcNow(T0.AddDays(1));
        Assert.Equal(0, await engine.DispatchDueAsync(None)); // attempts exhausted: nothing more runs

        var status = (await engine.GetAsync("i1", None))!;
        Assert.Equal(StepStatus.Failed, status.Step("a")!.Status);
        Assert.Equal(3, status.Step("a")!.FailedAttempts);
        Assert.Contains("Injected failure of a", status.Step("a")!.LastError);
        Assert.Equal(RuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(3, h.Kind.RunCount("i1", "a"));
    }

    [Fact]
    public async Task CrashBetweenActivityAndRecord_RunsTheActivityAgainAfterTheLease_AndRecordsItOnce()
    {
        var h = await EngineHarness.CreateAsync();
        var crash = new CrashOnNextTransaction();
        var dying = h.NewEngine(crash);
        await dying.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0)), None);
        h.Kind.AfterWork = _ => crash.Arm();

        await Assert.ThrowsAsync<IOException>(() => dying.DispatchDueAsync(None));
        h.Kind.AfterWork = null;

        var survivor = h.NewEngine();
        h.Clock.SetUtcNow(T0.AddMinutes(4));
        Assert.Equal(0, await survivor.DispatchDueAsync(None)); // the dead dispatcher's lease still holds
        Assert.Equal(StepStatus.Pending, (await survivor.GetAsync("i1", None))!.Step("a")!.Status);

        h.Clock.SetUtcNow(T0.AddMinutes(5));
        Assert.Equal(1, await survivor.DispatchDueAsync(None));
        var status = (await survivor.GetAsync("i1", None))!;
        Assert.Equal(StepStatus.Done, status.Step("a")!.Status);
        Assert.Single(status.Instance.EventsOfType(EngineEvents.StepCompleted));
        Assert.Equal(2, h.Kind.RunCount("i1", "a")); // at-least-once: activities are idempotent by instance + step
    }

    [Fact]
    public async Task AnEventThatMakesWorkDueEarlier_IsPickedUpByTheNextTick()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("late", T0.AddDays(30))), None);

        await engine.AppendAsync("i1", _ => [new NewEvent("Added", new JsonObject { ["steps"] = new JsonObject { ["soon"] = T0.AddHours(2).ToString("O") } })], None);
        h.Clock.SetUtcNow(T0.AddHours(2));

        Assert.Equal(1, await engine.DispatchDueAsync(None));
        var status = (await engine.GetAsync("i1", None))!;
        Assert.Equal(StepStatus.Done, status.Step("soon")!.Status);
        Assert.Equal(StepStatus.Pending, status.Step("late")!.Status);
        Assert.Equal(T0.AddDays(30), status.NextDue);
    }

    [Fact]
    public async Task TerminatedInstance_RunsNothingMore_AndItsStepsAreSkipped()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0), ("b", T0.AddDays(1))), None);
        await engine.DispatchDueAsync(None);

        await engine.AppendAsync("i1", _ => [new NewEvent("Stop", [])], None);
        h.Clock.SetUtcNow(T0.AddDays(2));

        Assert.Equal(0, await engine.DispatchDueAsync(None));
        var status = (await engine.GetAsync("i1", None))!;
        Assert.Equal(RuntimeStatus.Terminated, status.RuntimeStatus);
        Assert.Equal(StepStatus.Done, status.Step("a")!.Status);
        Assert.Equal(StepStatus.Skipped, status.Step("b")!.Status);
        Assert.Equal(0, h.Kind.RunCount("i1", "b"));
    }

    [Fact]
    public async Task ConcurrentAppends_AreBothKept_InOrder()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddDays(1))), None);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => h.NewEngine().AppendAsync("i1",
            _ => [new NewEvent("Note", new JsonObject { ["n"] = i })], None)));

        var status = (await engine.GetAsync("i1", None))!;
        Assert.Equal(Enumerable.Range(1, 5).Select(n => (long)n), status.Instance.Events.Select(e => e.Sequence));
        Assert.Equal([0, 1, 2, 3], status.Instance.EventsOfType("Note").Select(e => e.Data["n"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task UnknownInstance_ReadsAsNull_AndAppendsNothing()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();

        Assert.Null(await engine.GetAsync("nope", None));
        Assert.Null(await engine.AppendAsync("nope", _ => [new NewEvent("Note", [])], None));
        Assert.Empty(await h.Table(h.Options.InstancesTable).QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task StorageCost_CreateIsTwoRequests_IdleTickIsOneWhateverExists()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();

        h.Requests.Reset();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i0", ScriptedWorkflow.Started(("a", T0.AddDays(9))), None);
        Assert.Equal(2, h.Requests.Count);

        for (var i = 1; i < 25; i++)
            await engine.StartAsync(ScriptedWorkflow.KindName, $"i{i}", ScriptedWorkflow.Started(("a", T0.AddDays(9))), None);
        h.Requests.Reset();
        await engine.DispatchDueAsync(None);
        Assert.Equal(1, h.Requests.Count);
    }
}
