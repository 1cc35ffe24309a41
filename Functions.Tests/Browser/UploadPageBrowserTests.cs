using Azure.Storage.Blobs.Models;
using Deque.AxeCore.Playwright;
using IrpFlows.Azurite;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace IrpFlows.Tests.Browser;

/// <summary>
/// The browser tests' classes, one at a time, each still with its own browser and app (<see cref="BrowserFixture"/>). Two
/// classes at once, among the suite's other work, twice left a page waiting out the two-minute guard for its load after
/// signing in, though the network had gone idle; run alone, or the browser classes by themselves, they passed, and one at
/// a time it has not happened again.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's Chromium driven by Playwright (never <c>playwright install</c>), and the app on a real loopback port with its
/// own Azurite: the browser PUTs to blob storage, which needs the Blob service's CORS rule for the app's origin, and the
/// shared test Azurite's rules are changed by other tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private AzuriteInstance _azurite = null!;
    private IPlaywright _playwright = null!;
    internal IrpFlowsApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        _azurite = await AzuriteLauncher.StartAsync(
            new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, NullLogger.Instance, CancellationToken.None);
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, connectionString: _azurite.ConnectionString, realPort: true);
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(HangGuard);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>
    /// A browser context whose waits give up after two minutes rather than Playwright's 30 seconds (5 for an expectation):
    /// they guard against a hang, not time the app, which the benchmarks measure. On a machine whose cores are taken by
    /// other work, Chromium alone can take longer than 30 seconds to lay out a page.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(HangGuard);
        context.SetDefaultNavigationTimeout(HangGuard);
        return context;
    }

    private const float HangGuard = 120_000;

    /// <summary>A context for the coordinator pages: the app's address as the base URL, a desktop's window.</summary>
    public Task<IBrowserContext> NewCoordinatorContextAsync() => NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = App.Anonymous.BaseAddress!.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
    });

    /// <summary>Opens <paramref name="path"/>, is sent to the local sign-in stand-in, signs in as <paramref name="name"/> and comes back.</summary>
    public static async Task SignInAsync(IPage page, string path, string name)
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/.auth/"));
    }

    /// <summary>
    /// Types <paramref name="isoDate"/> (yyyy-MM-dd) as a person does into the GOV.UK date input whose legend is
    /// <paramref name="legend"/>: the day, month and year, each in its field.
    /// </summary>
    public static async Task FillDateAsync(IPage page, string legend, string isoDate)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var input = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await input.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The axe violations on the page as it is, each with its rule and where: empty when there are none.</summary>
    public static async Task<string> AxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        return string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    // These tests never download a browser: Debian's Chromium, installed when missing.
    private static Task EnsureChromiumAsync() => DebianPackages.EnsureInstalledAsync("chromium", ChromiumPath);
}

[Collection(BrowserTests.Name)]
public sealed class UploadPageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LiaisonOfficer_UploadsAFileFromTheLinkInTheRequestEmail_AndSeesItReceived_AsDoesTheCoordinator()
    {
        var app = fixture.App;
        var irpId = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023());
        await app.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var link = Emails.UploadLink(await app.RawEmailAsync(irpId, "documents-request"));
        var file = Path.Combine(Path.GetTempPath(), $"Action plan {Guid.NewGuid():N}.pdf");
        var bytes = TestFiles.Utf8("%PDF-1.7 HMP Elmley updated action plan\n" + new string('x', 200_000));
        await File.WriteAllBytesAsync(file, bytes);
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1400 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

        await page.GotoAsync(link.ToString());
        var item = page.Locator("#item-action-plan");
        await Assertions.Expect(item.Locator(".status")).ToHaveTextAsync("Missing");
        await item.GetByLabel("Choose files for Updated action plan").SetInputFilesAsync(file);
        await item.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(item.Locator(".status")).ToHaveTextAsync("Received");
        await Assertions.Expect(item.Locator("#message-action-plan")).ToHaveTextAsync("1 file uploaded. Thank you.");
        await Assertions.Expect(item.Locator("#files-action-plan")).ToContainTextAsync(Path.GetFileName(file));
        await Assertions.Expect(item.Locator("progress")).ToHaveJSPropertyAsync("value", bytes.Length);
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("1 of 7 documents received.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/upload-page.png", FullPage = true });
        Assert.Empty(consoleErrors);

        var received = (await app.GetIrpAsync(irpId))["history"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "DocumentReceived")!;
        Assert.Equal("link", received["by"]!.GetValue<string>()); // someone holding the emailed link, not the coordinators' key
        var status = await app.DocumentAsync(irpId, DocumentChecklist.ActionPlan);
        Assert.Equal("received", status["status"]!.GetValue<string>());
        var listed = Assert.Single(status["files"]!.AsArray())!;
        Assert.Equal(Path.GetFileName(file), listed["name"]!.GetValue<string>());
        var blobs = app.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(irpId));
        var stored = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = "documents/action-plan/" })) stored.Add(blob.Name);
        Assert.Equal(bytes, (await blobs.GetBlobClient(Assert.Single(stored)).DownloadContentAsync()).Value.Content.ToArray());
        File.Delete(file);
    }

    [Fact]
    public async Task Governor_AnswersTheFeedbackForm_CorrectingWhatWasMissed_AndTheFormHasNoAccessibilityViolations()
    {
        var app = fixture.App;
        var irpId = await app.CreateIrpAsync(IrpRequests.Elmley("HMP Feedback"));
        // The emailed link's token (the end-to-end email is in FeedbackFormTests): signed for this IRP, valid for a year.
        var token = app.Services.GetRequiredService<UploadTokens>().Sign(
            new UploadTokenPayload(irpId, UploadTokenPayload.FeedbackPurpose, IrpRequests.ElmleyIn2023AnnouncementMorning.AddYears(1)));
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1400 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.Anonymous.BaseAddress!, $"feedback/{token}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your feedback on our review at HMP Feedback");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Your name").FillAsync("Grace Governor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator("#role-error")).ToHaveTextAsync("Error: Choose your role.");
        await Assertions.Expect(page.Locator("#answers-error")).ToHaveTextAsync("Error: Answer at least one question.");
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Grace Governor");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Governor or director").CheckAsync();
        await page.GetByLabel("The arrangements during the visit").FillAsync("Well organised.\nThe debrief was clear.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you, Grace Governor. We have received your feedback on our review at HMP Feedback.");
        var feedback = Assert.Single((await app.GetIrpAsync(irpId))["feedback"]!.AsArray())!;
        Assert.Equal(("Governor or director", "Well organised.\nThe debrief was clear."),
            (feedback["role"]!.GetValue<string>(), feedback["answers"]![0]!["answer"]!.GetValue<string>()));
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
