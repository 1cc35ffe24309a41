using System.Net;
using Azure.Data.Tables;
using IrpFlows.Irps.Material;
using IrpFlows.Local.Checks;
using IrpFlows.Probation;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Workflow.GoldenLogs;

/// <summary>
/// Records the golden logs from the real app: IRPs (prison, IRC, a Welsh prison with Estyn) and probation inspections
/// driven over HTTP on the development clock, each log read from the workflow table the moment it reaches its stage. With
/// <c>IRPFLOWS_UPDATE_GOLDEN_LOGS=1</c> the logs replace those checked in (then run <see cref="GoldenLogTests"/> and
/// approve what it received); otherwise they go to a temporary folder, and the test holds that what today's app writes,
/// today's rules can plan.
/// </summary>
public sealed class GoldenLogRecorder
{
    private static readonly DateTimeOffset T0 = IrpFlowsApp.MondayMorning;

    [Fact]
    public async Task TheLogsTheAppWritesAtEachStage_PlanWithItsOwnRules_KeepingEveryPromise()
    {
        var folder = Environment.GetEnvironmentVariable("IRPFLOWS_UPDATE_GOLDEN_LOGS") == "1"
            ? GoldenLog.Folder
            : Directory.CreateTempSubdirectory("golden-logs-").FullName;
        var outage = new MailOutage();
        // One attempt per step, so the mail outage below records the step failed at once.
        await using var app = await IrpFlowsApp.StartAsync(T0, settings: new Dictionary<string, string> { ["Workflow:MaxStepAttempts"] = "1" },
            services: outage.Install);
        var store = new WorkflowStore(new TableServiceClient(app.ConnectionString), new WorkflowOptions { InstancesTable = app.Names.Instances });
        var recorded = new List<GoldenLog>();
        async Task RecordAsync(string name, string id, string description)
        {
            var log = new GoldenLog(name, description, (await store.LoadAsync(id, CancellationToken.None))!.Instance);
            log.Save(folder);
            recorded.Add(log);
        }

        var created = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Elmley"));
        var partlyReceived = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Bedford", liaisonOfficer: true));
        var moved = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Lewes", liaisonOfficer: true));
        var factCheck = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Hull", liaisonOfficer: true).WithReportContacts());
        var completed = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Exeter", liaisonOfficer: true).WithReportContacts());
        var cancelled = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Lincoln"));
        var retried = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Norwich", liaisonOfficer: true));
        var irc = await app.CreateIrpAsync(IrpRequests.Irc());
        var welsh = IrpRequests.Elmley("HMP Parc", liaisonOfficer: true);
        welsh["establishment"]!["nation"] = "wales";
        welsh["educationConcerns"] = true;
        var estyn = await app.CreateIrpAsync(welsh);
        var probationCreated = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-02-08"));
        var probationAnnounced = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-02-08", type: "crc", nation: "wales", name: "Wales CRC"));
        var probationDraft = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-02-08", name: "North West NPS division"));
        await RecordAsync("irp-prison-just-created", created, "Prison IRP (HMP Elmley) just created: announcement due at 09:00, nothing run.");
        await RecordAsync("probation-just-created", probationCreated, "NPS probation inspection in England just created, fieldwork from 8 February 2027: week -11.");

        // 10:00: the announcements go, but not HMP Norwich's: its mail fails, and with one attempt the step is recorded failed.
        outage.FailFor = retried + "/announcement";
        await app.MoveClockAsync(T0.AddHours(2));
        Assert.Equal("failed", await app.StepStatusAsync(retried, "announcement"));
        outage.FailFor = null;
        using (var retry = await app.Coordinator.PostAsync($"/api/irps/{retried}/steps/announcement/retry", null))
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await app.CatchUpAsync();
        Assert.Equal("done", await app.StepStatusAsync(retried, "announcement"));
        await RecordAsync("irp-prison-failed-step-retried", retried,
            "Prison IRP (HMP Norwich) whose announcement failed (mail server down, one attempt), was asked to run again by the coordinator, and then went.");
        Assert.Equal(HttpStatusCode.Accepted, (await app.TerminateAsync(cancelled, "Operational emergency at the prison")).StatusCode);
        await app.CatchUpAsync();
        await RecordAsync("irp-prison-cancelled", cancelled, "Prison IRP (HMP Lincoln) cancelled after its announcement: every pending step skipped, the cancellation sent.");

        // Monday 30 November: the documents requests go; HMP Bedford sends its action plan; HMP Lewes's visit moves a week.
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var token = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(partlyReceived, "documents-request")));
        await app.UploadDocumentAsync(token, DocumentChecklist.ActionPlan, "action plan.pdf", TestFiles.Pdf("action plan"));
        await RecordAsync("irp-prison-documents-partly-received", partlyReceived,
            "Prison IRP (HMP Bedford) announced, documents requested, the action plan received and the rest still missing.");
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(moved, "VisitRescheduled", new { visitStart = "2027-02-22" })).StatusCode);
        await app.CatchUpAsync();
        await RecordAsync("irp-prison-visit-moved", moved, "Prison IRP (HMP Lewes) announced, documents requested, then its visit moved a week later and the notice sent.");
        await RecordAsync("irp-irc-documents-requested", irc, "IRC IRP (Harmondsworth) announced and documents requested from the centre manager and liaison officer.");
        await RecordAsync("irp-prison-wales-estyn", estyn, "Welsh prison IRP (HMP Parc) with education concerns, so Estyn joins: announced, documents requested.");

        // Probation week -9 and -8: the call, the senior link manager named, the confirming email; then the fieldwork moves.
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));
        foreach (var id in new[] { probationAnnounced, probationDraft })
            await app.RaiseAcceptedAsync(id, "SeniorLinkManagerNamed", new { name = "Sam Link", email = ProbationRequests.LinkEmail });
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 14, 12, 0, 0, TimeSpan.Zero));
        await app.RaiseAcceptedAsync(probationAnnounced, "FieldworkRescheduled", new { fieldworkStart = "2027-02-15" });
        await app.CatchUpAsync();
        await RecordAsync("probation-announced-fieldwork-moved", probationAnnounced,
            "CRC probation inspection in Wales: called, senior link manager named, confirming email sent, then fieldwork moved a week later.");

        // After HMP Hull's visit (15–17 February): every judgement, the draft uploaded and issued: the fact check runs.
        await app.MoveClockAsync(IrpRequests.AfterDebrief);
        foreach (var item in (await app.GetIrpAsync(factCheck))["judgements"]!.AsArray())
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(factCheck, item!["ref"]!.GetValue<string>(), new { judgement = "ReasonableProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PutReportFileAsync(factCheck, "draft-report", "HMP Hull draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(factCheck, "DraftIssued", new { date = "2027-02-17" })).StatusCode);
        await app.CatchUpAsync();
        await RecordAsync("irp-prison-draft-issued-fact-check", factCheck,
            "Prison IRP (HMP Hull) after its visit, the clock having jumped past its reminders (skipped, with the coordinator told): judgements recorded, draft issued, fact check running.");

        // After the probation fieldwork (weeks of 8 and 22 February): every standard rated, the draft issued.
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 26, 12, 0, 0, TimeSpan.Zero));
        foreach (var standard in ProbationStandards.For(OrganisationType.Nps))
        {
            using var rated = await app.RateAsync(probationDraft, standard.Ref, "Good");
            Assert.True(rated.IsSuccessStatusCode, $"{standard.Ref}: {rated.StatusCode}");
        }
        using (var draft = await app.PutProbationReportAsync(probationDraft, "draft-report", "draft.pdf", TestFiles.Pdf("draft")))
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        await app.RaiseAcceptedAsync(probationDraft, "DraftIssued");
        await app.CatchUpAsync();
        await RecordAsync("probation-rated-draft-issued", probationDraft, "NPS probation inspection after fieldwork: every standard rated Good, the draft issued.");

        await app.RunToCompletionAsync(completed);
        await RecordAsync("irp-prison-completed", completed,
            "Prison IRP (HMP Exeter) run to completion: published, feedback asked for, material destroyed; letters whose moment passed in the clock's jumps skipped.");

        // Rows written before IrpFlows recorded who caused each event have no By column: the same log as such rows read.
        var visitMoved = recorded.Single(l => l.Name == "irp-prison-visit-moved");
        var beforeBy = new GoldenLog("irp-prison-before-by-recorded",
            "The HMP Lewes log (visit moved) as rows written before IrpFlows recorded who caused each event read: every By null.",
            visitMoved.Instance with { Events = visitMoved.Instance.Events.Select(e => e with { By = null }).ToList() });
        beforeBy.Save(folder);
        recorded.Add(beforeBy);

        var kinds = GoldenLog.TodaysKinds();
        Assert.All(recorded, log =>
        {
            var verdict = LogCheck.Check(log.Instance, kinds);
            Assert.True(verdict.Holds, $"{log.Name}: {verdict.PlanError} {string.Join("; ", verdict.Broken)}");
        });
        Assert.Equal(13, recorded.Count);
    }
}
