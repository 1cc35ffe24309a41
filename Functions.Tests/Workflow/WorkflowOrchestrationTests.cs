using IrpFlows.Workflow;
using Microsoft.DurableTask;
using Moq;

// The Durable analyzer looks for the activities in this compilation; they are the Function App's, named with nameof.
#pragma warning disable DURABLE2003

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// The orchestrator alone, every branch, with Moq standing in for Durable's <see cref="TaskOrchestrationContext"/> (as
/// microsoft/durabletask-dotnet's Functions unit-test sample does): what it asks its activities, what it says it waits for,
/// and how it continues. Tasks the stand-in returns complete at once unless a test holds them, so each run is deterministic.
/// </summary>
public sealed class WorkflowOrchestrationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<object?> _statuses = [];
    private readonly List<WorkflowCursor> _continued = [];
    private readonly List<DateTime> _timers = [];
    private readonly Queue<WorkflowPass?> _delivered = new(); // changes delivered before the orchestrator asks for them
    private TaskCompletionSource<WorkflowPass?> _nextChange = new();
    private TaskCompletionSource _timer = new();

    public WorkflowOrchestrationTests()
    {
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _statuses.Add(status));
        _context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), true)).Callback((object? input, bool _) => _continued.Add((WorkflowCursor)input!));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                _timers.Add(fireAt);
                return _timer.Task;
            });
        _context.Setup(c => c.WaitForExternalEvent<WorkflowPass?>(WorkflowOrchestration.ChangedEvent, It.IsAny<CancellationToken>()))
            .Returns(() => _delivered.TryDequeue(out var change) ? Task.FromResult(change) : _nextChange.Task);
    }

    [Fact]
    public async Task NothingDue_SaysItWaitsUntilTheNextDueTime_AndAfterItsTimer_ContinuesAsNewWithTheStepsDueThen()
    {
        var waiting = Waiting(version: 4, wakeAt: Monday.AddDays(1), dueAtWake: ["announcement"]);

        var run = Run(new WorkflowCursor("irp-1", waiting, Generation: 7));

        Assert.False(run.IsCompleted);
        Assert.Equal([new OrchestrationState(OrchestrationState.Waiting, Monday.AddDays(1), 4, 7)], _statuses);
        Assert.Equal([waiting.WakeAtUtc!.Value], _timers);
        _timer.SetResult();
        await run;
        var next = Assert.Single(_continued);
        Assert.Equal(8, next.Generation);
        Assert.Equal(["announcement"], next.Pass!.DueSteps);
        _context.Verify(c => c.CallActivityAsync<WorkflowPass>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task WithoutAPass_ItPlansFirst_WithTheBookkeepingRetryPolicy()
    {
        Activity(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1", Waiting(version: 2, wakeAt: Monday.AddDays(1), dueAtWake: []),
            WorkflowOrchestration.Bookkeeping);

        var run = Run(new WorkflowCursor("irp-1", null));
        _timer.SetResult();
        await run;

        _context.Verify(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1", WorkflowOrchestration.Bookkeeping));
        Assert.Null(Assert.Single(_continued).Pass); // it knew of no step due at its wake: the next generation plans
    }

    [Fact]
    public async Task StepsDueTogether_RunInOneActivity_ThenThoseTheyMadeDue_WhileItSaysItIsRunningSteps_ThenItWaitsForWhatTheLastAnswered()
    {
        Steps(["a", "b"], Due(version: 7, "c"));
        Steps(["c"], Waiting(version: 8, wakeAt: Monday.AddDays(3), dueAtWake: ["d"]));

        var run = Run(new WorkflowCursor("irp-1", Due(version: 5, "a", "b"), Generation: 2));

        Assert.False(run.IsCompleted);
        Assert.Equal(
        [
            new OrchestrationState(OrchestrationState.RunningSteps, null, 5, 2),
            new OrchestrationState(OrchestrationState.RunningSteps, null, 7, 2),
            new OrchestrationState(OrchestrationState.Waiting, Monday.AddDays(3), 8, 2),
        ], _statuses);
        _context.Verify(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.RunWorkflowSteps), It.IsAny<object?>(), null), Times.Exactly(2));
        _timer.SetResult();
        await run;
    }

    [Fact]
    public async Task AnActivityThatFailsAsAWhole_RecordsAFailedAttemptOfEachOfItsSteps_WithTheVersionItRanFrom_ThenItWaitsForTheRetryTime()
    {
        _context.Setup(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.RunWorkflowSteps), It.Is<StepsCall>(call => call.StepIds.Count == 2), null))
            .ThrowsAsync(new TaskFailedException(nameof(WorkflowOrchestration.RunWorkflowSteps), 1,
                new TaskFailureDetails("Azure.RequestFailedException", "Service request failed. Status: 503", null, null, null)));
        Activity(nameof(WorkflowOrchestration.RecordWorkflowStepAttemptFailed), new StepFailure("irp-1", "a", 5, "Service request failed. Status: 503"),
            Due(version: 6, "b"), WorkflowOrchestration.Bookkeeping);
        Activity(nameof(WorkflowOrchestration.RecordWorkflowStepAttemptFailed), new StepFailure("irp-1", "b", 5, "Service request failed. Status: 503"),
            Waiting(version: 7, wakeAt: Monday.AddMinutes(1), dueAtWake: ["a", "b"]), WorkflowOrchestration.Bookkeeping);

        var run = Run(new WorkflowCursor("irp-1", Due(version: 5, "a", "b")));

        Assert.Equal(new OrchestrationState(OrchestrationState.Waiting, Monday.AddMinutes(1), 7, 0), _statuses[^1]);
        _timer.SetResult();
        await run;
        Assert.Equal(["a", "b"], Assert.Single(_continued).Pass!.DueSteps); // the retry is the next generation's first pass
    }

    [Fact]
    public async Task ALogThatCannotBePlanned_EndsTheOrchestration_WithoutContinuing()
    {
        Activity(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1",
            new WorkflowPass(false, [], null, null, [], 3) { Unplannable = true }, WorkflowOrchestration.Bookkeeping);

        await Run(new WorkflowCursor("irp-1", null));

        Assert.Empty(_continued);
        Assert.Empty(_timers);
    }

    [Fact]
    public async Task APlanThatFailsForAnyOtherReason_AfterItsRetries_EndsTheOrchestrationFaulted_ForTheSweepToRestart()
    {
        var storageDown = new TaskFailedException(nameof(WorkflowOrchestration.PlanWorkflowPass), 1,
            new TaskFailureDetails("Azure.RequestFailedException", "Service request failed. Status: 503", null, null, null));
        _context.Setup(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1", WorkflowOrchestration.Bookkeeping))
            .ThrowsAsync(storageDown);

        Assert.Same(storageDown, await Assert.ThrowsAsync<TaskFailedException>(() => Run(new WorkflowCursor("irp-1", null))));
        Assert.Empty(_continued);
    }

    [Fact]
    public async Task AStepThatStaysDue_StopsAtTheRunCap_AndContinuesAsNewToPlanAfresh()
    {
        Steps(["loop"], Due(version: 5, "loop"));

        await Run(new WorkflowCursor("irp-1", Due(version: 5, "loop"), Generation: 1));

        _context.Verify(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.RunWorkflowSteps), It.IsAny<object?>(), null),
            Times.Exactly(WorkflowOrchestration.MaxStepRunsPerPass));
        Assert.Equal(new WorkflowCursor("irp-1", null, 2), Assert.Single(_continued));
    }

    [Fact]
    public async Task AFinishedInstance_EndsTheOrchestration()
    {
        Steps(["last"], new WorkflowPass(true, [], null, null, [], 9));

        await Run(new WorkflowCursor("irp-1", Due(version: 8, "last")));

        Assert.Empty(_continued);
        Assert.Empty(_timers);
    }

    [Fact]
    public async Task AChange_BeforeTheTimer_IsFollowedInTheSameGeneration_WithTheTimeItCarries()
    {
        var run = Run(new WorkflowCursor("irp-1", Waiting(version: 4, wakeAt: Monday.AddDays(5), dueAtWake: [])));

        Deliver(Waiting(version: 5, wakeAt: Monday.AddDays(2), dueAtWake: ["visit-start"]));

        Assert.False(run.IsCompleted);
        Assert.Empty(_continued);
        Assert.Equal(new OrchestrationState(OrchestrationState.Waiting, Monday.AddDays(2), 5, 0), _statuses[^1]);
        Assert.Equal(2, _timers.Count);
        _timer.SetResult();
        await run;
        Assert.Equal(["visit-start"], Assert.Single(_continued).Pass!.DueSteps);
    }

    [Fact]
    public async Task ChangesDeliveredOutOfOrder_TheNewestIsFollowed_NotTheLastDelivered()
    {
        var newer = Waiting(version: 7, wakeAt: Monday.AddDays(1), dueAtWake: []);
        var older = Waiting(version: 5, wakeAt: Monday.AddDays(9), dueAtWake: []);
        _delivered.Enqueue(newer);
        _delivered.Enqueue(older);

        var run = Run(new WorkflowCursor("irp-1", Waiting(version: 4, wakeAt: Monday.AddDays(5), dueAtWake: [])));

        Assert.Equal(new OrchestrationState(OrchestrationState.Waiting, Monday.AddDays(1), 7, 0), _statuses[^1]);
        Assert.Equal(newer.WakeAtUtc, _timers[^1]);
        _timer.SetResult();
        await run;
    }

    [Fact]
    public async Task ABurstOfFiftyChanges_CostsOnePassAndNoNewGeneration()
    {
        for (var version = 5; version < 55; version++) _delivered.Enqueue(Waiting(version, Monday.AddHours(version), dueAtWake: []));

        var run = Run(new WorkflowCursor("irp-1", Waiting(version: 4, wakeAt: Monday.AddDays(5), dueAtWake: [])));

        Assert.Empty(_continued);
        Assert.Equal(new OrchestrationState(OrchestrationState.Waiting, Monday.AddHours(54), 54, 0), _statuses[^1]);
        Assert.Single(_timers); // the changes were all there when it came to wait: one timer, for the newest
        _timer.SetResult();
        await run;
    }

    [Fact]
    public async Task TheSweepsCall_CarriesNoPass_AndMakesItPlanAfresh()
    {
        Activity(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1", Due(version: 6, "a"), WorkflowOrchestration.Bookkeeping);
        Steps(["a"], new WorkflowPass(true, [], null, null, [], 7));
        _delivered.Enqueue(null);

        await Run(new WorkflowCursor("irp-1", Waiting(version: 6, wakeAt: Monday.AddDays(5), dueAtWake: [])));

        _context.Verify(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.PlanWorkflowPass), "irp-1", WorkflowOrchestration.Bookkeeping), Times.Once);
        Assert.Empty(_continued);
    }

    [Fact]
    public async Task ChangesArrivingOneByOne_ContinueAsNewAfterTheCap_SoNoHistoryGrowsWithoutBound()
    {
        var run = Run(new WorkflowCursor("irp-1", Waiting(version: 4, wakeAt: Monday.AddDays(5), dueAtWake: [])));

        for (var version = 5; !run.IsCompleted; version++) Deliver(Waiting(version, Monday.AddDays(5), dueAtWake: []));
        await run;

        Assert.Equal(WorkflowOrchestration.MaxChangesPerGeneration, _timers.Count);
        Assert.Equal(new WorkflowCursor("irp-1", null, 1), Assert.Single(_continued));
    }

    /// <summary>
    /// Runs the orchestrator with no synchronization context, so what a test completes (a change, the timer) resumes it at
    /// once, on the test's own thread, as Durable resumes it on each history event.
    /// </summary>
    private Task Run(WorkflowCursor cursor)
    {
        SynchronizationContext.SetSynchronizationContext(null);
        return WorkflowOrchestration.RunWorkflow(_context.Object, cursor);
    }

    /// <summary>Delivers a change to the waiting orchestrator; the next wait is a new one.</summary>
    private void Deliver(WorkflowPass? change)
    {
        var waiter = _nextChange;
        _nextChange = new TaskCompletionSource<WorkflowPass?>();
        waiter.SetResult(change);
    }

    private void Activity(string name, object input, WorkflowPass answer, TaskOptions? options = null) =>
        _context.Setup(c => c.CallActivityAsync<WorkflowPass>(name, input, options)).ReturnsAsync(answer);

    /// <summary>The steps' activity, called for these steps of irp-1 in this order, answers <paramref name="answer"/>.</summary>
    private void Steps(string[] stepIds, WorkflowPass answer) =>
        _context.Setup(c => c.CallActivityAsync<WorkflowPass>(nameof(WorkflowOrchestration.RunWorkflowSteps),
            It.Is<StepsCall>(call => call.InstanceId == "irp-1" && call.StepIds.SequenceEqual(stepIds)), null)).ReturnsAsync(answer);

    private static WorkflowPass Due(long version, params string[] steps) => new(false, steps, null, null, [], version);

    private static WorkflowPass Waiting(long version, DateTimeOffset wakeAt, IReadOnlyList<string> dueAtWake) =>
        new(false, [], wakeAt, wakeAt.UtcDateTime.AddSeconds(2), dueAtWake, version);
}
