using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// A workflow kind for engine tests: its steps and their due times come from the Started event's data
/// ({ "steps": { "a": "2026-01-05T09:00:00Z", … }, "notAfter": { "a": … } }), an event "Added" adds a step, "Stop" terminates.
/// Its activity records each run, and can be told to fail or to wait. A Started event with "date" (yyyy-MM-dd) and "place"
/// is listed (<see cref="Listing"/>) on that date, its span the same day.
/// </summary>
internal sealed class ScriptedWorkflow : IWorkflowKind
{
    public const string KindName = "scripted";

    /// <summary>Every activity run, as "instance/step", in order (a step run twice appears twice).</summary>
    public ConcurrentQueue<string> Runs { get; } = new();

    /// <summary>Steps whose activity throws, and how many more times.</summary>
    public ConcurrentDictionary<string, int> FailuresToInject { get; } = new();

    /// <summary>How long each activity takes, to widen the window in which two dispatchers race.</summary>
    public TimeSpan ActivityDelay { get; set; }

    /// <summary>Called after each activity has done its work, before it returns: a test arms a crash here.</summary>
    public Action<string>? AfterWork { get; set; }

    /// <summary>An event type whose presence makes the log unplannable, as a bug or unexpected data would.</summary>
    public string? PoisonedBy { get; set; }

    public string Name => KindName;

    /// <summary>A test raises it with <see cref="RunsAfterStop"/>, as a deploy of changed rules would.</summary>
    public int RulesVersion { get; set; } = 1;

    /// <summary>A step a stop does not skip: a rule a later version adds (as a cancelled IRP's material came to be destroyed).</summary>
    public string? RunsAfterStop { get; set; }

    public static NewEvent Started(params (string Step, DateTimeOffset Due)[] steps)
    {
        var map = new JsonObject();
        foreach (var (step, due) in steps) map[step] = due.ToString("O");
        return new NewEvent("Started", new JsonObject { ["steps"] = map });
    }

    /// <summary>Steps with windows: each is skipped, with the reason "window of {step} closed", once its notAfter has come.</summary>
    public static NewEvent Started(params (string Step, DateTimeOffset Due, DateTimeOffset NotAfter)[] steps)
    {
        var started = Started(steps.Select(s => (s.Step, s.Due)).ToArray());
        var windows = new JsonObject();
        foreach (var (step, _, notAfter) in steps) windows[step] = notAfter.ToString("O");
        started.Data["notAfter"] = windows;
        return started;
    }

    public WorkflowPlan Plan(WorkflowInstance instance)
    {
        var steps = new List<PlannedWork>();
        var stopped = false;
        foreach (var e in instance.Events)
        {
            if (e.Type == PoisonedBy) throw new InvalidOperationException($"No rule expects a {e.Type} event.");
            if (e.Type is "Started" or "Added")
            {
                foreach (var (step, due) in e.Data["steps"]!.AsObject())
                    steps.Add(new PlannedWork(step, DateTimeOffset.Parse(due!.GetValue<string>()), StepReadiness.Ready)
                    {
                        NotAfter = e.Data["notAfter"]?[step] is { } notAfter ? DateTimeOffset.Parse(notAfter.GetValue<string>()) : null,
                        WindowReason = $"window of {step} closed",
                    });
            }
            stopped |= e.Type == "Stop";
        }
        if (stopped) steps = steps.Select(s => s.Id == RunsAfterStop ? s : s with { Readiness = StepReadiness.Skipped }).ToList();
        var started = instance.Events[0].Data;
        return new WorkflowPlan(steps, stopped, stopped ? "Stopped" : "Running", new JsonObject
        {
            ["steps"] = steps.Count, ["date"] = started["date"]?.DeepClone(), ["place"] = started["place"]?.DeepClone(),
        });
    }

    public WorkflowListing? Listing(JsonObject summary) =>
        summary["date"]?.GetValue<string>() is { } date && DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) is var day
            ? new WorkflowListing(day, day, day, summary["place"]?.GetValue<string>() ?? "", "")
            : null;

    // No one runs a scripted instance: the digest leaves it out.
    public WorkflowAgenda? Agenda(string instanceId, JsonObject summary) => null;

    public async Task<StepResult> RunStepAsync(WorkflowInstance instance, string stepId, CancellationToken cancellationToken)
    {
        Runs.Enqueue($"{instance.Id}/{stepId}");
        if (ActivityDelay > TimeSpan.Zero) await Task.Delay(ActivityDelay, cancellationToken);
        if (FailuresToInject.TryGetValue(stepId, out var left) && left > 0)
        {
            FailuresToInject[stepId] = left - 1;
            throw new InvalidOperationException($"Injected failure of {stepId}");
        }
        AfterWork?.Invoke(stepId);
        return new StepResult(new JsonObject { ["ran"] = stepId });
    }

    /// <summary>Every failure notice sent, as "instance/notice id: step", in order.</summary>
    public ConcurrentQueue<string> Notices { get; } = new();

    public Task<StepResult> NotifyFailureAsync(WorkflowInstance instance, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        Notices.Enqueue($"{instance.Id}/{failure.NoticeId}: {failure.StepId ?? "(instance)"}");
        return Task.FromResult(new StepResult(new JsonObject { ["told"] = failure.NoticeId }));
    }

    public int RunCount(string instanceId, string stepId) => Runs.Count(r => r == $"{instanceId}/{stepId}");
}
