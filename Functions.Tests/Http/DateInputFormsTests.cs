using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IrpFlows.Pages;
using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Http;

/// <summary>
/// Monday 1 March 2027, 10:00: HMP Drafted's visit is over and its draft uploaded, not yet issued; HMP Later is announced on
/// Monday 8 March 2027 for a visit from Monday 14 June 2027; an NPS division's fieldwork starts on Monday 7 June 2027.
/// </summary>
public sealed class DateInputFormsFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string DraftedId { get; private set; } = null!;
    public string LaterId { get; private set; } = null!;
    public string ProbationId { get; private set; } = null!;

    public static readonly DateOnly Today = new(2027, 3, 1);

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync();
        DraftedId = await App.CreateIrpAsync(Elmley("HMP Drafted").WithReportContacts());
        Assert.Equal(HttpStatusCode.OK, (await App.PutReportFileAsync(DraftedId, "draft-report", "Drafted draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        ProbationId = await ProbationRequests.CreateProbationAsync(App, ProbationRequests.Inspection("2027-06-07", name: "Dated NPS division"));
        await App.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        LaterId = await App.CreateIrpAsync(Later("HMP Later"));
    }

    /// <summary>An IRP announced a week after <see cref="Today"/>: its preparation visit may be on any working day until its visit.</summary>
    public static JsonObject Later(string name) => Elmley(name, sourceInspectionEnd: "2026-09-18", announcementDate: "2027-03-08", visitStart: "2027-06-14");

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The pages' dates as GOV.UK's date input posts them, <c>{name}-day</c>, <c>{name}-month</c> and <c>{name}-year</c>
/// (https://design-system.service.gov.uk/components/date-input/): a real date is recorded as its ISO value would be, one that
/// is not is refused beside its field in the guidance's words and changes nothing, all three left empty is the field left
/// empty, and the ISO value scripts post is still read.
/// </summary>
public sealed partial class DateInputFormsTests(DateInputFormsFixture fixture) : IClassFixture<DateInputFormsFixture>
{
    private const string Coordinator = "Cora Ordinator";

    private IrpFlowsApp App => fixture.App;

    [Fact]
    public async Task PreparationVisit_TypedInParts_IsRecordedOnThatDay_AndItsIsoValueIsStillRead()
    {
        var id = await App.CreateIrpAsync(DateInputFormsFixture.Later("HMP Typed Preparation"));
        using var browser = Browser();

        using var typed = await PostAsync(browser, $"/irps/{id}", "preparation-visit", [("date-day", "13"), ("date-month", "4"), ("date-year", "2027")]);
        Assert.Equal(HttpStatusCode.SeeOther, typed.StatusCode);
        Assert.Equal("2027-04-13", await PreparationVisitAsync(id));

        using var iso = await PostAsync(browser, $"/irps/{id}", "preparation-visit", [("date", "2027-04-14")]);
        Assert.Equal(HttpStatusCode.SeeOther, iso.StatusCode);
        Assert.Equal("2027-04-14", await PreparationVisitAsync(id));
    }

    [Theory]
    [InlineData("31", "2", "2027", "The date must be a real date", "31")]
    [InlineData("13", "13", "2027", "The date must be a real date", "13")]
    [InlineData("13", "April", "", "The date must include a year", "13")]
    [InlineData("", "", "2027", "The date must include a day and month", "")]
    [InlineData("13", "4", "27", "The date must include a year with 4 numbers", "13")]
    [InlineData("1e", "4", "2027", "The date must be a real date", "1e")]
    public async Task PreparationVisit_TypedAsNoDate_IsRefusedBesideTheField_KeepsWhatWasTyped_AndRecordsNothing(
        string day, string month, string year, string message, string dayShown)
    {
        using var browser = Browser();
        var before = await HistoryAsync(fixture.LaterId);

        using var posted = await PostAsync(browser, $"/irps/{fixture.LaterId}", "preparation-visit", [("date-day", day), ("date-month", month), ("date-year", year)]);

        var html = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Equal(message, ErrorBeside(html, "preparation-visit-date"));
        // The error summary links to the day field, which carries the date's id.
        Assert.Contains($"<a href=\"#preparation-visit-date\">{message}</a>", html);
        Assert.Matches($"id=\"preparation-visit-date\" name=\"date-day\" type=\"text\" inputmode=\"numeric\" value=\"{Regex.Escape(dayShown)}\"", html);
        Assert.Contains($"name=\"date-month\" type=\"text\" inputmode=\"numeric\" value=\"{month}\"", html);
        Assert.Equal(before, await HistoryAsync(fixture.LaterId));
    }

    [Fact]
    public async Task DraftIssued_WithEveryPartLeftEmpty_IsRecordedAsIssuedToday()
    {
        using var browser = Browser();
        var planned = IrpFlowsApp.Step(await App.GetIrpAsync(fixture.DraftedId), "draft-report")["date"]!.GetValue<string>();
        Assert.NotEqual("2027-03-01", planned); // else the test could not tell today from the plan

        using var posted = await PostAsync(browser, $"/irps/{fixture.DraftedId}", "issue-draft", [("date-day", ""), ("date-month", ""), ("date-year", "")]);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var irp = await App.GetIrpAsync(fixture.DraftedId);
        Assert.Equal("2027-03-01", IrpFlowsApp.Step(irp, "draft-report")["date"]!.GetValue<string>());
        Assert.Contains(irp["history"]!.AsArray(), h => h!["type"]!.GetValue<string>() == "DraftIssued" && h["by"]!.GetValue<string>() == Coordinator);
    }

    [Fact]
    public async Task NewIrp_WithItsDatesTypedInParts_StartsOnThoseDates_AMonthByItsName()
    {
        using var browser = Browser();

        using var posted = await PostAsync(browser, "/irps/new", null, NewIrp("HMP Typed", announcementDay: "8"));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = posted.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
        var irp = await App.GetIrpAsync(id);
        Assert.Equal(("2026-09-18", "2027-03-08", "2027-06-14"),
            (irp["sourceInspectionEnd"]!.GetValue<string>(), irp["announcementDate"]!.GetValue<string>(), irp["visitStart"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NewIrp_WithAnAnnouncementOn31February_IsRefusedBesideIt_KeepsEveryFieldTyped_AndStartsNothing()
    {
        using var browser = Browser();

        using var posted = await PostAsync(browser, "/irps/new", null, NewIrp("HMP Mistyped", announcementDay: "31", announcementMonth: "2"));

        var html = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Equal("The announcement date must be a real date", ErrorBeside(html, "f-announcementDate"));
        Assert.Contains("<a href=\"#f-announcementDate\">The announcement date must be a real date</a>", html);
        Assert.Contains("id=\"f-announcementDate\" name=\"announcementDate-day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", html);
        Assert.Contains("name=\"visitStart-month\" type=\"text\" inputmode=\"numeric\" value=\"June\"", html);
        Assert.Contains("value=\"HMP Mistyped\"", html);
        // The only error: the other dates were read.
        Assert.Single(Regex.Matches(html, "class=\"govuk-error-message\""));
        var list = await App.Coordinator.GetStringAsync("/api/irps");
        Assert.Contains("HMP Drafted", list, StringComparison.Ordinal);
        Assert.DoesNotContain("HMP Mistyped", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbationAnnouncementCall_TypedInParts_IsRecorded_AndOn31FebruaryIsRefusedBesideItsField()
    {
        using var browser = Browser();
        var path = $"/probation-inspections/{fixture.ProbationId}";

        using var refused = await PostAsync(browser, path, "announcement-call", [("date-day", "31"), ("date-month", "2"), ("date-year", "2027")]);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{(int)refused.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Equal("The date must be a real date", ErrorBeside(html, "announcement-call-date"));
        Assert.Null((await ProbationRequests.GetProbationAsync(App, fixture.ProbationId))["announcementCall"]);

        // Monday 1 March is weeks before week -9: recorded, with the page's note of the departure from the manual (3.3).
        using var typed = await PostAsync(browser, path, "announcement-call", [("date-day", "1"), ("date-month", "3"), ("date-year", "2027")]);
        Assert.True(typed.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, $"{(int)typed.StatusCode}");
        Assert.Equal("2027-03-01", (await ProbationRequests.GetProbationAsync(App, fixture.ProbationId))["announcementCall"]!["date"]!.GetValue<string>());
    }

    /// <summary>The new IRP form as a person fills it in: dates in parts, the visit's month by its name.</summary>
    private static List<(string, string)> NewIrp(string name, string announcementDay, string announcementMonth = "3") =>
    [
        ("kind", "prison"), ("establishment.name", name), ("establishment.type", "adult"), ("establishment.nation", "england"),
        ("sourceInspectionEnd-day", "18"), ("sourceInspectionEnd-month", "9"), ("sourceInspectionEnd-year", "2026"),
        ("announcementDate-day", announcementDay), ("announcementDate-month", announcementMonth), ("announcementDate-year", "2027"),
        ("visitStart-day", "14"), ("visitStart-month", "June"), ("visitStart-year", "2027"),
        ("contacts.coordinator.name", Coordinator), ("contacts.coordinator.email", CoordinatorEmail),
        ("contacts.governor.name", "Grace Governor"), ("contacts.governor.email", GovernorEmail),
        ("contacts.imbChair.name", "Ian Chair"), ("contacts.imbChair.email", ImbChairEmail),
        ("recommendations", string.Join("\n", PublishedReports.ElmleyRecommendations.Select(r => $"{r.Recommendation.Ref} | Safety | {r.Recommendation.Text}"))),
        ("intent", IrpFlows.Irps.Pages.NewIrpPage.IntentCreate),
    ];

    /// <summary>A browser signed in as the coordinator: it keeps the anti-forgery cookie and does not follow redirects.</summary>
    private HttpClient Browser()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(CoordinatorSignIn.PrincipalNameHeader, Coordinator);
        return client;
    }

    /// <summary>Opens <paramref name="page"/> for its form token and posts <paramref name="fields"/> to its action (or to the page itself).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string? action, IEnumerable<(string Key, string Value)> fields)
    {
        var html = await browser.GetStringAsync(page);
        var token = FormTokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"{page} has no form token");
        return await browser.PostAsync(action is null ? page : $"{page}/{action}",
            new FormUrlEncodedContent(fields.Prepend((FormTokens.FieldName, token)).Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();

    /// <summary>The error message beside the field whose id is <paramref name="id"/>, without its visually hidden "Error:".</summary>
    private static string ErrorBeside(string html, string id)
    {
        var error = Regex.Match(html, $"<p class=\"govuk-error-message\" id=\"{id}-error\"><span class=\"govuk-visually-hidden\">Error:</span> (.*?)</p>");
        Assert.True(error.Success, $"no error beside {id}");
        return System.Net.WebUtility.HtmlDecode(error.Groups[1].Value);
    }

    private async Task<string?> PreparationVisitAsync(string id) => IrpFlowsApp.Step(await App.GetIrpAsync(id), "preparation-visit")["date"]?.GetValue<string>();

    private async Task<List<string>> HistoryAsync(string id) =>
        [.. (await App.GetIrpAsync(id))["history"]!.AsArray().Select(h => h!["type"]!.GetValue<string>())];
}
