using System.Net;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using Microsoft.Playwright;

namespace IrpFlows.Tests.Browser;

/// <summary>
/// A lead inspector runs an NPS division's inspection from its page in Chromium, on its own app (its clock goes to fieldwork,
/// which the IRP pages' tests must not see): names the senior link manager, records the announcement call and the planning
/// meeting, uploads the minutes, rates the standards from the evidence with the ratings panel's decision, and cancels.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ProbationPageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Lead = "Lena Lead";

    [Fact]
    public async Task LeadInspector_RunsAnInspectionFromItsPage_ThroughTheRatingsPanel_AndAForgedPostIsRefused()
    {
        var app = fixture.App; // the clock: Monday 28 November 2022, 08:00
        var id = await app.CreateProbationAsync(ProbationRequests.Inspection("2023-02-06", name: "Actonshire NPS division"));
        await using var context = await fixture.NewCoordinatorContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, $"/probation-inspections/{id}", Lead);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Actonshire NPS division");
        Assert.Equal("", await BrowserFixture.AxeViolationsAsync(page));

        // Name the senior link manager: a wrong address is refused beside its field, the name kept.
        var contact = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Name or correct a contact" }) });
        await contact.GetByLabel("Role").SelectOptionAsync("seniorLinkManager");
        await contact.GetByLabel("Full name").FillAsync("Sam Link");
        await contact.GetByLabel("Email address").FillAsync("sam.link at probation.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-email-error")).ToContainTextAsync("email address");
        await Assertions.Expect(contact.GetByLabel("Full name")).ToHaveValueAsync("Sam Link");
        Assert.Equal("", await BrowserFixture.AxeViolationsAsync(page)); // the page with a field's error
        await contact.GetByLabel("Email address").FillAsync(ProbationRequests.LinkEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The contact is saved.");
        await Assertions.Expect(page.Locator("#senior-link-manager")).ToHaveTextAsync($"Sam Link ({ProbationRequests.LinkEmail})");

        // The call was made early, in week -11: recorded, and the page says how it departs from the manual (3.3).
        await BrowserFixture.FillDateAsync(page, "Made on", "2022-11-24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the call" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The announcement call is recorded");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("not week -9");
        await Assertions.Expect(page.Locator("#announcement-call")).ToContainTextAsync("Thu 24 Nov 2022, by the lead inspector");
        await page.GetByLabel("Day and time").FillAsync("2022-11-30T10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The planning meeting is on the timeline.");
        await Assertions.Expect(page.Locator("#step-planning-meeting td").First).ToContainTextAsync("Wed 30 Nov 2022 10:00");
        var minutes = Path.Combine(Path.GetTempPath(), $"Actonshire minutes {Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(minutes, TestFiles.Utf8("%PDF-1.7 planning meeting minutes\n"));
        await page.GetByLabel("Minutes (PDF or Word, at most 3 MB)").SetInputFilesAsync(minutes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the minutes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The minutes are uploaded");
        File.Delete(minutes);

        // The confirming email goes at 09:00 on the Monday after the call; it opens from the page as its recipients read it.
        await app.MoveClockAsync(new DateTimeOffset(2022, 11, 28, 10, 0, 0, TimeSpan.Zero));
        await page.ReloadAsync();
        var confirming = ProbationRequests.Steps(await app.GetProbationAsync(id))[IrpFlows.Probation.ProbationSteps.AnnouncementEmail];
        Assert.Equal("done", confirming.Text("status"));
        var email = page.Locator("#emails-table").GetByRole(AriaRole.Link).First;
        var subject = await email.InnerTextAsync();
        await email.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        await Assertions.Expect(page.Locator("#message-text")).ToContainTextAsync("Actonshire NPS division");
        await page.GoBackAsync();

        // The division sends its long list through the upload link the email gave; it opens from the page's documents.
        var uploadToken = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(id, IrpFlows.Probation.ProbationSteps.AnnouncementEmail)));
        await app.UploadDocumentAsync(uploadToken, "domain-two-long-list", "long list.pdf", TestFiles.Pdf("Actonshire long list"));
        await page.ReloadAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#documents-table").GetByRole(AriaRole.Link, new() { Name = "long list.pdf" }).ClickAsync());
        Assert.Equal("long list.pdf", download.SuggestedFilename);
        Assert.Equal(TestFiles.Pdf("Actonshire long list"), await File.ReadAllBytesAsync(await download.PathAsync()));

        // A post without the page's anti-forgery token changes nothing.
        using (var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Anonymous.BaseAddress })
        {
            client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-NAME", Lead);
            var forged = await client.PostAsync($"/probation-inspections/{id}/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes" }));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("This form was not accepted", await forged.Content.ReadAsStringAsync());
            Assert.Equal("Running", (await app.GetProbationAsync(id))["runtimeStatus"]!.GetValue<string>());
        }

        // Fieldwork has begun: 2.1 from its key questions. A line not in the form's shape is refused by its number.
        await app.MoveClockAsync(new DateTimeOffset(2023, 2, 6, 14, 0, 0, TimeSpan.Zero));
        await page.ReloadAsync();
        var questions = page.GetByLabel("Key questions of 2.1", new() { Exact = true });
        await questions.FillAsync("Engagement 24 of 50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the key questions of 2.1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-questions-2-1-keyQuestions-error")).ToContainTextAsync("Line 1 must be");
        await questions.FillAsync("Engagement | 24 | 50\nKeeping other people safe | 40 | 50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the key questions of 2.1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The key questions are saved; the standard is rated from them.");
        // 48% is below 50%, Inadequate (7.1), but within five points of the boundary: the panel may decide (7.2).
        var assessment = page.Locator("#ratings-table tbody tr").Filter(new() { HasText = "2.1 Assessment" });
        await Assertions.Expect(assessment).ToContainTextAsync("Engagement: 24 of 50, 48% (Inadequate)");
        await Assertions.Expect(assessment).ToContainTextAsync("Near a boundary");
        await page.GetByLabel("Rating the panel agreed for 2.1").SelectOptionAsync("RequiresImprovement");
        await page.Locator("#panel-2-1-chair").FillAsync("Dana Director");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the panel's decision on 2.1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel-2-1-reason-error")).ToContainTextAsync("is required");
        await page.Locator("#panel-2-1-reason").FillAsync("One case was misread; the engagement evidence is stronger than the figure.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the panel's decision on 2.1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The ratings panel's decision is recorded.");
        await Assertions.Expect(assessment.Locator("td").Nth(1)).ToHaveTextAsync("Requires improvement");
        await Assertions.Expect(assessment).ToContainTextAsync("Panel (Dana Director): Requires improvement.");
        // Domain one is judged directly.
        await page.GetByLabel("Rating of 1.1").SelectOptionAsync("Good");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rate 1.1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ratings-table tbody tr").Filter(new() { HasText = "1.1 Leadership" }).Locator("td").Nth(1)).ToHaveTextAsync("Good");
        Assert.Equal("", await BrowserFixture.AxeViolationsAsync(page));
        var ratings = (await app.GetProbationAsync(id))["ratings"]!["standards"]!.AsArray();
        var recorded = ratings.Single(r => r!["standard"]!.GetValue<string>() == "2.1")!;
        Assert.Equal(("RequiresImprovement", "Inadequate", "Dana Director"),
            (recorded["rating"]!.GetValue<string>(), recorded["fromEvidence"]!.GetValue<string>(), recorded["panel"]!["chair"]!.GetValue<string>()));

        // Cancel: not without ticking the box; then the inspection ends, recorded as the lead inspector's.
        await page.GetByLabel("Reason for cancelling").FillAsync("The division is being restructured.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the inspection" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cancel-confirm-error")).ToContainTextAsync("Tick the box");
        await page.GetByLabel("Yes, cancel the inspection and tell the organisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the inspection" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The inspection is cancelled.");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Cancelled: The division is being restructured.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actions" })).ToHaveCountAsync(0);
        var history = (await app.GetProbationAsync(id))["history"]!.AsArray().Select(h => (h!["type"]!.GetValue<string>(), h["by"]?.GetValue<string>())).ToList();
        Assert.Contains(("ContactNamed", Lead), history);
        Assert.Contains(("PanelDecisionRecorded", Lead), history);
        Assert.Contains(("Cancelled", Lead), history);
    }
}
