using IrpFlows.Local.Checks;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow.GoldenLogs;

/// <summary>
/// Logs of real IRPs and probation inspections at several stages, recorded from the app (<see cref="GoldenLogRecorder"/>)
/// and checked in, folded and planned with today's rules. "Fix a rule and every instance in flight follows it" holds only
/// if today's rules can still read yesterday's logs: each must plan, keep the promises no change of rules may break
/// (<see cref="LogCheck"/>: a done step stays done, no recorded step vanishes, no pending step passes its window without a
/// reason), keep every step id its approved snapshot has, and otherwise plan exactly as approved. A difference writes
/// <c>{name}.received.json</c> beside the approved file; approving a change of rules is replacing the approved file with it
/// (README.md in this folder).
/// </summary>
public sealed class GoldenLogTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IWorkflowKind>> Kinds = new(GoldenLog.TodaysKinds);

    public static TheoryData<string> Logs() => new(GoldenLog.Names());

    [Fact]
    public void TheCheckedInLogs_CoverEveryStageTheyAreMeantTo()
    {
        var names = GoldenLog.Names().ToList();
        Assert.True(names.Count >= 12, $"only {names.Count} golden logs in {GoldenLog.Folder}");
        var logs = names.Select(GoldenLog.Load).ToList();
        Assert.Contains(logs, l => l.Instance.Kind == "irp");
        Assert.Contains(logs, l => l.Instance.Kind == "probation");
        Assert.Contains(logs, l => l.Instance.EventsOfType(EngineEvents.StepRetryRequested).Any());
        Assert.Contains(logs, l => l.Instance.EventsOfType(EngineEvents.StepSkipped).Any());
        Assert.Contains(logs, l => l.Instance.Events.All(e => e.By is null));
        Assert.All(names, name => Assert.True(File.Exists(Path.Combine(GoldenLog.Folder, name + GoldenLog.ApprovedSuffix)),
            $"{name}{GoldenLog.LogSuffix} has no approved snapshot: run the tests, check {name}{GoldenLog.ReceivedSuffix} and rename it."));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void ARecordedLog_PlansWithTodaysRules_KeepingEveryPromise_AndAsApproved(string name)
    {
        var log = GoldenLog.Load(name);
        var verdict = LogCheck.Check(log.Instance, Kinds.Value);
        Assert.True(verdict.PlanError is null, $"{name} ({log.Description}) cannot be planned: {verdict.PlanError}");
        var received = GoldenLog.Snapshot(verdict.Status!);
        var approvedFile = Path.Combine(GoldenLog.Folder, name + GoldenLog.ApprovedSuffix);
        var receivedFile = Path.Combine(GoldenLog.Folder, name + GoldenLog.ReceivedSuffix);
        var approved = File.Exists(approvedFile) ? File.ReadAllText(approvedFile).ReplaceLineEndings("\n") : null;

        var broken = verdict.Broken.ToList();
        if (approved is not null) broken.AddRange(BrokenAgainstApproved(approved, verdict.Status!));
        if (received != approved) File.WriteAllText(receivedFile, received);
        else File.Delete(receivedFile);

        Assert.True(broken.Count == 0,
            $"{name} ({log.Description}) breaks what no change of rules may break; this cannot be approved away:\n  " + string.Join("\n  ", broken));
        Assert.True(approved is not null, $"{name} has no approved snapshot. Check {receivedFile} and, if it is right, rename it to {approvedFile}.");
        Assert.True(received == approved,
            $"{name} ({log.Description}) plans differently from its approved snapshot. Compare:\n  diff {approvedFile} {receivedFile}\n" +
            $"If today's rules are meant to plan it so, approve: mv {receivedFile} {approvedFile}");
    }

    /// <summary>What the approved snapshot holds that today's plan may not take away: its step ids, and a pending step's reason to skip.</summary>
    private static IEnumerable<string> BrokenAgainstApproved(string approved, InstanceStatus status)
    {
        foreach (var (id, was) in GoldenLog.ApprovedSteps(approved))
        {
            var step = status.Step(id);
            if (step is null)
                yield return $"step '{id}' ({was} in the approved snapshot) is no longer in the plan";
            else if (was == "done" && step.Status != StepStatus.Done)
                yield return $"step '{id}' was done and now plans as {step.Status.ToString().ToLowerInvariant()}";
            else if (was == "pending" && step.Status == StepStatus.Skipped && string.IsNullOrWhiteSpace(step.SkippedReason))
                yield return $"step '{id}' was pending and is now skipped with no reason for the coordinator";
        }
    }
}
