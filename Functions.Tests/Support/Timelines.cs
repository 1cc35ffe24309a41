using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IrpFlows.Tests.Support;

/// <summary>Running an IRP to its end on the development clock, as a coordinator would see it through.</summary>
public static class Timelines
{
    /// <summary>
    /// Moves the clock to each next due step until the IRP completes, recording the coordinator's events when the
    /// timeline waits for them: every judgement (reasonable progress) before the debrief document, the draft (uploaded and
    /// issued) on its planned date, the final report on its target date, publication on the deadline.
    /// </summary>
    public static async Task RunToCompletionAsync(this IrpFlowsApp app, string id)
    {
        for (var guard = 0; guard < 60; guard++)
        {
            var irp = await app.GetIrpAsync(id);
            if (irp["runtimeStatus"]!.GetValue<string>() == "Completed") return;
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
    /// Moves the clock to <paramref name="instant"/>, or a second on from now when that has passed: a step that answers something
    /// recorded (a moved visit, an upload) is due the instant it was recorded, and the clock has run on since.
    /// </summary>
    public static async Task MoveClockToAtLeastAsync(this IrpFlowsApp app, DateTimeOffset instant)
    {
        var now = (await app.Coordinator.GetFromJsonAsync<JsonObject>("/api/dev/clock"))!["now"]!.GetValue<DateTimeOffset>();
        await app.MoveClockAsync(instant > now ? instant : now.AddSeconds(1));
    }

    private static async Task RecordWhatItWaitsForAsync(IrpFlowsApp app, string id, JsonObject step)
    {
        var date = step["date"]!.GetValue<string>();
        switch (step["waitingFor"]!.GetValue<string>())
        {
            case "DraftIssued":
                Assert.Equal(HttpStatusCode.OK, (await app.PutReportFileAsync(id, "draft-report", "HMP Elmley draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
                Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "DraftIssued", new { date })).StatusCode);
                break;
            case "JudgementsRecorded":
                foreach (var item in (await app.GetIrpAsync(id))["judgements"]!.AsArray().Where(j => j!["judgement"] is null))
                    Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, item!["ref"]!.GetValue<string>(), new { judgement = "ReasonableProgress" })).StatusCode);
                break;
            case "FinalReportUploaded":
                Assert.Equal(HttpStatusCode.OK, (await app.PutReportFileAsync(id, "final-report", "Final report.pdf", TestFiles.Pdf("final"))).StatusCode);
                break;
            case "Published":
                Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "Published",
                    new { date, url = "https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-elmley-2/" })).StatusCode);
                break;
            default:
                Assert.Fail($"Step {step["id"]} waits for an event this test does not record: {step["waitingFor"]}");
                break;
        }
    }
}
