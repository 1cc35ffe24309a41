using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// A probation inspection started over HTTP and run on the development clock from its announcement to its action plan: every
/// email goes once, on its date, to the people the manual names; moving fieldwork moves every pending date; terminating stops it.
/// </summary>
public sealed class WholeProbationInspectionTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Noon UTC on a day: after its 09:00 steps in winter and summer time alike, before its 16:00 deadline.</summary>
    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Inspection_RunsFromAnnouncementToActionPlan_EachEmailOnceOnItsDate_AndAMoveOfFieldworkMovesEveryPendingDate()
    {
        // The clock starts on Monday 23 November 2026, the first day of week -11 for fieldwork from Monday 8 February 2027.
        await using var app = await IrpFlowsApp.StartAsync();
        var request = Inspection("2027-02-08");
        // The people of 3.1, 7.2–7.5 and Appendix 1, besides the lead inspector and the divisional director.
        request["contacts"]!["administrator"] = new JsonObject { ["name"] = "Ada Admin", ["email"] = AdminEmail };
        request["contacts"]!["headOfInspection"] = new JsonObject { ["name"] = "Hal Head", ["email"] = HeadEmail };
        request["contacts"]!["osag"] = new JsonObject { ["name"] = "OSAG", ["email"] = OsagEmail };
        var id = await app.CreateProbationAsync(request);

        // Week -9: the announcement call (Thursday 10 December) is by telephone; the organisation names its senior link manager.
        await app.MoveClockAsync(Noon(2026, 12, 10));
        var called = Steps(await app.GetProbationAsync(id));
        Assert.Equal(("done", "done"), (called["preparation"].Text("status"), called["announcement-call"].Text("status")));
        Assert.Empty(await app.OutboxStepsAsync(id));
        await app.RaiseAcceptedAsync(id, "AnnouncementCallMade", new { date = "2026-12-10" });
        await app.RaiseAcceptedAsync(id, "SeniorLinkManagerNamed", new { name = "Sam Link", email = LinkEmail });

        // Week -8, Monday 14 December: the confirming email with the project plan, to the chief executive and the link manager.
        await app.MoveClockAsync(Noon(2026, 12, 14));
        var confirming = await app.EmailAsync(id, "announcement-email");
        Assert.Equal([ChiefEmail, LinkEmail], Emails.Addresses(confirming, "to"));
        Assert.Equal([LeadEmail], Emails.Addresses(confirming, "cc"));
        var mime = Emails.Parse(await app.RawEmailAsync(confirming));
        Assert.Contains("Further to my telephone call on Thursday 10 December 2026, I confirm that", mime.TextBody);
        // 3.9: the division nominates local assessors, trained over three days of week -2 (local policy: Monday to Wednesday).
        Assert.Contains("Training: Monday 25 January 2027 from 11:00 to 17:00, then Tuesday 26 January 2027 and Wednesday 27 January 2027 from 09:00 to 17:00.", mime.TextBody);
        await app.RaiseAcceptedAsync(id, "LocalAssessorsNominated", new { trained = 8, deployed = 5 });
        // 5.2, 6.10: the outline schedule, the same day, gives when inspectors are on site for meetings.
        Assert.Contains("Fieldwork week one: from Monday 8 February 2027 at 13:00 to Friday 12 February 2027 at 14:00.",
            Emails.PlainText(await app.RawEmailAsync(id, "outline-schedule")));
        Assert.Equal(["project-plan.csv", "project-plan.ics"], mime.Attachments.Select(a => a.ContentDisposition!.FileName).Order());
        var plan = Attachment(mime, "project-plan.csv");
        Assert.Contains("week -9,2026-12-10,,Announcement telephone call made,", plan);
        Assert.Contains("week -3,2027-01-20,16:00,Domain three samples due back (16:00),", plan);
        // Week -6 ends on New Year's Day: the evidence is due the working day before.
        Assert.Contains("week -6,2026-12-31,,Evidence in advance due,", plan);
        Assert.Equal(39, Ical.Net.Calendar.Load(Attachment(mime, "project-plan.ics"))!.Events.Count); // every step that will happen

        // The fieldwork moves a week later: every pending date follows it, to the dates a new inspection would get; what is done stays done.
        var before = Steps(await app.GetProbationAsync(id));
        await app.RaiseAcceptedAsync(id, "FieldworkRescheduled", new { fieldworkStart = "2027-02-15" });
        var after = Steps(await app.GetProbationAsync(id));
        var preview = await PreviewAsync(app, Inspection("2027-02-15"));
        Assert.All(["preparation", "announcement-call", "announcement-email"], step => Assert.Equal("done", after[step].Text("status")));
        Assert.Equal(("2026-12-14", "week -8"), (after["announcement-email"].Text("date"), after["announcement-email"].Text("week"))); // as it went
        // 3.5: the planning meeting stays within a week of the call as it was made, which the move leaves alone.
        Assert.Equal("2026-12-17", after["planning-meeting"].Text("date"));
        var pending = after.Values.Where(s => s.Text("status") == "pending" && s.Text("id") != "planning-meeting").Select(s => s.Text("id")).ToList();
        Assert.Equal(34, pending.Count);
        Assert.All(pending, step =>
        {
            Assert.Equal(preview[step].Text("date"), after[step].Text("date"));
            Assert.NotEqual(before[step].Text("date"), after[step].Text("date"));
        });
        Assert.Equal("2027-06-01", after["publication"].Text("date")); // week +13 begins on the spring bank holiday
        await app.RaiseAcceptedAsync(id, "PlanningMeetingHeld", new { date = "2026-12-14" });

        // Each email on its date, in order; the coordinator records what the timeline waits for. The domain two long list comes
        // through the upload link before its reminder (4.4); the provisional list back only after its own.
        var uploadToken = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(confirming)));
        await app.UploadDocumentAsync(uploadToken, "domain-two-long-list", "long-list.pdf", TestFiles.Pdf("long list"));
        await ExpectEmailsAsync(app, id, Noon(2027, 1, 15), "domain-two-sample-reminder");
        await app.RaiseAcceptedAsync(id, "SampleReturned", new { sample = "domain-two-provisional-list" });
        await ExpectEmailsAsync(app, id, Noon(2027, 1, 18), "case-sample-request");
        await app.UploadDocumentAsync(uploadToken, "case-sample", "court-reports.pdf", TestFiles.Pdf("court reports"));
        await ExpectEmailsAsync(app, id, Noon(2027, 1, 26), "case-sample-reminder");
        // The reminder asks only for what has not come.
        var sampleReminder = Emails.PlainText(await app.RawEmailAsync(id, "case-sample-reminder"));
        Assert.Contains("Victim work sample", sampleReminder);
        Assert.DoesNotContain("Court reports and allocation sample", sampleReminder);
        await app.RaiseAcceptedAsync(id, "CaseSampleReturned");
        await ExpectEmailsAsync(app, id, Noon(2027, 2, 1), "schedules");
        await ExpectEmailsAsync(app, id, Noon(2027, 3, 12)); // fieldwork and the ratings panel send nothing
        foreach (var (standard, rating) in new[]
                 {
                     ("1.1", "Good"), ("1.2", "RequiresImprovement"), ("1.3", "Good"), ("1.4", "Good"), ("2.1", "Good"),
                     ("2.2", "RequiresImprovement"), ("2.3", "Good"), ("2.4", "Outstanding"), ("3.1", "Good"), ("3.2", "Inadequate"),
                 })
        {
            using var rated = await app.RateAsync(id, standard, rating);
            Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        }
        await ExpectEmailsAsync(app, id, Noon(2027, 3, 15), "ratings-to-organisation");
        var ratingsLetter = Emails.PlainText(await app.RawEmailAsync(id, "ratings-to-organisation"));
        Assert.Contains("2.3 Implementation and delivery: Good", ratingsLetter);
        Assert.Contains("3.2 Statutory victim work: Inadequate", ratingsLetter);
        Assert.Contains("Overall, Kent, Surrey and Sussex NPS division is rated good.", ratingsLetter); // 17 of 30 (manual 7.1)
        // The administrator sends it (7.2): signed by them, and answers go to them.
        Assert.Contains("Ada Admin Administrator (operations)", ratingsLetter);
        Assert.Equal([AdminEmail], Emails.Parse(await app.RawEmailAsync(id, "ratings-to-organisation")).ReplyTo.Mailboxes.Select(m => m.Address));

        // 7.3: the draft goes with a link to it, copied to OSAG; it cannot be issued before there is one.
        using (var noDraft = await app.RaiseProbationAsync(id, "DraftIssued"))
            Assert.Equal(HttpStatusCode.Conflict, noDraft.StatusCode);
        using (var draftUpload = await app.PutProbationReportAsync(id, "draft-report", "KSS-draft.pdf", TestFiles.Pdf("draft")))
            Assert.Equal(HttpStatusCode.OK, draftUpload.StatusCode);
        await app.RaiseAcceptedAsync(id, "DraftIssued");
        await ExpectEmailsAsync(app, id, Noon(2027, 4, 19), "draft-report");
        var draftEmail = await app.EmailAsync(id, "draft-report");
        Assert.Equal([HeadEmail, LeadEmail, OsagEmail], Emails.Addresses(draftEmail, "cc").Order(StringComparer.Ordinal));
        var draftText = Emails.PlainText(await app.RawEmailAsync(draftEmail));
        Assert.Contains("by Friday 30 April 2027", draftText);
        Assert.Contains("with a copy to the Operational and Systems Assurance Group (OSAG).", draftText);
        using (var draft = await app.GetThroughStorageAsync(Emails.Link(draftText, "/probation-reports/draft/")))
            Assert.Equal(TestFiles.Pdf("draft"), await draft.Content.ReadAsByteArrayAsync());
        using (var replaced = await app.PutProbationReportAsync(id, "draft-report", "KSS-draft-2.pdf", TestFiles.Pdf("draft 2")))
            Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode); // the organisation is checking the one it was sent
        // The comments come back through the upload link the draft carries, valid until they are due (7.3).
        var commentsLink = Emails.Link(Emails.PlainText(await app.RawEmailAsync(id, "draft-report")), "/upload/");
        await app.UploadDocumentAsync(commentsLink.Segments[^1], "factual-accuracy-comments", "comments.pdf", TestFiles.Pdf("comments"));
        using (var again = await app.RaiseProbationAsync(id, "CommentsReturned"))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // already returned, through the link
        // 7.4: the embargoed copy is the final report: it waits for it, however late, and links to it.
        await ExpectEmailsAsync(app, id, Noon(2027, 5, 24));
        using (var finalUpload = await app.PutProbationReportAsync(id, "final-report", "KSS-report.pdf", TestFiles.Pdf("final")))
            Assert.Equal(HttpStatusCode.OK, finalUpload.StatusCode);
        await ExpectEmailsAsync(app, id, Noon(2027, 5, 24).AddMinutes(1), "embargoed-copy"); // five working days before Tuesday 1 June
        using (var final = await app.GetThroughStorageAsync(Emails.Link(Emails.PlainText(await app.RawEmailAsync(id, "embargoed-copy")), "/probation-reports/final/")))
            Assert.Equal(TestFiles.Pdf("final"), await final.Content.ReadAsByteArrayAsync());
        await ExpectEmailsAsync(app, id, Noon(2027, 6, 1)); // the notice waits for the publication itself
        await app.RaiseAcceptedAsync(id, "Published", new { date = "2027-06-01", url = "https://www.justiceinspectorates.gov.uk/hmiprobation/kss-2027/" });
        await ExpectEmailsAsync(app, id, Noon(2027, 6, 1).AddMinutes(1), "publication");
        await ExpectEmailsAsync(app, id, Noon(2027, 6, 14), "action-plan");
        Assert.Equal([OsagEmail], Emails.Addresses(await app.EmailAsync(id, "action-plan"), "to")); // OSAG sends it (7.5)

        // 7.5, Appendix 5: the plan as reviewed, each recommendation agreed, partly agreed or not; the acknowledgement follows.
        using (var recorded = await app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/action-plan", new
        {
            recommendations = new[]
            {
                new { recommendation = "Improve the quality of risk assessments.", response = "Agreed" },
                new { recommendation = "Reduce caseloads in the south.", response = "PartlyAgreed" },
            },
        }))
            Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        await app.CatchUpAsync();
        var acknowledgement = Emails.PlainText(await app.RawEmailAsync(id, "action-plan-acknowledgement"));
        Assert.Contains("2. Reduce caseloads in the south.: Partly agreed", acknowledgement);
        Assert.Contains("We accept the plan.", acknowledgement);

        var finished = await app.GetProbationAsync(id);
        Assert.Equal("Completed", finished.Text("runtimeStatus"));
        Assert.Equal("skipped", Steps(finished)["factual-accuracy-reminder"].Text("status")); // the comments came back first
        Assert.Equal(17, finished["ratings"]!["score"]!.GetValue<int>());
        // The page names everyone the emails went from or to (3.1, 7.2–7.5).
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, $"/probation-inspections/{id}");
        pageRequest.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "cora.coordinator@hmiprisons.example");
        using var page = await app.Anonymous.SendAsync(pageRequest);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<dt class=\"govuk-summary-list__key\">Administrator</dt><dd class=\"govuk-summary-list__value\">Ada Admin (ada.admin@hmiprobation.example)</dd>", html);
        Assert.Contains("<dt class=\"govuk-summary-list__key\">OSAG</dt><dd class=\"govuk-summary-list__value\">OSAG (osag@justice.example)</dd>", html);
        // Once each, on the date its step shows.
        var outbox = await app.OutboxAsync(id);
        Assert.Equal(12, outbox.Count);
        Assert.All(outbox, email => Assert.Equal(
            Steps(finished)[email.Text("step")].Text("date"),
            TimeZoneInfo.ConvertTime(email["sentAt"]!.GetValue<DateTimeOffset>(), London).ToString("yyyy-MM-dd")));
        Assert.Equal(12, ((JsonArray)finished["emails"]!).Count);
    }

    [Fact]
    public async Task Terminating_TellsTheOrganisationOnce_SkipsEveryPendingStep_AndNothingMoreIsSent()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));
        await app.MoveClockAsync(Noon(2026, 12, 14));

        using var terminated = await app.Coordinator.PostAsync($"/api/probation-inspections/{id}/terminate?reason=Fieldwork%20clashes%20with%20a%20restructure", null);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        await app.CatchUpAsync();
        await app.MoveClockAsync(Noon(2027, 7, 1));

        // The outline schedule (5.2) went with the confirming email, before the termination.
        Assert.Equal(["announcement-email", "cancellation", "outline-schedule"], (await app.OutboxStepsAsync(id)).Order(StringComparer.Ordinal));
        // No senior link manager was named on the call: the confirming email goes to the chief executive, asking for one (3.3).
        Assert.Equal([ChiefEmail], Emails.Addresses(await app.EmailAsync(id, "announcement-email"), "to"));
        Assert.Contains("Please let me know who will be the senior link manager", Emails.PlainText(await app.RawEmailAsync(id, "announcement-email")));
        Assert.Contains("Reason: Fieldwork clashes with a restructure", Emails.PlainText(await app.RawEmailAsync(id, "cancellation")));
        var inspection = await app.GetProbationAsync(id);
        Assert.Equal(("Terminated", "Cancelled"), (inspection.Text("runtimeStatus"), inspection.Text("customStatus")));
        // The outline schedule (5.2) went with the confirming email, before the termination.
        Assert.All(Steps(inspection).Values.Where(s => s.Text("id") is not ("preparation" or "announcement-call" or "announcement-email" or "outline-schedule" or "cancellation")),
            s => Assert.Equal("skipped", s.Text("status")));
        using var late = await app.RaiseProbationAsync(id, "CaseSampleReturned");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task CrcInspection_RunsFromAnnouncementToAcknowledgedActionPlan_WithItsOwnSamples_PartnersAndTheNpsDivision()
    {
        // A CRC in England, fieldwork from Monday 8 February 2027; partners and the NPS division named at the start (3.3, 6.1).
        await using var app = await IrpFlowsApp.StartAsync();
        var request = Inspection("2027-02-08", type: "crc");
        request["organisation"]!["name"] = "Kent, Surrey and Sussex CRC";
        request["contacts"]!["administrator"] = new JsonObject { ["name"] = "Ada Admin", ["email"] = AdminEmail };
        request["contacts"]!["osag"] = new JsonObject { ["name"] = "OSAG", ["email"] = OsagEmail };
        request["contacts"]!["npsDivision"] = new JsonObject { ["name"] = "Nia Division", ["email"] = "nia.division@probation.example" };
        request["contacts"]!["partners"] = new JsonArray(
            new JsonObject { ["name"] = "Police and crime commissioner", ["email"] = "pcc@kent.example" },
            new JsonObject { ["name"] = "Community safety partnership", ["email"] = "csp@kent.example" });
        var id = await app.CreateProbationAsync(request);

        // Week -9: the call is made and recorded; the letters to partners follow it, each partner blind-copied (3.3).
        await app.MoveClockAsync(Noon(2026, 12, 10));
        await app.RaiseAcceptedAsync(id, "AnnouncementCallMade", new { date = "2026-12-10" });
        await app.CatchUpAsync();
        var letters = Emails.Parse(await app.RawEmailAsync(id, "partner-letters"));
        Assert.Equal(["csp@kent.example", "pcc@kent.example"], letters.Bcc.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal([AdminEmail], letters.To.Mailboxes.Select(m => m.Address));

        // A CRC's domain three samples are its own (4.1), each arriving through the link or recorded.
        await app.MoveClockAsync(Noon(2027, 1, 11));
        foreach (var sample in new[] { "domain-two-long-list", "domain-two-provisional-list", "unpaid-work-sample", "through-the-gate-sample" })
            await app.RaiseAcceptedAsync(id, "SampleReturned", new { sample });
        await app.MoveClockAsync(Noon(2027, 1, 25));
        var samplesRequest = Emails.PlainText(await app.RawEmailAsync(id, "case-sample-request"));
        Assert.Contains("Unpaid work sample", samplesRequest);
        Assert.Contains("Through the Gate sample", samplesRequest);
        Assert.DoesNotContain("Court reports", samplesRequest);

        // Week -2: the NPS division is told its unpaid work cases are inspected (6.1).
        await app.MoveClockAsync(Noon(2027, 1, 25).AddDays(1));
        Assert.Equal(["nia.division@probation.example"], Emails.Addresses(await app.EmailAsync(id, "nps-division-notice"), "to"));

        // After fieldwork: ratings, the draft, the final report, publication, the action plan from OSAG and its acknowledgement.
        await app.MoveClockAsync(Noon(2027, 2, 26));
        foreach (var standard in new[] { "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2" })
        {
            using var rated = await app.RateAsync(id, standard, "Good");
            Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        }
        using (var draft = await app.PutProbationReportAsync(id, "draft-report", "draft.pdf", TestFiles.Pdf("draft")))
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        await app.RaiseAcceptedAsync(id, "DraftIssued");
        using (var final = await app.PutProbationReportAsync(id, "final-report", "report.pdf", TestFiles.Pdf("final")))
            Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        await app.RaiseAcceptedAsync(id, "CommentsReturned");
        await app.MoveClockAsync(Noon(2027, 5, 24));
        await app.RaiseAcceptedAsync(id, "Published", new { date = "2027-05-24", url = "https://www.justiceinspectorates.gov.uk/hmiprobation/kss-crc-2027/" });
        await app.MoveClockAsync(Noon(2027, 6, 7));
        using (var plan = await app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/action-plan", new
        {
            recommendations = new[] { new { recommendation = "Improve unpaid work placements.", response = "NotAgreed" } },
            amendments = "Please explain why the placements cannot be improved.",
        }))
            Assert.Equal(HttpStatusCode.Accepted, plan.StatusCode);
        await app.CatchUpAsync();

        var acknowledgement = await app.EmailAsync(id, "action-plan-acknowledgement");
        Assert.Equal([OsagEmail], Emails.Addresses(acknowledgement, "to"));
        Assert.Contains("We ask for the following amendments", Emails.PlainText(await app.RawEmailAsync(acknowledgement)));
        var finished = await app.GetProbationAsync(id);
        Assert.Equal("Completed", finished.Text("runtimeStatus"));
        var steps = await app.OutboxStepsAsync(id);
        Assert.Equal(steps.Distinct().Count(), steps.Count); // each once
        Assert.Equal(["action-plan", "action-plan-acknowledgement", "announcement-email", "case-sample-request", "draft-report", "embargoed-copy", "nps-division-notice",
            "outline-schedule", "partner-letters", "publication", "ratings-to-organisation", "schedules", "skipped-notice-1"], steps.Order(StringComparer.Ordinal));
        // The jump from 10 December to 11 January passed both domain two deadlines (24 December, 11 January) before their
        // reminders went: each was skipped, and the lead inspector told of both in one notice (4.4).
        var skipped = Emails.PlainText(await app.RawEmailAsync(id, "skipped-notice-1"));
        Assert.Contains("Domain two long list reminder (planned for Wednesday 23 December 2026): it reminds of a deadline, 24 December 2026, that had come", skipped);
        Assert.Contains("Domain two provisional list reminder (planned for Friday 8 January 2027): it reminds of a deadline, 11 January 2027, that had come", skipped);
    }

    private static async Task ExpectEmailsAsync(IrpFlowsApp app, string id, DateTimeOffset now, params string[] newSteps)
    {
        var sent = await app.OutboxStepsAsync(id);
        await app.MoveClockAsync(now);
        Assert.Equal([.. sent, .. newSteps], await app.OutboxStepsAsync(id));
    }

    private static async Task<IReadOnlyDictionary<string, JsonObject>> PreviewAsync(IrpFlowsApp app, JsonObject request)
    {
        using var response = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections/preview", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Steps((await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static string Attachment(MimeKit.MimeMessage message, string fileName)
    {
        var part = Assert.IsAssignableFrom<MimeKit.MimePart>(message.Attachments.Single(a => a.ContentDisposition!.FileName == fileName));
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }
}
