using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// One IRP at a time, from announcement to Completed, on the development clock: what the coordinator sees on the timeline
/// and who gets which email after the visit.
/// </summary>
public sealed class PostVisitFlowTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PrisonIrp_RunsToCompleted_WithDraftLink_FactCheckReminder_PublicationAlert_AndPublicationNotice()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));

        // Visit Mon 15 – Wed 17 Feb 2027; nothing can be published before it is over.
        Assert.Equal(HttpStatusCode.Conflict, (await _app.RaiseAsync(id, "Published", new { date = "2026-11-23", url = "https://example.org/r" })).StatusCode);
        await _app.MoveClockAsync(AfterDebrief);
        Assert.Equal("done", await _app.StepStatusAsync(id, "debrief"));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 19, 10, 0, 0, TimeSpan.Zero));
        var feedback = await _app.EmailAsync(id, "liaison-feedback");
        Assert.Equal([LiaisonEmail], Addresses(feedback, "to"));

        // Draft uploaded twice (the second replaces the first), then issued on Monday 1 March.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "Elmley draft.pdf", Pdf("first draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "Elmley draft v2.pdf", Pdf("second draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 1, 0, TimeSpan.Zero));

        var draftEmail = await _app.EmailAsync(id, "draft-report");
        Assert.Equal([GovernorEmail], Addresses(draftEmail, "to"));
        var draftText = PlainText(await _app.RawEmailAsync(draftEmail));
        Assert.Contains("by Monday 15 March 2027", draftText); // fact check: ten working days
        var link = DraftLink(draftText);
        // The fact-check page's token, so it works as long as that page (until the end of Thu 25 Mar 2027, GMT), and it
        // leads to a read-only link to the draft issued.
        Assert.Equal(FactCheckLink(draftText).AbsolutePath + "/draft", link.AbsolutePath);
        using (var draft = await _app.GetThroughStorageAsync(link))
        {
            Assert.Contains("sp=r&", draft.RequestMessage!.RequestUri!.Query);
            Assert.Equal(Pdf("second draft"), await draft.Content.ReadAsByteArrayAsync());
            Assert.Equal("Elmley-draft-v2.pdf", draft.Content.Headers.ContentDisposition!.FileNameStar);
        }

        // No comments by Wednesday 10 March (three working days before the deadline): a reminder, with the same link.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 10, 10, 0, 0, TimeSpan.Zero));
        var reminder = await _app.EmailAsync(id, "fact-check-reminder-1");
        Assert.Equal([GovernorEmail], Addresses(reminder, "to"));
        Assert.Equal(link, DraftLink(PlainText(await _app.RawEmailAsync(reminder))));

        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 11, 10, 0, 0, TimeSpan.Zero));
        var comments = await _app.PutReportFileAsync(id, "fact-check-comments", "comments.docx", WordDocument("comments"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.Equal(HttpStatusCode.OK, comments.StatusCode);
        var irp = await _app.GetIrpAsync(id);
        Assert.Equal("Finalising report", irp["customStatus"]!.GetValue<string>());
        Assert.Equal("comments.docx", irp["factCheckComments"]![0]!["fileName"]!.GetValue<string>());
        Assert.Equal("Elmley-draft-v2.pdf", irp["draftReport"]!["fileName"]!.GetValue<string>());

        // Not published five working days before the deadline (Wed 24 Mar): the coordinator is alerted.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 17, 10, 0, 0, TimeSpan.Zero));
        var alert = await _app.EmailAsync(id, "publication-alert");
        Assert.Equal([CoordinatorEmail], Addresses(alert, "to"));

        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 18, 10, 0, 0, TimeSpan.Zero));
        var url = "https://hmiprisons.justiceinspectorates.gov.uk/reports/elmley-irp-2027";
        // Prison guide 14.1: the final report "will be sent to the Secretary of State for Justice and published". This IRP has
        // no ministerial office contact; the inspectorate sent it another way, and the coordinator records that.
        var beforeMinisters = await _app.RaiseAsync(id, "Published", new { date = "2027-03-18", url });
        Assert.Equal(HttpStatusCode.Conflict, beforeMinisters.StatusCode);
        Assert.Contains("FinalReportSentElsewhere", (await beforeMinisters.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-03-17" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "Published", new { date = "2027-03-18", url })).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 18, 10, 1, 0, TimeSpan.Zero));
        var publication = await _app.EmailAsync(id, "publication");
        Assert.Equal([GovernorEmail, ImbChairEmail], Addresses(publication, "to"));
        var publicationText = PlainText(await _app.RawEmailAsync(publication));
        Assert.Contains("has been sent to the Secretary of State for Justice", publicationText);
        Assert.Contains(url, publicationText);
        var finalReport = IrpFlowsApp.Step(await _app.GetIrpAsync(id), "final-report");
        Assert.Equal("skipped", finalReport["status"]!.GetValue<string>());
        Assert.Contains("sent outside IrpFlows on 17 March 2027", finalReport["skippedReason"]!.GetValue<string>());

        // Feedback five working days after publication; material ten (past Easter 2027).
        await _app.MoveClockAsync(new DateTimeOffset(2027, 4, 6, 10, 0, 0, TimeSpan.Zero));
        irp = await _app.GetIrpAsync(id);
        Assert.Equal("Completed", irp["runtimeStatus"]!.GetValue<string>());
        Assert.Equal([GovernorEmail], Addresses(await _app.EmailAsync(id, "governor-feedback"), "to"));
        Assert.Contains("material-destruction", await _app.OutboxStepsAsync(id));
        // Every step done, but the debrief document and the final report (no HMPPS or ministerial contact to send them to,
        // prison guide 13.1, 14.1), and the letters before the visit: the clock jumped from the announcement's morning to the
        // end of the visit, so their moment had passed, and the coordinator was told in one notice.
        string[] beforeTheVisit = ["announcement", "documents-request", "documents-reminder-1", "documents-reminder-2", "documents-reminder-3",
            "documents-deadline", "documents-overdue", "visit-arrangements"];
        Assert.All(irp["timeline"]!.AsArray(), step => Assert.Equal(
            step!["id"]!.GetValue<string>() is "debrief-document" or "final-report" || beforeTheVisit.Contains(step["id"]!.GetValue<string>())
                ? "skipped" : "done", step["status"]!.GetValue<string>()));
        Assert.Contains("skipped-notice-1", await _app.OutboxStepsAsync(id));
        // A completed IRP has no next step: not the reminder whose moment passed months ago.
        var listed = (await _app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!.Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("Completed", listed["runtimeStatus"]!.GetValue<string>());
        Assert.Null(listed["nextStep"]);
    }

    [Fact]
    public async Task CommentsReturnedAndReportPublishedEarly_SkipTheFactCheckReminderAndThePublicationAlert()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);

        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 3, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "fact-check-comments", "comments.pdf", Pdf("comments"))).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("skipped", await _app.StepStatusAsync(id, "fact-check-reminder-1"));

        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-03-12" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await _app.RaiseAsync(id, "Published", new { date = "2027-03-12", url = "https://example.org/elmley" })).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 18, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("skipped", await _app.StepStatusAsync(id, "publication-alert"));

        await _app.MoveClockAsync(new DateTimeOffset(2027, 4, 10, 10, 0, 0, TimeSpan.Zero));
        var irp = await _app.GetIrpAsync(id);
        Assert.Equal("Completed", irp["runtimeStatus"]!.GetValue<string>());
        var steps = await _app.OutboxStepsAsync(id);
        Assert.DoesNotContain("fact-check-reminder-1", steps);
        Assert.DoesNotContain("publication-alert", steps);
        Assert.Contains("publication", steps);
        Assert.Equal(new DateOnly(2027, 3, 12).ToString("yyyy-MM-dd"), irp["publishedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Irc_DraftGoesToCentreManagerAndHomeOffice_FinalReportToTheMinisterialOffice_AndPublicationNamesTheHomeSecretaryAndMinister()
    {
        var id = await _app.CreateIrpAsync(Irc().WithReportContacts());
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Conflict, (await _app.PutReportFileAsync(id, "final-report", "final.pdf", Pdf("too soon"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("irc draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 1, 0, TimeSpan.Zero));
        Assert.Equal([HomeOfficeEmail, GovernorEmail], Addresses(await _app.EmailAsync(id, "draft-report"), "to"));

        // IRC guide 5.1: the final report goes to the Home Secretary and Minister, as soon as it is uploaded, before publication.
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "final-report", "final.pdf", Pdf("irc final"))).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 2, 0, TimeSpan.Zero));
        var final = await _app.EmailAsync(id, "final-report");
        Assert.Equal([MinisterialOfficeEmail], Addresses(final, "to"));
        // The link goes through the app (a storage link could not last that long without the account key), and it redirects to the file.
        using (var download = await _app.GetThroughStorageAsync(Link(PlainText(await _app.RawEmailAsync(final)), "/final-report/")))
        {
            Assert.Equal(Pdf("irc final"), await download.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await _app.PutReportFileAsync(id, "final-report", "final v2.pdf", Pdf("too late"))).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted,
            (await _app.RaiseAsync(id, "Published", new { date = "2027-03-01", url = "https://example.org/irc" })).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 3, 0, TimeSpan.Zero));
        var publication = await _app.EmailAsync(id, "publication");
        Assert.Equal([HomeOfficeEmail, GovernorEmail, ImbChairEmail], Addresses(publication, "to"));
        Assert.Contains("the Home Secretary and the Minister", PlainText(await _app.RawEmailAsync(publication)));
    }

    [Fact]
    public async Task LateDraft_GetsAShorterFactCheck_AndOneTooLateForAnyWarnsTheCoordinator()
    {
        // Visit 15–17 February 2027: publication by Wednesday 24 March, so fact checks end by Wednesday 17 March.
        var late = await _app.CreateIrpAsync(Elmley());
        var tooLate = await _app.CreateIrpAsync(Elmley("HMP Swaleside"));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 10, 10, 0, 0, TimeSpan.Zero));
        foreach (var id in new[] { late, tooLate })
            Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(late, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(tooLate, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 15, 10, 1, 0, TimeSpan.Zero));

        // Ten working days from 10 March would be 24 March, the publication deadline itself.
        Assert.Contains("by Wednesday 17 March 2027", PlainText(await _app.RawEmailAsync(late, "draft-report")));
        Assert.DoesNotContain((await _app.GetIrpAsync(late))["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "fact-check-past-publication-deadline");
        // From 15 March even five working days end on 22 March: the coordinator is warned, citing prison guide 14.1.
        Assert.Contains("by Monday 22 March 2027", PlainText(await _app.RawEmailAsync(tooLate, "draft-report")));
        var warning = Assert.Single((await _app.GetIrpAsync(tooLate))["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "fact-check-past-publication-deadline")!;
        Assert.Contains("publication deadline, 2027-03-24 (prison guide 14.1)", warning["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Published_IsRefusedBeforeTheDebriefAndBeforeTheDraft_AndItsDateMayNotPrecedeTheVisitsLastDay()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 17, 12, 0, 0, TimeSpan.Zero)); // last day of the visit, before the debrief
        var early = await _app.RaiseAsync(id, "Published", new { date = "2027-02-17", url = "https://example.org/r" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("debrief", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 19, 10, 0, 0, TimeSpan.Zero));
        var beforeTheDraft = await _app.RaiseAsync(id, "Published", new { date = "2027-02-19", url = "https://example.org/r" });
        Assert.Equal(HttpStatusCode.Conflict, beforeTheDraft.StatusCode);
        Assert.Contains("DraftIssued", (await beforeTheDraft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);
        var backdated = await _app.RaiseAsync(id, "Published", new { date = "2027-02-16", url = "https://example.org/r" });
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        var errors = (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("2027-02-17", errors.GetProperty("date")[0].GetString());
        Assert.Equal("pending", await _app.StepStatusAsync(id, "publication"));
    }
}
