using System.Net;
using System.Text.Json.Nodes;

namespace IrpFlows.Tests.Support;

/// <summary>Running an IRP to its end on the development clock, as a coordinator would see it through.</summary>
public static class Timelines
{
    /// <summary>The name the debrief document is uploaded with.</summary>
    public const string DebriefDocumentName = "Debrief-document.pdf";

    /// <summary>
    /// Moves the clock to each next due step until the IRP completes, recording the coordinator's events when the
    /// timeline waits for them: every judgement (reasonable progress) and the debrief document (<see cref="DebriefDocumentName"/>),
    /// the draft (uploaded and issued) on its planned date, the final report on its target date (recorded sent elsewhere when
    /// the IRP has no ministerial office), publication on the deadline.
    /// </summary>
    public static Task RunToCompletionAsync(this IrpFlowsApp app, string id) => app.RunUntilAsync(id, doneStep: null);

    /// <summary>As <see cref="RunToCompletionAsync"/>, stopping once <paramref name="doneStep"/> is done (null: once the IRP completes).</summary>
    public static async Task RunUntilAsync(this IrpFlowsApp app, string id, string? doneStep)
    {
        for (var guard = 0; guard < 60; guard++)
        {
            var irp = await app.GetIrpAsync(id);
            if (irp["runtimeStatus"]!.GetValue<string>() == "Completed") return;
            if (doneStep is not null && IrpFlowsApp.Step(irp, doneStep)["status"]!.GetValue<string>() == "done") return;
            var pending = irp["timeline"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["status"]!.GetValue<string>() == "pending").ToList();
            var next = pending.Where(s => s["waitingFor"] is null).MinBy(s => s["due"]!.GetValue<DateTimeOffset>());
            var waiting = pending.Where(s => s["waitingFor"] is not null).MinBy(s => s["due"]!.GetValue<DateTimeOffset>());
            if (waiting is not null && (next is null || waiting["due"]!.GetValue<DateTimeOffset>() <= next["due"]!.GetValue<DateTimeOffset>()))
            {
                await app.MoveClockToAtLeastAsync(waiting["due"]!.GetValue<DateTimeOffset>().AddMinutes(-1));
                await RecordWhatItWaitsForAsync(app, id, waiting);
                continue;
            }
            Assert.NotNull(next);
            await app.MoveClockToAtLeastAsync(next["due"]!.GetValue<DateTimeOffset>());
        }
        Assert.Fail($"IRP {id} did not complete.");
    }

    /// <summary>
    /// Runs several IRPs to completion together on the one development clock: at each turn, the earliest thing any of
    /// them waits for happens (the clock moves to the next due step, or the coordinator records what steps wait for).
    /// With <paramref name="ridesOutOutages"/>, a request lost to a host that died (connection refused or reset) is
    /// ridden out: wait until the app is healthy again, read every IRP afresh, and carry on.
    /// </summary>
    public static async Task RunAllToCompletionAsync(this IrpFlowsApp app, IReadOnlyList<string> ids, bool ridesOutOutages = false)
    {
        for (var guard = 0; guard < 400; guard++)
        {
            try
            {
                var next = new List<(string Id, JsonObject Step)>();
                foreach (var id in ids)
                {
                    var irp = await app.GetIrpAsync(id);
                    if (irp["runtimeStatus"]!.GetValue<string>() == "Completed") continue;
                    next.Add((id, NextAction(irp) ?? throw new InvalidOperationException($"IRP {id} has nothing left to do but is {irp["runtimeStatus"]}.")));
                }
                if (next.Count == 0) return;
                var due = next.Min(n => ActionTime(n.Step));
                var now = next.Where(n => ActionTime(n.Step) == due).ToList();
                if (now.Any(n => n.Step["waitingFor"] is not null))
                {
                    await app.MoveClockToAtLeastAsync(due);
                    foreach (var (id, step) in now.Where(n => n.Step["waitingFor"] is not null)) await RecordWhatItWaitsForAsync(app, id, step);
                }
                else
                {
                    await app.MoveClockToAtLeastAsync(due);
                }
            }
            catch (Exception e) when (ridesOutOutages && e is HttpRequestException or TaskCanceledException or IOException)
            {
                await app.WaitUntilHealthyAsync();
            }
        }
        Assert.Fail("The IRPs did not complete.");
    }

    // The earliest pending step: one waiting for the coordinator comes first when it is due no later than the next to run.
    private static JsonObject? NextAction(JsonObject irp)
    {
        var pending = irp["timeline"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["status"]!.GetValue<string>() == "pending").ToList();
        var next = pending.Where(s => s["waitingFor"] is null).MinBy(s => s["due"]!.GetValue<DateTimeOffset>());
        var waiting = pending.Where(s => s["waitingFor"] is not null).MinBy(s => s["due"]!.GetValue<DateTimeOffset>());
        return waiting is not null && (next is null || waiting["due"]!.GetValue<DateTimeOffset>() <= next["due"]!.GetValue<DateTimeOffset>()) ? waiting : next;
    }

    // What is recorded for a waiting step happens a minute before its target, so the steps that follow it are not late.
    private static DateTimeOffset ActionTime(JsonObject step) =>
        step["due"]!.GetValue<DateTimeOffset>().AddMinutes(step["waitingFor"] is null ? 0 : -1);

    private static async Task RecordWhatItWaitsForAsync(IrpFlowsApp app, string id, JsonObject step)
    {
        var date = step["date"]!.GetValue<string>();
        switch (step["waitingFor"]!.GetValue<string>())
        {
            case "DraftIssued":
                await ExpectAsync(HttpStatusCode.OK, app.PutReportFileAsync(id, "draft-report", "HMP Elmley draft.pdf", TestFiles.Pdf("draft")));
                await ExpectAsync(HttpStatusCode.Accepted, app.RaiseAsync(id, "DraftIssued", new { date }));
                break;
            case "DebriefDocumentUploaded":
                // The team judges every item at its deliberation meeting and writes the debrief document from those judgements.
                foreach (var item in (await app.GetIrpAsync(id))["judgements"]!.AsArray().Where(j => j!["judgement"] is null))
                    await ExpectAsync(HttpStatusCode.OK, app.PutJudgementAsync(id, item!["ref"]!.GetValue<string>(), new { judgement = "ReasonableProgress" }));
                await ExpectAsync(HttpStatusCode.OK, app.PutReportFileAsync(id, "debrief-document", DebriefDocumentName, TestFiles.Pdf("debrief document")));
                break;
            case "FinalReportUploaded":
                await ExpectAsync(HttpStatusCode.OK, app.PutReportFileAsync(id, "final-report", "Final report.pdf", TestFiles.Pdf("final")));
                break;
            case "MinisterialOfficeNamed":
                // No ministerial office to send it to: the inspectorate sent it itself (prison guide 14.1), as the coordinator records.
                await ExpectAsync(HttpStatusCode.Accepted, app.RaiseAsync(id, "FinalReportSentElsewhere", new { date }));
                break;
            case "Published":
                await ExpectAsync(HttpStatusCode.Accepted, app.RaiseAsync(id, "Published",
                    new { date, url = "https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-elmley-2/" }));
                break;
            default:
                Assert.Fail($"Step {step["id"]} waits for an event this test does not record: {step["waitingFor"]}");
                break;
        }
    }

    // After a 503 a caller riding out outages reads the IRP again and does what it still waits for.
    private static async Task ExpectAsync(HttpStatusCode expected, Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        await IrpFlowsApp.ThrowIfUnavailableAsync(response);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
