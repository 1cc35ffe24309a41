using System.Net;
using Deque.AxeCore.Playwright;
using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using Microsoft.Playwright;

namespace IrpFlows.Tests.Browser;

/// <summary>
/// A coordinator at work in Chromium on the local host and its own Azurite: signs in with the local stand-in, starts HMP
/// Elmley's IRP of 2023 from the form, and runs it from its page. The clock starts on the morning of its announcement.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CoordinatorPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Coordinator = "Cora Ordinator";

    [Fact]
    public async Task Coordinator_StartsAnIrpFromTheForm_MovesItsVisit_IssuesTheDraft_JudgesIt_AndCancelsAnother()
    {
        var app = fixture.App;
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programme of independent reviews of progress" })).ToBeVisibleAsync();

        // Start Elmley from the form: an error first, beside its field; then the preview; then the IRP.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start an IRP" }).First.ClickAsync();
        await FillElmleyAsync(page);
        await BrowserFixture.FillDateAsync(page, "First day of the visit", "2023-02-12"); // a Sunday
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the dates" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-visitStart-error")).ToContainTextAsync("working day");
        await BrowserFixture.FillDateAsync(page, "First day of the visit", "2023-02-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the dates" }).ClickAsync();
        var preview = page.Locator("#preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mon 6 Feb 2023" })).ToHaveCountAsync(1); // documents due
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the IRP" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The IRP has started.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "HMP Elmley", Exact = true })).ToBeVisibleAsync();
        var elmleyId = page.Url.Split('/').Last().Split('?')[0];

        // It is on the programme, with its visit and next step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme", Exact = true }).ClickAsync();
        var row = page.Locator("#programme tbody tr").Filter(new() { HasText = "HMP Elmley" });
        await Assertions.Expect(row).ToContainTextAsync("Mon 13 Feb 2023 to Wed 15 Feb 2023");
        await Assertions.Expect(row).ToContainTextAsync("Announcement scheduled");
        await page.GotoAsync("/?year=2023");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "The year 2023:" })).ToContainTextAsync("HMP Elmley");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("programme.png"), FullPage = true });
        // The announcement goes at 09:00 on its day; each later letter would be skipped if the clock jumped past its window.
        await app.MoveClockAsync(new DateTimeOffset(2022, 11, 28, 10, 0, 0, TimeSpan.Zero));
        await row.GetByRole(AriaRole.Link, new() { Name = "HMP Elmley" }).ClickAsync();

        // Appoint the liaison officer: a wrong address is refused beside its field, the name kept.
        // The form keeps the API's text rules: a name longer than any real one is refused beside its field.
        await page.GetByLabel("Full name").FillAsync(new string('L', 121));
        await page.GetByLabel("Email address").FillAsync(IrpRequests.LiaisonEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#liaison-officer-name-error")).ToContainTextAsync("at most 120 characters");
        await page.GetByLabel("Full name").FillAsync("Lia Officer");
        await page.GetByLabel("Email address").FillAsync("lia.officer at justice.gov.uk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#liaison-officer-email-error")).ToContainTextAsync("must be a single email address");
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Lia Officer");
        await page.GetByLabel("Email address").FillAsync(IrpRequests.LiaisonEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#liaison")).ToHaveTextAsync($"Lia Officer ({IrpRequests.LiaisonEmail})");

        // Move the visit a week on: the page lists the dates that will move, and after confirming every one has moved.
        var before = await app.GetIrpAsync(elmleyId);
        await BrowserFixture.FillDateAsync(page, "New first day of the visit", "2023-02-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dates that move" }).ClickAsync();
        var moves = await page.Locator("#move-preview tbody tr").AllAsync();
        var expectedMoves = before["timeline"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() == "pending").ToList();
        Assert.True(moves.Count >= 10, $"only {moves.Count} dates would move");
        var previewed = new List<(string Title, string To)>();
        foreach (var move in moves)
            previewed.Add((await move.Locator("th").InnerTextAsync(), await move.Locator("td").Nth(1).InnerTextAsync()));
        string Title(string stepId) => IrpFlowsApp.Step(before, stepId)["title"]!.GetValue<string>();
        Assert.Contains((Title("documents-deadline"), "Mon 13 Feb 2023"), previewed);
        Assert.Contains((Title("visit-start"), "Mon 20 Feb 2023"), previewed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the move" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The visit has moved, and every pending date with it.");
        await Assertions.Expect(page.Locator("#visit")).ToHaveTextAsync("Mon 20 Feb 2023 to Wed 22 Feb 2023");
        foreach (var (title, to) in previewed)
            await Assertions.Expect(page.Locator("#timeline-table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) }).Locator("td").First)
                .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(to)));
        var after = await app.GetIrpAsync(elmleyId);
        var movedIds = after["timeline"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() == "pending"
            && expectedMoves.Single(b => b!["id"]!.GetValue<string>() == s["id"]!.GetValue<string>())!["date"]!.GetValue<string>() != s["date"]!.GetValue<string>()).Count();
        Assert.Equal(movedIds, previewed.Count);

        // After the visit: upload the draft and issue it.
        await app.MoveClockAsync(new DateTimeOffset(2023, 2, 27, 9, 0, 0, TimeSpan.Zero));
        await page.ReloadAsync();
        // The report's text, from the page: a finding on 1.42 (HMP Elmley 2023, 3.1), in the downloaded Word document as 3.1.
        var findings = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Findings: Recommendation 1.42", Exact = true }) });
        await findings.GetByLabel("Findings on 1.42").FillAsync("Levels of violence were comparable to those at similar prisons.\n\nFifteen prisoners were on a CSIP during our visit.");
        await findings.GetByRole(AriaRole.Button, new() { Name = "Save the findings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The findings are saved.");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the draft report (Word)" }).ClickAsync());
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.PathAsync(), isEditable: false))
            Assert.Equal(["3.1Levels of violence were comparable to those at similar prisons.", "3.2Fifteen prisoners were on a CSIP during our visit."],
                word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.StartsWith("3.", StringComparison.Ordinal)).Take(2));
        var draft = Path.Combine(Path.GetTempPath(), $"HMP Elmley draft {Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(draft, TestFiles.Utf8("%PDF-1.7 HMP Elmley draft report\n"));
        await page.GetByLabel("Draft report (PDF or Word)").SetInputFilesAsync(draft);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The draft report is uploaded.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The draft report is issued for fact check.");
        File.Delete(draft);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the fact check" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The fact check is recorded as returned.");
        Assert.NotNull((await app.GetIrpAsync(elmleyId))["draftReport"]);

        // Every email sent is listed; the announcement letter opens as its recipients read it.
        var announcement = await app.EmailAsync(elmleyId, "announcement");
        var subject = announcement["subject"]!.GetValue<string>();
        await page.Locator("#emails-table").GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(IrpRequests.GovernorEmail);
        await Assertions.Expect(page.Locator("#message-text")).ToContainTextAsync("HMP Elmley");
        await page.GoBackAsync();

        // Elmley's judgements, as published: the page then reads Elmley's Key findings.
        foreach (var r in PublishedReports.ElmleyRecommendations)
            await page.GetByLabel($"Judgement on {r.Recommendation.Ref}", new() { Exact = true }).SelectOptionAsync(r.Judgement!.Value.ToString());
        foreach (var t in PublishedReports.ElmleyThemes)
            await page.GetByLabel($"Judgement on {t.Theme.Ref}", new() { Exact = true }).SelectOptionAsync(t.Judgement!.Value.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the judgements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The judgements are saved.");
        await Assertions.Expect(page.Locator("#key-findings-text")).ToContainTextAsync(
            "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in three recommendations, insufficient progress in three recommendations and no meaningful progress in none of the recommendations.");
        await Assertions.Expect(page.Locator("#key-findings-text")).ToContainTextAsync(
            "Ofsted judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes.");
        await Assertions.Expect(page.Locator("#key-findings ~ .app-pies figure svg")).ToHaveCountAsync(2);
        // Beside the form, what each judgement means (prison guide 10.1); the report's notable positive practice (Elmley 2.4–2.6).
        await Assertions.Expect(page.Locator("#judgement-definitions")).ToContainTextAsync(
            "Managers had implemented a realistic improvement strategy for this recommendation and had delivered a clear improvement in outcomes for prisoners.");
        await page.GetByLabel("Examples found").FillAsync("Leaders' oversight of body-worn cameras was excellent. (See paragraph 3.7)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the examples" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The examples of notable positive practice are saved.");
        await Assertions.Expect(page.Locator("#notable-positive-practice-text")).ToContainTextAsync(
            "Inspectors found one example of notable positive practice during this independent review of progress. Leaders' oversight of body-worn cameras was excellent. (See paragraph 3.7)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("irp-page.png") }); // the top: status, timeline
        // The clock jumped past the documents request's window: the timeline says it was skipped, and why.
        var skippedReason = IrpFlowsApp.Step(await app.GetIrpAsync(elmleyId), "documents-request")["skippedReason"]!.GetValue<string>();
        await Assertions.Expect(page.Locator("#step-documents-request")).ToContainTextAsync(skippedReason);

        // History: the person for page actions, system for steps.
        var history = (await app.GetIrpAsync(elmleyId))["history"]!.AsArray().Select(h => (Type: h!["type"]!.GetValue<string>(), By: h["by"]!.GetValue<string>())).ToList();
        Assert.Contains(("IrpStarted", Coordinator), history);
        Assert.Contains(("VisitRescheduled", Coordinator), history);
        Assert.Contains(("DraftIssued", Coordinator), history);
        Assert.Contains(("LiaisonOfficerAppointed", Coordinator), history);
        Assert.Contains(("FactCheckReturned", Coordinator), history);
        Assert.Contains(("JudgementRecorded", Coordinator), history);
        Assert.Contains(("StepCompleted", "system"), history);
        await Assertions.Expect(page.Locator("#history-timeline")).ToContainTextAsync("VisitRescheduled");
        await Assertions.Expect(page.Locator("#history-timeline .moj-timeline__item").Filter(new() { HasText = "VisitRescheduled" })).ToContainTextAsync(Coordinator);

        // Cancel another IRP, started through the API (announced in 2026, after any date this class's clock reaches): its
        // history says api, then the person.
        var otherId = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Swaleside"));
        await page.GotoAsync($"/irps/{otherId}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reason", Exact = true }).FillAsync("Covid-19 outbreak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the IRP" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cancel-title ~ form .govuk-error-message")).ToHaveTextAsync("Error: Tick the box to confirm that the IRP is to be cancelled.");
        Assert.NotEqual("Terminated", (await app.GetIrpAsync(otherId))["runtimeStatus"]!.GetValue<string>()); // nothing cancelled unconfirmed
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reason", Exact = true }).FillAsync("Covid-19 outbreak");
        await page.GetByLabel("Yes, cancel the IRP and tell everyone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the IRP" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Cancelled: Covid-19 outbreak");
        // A reply by email about how the review was run is recorded even once the IRP has ended; what it said is required.
        await page.GetByLabel("Who replied").FillAsync("Grace Governor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-text-error")).ToContainTextAsync("is required");
        await page.GetByLabel("What they said").FillAsync("The announcement came in good time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The feedback is recorded.");
        await Assertions.Expect(page.Locator("#feedback-list")).ToContainTextAsync("Grace Governor");
        await Assertions.Expect(page.Locator("#feedback-list")).ToContainTextAsync("The announcement came in good time.");

        // The programme filters by status: the cancelled one apart from the active one.
        await page.GotoAsync("/?year=all");
        await page.GetByLabel("Status").SelectOptionAsync("cancelled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#programme tbody")).ToContainTextAsync("HMP Swaleside");
        await Assertions.Expect(page.Locator("#programme tbody")).Not.ToContainTextAsync("HMP Elmley");
        await page.GetByLabel("Status").SelectOptionAsync("active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#programme tbody")).ToContainTextAsync("HMP Elmley");
        await Assertions.Expect(page.Locator("#programme tbody")).Not.ToContainTextAsync("HMP Swaleside");
        var other = await app.GetIrpAsync(otherId);
        Assert.Equal("Terminated", other["runtimeStatus"]!.GetValue<string>());
        var otherHistory = other["history"]!.AsArray().Select(h => (Type: h!["type"]!.GetValue<string>(), By: h["by"]!.GetValue<string>())).ToList();
        Assert.Equal(("IrpStarted", "api"), otherHistory[0]);
        Assert.Contains(("Cancelled", Coordinator), otherHistory);
    }

    [Fact]
    public async Task ProbationInspection_StartedOverTheApi_IsOnTheProgramme_AndItsPageShowsTheTimelineInTheManualsWeeks()
    {
        var app = fixture.App;
        var request = ProbationRequests.Inspection("2023-06-05");
        request["organisation"]!["name"] = "Programmeshire <NPS> division";
        var id = await app.CreateProbationAsync(request);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/?year=2023");

        var row = page.Locator("#probation-programme tbody tr").Filter(new() { HasText = "Programmeshire <NPS> division" });
        await Assertions.Expect(row).ToContainTextAsync("NPS division");
        await Assertions.Expect(row).ToContainTextAsync("England");
        await Assertions.Expect(row).ToContainTextAsync("Mon 5 Jun 2023 to Fri 23 Jun 2023");
        await Assertions.Expect(row).ToContainTextAsync("Preparing the announcement");
        // The year view draws it beside the IRPs: its span, the three fieldwork weeks (Monday to Friday) and its key dates.
        var yearView = page.GetByRole(AriaRole.Img, new() { Name = "The year 2023:" }).Locator("g").Filter(new() { HasText = "Probation: Programmeshire <NPS> division" });
        await Assertions.Expect(yearView).ToHaveCountAsync(1);
        foreach (var (week, monday, friday) in new[] { (1, "Mon 5 Jun 2023", "Fri 9 Jun 2023"), (2, "Mon 12 Jun 2023", "Fri 16 Jun 2023"), (3, "Mon 19 Jun 2023", "Fri 23 Jun 2023") })
            await Assertions.Expect(yearView.Locator("rect title").Filter(new() { HasText = $"Fieldwork week {week}: {monday} to {friday}" })).ToHaveCountAsync(1);
        await Assertions.Expect(yearView.Locator("circle title").Filter(new() { HasText = "Publication: " })
            .Filter(new() { HasText = PageDate(ProbationRequests.Steps(await app.GetProbationAsync(id))["publication"].Text("date")) })).ToHaveCountAsync(1);
        // Cancelled only: it is not there.
        await page.GotoAsync("/?year=2023&status=cancelled");
        await Assertions.Expect(page.Locator("#probation-programme tbody tr").Filter(new() { HasText = "Programmeshire" })).ToHaveCountAsync(0);

        await page.GotoAsync("/?year=2023");
        await row.GetByRole(AriaRole.Link, new() { Name = "Programmeshire <NPS> division" }).ClickAsync();
        Assert.EndsWith($"/probation-inspections/{id}", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programmeshire <NPS> division");
        var inspection = await app.GetProbationAsync(id);
        var steps = ProbationRequests.Steps(inspection);
        async Task ExpectStepAsync(string title, string date, string week, string manual)
        {
            var cells = page.Locator("#timeline-table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });
            await Assertions.Expect(cells.Locator("td").Nth(0)).ToContainTextAsync(date); // with the time, where the step has one
            await Assertions.Expect(cells.Locator("td").Nth(1)).ToHaveTextAsync(week);
            await Assertions.Expect(cells.Locator("td").Nth(2)).ToHaveTextAsync(manual);
            await Assertions.Expect(cells.Locator("td").Nth(3)).ToHaveTextAsync("pending");
        }
        await ExpectStepAsync("Announcement telephone call", PageDate(steps["announcement-call"].Text("date")), "week -9", "Probation manual 3.3");
        // Monday afternoon to Friday (manual 6.10), the times local policy.
        await ExpectStepAsync("Fieldwork week one", "Mon 5 Jun 2023 13:00 until Fri 9 Jun 2023 14:00", "fieldwork week 1",
            "Probation manual 2.3, 5.1, 6.10; the start and end times: local policy");
        await Assertions.Expect(page.Locator("#ratings-table tbody tr")).ToHaveCountAsync(inspection["ratings"]!["standards"]!.AsArray().Count);
        await Assertions.Expect(page.Locator("#ratings-table")).ToContainTextAsync("Not rated yet");
        await Assertions.Expect(page.Locator("#documents-table")).ToContainTextAsync("missing");
        await Assertions.Expect(page.GetByText("None yet.", new() { Exact = true })).ToBeVisibleAsync(); // no email before the announcement call
    }

    [Fact]
    public async Task UnsignedVisitor_IsSentToSignIn_AndSeesNoData()
    {
        var app = fixture.App;
        var id = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Unseen"));
        var unseenProbation = ProbationRequests.Inspection("2023-06-05", type: "crc");
        unseenProbation["organisation"]!["name"] = "Unseen CRC";
        var probationId = await app.CreateProbationAsync(unseenProbation);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", $"/irps/{id}", "/irps/new", $"/probation-inspections/{probationId}" })
        {
            await page.GotoAsync(path);
            Assert.StartsWith(app.Anonymous.BaseAddress + ".auth/login/aad", page.Url);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to IrpFlows" })).ToBeVisibleAsync();
            Assert.DoesNotContain("HMP Unseen", await page.ContentAsync());
            Assert.DoesNotContain("Unseen CRC", await page.ContentAsync());
        }
        using var client = Client();
        foreach (var path in new[] { $"/irps/{id}", $"/probation-inspections/{probationId}" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task EveryPagesHeader_DrawsTheMojCrestInWhite_AndTheTextIsInArial_WithNoFontLoaded()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/");

        foreach (var path in new[] { "/", AccessibilityStatementPath })
        {
            await page.GotoAsync(path);
            var crest = page.Locator("header .moj-header__logotype-crest");
            await Assertions.Expect(crest).ToBeVisibleAsync();
            var box = await crest.BoundingBoxAsync();
            Assert.Equal((40f, 40f), ((float)box!.Width, (float)box.Height));
            // Filled white on the header's black: MOJ Frontend's crest file fills nothing, so an img of it showed an empty square.
            var fills = await crest.Locator("path").EvaluateAllAsync<string[]>("paths => paths.map(p => getComputedStyle(p).fill)");
            Assert.NotEmpty(fills);
            Assert.All(fills, fill => Assert.Equal("rgb(255, 255, 255)", fill));
            // GDS Transport is for GOV.UK only: the text is in the system's Arial, and the stylesheets declare no font to load.
            Assert.Equal("arial, sans-serif", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('h1')).fontFamily"));
            Assert.Equal(0, await page.EvaluateAsync<int>("document.fonts.size"));
        }
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiForgeryToken_IsRefused_AndChangesNothing()
    {
        var app = fixture.App;
        var id = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Forged"));
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-NAME", Coordinator); // the local host takes this as the person

        var withoutToken = await client.PostAsync($"/irps/{id}/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "forged", ["confirm"] = "yes" }));
        var withWrongToken = await client.PostAsync($"/irps/{id}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "forged", ["confirm"] = "yes", ["__form"] = "not-the-token" }));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("This form was not accepted", await withoutToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, withWrongToken.StatusCode);
        var irp = await app.GetIrpAsync(id);
        Assert.NotEqual("Terminated", irp["runtimeStatus"]!.GetValue<string>());
        Assert.DoesNotContain(irp["history"]!.AsArray(), h => h!["type"]!.GetValue<string>() == "Cancelled");
    }

    [Fact]
    public async Task CalendarFeed_HoldsEachIrpsVisitFromLastYearToTwoYearsAhead_AndEachProbationInspectionsFieldwork_AndAWrongOrReplacedTokenGets404()
    {
        var app = fixture.App;
        // The fixture's clock is in 2022 or 2023 (tests move it): a 2024 visit is within the feed's years, a 2027 one beyond them.
        System.Text.Json.Nodes.JsonObject InTheWindow(string name) => IrpRequests.Elmley(name, sourceInspectionEnd: "2023-05-19", announcementDate: "2023-12-11", visitStart: "2024-03-04");
        var ids = new[] { await app.CreateIrpAsync(InTheWindow("HMP Feedham")), await app.CreateIrpAsync(InTheWindow("HMP Icalby")) };
        var beyond = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Farahead"));
        var probation = ProbationRequests.Inspection("2023-06-05", type: "crc");
        probation["organisation"]!["name"] = "Feedham CRC";
        var probationId = await app.CreateProbationAsync(probation);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/?year=all");
        var feedUrl = await page.GetByLabel("Feed address").InputValueAsync();
        using var client = Client();

        var feed = await client.GetAsync(feedUrl);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        foreach (var id in ids)
        {
            var visit = Assert.Single(calendar.Events, e => e.Uid == $"{id}-visit@irpflows");
            var irp = await app.GetIrpAsync(id);
            Assert.Equal(irp["visitStart"]!.GetValue<string>(), visit.DtStart!.Date.ToString("yyyy-MM-dd"));
            Assert.Equal(DateOnly.Parse(irp["visitEnd"]!.GetValue<string>()).AddDays(1).ToString("yyyy-MM-dd"), visit.DtEnd!.Date.ToString("yyyy-MM-dd"));
        }
        Assert.DoesNotContain(calendar.Events, e => e.Uid?.StartsWith(beyond, StringComparison.Ordinal) == true);
        Assert.Contains(calendar.Events, e => e.Summary == "IRP visit: HMP Feedham");

        // The probation inspection's fieldwork weeks, Monday 13:00 to Friday 14:00 (BST, manual 6.10), and its key dates, each as its timeline says.
        var weekOne = Assert.Single(calendar.Events, e => e.Uid == $"{probationId}-fieldwork-week-1@irpflows");
        Assert.Equal("Probation fieldwork week 1: Feedham CRC", weekOne.Summary);
        Assert.Equal(new DateTime(2023, 6, 5, 12, 0, 0, DateTimeKind.Utc), weekOne.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2023, 6, 9, 13, 0, 0, DateTimeKind.Utc), weekOne.DtEnd!.AsUtc);
        var steps = ProbationRequests.Steps(await app.GetProbationAsync(probationId));
        foreach (var step in new[] { "announcement-call", "case-sample-return", "fieldwork-week-3", "ratings-to-organisation", "draft-report", "factual-accuracy-deadline", "publication" })
        {
            var dated = Assert.Single(calendar.Events, e => e.Uid == $"{probationId}-{step}@irpflows");
            Assert.Equal(steps[step].Text("date"), dated.DtStart!.Date.ToString("yyyy-MM-dd"));
            Assert.EndsWith(": Feedham CRC", dated.Summary);
        }

        var token = new Uri(feedUrl).Query;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar.ics?token=" + Uri.EscapeDataString(token.Replace("token=", "")[1..] + "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar.ics")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace the feed address" }).ClickAsync();
        // The confirmation's banner: the programme's sortable tables add status regions of their own for their sorting.
        await Assertions.Expect(page.Locator(".govuk-notification-banner").GetByRole(AriaRole.Status)).ToContainTextAsync("new address");
        var replaced = await page.GetByLabel("Feed address").InputValueAsync();
        Assert.NotEqual(feedUrl, replaced);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(feedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(replaced)).StatusCode);
    }

    [Fact]
    public async Task MainPages_HaveNoAccessibilityViolations()
    {
        var app = fixture.App;
        var id = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Axe"));
        var probationId = await app.CreateProbationAsync(ProbationRequests.Inspection("2023-06-05"));
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/?year=all");

        foreach (var path in new[] { "/?year=all", "/irps/new", $"/irps/{id}", $"/probation-inspections/{probationId}" })
        {
            await page.GotoAsync(path);
            var results = await page.RunAxe();
            Assert.True(results.Violations.Length == 0,
                $"{path}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
        }
        // The form with its errors, too.
        await page.GotoAsync("/irps/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the dates" }).ClickAsync();
        var withErrors = await page.RunAxe();
        Assert.True(withErrors.Violations.Length == 0, string.Join("; ", withErrors.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    private const string AccessibilityStatementPath = IrpFlows.Pages.AccessibilityStatement.Path;

    private static string PageDate(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd").ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.App.Anonymous.BaseAddress };

    private Task<IBrowserContext> NewContextAsync() => fixture.NewCoordinatorContextAsync();

    private static Task SignInAsync(IPage page, string path) => BrowserFixture.SignInAsync(page, path, Coordinator);

    private static async Task FillElmleyAsync(IPage page)
    {
        await page.GetByLabel("Kind of establishment").SelectOptionAsync("prison");
        await page.GetByLabel("Establishment", new() { Exact = true }).FillAsync("HMP Elmley");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("adult");
        await page.GetByLabel("Nation").SelectOptionAsync("england");
        await BrowserFixture.FillDateAsync(page, "Last day of the inspection followed up", "2022-03-18");
        await BrowserFixture.FillDateAsync(page, "Announcement date", "2022-11-28");
        await page.GetByLabel("Coordinating inspector: name").FillAsync(Coordinator);
        await page.GetByLabel("Coordinating inspector: email address").FillAsync(IrpRequests.CoordinatorEmail);
        await page.GetByLabel("Governor or centre manager: name").FillAsync("Grace Governor");
        await page.GetByLabel("Governor or centre manager: email address").FillAsync(IrpRequests.GovernorEmail);
        await page.GetByLabel("IMB chair: name").FillAsync("Ian Chair");
        await page.GetByLabel("IMB chair: email address").FillAsync(IrpRequests.ImbChairEmail);
        await page.GetByLabel("Recommendations followed up").FillAsync(string.Join("\n",
            PublishedReports.ElmleyRecommendations.Select(r => $"{r.Recommendation.Ref} | Safety | {r.Recommendation.Text}")));
        await page.GetByLabel("Ofsted themes followed up (prisons)").FillAsync(string.Join("\n",
            PublishedReports.ElmleyThemes.Select(t => $"{t.Theme.Ref} | {t.Theme.Text}")));
    }

    /// <summary>
    /// Where a screenshot goes: the README's docs/ when IRPFLOWS_UPDATE_SCREENSHOTS=1, else the temp folder, so a test run
    /// leaves the working tree as it found it.
    /// </summary>
    private static string ScreenshotPath(string name) => Environment.GetEnvironmentVariable("IRPFLOWS_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(Repository.Root(), "docs", name)
        : Path.Combine(Path.GetTempPath(), "irpflows-" + name);
}
