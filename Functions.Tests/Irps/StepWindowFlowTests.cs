using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Every step has a window: after an outage or a jump of the development clock, a step whose moment has passed is recorded
/// skipped with its reason rather than sent late, the coordinator gets one notice of what was skipped, and what must still
/// happen late (the visit's milestones, feedback, the draft and the publication notice) still does.
/// </summary>
public sealed class StepWindowFlowTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] LateLetters =
    [
        "announcement", "documents-request", "documents-reminder-1", "documents-reminder-2", "documents-reminder-3",
        "documents-deadline", "documents-overdue", "visit-arrangements", "publication-alert",
    ];

    [Fact]
    public async Task OneJumpFromBeforeTheAnnouncementToAfterThePublicationDeadline_SkipsEveryStaleLetter_AndTellsTheCoordinatorOnce()
    {
        // Announced Monday 23 November 2026 at 09:00; the clock is at 08:00 that day. Visit 15–17 February 2027, documents due
        // 8 February, publication by Wednesday 24 March 2027. One jump to Thursday 25 March.
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 25, 10, 0, 0, TimeSpan.Zero));

        var irp = await _app.GetIrpAsync(id);
        foreach (var step in LateLetters)
        {
            var entry = IrpFlowsApp.Step(irp, step);
            Assert.Equal("skipped", entry["status"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(entry["skippedReason"]?.GetValue<string>()), step);
        }
        Assert.Equal("the letter announces the visit before it takes place, and the visit began on 15 February 2027 (Prison guide 6.1)",
            IrpFlowsApp.Step(irp, "announcement")["skippedReason"]!.GetValue<string>());
        Assert.Equal("it says the documents are due today, true only on 8 February 2027 (Prison guide 7.4)",
            IrpFlowsApp.Step(irp, "documents-deadline")["skippedReason"]!.GetValue<string>());
        // What still happens late: the visit's milestones and the liaison officer's feedback form (prison guide 16.1).
        foreach (var step in new[] { "visit-start", "visit-end", "debrief", "liaison-feedback" })
            Assert.Equal("done", IrpFlowsApp.Step(irp, step)["status"]!.GetValue<string>());
        // The draft waits for the coordinator, however late.
        Assert.Equal("pending", IrpFlowsApp.Step(irp, "draft-report")["status"]!.GetValue<string>());

        // Only the feedback form and one notice to the coordinator went out: no reminder after its deadline.
        Assert.Equal(["liaison-feedback", "skipped-notice-1"], (await _app.OutboxStepsAsync(id)).Order(StringComparer.Ordinal));
        var notice = await _app.EmailAsync(id, "skipped-notice-1");
        Assert.Equal([CoordinatorEmail], Addresses(notice, "to"));
        Assert.Equal("Independent review of progress at HMP Elmley: nine steps not sent because their moment had passed",
            notice["subject"]!.GetValue<string>());
        var raw = await _app.RawEmailAsync(notice);
        // Today's IRP sender, unchanged by probation's own.
        var from = Parse(raw).From.Mailboxes.Single();
        Assert.Equal(("HM Inspectorate of Prisons (IRP coordination)", "irp@hmiprisons.example"), (from.Name, from.Address)); // local.settings.sample.json
        var text = PlainText(raw);
        Assert.Contains($"/irps/{id}", text);
        Assert.Contains("Documents due today: reminder of what is still missing (planned for Monday 8 February 2027): it says the documents are due today, true only on 8 February 2027 (Prison guide 7.4).", text);
        Assert.Contains("Publication deadline in 5 working days (planned for Wednesday 17 March 2027): it says the report must be published by 24 March 2027, and that day had passed (Prison guide 14.1).", text);
        Assert.Equal("done", IrpFlowsApp.Step(irp, "skipped-notice-1")["status"]!.GetValue<string>());

        // Exactly once: a later pass neither skips again nor tells again.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 25, 11, 0, 0, TimeSpan.Zero));
        Assert.Equal(["liaison-feedback", "skipped-notice-1"], (await _app.OutboxStepsAsync(id)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain((await _app.GetIrpAsync(id))["timeline"]!.AsArray(), s => s!["id"]!.GetValue<string>() == "skipped-notice-2");
    }

    [Fact]
    public async Task ADraftIssuedLate_StillGoes_AndPublicationBeforeItsReminder_SkipsTheReminderWithTheReason()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 25, 10, 0, 0, TimeSpan.Zero));

        // Published cannot be true before the draft went for fact check (prison guide 14.1).
        var early = await _app.RaiseAsync(id, "Published", new { date = "2027-03-25", url = "https://example.org/elmley" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("draft", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Issued Thursday 25 March 2027, too late for the publication deadline: five working days past Good Friday and Easter
        // Monday give comments by Monday 5 April, the reminder on Wednesday 31 March.
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 25, 10, 1, 0, TimeSpan.Zero));
        var draftText = PlainText(await _app.RawEmailAsync(id, "draft-report"));
        Assert.Contains("by Monday 5 April 2027", draftText);
        // Written the day after the publication deadline: it does not promise publication by then.
        Assert.Contains("the deadline of 25 working days after the visit, Wednesday 24 March 2027, has passed.", draftText);
        Assert.Equal(new DateOnly(2027, 3, 31).ToString("yyyy-MM-dd"),
            IrpFlowsApp.Step(await _app.GetIrpAsync(id), "fact-check-reminder-1")["date"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "FinalReportSentElsewhere")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await _app.RaiseAsync(id, "Published", new { date = "2027-03-25", url = "https://example.org/elmley" })).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 4, 1, 10, 0, 0, TimeSpan.Zero));

        var reminder = IrpFlowsApp.Step(await _app.GetIrpAsync(id), "fact-check-reminder-1");
        Assert.Equal("skipped", reminder["status"]!.GetValue<string>());
        Assert.Equal("the report was published on 25 March 2027: the fact check is over (Prison guide 14.1)", reminder["skippedReason"]!.GetValue<string>());
        var steps = await _app.OutboxStepsAsync(id);
        Assert.DoesNotContain("fact-check-reminder-1", steps);
        Assert.Contains("publication", steps);
    }

    [Fact]
    public async Task AJumpToTheDayBeforeTheDeadline_SendsOnlyTheLatestReminder_AndTheAnnouncementAndRequestStillGo()
    {
        // Friday 5 February 2027, 10:00: the visit of 15 February has not begun, so the announcement is still true; documents
        // are due Monday 8 February, so the request (asking for them by then) still goes, and of the reminders due on
        // 25 January, 1 February and 4 February only the last; the arrangements (due 1 February) go, being before the visit.
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 5, 10, 0, 0, TimeSpan.Zero));

        var irp = await _app.GetIrpAsync(id);
        var sent = await _app.OutboxStepsAsync(id);
        Assert.Equal(["announcement", "documents-reminder-3", "documents-request", "skipped-notice-1", "visit-arrangements"], sent.Order(StringComparer.Ordinal));
        Assert.Equal("the next reminder, due on 1 February 2027, had come: only the latest reminder of what is missing is sent (Prison guide 7.4)",
            IrpFlowsApp.Step(irp, "documents-reminder-1")["skippedReason"]!.GetValue<string>());
        Assert.Equal("skipped", IrpFlowsApp.Step(irp, "documents-reminder-2")["status"]!.GetValue<string>());
        Assert.Contains("two steps not sent", (await _app.EmailAsync(id, "skipped-notice-1"))["subject"]!.GetValue<string>());

        // On time from here: the deadline's own notice on its day, and no second notice to the coordinator.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 8, 10, 0, 0, TimeSpan.Zero));
        Assert.Contains("documents-deadline", await _app.OutboxStepsAsync(id));
        Assert.DoesNotContain("skipped-notice-2", await _app.OutboxStepsAsync(id));
    }

    [Fact]
    public async Task ACancelledIrp_ShowsWhyItsPendingStepsAreSkipped()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        await _app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.TerminateAsync(id, "Operational emergency")).StatusCode);
        await _app.CatchUpAsync();

        var irp = await _app.GetIrpAsync(id);
        Assert.Equal("done", IrpFlowsApp.Step(irp, "announcement")["status"]!.GetValue<string>());
        JsonAssert.NullProperty(IrpFlowsApp.Step(irp, "announcement"), "skippedReason");
        Assert.Equal(("skipped", "the IRP was cancelled"),
            (IrpFlowsApp.Step(irp, "documents-request")["status"]!.GetValue<string>(), IrpFlowsApp.Step(irp, "documents-request")["skippedReason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StepByStep_NothingIsSkipped_AndNoNoticeGoes()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        foreach (var day in new[] { (2026, 11, 23), (2026, 11, 30), (2027, 1, 25), (2027, 2, 1), (2027, 2, 4), (2027, 2, 8), (2027, 2, 9) })
            await _app.MoveClockAsync(new DateTimeOffset(day.Item1, day.Item2, day.Item3, 10, 0, 0, TimeSpan.Zero));

        var irp = await _app.GetIrpAsync(id);
        foreach (var step in LateLetters.Where(s => s != "publication-alert"))
            Assert.Equal("done", IrpFlowsApp.Step(irp, step)["status"]!.GetValue<string>());
        Assert.DoesNotContain(await _app.OutboxStepsAsync(id), s => s.StartsWith("skipped-notice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DraftIssued_IsRefusedBeforeTheVisitHasEnded_AndItsDateMayNotPrecedeTheVisitsLastDay()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 17, 12, 0, 0, TimeSpan.Zero)); // last day of the visit, before the debrief

        var early = await _app.RaiseAsync(id, "DraftIssued");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType!.MediaType);
        Assert.Contains("debrief", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 19, 10, 0, 0, TimeSpan.Zero));
        var backdated = await _app.RaiseAsync(id, "DraftIssued", new { date = "2027-02-16" });
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        Assert.Contains("2027-02-17", (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("pending", await _app.StepStatusAsync(id, "draft-report"));
        Assert.DoesNotContain("draft-report", await _app.OutboxStepsAsync(id));

        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued", new { date = "2027-02-17" })).StatusCode);
    }
}
