using IrpFlows.Documents;
using IrpFlows.Pages;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IrpFlows.Tests.Browser;

/// <summary>
/// axe (WCAG 2.2 A and AA rules, as Deque's axe-core runs them) finds nothing on any page of the app in Chromium, nor on the
/// same pages showing their errors: the coordinator's pages, the sign-in stand-in, the establishment's pages behind the
/// emailed links, a link that does not work, and the accessibility statement.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryPage_AndItsErrorState_HasNoAxeViolations()
    {
        var app = fixture.App;
        var irpId = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Axeley"));
        var probationId = await app.CreateProbationAsync(ProbationRequests.Inspection("2023-06-05", name: "Axe NPS division"));
        // A week after the announcement: the letter and the request for documents, with its upload link, have gone.
        await app.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var uploadLink = Emails.UploadLink(await app.RawEmailAsync(irpId, "documents-request"));
        var tokens = app.Services.GetRequiredService<UploadTokens>();
        var expiry = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var factCheckToken = tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.FactCheckPurpose, expiry));
        var feedbackToken = tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.FeedbackPurpose, expiry));
        await using var context = await fixture.NewCoordinatorContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAsync(string what)
        {
            if (await BrowserFixture.AxeViolationsAsync(page) is { Length: > 0 } found) violations.Add($"{what} ({page.Url}): {found}");
        }

        // The sign-in stand-in, and its error.
        await page.GotoAsync("/.auth/login/aad");
        await CheckAsync("sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#name-error")).ToBeVisibleAsync();
        await CheckAsync("sign-in, refused");
        await BrowserFixture.SignInAsync(page, "/", "Cora Ordinator");

        await CheckAsync("programme");
        await page.GotoAsync("/irps/new");
        await CheckAsync("new IRP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the dates" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync("new IRP, refused");

        await page.GotoAsync($"/irps/{irpId}");
        await CheckAsync("IRP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#liaison-officer-name-error")).ToBeVisibleAsync();
        await CheckAsync("IRP, refused");
        // GOV.UK's date input showing its error: 31 February is no date.
        await BrowserFixture.FillDateAsync(page, "Date", "2023-02-28");
        await page.GetByRole(AriaRole.Group, new() { Name = "Date", Exact = true }).GetByLabel("Day").FillAsync("31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preparation-visit-date-error")).ToHaveTextAsync("Error: The date must be a real date");
        await CheckAsync("IRP, a date refused");
        // The IRP page's own GOV.UK markup around the components: the visit move's preview, an item's judgement refused,
        // a reply by email refused and then listed.
        await BrowserFixture.FillDateAsync(page, "New first day of the visit", "2023-02-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dates that move" }).ClickAsync();
        await Assertions.Expect(page.Locator("#move-preview tbody tr").First).ToBeVisibleAsync();
        await CheckAsync("IRP, visit move previewed");
        await page.Locator("textarea[name=text]").First.FillAsync("Good \u0007progress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the judgements" }).ClickAsync();
        await Assertions.Expect(page.Locator("#judgements-title ~ form .govuk-error-message")).ToContainTextAsync("control characters");
        await CheckAsync("IRP, judgements refused");
        await page.GetByLabel("Who replied").FillAsync("Grace Governor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-text-error")).ToBeVisibleAsync();
        await CheckAsync("IRP, feedback refused");
        await page.GetByLabel("What they said").FillAsync("The announcement came in good time.\nThe visit ran to plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-list")).ToContainTextAsync("The visit ran to plan.");
        await CheckAsync("IRP, with feedback");
        await page.Locator("#emails-table").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#message-text")).ToBeVisibleAsync();
        await CheckAsync("email");

        await page.GotoAsync($"/probation-inspections/{probationId}");
        await CheckAsync("probation inspection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the inspection" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync("probation inspection, refused");

        await page.GotoAsync(uploadLink.ToString());
        await CheckAsync("upload");
        await page.GotoAsync($"/upload/{factCheckToken}x");
        await CheckAsync("a link that does not work");
        await page.GotoAsync($"/fact-check/{factCheckToken}");
        await CheckAsync("fact check");
        var notes = Path.Combine(Path.GetTempPath(), $"comments {Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(notes, "Page 3: the date is wrong.");
        await page.GetByLabel("Choose a file of comments").SetInputFilesAsync(notes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload comments" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync("fact check, refused");
        File.Delete(notes);
        await page.GotoAsync($"/feedback/{feedbackToken}");
        await CheckAsync("feedback");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync("feedback, refused");
        await page.GotoAsync(AccessibilityStatement.Path);
        await CheckAsync("accessibility statement");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
