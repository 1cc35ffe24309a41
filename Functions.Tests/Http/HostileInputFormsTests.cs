using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Pages;
using IrpFlows.Programme;
using IrpFlows.Tests.Support;
using IrpFlows.Validation;
using Microsoft.Extensions.DependencyInjection;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Http;

/// <summary>
/// Two IRPs a fortnight after their visit, their draft issued for fact check (Monday 1 March 2027): HMP Elmley's, and one
/// that follows up as many items as an IRP may (<see cref="Limits.Recommendations"/> recommendations of
/// <see cref="Limits.Parts"/> parts each, and <see cref="Limits.OfstedThemes"/> themes).
/// </summary>
public sealed class HostileInputFormsFixture : IAsyncLifetime
{
    public const string Coordinator = "Cora Ordinator";

    internal IrpFlowsApp App { get; private set; } = null!;
    public string IrpId { get; private set; } = null!;
    public string MostItemsId { get; private set; } = null!;
    public string FactCheckToken { get; private set; } = null!;
    public string FeedbackToken { get; private set; } = null!;

    /// <summary>An NPS division's inspection in its third week of fieldwork: its page has every form, the ratings panel's included.</summary>
    public string ProbationId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync();
        ProbationId = await Probation.ProbationRequests.CreateProbationAsync(App, Probation.ProbationRequests.Inspection("2027-02-15", name: "Hostile NPS division"));
        IrpId = await App.CreateIrpAsync(Elmley(liaisonOfficer: true).WithReportContacts());
        MostItemsId = await App.CreateIrpAsync(MostItems());
        await App.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        // 48% on one key question, near the boundary at 50%: the page has the ratings panel's form for 2.1 (manual 7.2).
        using (var keyQuestions = await App.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{ProbationId}/ratings/2.1/key-questions",
            new { keyQuestions = new[] { new { question = "Engagement", yes = 24, cases = 50 } } }))
            Assert.Equal(HttpStatusCode.Accepted, keyQuestions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.PutReportFileAsync(IrpId, "draft-report", "Elmley draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await App.RaiseAsync(IrpId, "DraftIssued")).StatusCode);
        await App.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 1, 0, TimeSpan.Zero));
        FactCheckToken = FactCheckLink(PlainText(await App.RawEmailAsync(IrpId, "draft-report"))).AbsolutePath["/fact-check/".Length..];
        FeedbackToken = Link(PlainText(await App.RawEmailAsync(IrpId, "liaison-feedback")), "/feedback/").AbsolutePath["/feedback/".Length..];
    }

    /// <summary>HMP Elmley's request with the most recommendations, parts and themes an IRP may have.</summary>
    public static JsonObject MostItems(int recommendations = Limits.Recommendations, int parts = Limits.Parts, int themes = Limits.OfstedThemes)
    {
        var request = Elmley("HMP Most Items");
        request["recommendations"] = new JsonArray(Enumerable.Range(1, recommendations).Select(r => (JsonNode)new JsonObject
        {
            ["ref"] = $"R{r}",
            ["parts"] = new JsonArray(Enumerable.Range(0, parts).Select(p => (JsonNode)new JsonObject
            {
                ["ref"] = $"R{r}{(char)('a' + p)}", ["text"] = $"Part {(char)('a' + p)} of recommendation {r}.",
            }).ToArray()),
        }).ToArray());
        request["ofstedThemes"] = new JsonArray(Enumerable.Range(1, themes).Select(t => (JsonNode)new JsonObject { ["ref"] = $"T{t}", ["text"] = $"Theme {t}." }).ToArray());
        return request;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Hostile input through the pages' forms and every upload path (issue 19, findings 2, 3, 7 and 9): the pages keep the API's
/// rules, forms over the app's limits or malformed are refused with 413 or 400 and never a 500, and a file that is not what
/// its name says is refused and not kept. Each test asserts what a person or script sees: the status, the page or problem,
/// and what the IRP's API shows afterwards.
/// </summary>
public sealed partial class HostileInputFormsTests(HostileInputFormsFixture fixture) : IClassFixture<HostileInputFormsFixture>
{
    private IrpFlowsApp App => fixture.App;

    /// <summary>A browser signed in as <paramref name="person"/>: it keeps the anti-forgery cookie and does not follow redirects.</summary>
    private HttpClient Browser(string person = HostileInputFormsFixture.Coordinator)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(CoordinatorSignIn.PrincipalNameHeader, person);
        return client;
    }

    /// <summary>Opens a page and returns its form token.</summary>
    private static async Task<string> FormTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        return FormTokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"{path} has no form token");
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();

    private static FormUrlEncodedContent Form(IEnumerable<(string Key, string Value)> fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    /// <summary>The judgements form as the IRP page sends it: every judged item's ref, judgement and text, with the given ones set.</summary>
    private async Task<List<(string Key, string Value)>> JudgementsFormAsync(string irpId, string token, IReadOnlyDictionary<string, (string Judgement, string Text)> set)
    {
        var fields = new List<(string, string)> { (FormTokens.FieldName, token) };
        foreach (var item in (await App.GetIrpAsync(irpId))["judgements"]!.AsArray())
        {
            var reference = item!["ref"]!.GetValue<string>();
            var (judgement, text) = set.TryGetValue(reference, out var given) ? given : ("", "");
            fields.AddRange([("ref", reference), ("judgement", judgement), ("text", text)]);
        }
        return fields;
    }

    private async Task<JsonObject> JudgementAsync(string irpId, string reference) =>
        (await App.GetIrpAsync(irpId))["judgements"]!.AsArray().Single(j => j!["ref"]!.GetValue<string>() == reference)!.AsObject();

    private async Task<IReadOnlyList<string>> HistoryByAsync(string irpId) =>
        (await App.GetIrpAsync(irpId))["history"]!.AsArray().Select(h => h!["by"]?.GetValue<string>() ?? "").ToList();

    // Finding 2: page forms keep the API's rules.

    [Theory]
    [InlineData("1.42", "\u202E")] // right-to-left override
    [InlineData("1.43", "\u001B")] // escape
    [InlineData("1.44", "\u0007")] // bell
    public async Task JudgementFromThePage_WithBidiEscapeOrBell_IsRefusedBesideItsItem_AsThePutIs_AndNothingIsRecorded(string reference, string character)
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, $"/irps/{fixture.IrpId}");
        var text = "Good " + character + "ssergorp";
        using var put = await App.PutJudgementAsync(fixture.IrpId, reference, new { judgement = "GoodProgress", text });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);

        using var posted = await browser.PostAsync($"/irps/{fixture.IrpId}/judgements",
            Form(await JudgementsFormAsync(fixture.IrpId, token, new Dictionary<string, (string, string)> { [reference] = ("GoodProgress", text) })));

        var html = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Contains($"id=\"judgements-{reference}-error\"><span class=\"govuk-visually-hidden\">Error:</span> The written judgement must not contain control characters", html);
        Assert.Contains($"<li><a href=\"#judgements-{reference}\">The written judgement must not contain control characters", html); // the summary links to the item's select
        Assert.Contains($"id=\"judgements-{reference}\" name=\"judgement\"", html);
        Assert.Null((await JudgementAsync(fixture.IrpId, reference))["judgement"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("contact", "name", "121 characters", "contact-name-error", "at most 120 characters")]
    [InlineData("contact", "name", "Sam \u202Eknil", "contact-name-error", "control characters")]
    [InlineData("local-assessors", "trained", "six", "local-assessors-trained-error", "must be a whole number")]
    [InlineData("key-questions", "keyQuestions", "Engagement | 5 | x", "key-questions-2-1-keyQuestions-error", "Line 1 must be")]
    [InlineData("key-questions", "keyQuestions", "Engagement | 1 | 2\n121 characters | 1 | 2", "key-questions-2-1-keyQuestions-error", "Line 2 ")]
    [InlineData("panel", "chair", "Dana \u001B[31mDirector", "panel-2-1-chair-error", "control characters")]
    [InlineData("action-plan", "recommendations", "Improve the quality of assessment", "action-plan-recommendations-error", "Line 1 must be")]
    [InlineData("cancel", "reason", "Restructured\u0007", "cancel-reason-error", "control characters")]
    public async Task ProbationPageForm_BreakingItsFieldsRule_IsRefusedBesideTheField_AndNothingIsRecorded(string action, string field, string value, string errorId, string says)
    {
        value = System.Text.RegularExpressions.Regex.Unescape(value.Replace("121 characters", new string('Q', 121), StringComparison.Ordinal));
        using var browser = Browser();
        var path = $"/probation-inspections/{fixture.ProbationId}";
        var token = await FormTokenAsync(browser, path);
        var history = (await Probation.ProbationRequests.GetProbationAsync(App, fixture.ProbationId))["history"]!.AsArray().Count;

        // Every other field of the form is as a person fills it in.
        (string Key, string Value)[] valid = [("standard", "2.1"), ("confirm", "yes"), ("rating", "Good"), ("reason", "A reason."), ("chair", "Dana Director"),
            ("name", "Sam Link"), ("email", "sam.link@probation.example"), ("role", "seniorLinkManager")];
        using var posted = await browser.PostAsync($"{path}/{action}", Form([(FormTokens.FieldName, token), .. valid.Where(f => f.Key != field), (field, value)]));

        var html = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        var error = Regex.Match(html, $"id=\"{errorId}\">(.*?)</p>");
        Assert.True(error.Success, $"no {errorId} on the page");
        Assert.Contains(says, System.Net.WebUtility.HtmlDecode(Regex.Replace(error.Groups[1].Value, "<[^>]+>", "")), StringComparison.Ordinal);
        Assert.Equal(history, (await Probation.ProbationRequests.GetProbationAsync(App, fixture.ProbationId))["history"]!.AsArray().Count);
        Assert.Equal("Running", (await Probation.ProbationRequests.GetProbationAsync(App, fixture.ProbationId))["runtimeStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProbationPage_AnActionItDoesNotHave_Is404_AndAnotherInspectionsIdToo()
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, $"/probation-inspections/{fixture.ProbationId}");

        using var unknown = await browser.PostAsync($"/probation-inspections/{fixture.ProbationId}/judgements", Form([(FormTokens.FieldName, token)]));
        using var irpsId = await browser.PostAsync($"/probation-inspections/{fixture.IrpId}/published", Form([(FormTokens.FieldName, token), ("date", "2027-03-01"), ("url", "https://example.org/r")]));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, irpsId.StatusCode);
    }

    [Theory]
    [InlineData("30,000 characters", 30_000, "")]
    [InlineData("121 characters", 121, "")]
    [InlineData("escape", 0, "Cora \u001B[31mOrdinator")]
    [InlineData("bell", 0, "Cora Ordinator\u0007")]
    [InlineData("right-to-left override", 0, "Cora \u202Erotanidro")]
    public async Task SignedInName_BreakingTheNameRule_IsNotSignedIn_AndNothingIsRecordedAsThem(string _, int length, string name)
    {
        if (length > 0) name = new string('C', length);
        using var browser = Browser(name);
        var before = await HistoryByAsync(fixture.IrpId);

        using var page = await browser.GetAsync($"/irps/{fixture.IrpId}");
        using var posted = await browser.PostAsync($"/irps/{fixture.IrpId}/fact-check-returned", Form([(FormTokens.FieldName, "any"), ("date", "")]));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(CoordinatorSignIn.SignInPath, page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(before, await HistoryByAsync(fixture.IrpId));
    }

    [Fact]
    public async Task SignedInName_FromThePrincipalsClaim_KeepsTheSameRule()
    {
        using var browser = App.CreateClient();
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"name","val":"Cora \u202Erotanidro"}]}"""));
        browser.DefaultRequestHeaders.TryAddWithoutValidation(CoordinatorSignIn.PrincipalHeader, principal);

        using var page = await browser.GetAsync($"/irps/{fixture.IrpId}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task LocalSignIn_RefusesANameTheAppWouldNotRecord_SayingTheRule()
    {
        using var browser = App.CreateClient();

        using var refused = await browser.PostAsync(CoordinatorSignIn.SignInPath, Form([("name", new string('C', 121)), ("post_login_redirect_uri", "/")]));
        using var accepted = await browser.PostAsync(CoordinatorSignIn.SignInPath, Form([("name", "Cora Ordinator"), ("post_login_redirect_uri", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Your name must be at most 120 characters; it has 121.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    // Finding 3: forms over ASP.NET Core's limits.

    [Fact]
    public async Task IrpWithTheMostItems_RendersAJudgementsFormThatCanBeSubmitted()
    {
        using var browser = Browser();
        var html = await browser.GetStringAsync($"/irps/{fixture.MostItemsId}");
        var token = FormTokenField().Match(html).Groups[1].Value;
        Assert.Equal(Limits.JudgedItems, Regex.Count(html, "<input type=\"hidden\" name=\"ref\""));
        var fields = await JudgementsFormAsync(fixture.MostItemsId, token, new Dictionary<string, (string, string)>
        {
            ["R1a"] = ("GoodProgress", "Leaders have made good progress."),
            [$"T{Limits.OfstedThemes}"] = ("ReasonableProgress", ""),
        });
        Assert.Equal(PageForms.MaxValues, fields.Count);

        using var posted = await browser.PostAsync($"/irps/{fixture.MostItemsId}/judgements", Form(fields));

        Assert.True(posted.StatusCode == HttpStatusCode.SeeOther, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        Assert.Equal("GoodProgress", (await JudgementAsync(fixture.MostItemsId, "R1a"))["judgement"]!.GetValue<string>());
        Assert.Equal("ReasonableProgress", (await JudgementAsync(fixture.MostItemsId, $"T{Limits.OfstedThemes}"))["judgement"]!.GetValue<string>());
    }

    [Fact]
    public async Task FindingsFromThePage_AreSavedForTheWholeRecommendation_RefusedBesideTheirForm_AndInTheDownloadedDocument()
    {
        using var browser = Browser();
        var html = await browser.GetStringAsync($"/irps/{fixture.MostItemsId}");
        var token = FormTokenField().Match(html).Groups[1].Value;
        Assert.Contains("Findings: Recommendation R1<", html);
        Assert.DoesNotContain("Findings: Recommendation R1a<", html); // its parts share R1's findings

        using var saved = await browser.PostAsync($"/irps/{fixture.MostItemsId}/findings",
            Form([(FormTokens.FieldName, token), ("item", "R1"), ("paragraphs", "Use of force had fallen.\r\n\r\n  Oversight was much improved.  \r\n")]));
        using var control = await browser.PostAsync($"/irps/{fixture.MostItemsId}/findings",
            Form([(FormTokens.FieldName, token), ("item", "R2"), ("paragraphs", "Fine.\n\nBell\u0007")]));

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(["Use of force had fallen.", "Oversight was much improved."],
            (await JudgementAsync(fixture.MostItemsId, "R1b"))["findings"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        var refused = await control.Content.ReadAsStringAsync();
        Assert.Contains("id=\"findings-R2-paragraphs-error\"><span class=\"govuk-visually-hidden\">Error:</span> Paragraph 2 must not contain control characters", refused);
        Assert.Empty((await JudgementAsync(fixture.MostItemsId, "R2a"))["findings"]!.AsArray());

        using var download = await browser.GetAsync($"/irps/{fixture.MostItemsId}/report.docx");
        Assert.Equal(ReportFileRules.DocxContentType, download.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.Content.ReadAsStreamAsync(), isEditable: false);
        var text = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["3.1Use of force had fallen.", "3.2Oversight was much improved."], text.Where(p => p.StartsWith("3.", StringComparison.Ordinal)).Take(2));

        // Once the draft is issued its text is the establishment's to check: the page offers no forms for it.
        var issued = await browser.GetStringAsync($"/irps/{fixture.IrpId}");
        Assert.Contains("Download the draft report (Word)", issued);
        Assert.DoesNotContain($"action=\"/irps/{fixture.IrpId}/findings\"", issued);
        Assert.DoesNotContain($"action=\"/irps/{fixture.IrpId}/use-generated-draft\"", issued);
    }

    [Fact]
    public async Task GlossaryFromThePage_TakesEachEntrysTermThenDefinition_RefusedBesideItsForm_AndInTheDownloadedDocument()
    {
        using var browser = Browser();
        var html = await browser.GetStringAsync($"/irps/{fixture.MostItemsId}");
        var token = FormTokenField().Match(html).Groups[1].Value;

        using var refused = await browser.PostAsync($"/irps/{fixture.MostItemsId}/glossary",
            Form([(FormTokens.FieldName, token), ("entries", "Time out of cell\r\nAny time out of cell.\r\n\r\nLeader\r\nAnyone in charge.")]));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var afterRefusal = (await App.GetIrpAsync(fixture.MostItemsId))["glossary"]!.AsArray().Count;
        using var saved = await browser.PostAsync($"/irps/{fixture.MostItemsId}/glossary",
            Form([(FormTokens.FieldName, token), ("entries", "Time out of cell\r\nAny time prisoners are out of their cells\r\nto associate.\r\n\r\n  Key worker scheme \r\nA caseload of around six prisoners.\r\n")]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"glossary-entries-error\"><span class=\"govuk-visually-hidden\">Error:</span> Entry 2 is already in the glossary as ", refusedPage);
        Assert.Equal(0, afterRefusal);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains("The glossary is saved.", await browser.GetStringAsync(saved.Headers.Location!.ToString()));
        Assert.Equal([("Time out of cell", "Any time prisoners are out of their cells to associate."), ("Key worker scheme", "A caseload of around six prisoners.")],
            (await App.GetIrpAsync(fixture.MostItemsId))["glossary"]!.AsArray().Select(e => (e!["term"]!.GetValue<string>(), e["definition"]!.GetValue<string>())));

        using var download = await browser.GetAsync($"/irps/{fixture.MostItemsId}/report.docx");
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.Content.ReadAsStreamAsync(), isEditable: false);
        var terms = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading3").Select(p => p.InnerText);
        Assert.Equal(["Care Quality Commission (CQC)", "Key worker scheme", "Leader", "Protected characteristics", "Time out of cell"], terms);
    }

    [Fact]
    public async Task EveryFieldNameTheFormsUse_FitsTheKeyLengthLimit()
    {
        using var browser = Browser();
        var pages = new[] { "/", "/irps/new", $"/irps/{fixture.IrpId}", $"/probation-inspections/{fixture.ProbationId}" };
        var names = new List<string>();
        foreach (var page in pages) names.AddRange(FieldName().Matches(await browser.GetStringAsync(page)).Select(m => m.Groups[1].Value));

        Assert.Contains("contacts.liaisonOfficer.email", names);
        Assert.All(names, name => Assert.True(name.Length <= PageForms.MaxKeyLength, name));
    }

    [GeneratedRegex(" name=\"([^\"]+)\"")]
    private static partial Regex FieldName();

    [Theory]
    [InlineData("recommendations", Limits.Recommendations + 1, Limits.Parts, Limits.OfstedThemes)]
    [InlineData("recommendations[0].parts", 1, Limits.Parts + 1, 1)]
    [InlineData("ofstedThemes", 1, 2, Limits.OfstedThemes + 1)]
    public async Task IrpOverTheMostItems_IsRefusedOnCreate_NamingTheList(string field, int recommendations, int parts, int themes)
    {
        var request = HostileInputFormsFixture.MostItems(recommendations, parts, themes);
        request["establishment"]!["name"] = "HMP Too Many";

        using var response = await App.Coordinator.PostAsJsonAsync("/api/irps", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains("must list at most", errors[field]![0]!.GetValue<string>());
        Assert.DoesNotContain((await App.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!, i => i!["establishment"]!["name"]!.GetValue<string>() == "HMP Too Many");
    }

    [Fact]
    public async Task OpenApiDocument_PublishesTheItemLimits()
    {
        var schemas = (await App.Anonymous.GetFromJsonAsync<JsonObject>("/api/openapi.json"))!["components"]!["schemas"]!;

        Assert.Equal(Limits.Recommendations, schemas["CreateIrpRequest"]!["properties"]!["recommendations"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(Limits.OfstedThemes, schemas["CreateIrpRequest"]!["properties"]!["ofstedThemes"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(Limits.Parts, schemas["RecommendationRequest"]!["properties"]!["parts"]!["maxItems"]!.GetValue<int>());
    }

    /// <summary>A form the pages cannot read: where it goes, what it sends, and the status the page must answer with.</summary>
    public sealed record FormCase(string Path, bool SignedIn, Func<HostileInputFormsFixture, HttpContent> Body, HttpStatusCode Status);

    private static HttpContent Values(int count) => new StringContent(
        string.Join("&", Enumerable.Range(0, count).Select(i => $"v{i}=1")), Encoding.ASCII, "application/x-www-form-urlencoded");

    private static HttpContent Multipart(string body, string contentType = "multipart/form-data; boundary=b")
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private const string CutShort = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"draft.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 cut";

    public static readonly IReadOnlyDictionary<string, FormCase> FormCases = new Dictionary<string, FormCase>
    {
        ["judgements form one value over the largest form"] = new("/irps/{id}/judgements", true, _ => Values(PageForms.MaxValues + 1), HttpStatusCode.RequestEntityTooLarge),
        ["new IRP form with 5,000 values"] = new("/irps/new", true, _ => Values(5_000), HttpStatusCode.RequestEntityTooLarge),
        ["new IRP form with a key of 2,049 characters"] = new("/irps/new", true,
            _ => new StringContent(new string('k', 2_049) + "=1", Encoding.ASCII, "application/x-www-form-urlencoded"), HttpStatusCode.RequestEntityTooLarge),
        ["sign-in form with 5,000 values"] = new(CoordinatorSignIn.SignInPath, false, _ => Values(5_000), HttpStatusCode.RequestEntityTooLarge),
        ["draft report: multipart body cut short"] = new("/irps/{id}/draft-report", true, _ => Multipart(CutShort), HttpStatusCode.BadRequest),
        ["draft report: multipart without its boundary"] = new("/irps/{id}/draft-report", true, _ => Multipart(CutShort, "multipart/form-data"), HttpStatusCode.BadRequest),
        ["fact-check page: multipart body cut short"] = new("/fact-check/{token}", false, _ => Multipart(CutShort), HttpStatusCode.BadRequest),
        ["feedback form: multipart body cut short"] = new("/feedback/{feedback}", false, _ => Multipart(CutShort), HttpStatusCode.BadRequest),
        ["feedback form with 5,000 values"] = new("/feedback/{feedback}", false, _ => Values(5_000), HttpStatusCode.RequestEntityTooLarge),
    };

    public static TheoryData<string> FormCaseNames => new(FormCases.Keys);

    [Theory]
    [MemberData(nameof(FormCaseNames))]
    public async Task FormOverTheLimitsOrMalformed_IsRefusedWithAPageSayingSo_NotA500(string name)
    {
        var hostile = FormCases[name];
        using var browser = hostile.SignedIn ? Browser() : App.CreateClient();
        var before = await HistoryByAsync(fixture.IrpId);

        using var response = await browser.PostAsync(hostile.Path.Replace("{id}", fixture.IrpId).Replace("{token}", fixture.FactCheckToken).Replace("{feedback}", fixture.FeedbackToken), hostile.Body(fixture));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(hostile.Status == response.StatusCode, $"{name}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 500)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hostile.Status == HttpStatusCode.BadRequest ? "could not be read" : "larger than any form of IrpFlows", html);
        Assert.Equal(before, await HistoryByAsync(fixture.IrpId));
    }

    // Finding 7: one file check for every upload.

    private static readonly byte[] HtmlPage = Utf8("<html><body><script>alert(document.cookie)</script></body></html>");

    [Fact]
    public async Task FactCheckComments_FromTheApi_ThatAreAnHtmlPageNamedPdf_AreRefusedNamingTheBody_AndNotKept()
    {
        using var response = await App.PutReportFileAsync(fixture.IrpId, "fact-check-comments", "comments.pdf", HtmlPage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("is not a PDF: a PDF starts with '%PDF-'. Nothing was stored.", problem["errors"]!["body"]![0]!.GetValue<string>());
        Assert.Empty((await App.GetIrpAsync(fixture.IrpId))["factCheckComments"]!.AsArray());
        Assert.False((await App.Blobs.GetBlobContainerClient("irp-" + fixture.IrpId).GetBlobClient("reports/fact-check/1/comments.pdf").ExistsAsync()).Value);
    }

    [Fact]
    public async Task FactCheckComments_FromThePage_ThatAreAWordFileInName_Only_AreRefused_AndNotRecorded()
    {
        var file = new ByteArrayContent(HtmlPage);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        using var posted = await App.Anonymous.PostAsync($"/fact-check/{fixture.FactCheckToken}", new MultipartFormDataContent { { file, "comments", "comments.docx" } });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("This file is not a Word (.docx) file: a .docx file is a ZIP archive", await posted.Content.ReadAsStringAsync());
        Assert.Empty((await App.GetIrpAsync(fixture.IrpId))["factCheckComments"]!.AsArray());
    }

    [Fact]
    public async Task FinalReport_ThatIsZeroFilled_IsRefused_AndNothingGoesToMinisters()
    {
        using var response = await App.PutReportFileAsync(fixture.IrpId, "final-report", "final.pdf", new byte[1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("body"));
        JsonAssert.NullProperty(await App.GetIrpAsync(fixture.IrpId), "finalReport");
        await App.CatchUpAsync();
        Assert.DoesNotContain("final-report", await App.OutboxStepsAsync(fixture.IrpId));
    }

    [Fact]
    public async Task EstablishmentsWordDocument_ThatIsAnHtmlPage_IsRefusedNamingTheContent_AndDeleted()
    {
        var token = DocumentsToken();
        using var begin = await App.BeginUploadAsync(token, DocumentChecklist.ActionPlan,
            new { fileName = "plan.docx", size = HtmlPage.Length, contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        await IrpFlowsApp.PutBlobAsync(new Uri(grant["uploadUrl"]!.GetValue<string>()), HtmlPage, grant["contentType"]!.GetValue<string>());
        var blobName = grant["blobName"]!.GetValue<string>();

        using var complete = await App.Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{DocumentChecklist.ActionPlan}/complete", new { blobName });

        Assert.Equal(HttpStatusCode.BadRequest, complete.StatusCode);
        Assert.Contains("not a Word (.docx) file", (await complete.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["content"]![0]!.GetValue<string>());
        Assert.False((await App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId)).GetBlobClient(blobName).ExistsAsync()).Value);
        Assert.Equal("missing", (await App.DocumentAsync(fixture.IrpId, DocumentChecklist.ActionPlan))["status"]!.GetValue<string>());
    }

    /// <summary>The documents link for Elmley, signed as the app signs it and valid past today (the emailed one has expired since the visit).</summary>
    private string DocumentsToken() => App.Services.GetRequiredService<UploadTokens>().Sign(
        new UploadTokenPayload(fixture.IrpId, UploadTokenPayload.DocumentsPurpose, new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero)));

    // Finding 9, the smaller points.

    [Fact]
    public async Task Preview_RefusesAnAnnouncementDateInThePast_AsCreateDoes()
    {
        var request = Elmley("HMP Preview", sourceInspectionEnd: "2026-09-18", announcementDate: "2027-02-26", visitStart: "2027-06-14");

        using var preview = await App.Coordinator.PostAsJsonAsync("/api/irps/preview", request);
        using var create = await App.Coordinator.PostAsJsonAsync("/api/irps", request);

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        var previewed = (await preview.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["announcementDate"]![0]!.GetValue<string>();
        Assert.Equal((await create.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["announcementDate"]![0]!.GetValue<string>(), previewed);
        Assert.StartsWith("must not be before today (2027-03-01)", previewed);
    }

    public static TheoryData<string> NonHtmlResponses => new()
    {
        "/api/irps/{id}/summary/charts/recommendations.svg",
        "/api/irps/{id}",
        "/api/irps",
        "/api/irps/{id}/summary",
        "/api/irps/00000000000000000000000000000000",
        "/api/outbox?irpId={id}",
        "/api/outbox/{email}",
        "/api/openapi.json",
        "/api/health",
        "/api/dev/clock",
        "/calendar.ics?token={feed}",
    };

    [Theory]
    [MemberData(nameof(NonHtmlResponses))]
    public async Task EveryNonHtmlResponse_TellsBrowsersNotToSniffItsType(string path)
    {
        var email = (await App.OutboxAsync(fixture.IrpId))[0]["id"]!.GetValue<string>();
        var feed = await App.Services.GetRequiredService<CalendarFeed>().TokenAsync(CancellationToken.None);

        using var response = await App.Coordinator.GetAsync(path.Replace("{id}", fixture.IrpId).Replace("{email}", email).Replace("{feed}", Uri.EscapeDataString(feed)));

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{path}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        Assert.Equal("nosniff", Assert.Single(values));
    }

    [Fact]
    public async Task FormToken_IsGoodForTwelveHours_ThenRefusedAsOpenTooLong()
    {
        using var browser = Browser();
        var now = (await App.Coordinator.GetFromJsonAsync<JsonObject>("/api/dev/clock"))!["now"]!.GetValue<DateTimeOffset>();
        var token = await FormTokenAsync(browser, $"/irps/{fixture.IrpId}");

        await App.MoveClockToAtLeastAsync(now + FormTokens.Lifetime - TimeSpan.FromMinutes(1));
        using var inTime = await browser.PostAsync($"/irps/{fixture.IrpId}/liaison-officer",
            Form([(FormTokens.FieldName, token), ("name", "Lee Intime"), ("email", "lee.intime@justice.gov.uk")]));
        await App.MoveClockToAtLeastAsync(now + FormTokens.Lifetime + TimeSpan.FromMinutes(1));
        using var late = await browser.PostAsync($"/irps/{fixture.IrpId}/liaison-officer",
            Form([(FormTokens.FieldName, token), ("name", "Leo Late"), ("email", "leo.late@justice.gov.uk")]));

        Assert.Equal(HttpStatusCode.SeeOther, inTime.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("it was open too long", await late.Content.ReadAsStringAsync());
        Assert.Equal("Lee Intime", (await App.GetIrpAsync(fixture.IrpId))["contacts"]!["liaisonOfficer"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task FileJustOverTheSizeLimit_IsRefusedSayingASizeThatDiffersFromTheLimit()
    {
        using var begin = await App.BeginUploadAsync(DocumentsToken(), DocumentChecklist.ActionPlan,
            new { fileName = "plan.pdf", size = 104_857_601L, contentType = "application/pdf" });

        Assert.Equal(HttpStatusCode.BadRequest, begin.StatusCode);
        Assert.Equal("must be at most 100 MB (104,857,600 bytes); this file is 104,857,601 bytes.",
            (await begin.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["size"]![0]!.GetValue<string>());
    }
}
