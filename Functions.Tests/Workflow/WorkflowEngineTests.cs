using System.Text.Json.Nodes;
using Azure.Core;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// The workflow log and the work of each orchestration pass, on real Azurite: what a pass finds due, steps run once,
/// appends that cannot be lost or doubled, failures that stay contained, and wake-ups that cannot be lost.
/// </summary>
public sealed class WorkflowEngineTests
{
    private static readonly DateTimeOffset T0 = EngineHarness.Monday;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Start_LogsTheInstance_AndStartsItsOrchestrationUnderTheSameId()
    {
        var h = await EngineHarness.CreateAsync();
        var status = await h.NewEngine().StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddHours(1))), h.Client, None);

        Assert.Equal(T0.AddHours(1), status.NextDue);
        Assert.Equal(RuntimeStatus.Pending, status.RuntimeStatus);
        Assert.Equal(["i1"], h.Started);
        Assert.Equal(T0.AddHours(1), (await h.NewEngine().GetAsync(ScriptedWorkflow.KindName, "i1", None))!.NextDue);
    }

    [Fact]
    public async Task APass_BeforeTheDueTime_RunsNothingAndWakesJustAfterIt_ThenAtTheDueTime_ListsTheStep()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddHours(1)), ("b", T0.AddDays(3))), h.Client, None);

        var planning = DateTime.UtcNow;
        var early = await engine.PlanPassAsync("i1", None);
        Assert.Empty(early.DueSteps);
        Assert.False(early.Finished);
        // The fake clock stands still while the system clock runs, so the timer is an hour of system time from the pass, and a
        // little more: Durable makes a timer's queue message visible after whole seconds, so it may fire up to a second early.
        Assert.InRange(early.WakeAtUtc!.Value, planning.AddHours(1).AddSeconds(1), DateTime.UtcNow.AddHours(1).AddSeconds(2));
        Assert.Equal(T0.AddHours(1), early.WakeAt); // what the orchestration's custom status says, for the sweep
        Assert.Equal(["a"], early.DueAtWake);

        h.Clock.SetUtcNow(T0.AddHours(1));
        var due = await engine.PlanPassAsync("i1", None);
        Assert.Equal(["a"], due.DueSteps);
        Assert.Null(due.WakeAtUtc);
    }

    [Fact]
    public async Task RunStep_DoesTheWorkOnceAndRecordsIt_AndARepeatOfTheActivityDoesNothing()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0)), h.Client, None);

        await engine.RunStepsAsync("i1", ["a"], None);
        await h.NewEngine().RunStepsAsync("i1", ["a"], None); // Durable delivered the activity again

        var status = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal(1, h.Kind.RunCount("i1", "a"));
        Assert.Equal(StepStatus.Done, status.Step("a")!.Status);
        Assert.Equal("a", status.Step("a")!.Result!["ran"]!.GetValue<string>());
        Assert.Single(status.Instance.EventsOfType(EngineEvents.StepCompleted));
        Assert.Equal(RuntimeStatus.Completed, status.RuntimeStatus);
        Assert.True((await engine.PlanPassAsync("i1", None)).Finished);
    }

    [Fact]
    public async Task AStepReachedAfterItsWindowClosed_IsRecordedSkippedWithItsReason_OnceAndWithoutItsWork_WhileOneStillInItsWindowRuns()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1",
            ScriptedWorkflow.Started(("late", T0, T0.AddHours(1)), ("open", T0, T0.AddHours(3))), h.Client, None);
        h.Clock.SetUtcNow(T0.AddHours(2)); // an outage: both were due at T0

        Assert.Equal(["late", "open"], (await engine.PlanPassAsync("i1", None)).DueSteps);
        await engine.RunStepsAsync("i1", ["late", "open"], None);
        await h.NewEngine().RunStepsAsync("i1", ["late", "open"], None); // Durable delivered the activity again

        var status = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal(0, h.Kind.RunCount("i1", "late"));
        Assert.Equal((StepStatus.Skipped, "window of late closed"), (status.Step("late")!.Status, status.Step("late")!.SkippedReason));
        Assert.Single(status.Instance.EventsOfType(EngineEvents.StepSkipped));
        Assert.Equal(1, h.Kind.RunCount("i1", "open"));
        Assert.Equal(StepStatus.Done, status.Step("open")!.Status);
        Assert.Equal(RuntimeStatus.Completed, status.RuntimeStatus);
    }

    [Fact]
    public async Task StepsDueTogether_RunInOneActivity_AFailingOneIsRecordedForItsRetry_TheOthersDone_AllInOneAppend()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0), ("b", T0), ("c", T0), ("d", T0.AddDays(1))), h.Client, None);
        h.Kind.FailuresToInject["b"] = 1;

        var pass = await engine.RunStepsAsync("i1", ["a", "b", "c"], None);
        await h.NewEngine().RunStepsAsync("i1", ["a", "b", "c"], None); // Durable delivered the activity again

        var status = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal((StepStatus.Done, StepStatus.Pending, StepStatus.Done), (status.Step("a")!.Status, status.Step("b")!.Status, status.Step("c")!.Status));
        Assert.Equal((1, T0.AddMinutes(1), "Injected failure of b"), (status.Step("b")!.Attempts, status.Step("b")!.RetryAt, status.Step("b")!.LastError));
        Assert.Equal(["Started", EngineEvents.StepCompleted, EngineEvents.StepAttemptFailed, EngineEvents.StepCompleted], status.Instance.Events.Select(e => e.Type));
        Assert.Equal(2, status.Instance.AppendIds.Count); // the start, then the three outcomes in one transaction
        Assert.Equal((1, 1), (h.Kind.RunCount("i1", "a"), h.Kind.RunCount("i1", "c")));
        Assert.Equal(T0.AddMinutes(1), pass.WakeAt);
        Assert.Equal(["b"], pass.DueAtWake);

        h.Clock.SetUtcNow(T0.AddMinutes(1));
        pass = await engine.RunStepsAsync("i1", pass.DueAtWake, None);
        Assert.Equal(StepStatus.Done, (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!.Step("b")!.Status);
        Assert.Equal(T0.AddDays(1), pass.WakeAt);
    }

    [Fact]
    public async Task MoreStepsDueThanOneTransactionHolds_RunInTurns_ThePassListingThoseLeft()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        var steps = Enumerable.Range(1, WorkflowEngine.MaxStepsPerRun + 5).Select(i => ($"s{i:00}", T0)).ToArray();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(steps), h.Client, None);

        var pass = await engine.RunStepsAsync("i1", steps.Select(s => s.Item1).ToList(), None);

        Assert.Equal(steps.Skip(WorkflowEngine.MaxStepsPerRun).Select(s => s.Item1), pass.DueSteps);
        pass = await engine.RunStepsAsync("i1", pass.DueSteps, None);
        Assert.True(pass.Finished);
        Assert.All(steps, s => Assert.Equal(1, h.Kind.RunCount("i1", s.Item1)));
    }

    [Fact]
    public async Task RunStep_DoesNothing_ForAStepNotYetDueOrSkippedSinceThePassWasPlanned()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0), ("b", T0.AddDays(1))), h.Client, None);
        await engine.AppendAsync(ScriptedWorkflow.KindName, "i1", _ => [new NewEvent("Stop", [])], h.Client, None);

        await engine.RunStepsAsync("i1", ["a"], None);
        await engine.RunStepsAsync("i1", ["b"], None);

        Assert.Empty(h.Kind.Runs);
        Assert.Equal(RuntimeStatus.Terminated, (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!.RuntimeStatus);
    }

    [Fact]
    public async Task AnAppendWhoseAnswerIsLost_IsRecognisedWhenItsRetryMeetsItsOwnCommit_AndIsNotWrittenTwice()
    {
        var h = await EngineHarness.CreateAsync();
        var lose = new LoseNextTransactionAnswer();
        var engine = h.NewEngine(lose, HttpPipelinePosition.PerRetry);
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddDays(1))), h.Client, None);

        lose.Arm();
        var after = await engine.AppendAsync(ScriptedWorkflow.KindName, "i1", _ => [new NewEvent("Added", new JsonObject { ["steps"] = new JsonObject { ["b"] = T0.AddDays(2).ToString("O") } })], h.Client, None);

        Assert.NotNull(after);
        var log = (await h.NewEngine().GetAsync(ScriptedWorkflow.KindName, "i1", None))!.Instance;
        Assert.Single(log.EventsOfType("Added"));
        Assert.Equal(2, log.Events.Count);
    }

    [Fact]
    public async Task TwentyConcurrentAppends_AreEachRecordedOnce_InOneUnbrokenSequence()
    {
        var h = await EngineHarness.CreateAsync();
        await h.NewEngine().StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddDays(1))), h.Client, None);

        var writers = Enumerable.Range(1, 20).Select(i => h.NewEngine().AppendAsync(ScriptedWorkflow.KindName, "i1",
            _ => [new NewEvent("Note", new JsonObject { ["n"] = i })], h.Client, None));
        var outcomes = await Task.WhenAll(writers.Select(async w => await Record.ExceptionAsync(() => w)));

        var log = (await h.NewEngine().GetAsync(ScriptedWorkflow.KindName, "i1", None))!.Instance;
        var notes = log.EventsOfType("Note").Select(e => e.Data["n"]!.GetValue<int>()).ToList();
        // A writer that kept colliding is told so (the HTTP layer answers 503 with Retry-After); none is half-written.
        var refused = outcomes.Count(o => o is WorkflowContentionException);
        Assert.All(outcomes, o => Assert.True(o is null or WorkflowContentionException, o?.ToString()));
        Assert.Equal(20 - refused, notes.Count);
        Assert.Equal(notes.Count, notes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, log.Events.Count).Select(n => (long)n), log.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AnAppend_TellsTheOrchestrationOnlyWhenItChangesWhatIsDueNext()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0.AddDays(2))), h.Client, None);

        await engine.AppendAsync(ScriptedWorkflow.KindName, "i1", _ => [new NewEvent("Note", [])], h.Client, None);
        Assert.Empty(h.Raised);

        await engine.AppendAsync(ScriptedWorkflow.KindName, "i1", _ => [new NewEvent("Added", new JsonObject { ["steps"] = new JsonObject { ["b"] = T0.AddDays(1).ToString("O") } })], h.Client, None);
        Assert.Equal([("i1", WorkflowOrchestration.ChangedEvent)], h.Raised);
    }

    [Fact]
    public async Task AFailedAttempt_IsRetriedAtItsBackOff_AsATimedPass_ThenTheLastShowsFailed_TheOthersGoOn_AndARetryMakesItDueAgain()
    {
        var h = await EngineHarness.CreateAsync(); // 3 attempts, the first retry a minute on, then five times longer
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0), ("b", T0.AddDays(1))), h.Client, None);
        var pass = await engine.PlanPassAsync("i1", None);

        pass = await engine.RecordStepAttemptFailedAsync("i1", "a", pass.Version, "IOException: mail server unavailable", None);
        var retrying = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal((StepStatus.Pending, 1, T0.AddMinutes(1)), (retrying.Step("a")!.Status, retrying.Step("a")!.Attempts, retrying.Step("a")!.RetryAt));
        Assert.Equal(T0.AddMinutes(1), retrying.NextDue); // the header says when, so the sweep leaves it alone meanwhile
        Assert.Equal(T0.AddMinutes(1), pass.WakeAt);
        Assert.Equal(["a"], pass.DueAtWake);
        // The same failure reported twice (the activity ran again) is one attempt.
        await engine.RecordStepAttemptFailedAsync("i1", "a", pass.Version - 1, "IOException: mail server unavailable", None);
        Assert.Equal(1, (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!.Step("a")!.Attempts);

        h.Clock.SetUtcNow(T0.AddMinutes(1));
        pass = await engine.PlanPassAsync("i1", None);
        Assert.Equal(["a"], pass.DueSteps);
        pass = await engine.RecordStepAttemptFailedAsync("i1", "a", pass.Version, "IOException: mail server unavailable", None);
        Assert.Equal(T0.AddMinutes(6), pass.WakeAt); // five times the first interval
        h.Clock.SetUtcNow(T0.AddMinutes(6));
        pass = await engine.RecordStepAttemptFailedAsync("i1", "a", pass.Version, "InvalidOperationException: mail server unavailable", None);

        var failed = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal(StepStatus.Failed, failed.Step("a")!.Status);
        Assert.Equal(3, failed.Step("a")!.Attempts);
        Assert.Equal("InvalidOperationException: mail server unavailable", failed.Step("a")!.LastError);
        Assert.Equal(RuntimeStatus.Running, failed.RuntimeStatus);
        Assert.Equal(RuntimeStatus.Running, (await engine.GetHeaderAsync("i1", None))!.RuntimeStatus); // header and log agree
        // The coordinator's notice is a step of its own, due at once, sent once however often its activity runs.
        var notice = FailureNotices.StepPrefix + failed.Instance.EventsOfType(EngineEvents.StepFailed).Single().Sequence;
        Assert.Equal([notice], (await engine.PlanPassAsync("i1", None)).DueSteps);
        await engine.RunStepsAsync("i1", [notice], None);
        await h.NewEngine().RunStepsAsync("i1", [notice], None);
        Assert.Equal([$"i1/{notice}: a"], h.Kind.Notices);
        Assert.Equal(T0.AddDays(1), (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!.NextDue); // b goes on
        Assert.Empty((await engine.PlanPassAsync("i1", None)).DueSteps);

        await engine.RetryStepAsync(ScriptedWorkflow.KindName, "i1", "a", h.Client, None);

        var retried = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal((StepStatus.Pending, 0), (retried.Step("a")!.Status, retried.Step("a")!.Attempts)); // a fresh set of attempts
        Assert.Equal(["a"], (await engine.PlanPassAsync("i1", None)).DueSteps);
        Assert.Contains(("i1", WorkflowOrchestration.ChangedEvent), h.Raised);
    }

    [Fact]
    public async Task RetryingAStepThatHasNotFailed_IsAConflict_AndAnUnknownStepIsNotFound()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0)), h.Client, None);

        Assert.Equal(RefusalKind.Conflict, (await Assert.ThrowsAsync<RefusedException>(() => engine.RetryStepAsync(ScriptedWorkflow.KindName, "i1", "a", h.Client, None))).Refusal.Kind);
        Assert.Equal(RefusalKind.NotFound, (await Assert.ThrowsAsync<RefusedException>(() => engine.RetryStepAsync(ScriptedWorkflow.KindName, "i1", "zz", h.Client, None))).Refusal.Kind);
        Assert.Null(await engine.RetryStepAsync(ScriptedWorkflow.KindName, "nope", "a", h.Client, None));
    }

    [Fact]
    public async Task TheSweep_TellsAnOrchestrationThatWaitsWhileAStepIsDue_StartsOneThatIsGone_AndLeavesOneRunningItsSteps()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        async Task StartAsync(string id, DateTimeOffset due, OrchestrationState? says)
        {
            await engine.StartAsync(ScriptedWorkflow.KindName, id, ScriptedWorkflow.Started(("a", due)), h.Client, None);
            h.CustomStatus[id] = says;
        }
        // A change made its step due an hour from now, but the raise was lost: it still waits for the day after tomorrow.
        await StartAsync("told", T0.AddDays(2), new OrchestrationState(OrchestrationState.Waiting, T0.AddDays(2), 1, 0));
        await engine.AppendAsync(ScriptedWorkflow.KindName, "told", _ => [new NewEvent("Added", new JsonObject { ["steps"] = new JsonObject { ["b"] = T0.AddHours(1).ToString("O") } })], durable: null, None);
        // Waits on a timer set before the development clock jumped past it (a crash in the middle of the clock's move).
        await StartAsync("jumped", T0.AddHours(1), new OrchestrationState(OrchestrationState.Waiting, T0.AddHours(1), 1, 0));
        await StartAsync("busy", T0.AddHours(1), new OrchestrationState(OrchestrationState.RunningSteps, null, 1, 0));
        await StartAsync("unstarted", T0.AddHours(1), null);
        h.Running.Remove("unstarted"); // the start was lost: the process died before Durable heard of it
        await StartAsync("later", T0.AddDays(1), new OrchestrationState(OrchestrationState.Waiting, T0.AddDays(1), 1, 0));
        h.Raised.Clear();
        h.Started.Clear();

        Assert.Equal(0, await engine.SweepAsync(h.Client, None)); // nothing is due yet
        h.Clock.SetUtcNow(T0.AddHours(1).AddSeconds(30));
        Assert.Equal(0, await engine.SweepAsync(h.Client, None)); // due, but a timer fires a few seconds late: give it its minute
        h.Clock.SetUtcNow(T0.AddHours(1).AddMinutes(2));
        Assert.Equal(3, await engine.SweepAsync(h.Client, None));

        Assert.Equal(["unstarted"], h.Started);
        Assert.Equal(["jumped", "told"], h.Raised.Select(r => r.InstanceId).Order());
        Assert.All(h.Raised, r => Assert.Equal(WorkflowOrchestration.ChangedEvent, r.Name));
    }

    [Fact]
    public async Task TheSweep_RaisesNothing_ForAStepBeingRetried_ThroughTwoAndAHalfHoursOfAttempts()
    {
        var h = await EngineHarness.CreateAsync();
        h.Options.MaxStepAttempts = 5; // the defaults: 1, 5, 25 and 120 minutes between attempts
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "i1", ScriptedWorkflow.Started(("a", T0)), h.Client, None);
        h.Raised.Clear();

        var pass = await engine.PlanPassAsync("i1", None);
        for (var minute = 0; minute <= 160; minute++)
        {
            h.Clock.SetUtcNow(T0.AddMinutes(minute));
            if (pass.DueSteps.Count == 0 && pass.WakeAt <= h.Clock.GetUtcNow()) pass = await engine.PlanPassAsync("i1", None); // its timer fires
            foreach (var step in pass.DueSteps) // as the orchestration runs them: a fails every time, its failure notice goes
            {
                h.CustomStatus["i1"] = new OrchestrationState(OrchestrationState.RunningSteps, null, pass.Version, 0);
                pass = step == "a"
                    ? await engine.RecordStepAttemptFailedAsync("i1", "a", pass.Version, "IOException: mail server unavailable", None)
                    : await engine.RunStepsAsync("i1", [step], None);
            }
            h.CustomStatus["i1"] = new OrchestrationState(OrchestrationState.Waiting, pass.WakeAt, pass.Version, 0);
            await engine.SweepAsync(h.Client, None);
        }

        var status = (await engine.GetAsync(ScriptedWorkflow.KindName, "i1", None))!;
        Assert.Equal((StepStatus.Failed, 5), (status.Step("a")!.Status, status.Step("a")!.Attempts));
        Assert.Single(h.Kind.Notices);
        Assert.Empty(h.Raised); // before timed retries: one raise a minute, about 150
    }

    [Fact]
    public async Task AnInstanceWhoseLogCannotBePlanned_FailsAlone_KeepsItsNextDueTime_AndRecoversWhenItsRuleIsFixed()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "broken", ScriptedWorkflow.Started(("a", T0.AddHours(1))), h.Client, None);
        await engine.StartAsync(ScriptedWorkflow.KindName, "healthy", ScriptedWorkflow.Started(("a", T0)), h.Client, None);
        await engine.AppendAsync(ScriptedWorkflow.KindName, "broken", _ => [new NewEvent("Poison", [])], h.Client, None);
        h.Kind.PoisonedBy = "Poison";

        var pass = await engine.PlanPassAsync("broken", None);

        Assert.True(pass.Unplannable);
        Assert.False(pass.Finished);
        var header = (await engine.GetHeaderAsync("broken", None))!;
        Assert.Equal(RuntimeStatus.Failed, header.RuntimeStatus);
        Assert.Contains("cannot be planned", header.Failure);
        Assert.Equal(T0.AddHours(1), header.NextDue); // the sweep keeps watching it
        Assert.Equal(["broken/instance-failed-2: (instance)"], h.Kind.Notices); // the coordinator is told, once per version of the log
        Assert.Equal(["a"], (await engine.PlanPassAsync("healthy", None)).DueSteps);
        Assert.DoesNotContain(await engine.DueInstancesAsync(T0.AddHours(2), None), id => id == "broken"); // a clock move does not wait for it
        Assert.Equal(["broken", "healthy"], await engine.ListedDueAsync(T0.AddHours(2), None)); // though the index, which it polls first, lists it

        // Within the hour the sweep leaves it; after it, it starts it again, and a fixed rule brings it back.
        h.Running.Remove("broken");
        h.Clock.SetUtcNow(T0.AddMinutes(30));
        await engine.SweepAsync(h.Client, None);
        Assert.DoesNotContain("broken", h.Started.Skip(2));
        h.Clock.SetUtcNow(T0.AddMinutes(61));
        await engine.SweepAsync(h.Client, None);
        Assert.Contains("broken", h.Started.Skip(2));
        h.Kind.PoisonedBy = null;
        Assert.Equal(["a"], (await engine.PlanPassAsync("broken", None)).DueSteps);
        header = (await engine.GetHeaderAsync("broken", None))!;
        Assert.Equal((RuntimeStatus.Pending, null), (header.RuntimeStatus, header.Failure));
    }

    [Fact]
    public async Task AnInstanceFinishedUnderOlderRules_IsPlannedAgainOnceByTheSweep_AndRunsWhatTheNewRulesMakeDue()
    {
        var h = await EngineHarness.CreateAsync();
        var engine = h.NewEngine();
        await engine.StartAsync(ScriptedWorkflow.KindName, "stopped", ScriptedWorkflow.Started(("a", T0.AddHours(1)), ("clean-up", T0.AddDays(10))), h.Client, None);
        await engine.AppendAsync(ScriptedWorkflow.KindName, "stopped", _ => [new NewEvent("Stop", [])], h.Client, None);
        Assert.Null((await engine.GetHeaderAsync("stopped", None))!.NextDue); // a stop skips every step: it has finished
        h.Running.Remove("stopped");
        h.Started.Clear();

        // A deploy whose rules still clean up after a stop.
        h.Kind.RunsAfterStop = "clean-up";
        h.Kind.RulesVersion = 2;
        h.Clock.SetUtcNow(T0.AddDays(1));
        Assert.Equal(0, await engine.SweepAsync(h.Client, None)); // planned again, nothing due yet
        var replanned = (await engine.GetHeaderAsync("stopped", None))!;
        Assert.Equal((T0.AddDays(10), 2, T0.AddDays(1)), (replanned.NextDue, replanned.RulesVersion, replanned.LastUpdatedTime));

        h.Clock.SetUtcNow(T0.AddDays(10).AddMinutes(2));
        Assert.Equal(1, await engine.SweepAsync(h.Client, None));
        Assert.Equal(["stopped"], h.Started);
        Assert.Equal(T0.AddDays(1), (await engine.GetHeaderAsync("stopped", None))!.LastUpdatedTime); // planned again once, not every sweep
        Assert.Equal(["clean-up"], (await engine.PlanPassAsync("stopped", None)).DueSteps);
    }
}
