using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using IrpFlows.Documents;
using IrpFlows.Pages;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Http;

/// <summary>
/// HMP Elmley's IRP on the day its documents were requested, beside a probation inspection whose fieldwork starts on
/// Monday 6 March 2023: one log holds both kinds, so each kind's routes are aimed at the other's id.
/// </summary>
public sealed class HostileInputKindsFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string IrpId { get; private set; } = null!;
    public string ProbationId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        IrpId = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023());
        ProbationId = await App.CreateProbationAsync(ProbationRequests.Inspection("2023-03-06"));
        await App.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Everything a request could have written: the workflow table's rows (each log by version), the outbox, both instances' blobs.</summary>
    public async Task<string> SnapshotAsync()
    {
        var rows = new List<string>();
        var table = new TableClient(App.ConnectionString, App.Names.Instances);
        await foreach (var row in table.QueryAsync<TableEntity>())
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.GetInt64("Version")}/{row.GetString("RuntimeStatus")}");
        var outbox = (await App.Coordinator.GetFromJsonAsync<JsonArray>("/api/outbox"))!.Select(e => e!["id"]!.GetValue<string>());
        var blobs = new List<string>();
        foreach (var id in new[] { IrpId, ProbationId })
        {
            var container = App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(id));
            if (await container.ExistsAsync())
                await foreach (var blob in container.GetBlobsAsync()) blobs.Add(blob.Name);
        }
        return string.Join("\n", rows.Order(StringComparer.Ordinal)) + "\n--\n" + string.Join("\n", outbox.Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join("\n", blobs.Order(StringComparer.Ordinal));
    }
}

/// <summary>
/// The second round of hostile input (issue 19): routes given an id of another kind of inspection, names written with
/// invisible or look-alike characters, repeats of what is already recorded, and judgements and ratings before the visit or
/// fieldwork they judge. Each refusal names the field or the problem, and leaves every row, email and blob as it was.
/// </summary>
public sealed class HostileInputKindsTests(HostileInputKindsFixture fixture) : IClassFixture<HostileInputKindsFixture>
{
    private const string Json = "application/json";
    private const string Pdf = "application/pdf";

    /// <summary>One hostile API request and the problem it must get.</summary>
    /// <param name="Path">May contain {irp} (the IRP) and {probation} (the probation inspection).</param>
    /// <param name="Field">The key <c>errors</c> must name; null for a problem without field errors.</param>
    public sealed record Case(HttpMethod Method, string Path, Func<HttpContent?> Body, HttpStatusCode Status, string? Field = null, string? Title = null);

    private static Func<HttpContent?> JsonOf(object body) => () => JsonContent.Create(body);
    private static Func<HttpContent?> PdfFile => () => new ByteArrayContent("%PDF-1.7\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(Pdf) } };
    private static Func<HttpContent?> NoBody => () => null;

    private static Case NotFound(HttpMethod method, string path, Func<HttpContent?>? body = null) =>
        new(method, path, body ?? NoBody, HttpStatusCode.NotFound, Title: "Not found");

    /// <summary>A create of the same establishment on the fixture's day (so nothing but the name could refuse it).</summary>
    private static Func<HttpContent?> CreateNamed(string name) => () =>
    {
        var body = IrpRequests.ElmleyIn2023(name);
        body["announcementDate"] = "2022-12-05";
        return new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
    };

    private static Case SameEstablishment(string name) =>
        new(HttpMethod.Post, "/api/irps", CreateNamed(name), HttpStatusCode.Conflict, Title: "This IRP exists already");

    private static Case InvisibleInName(string name) => new(HttpMethod.Post, "/api/irps", CreateNamed(name), HttpStatusCode.BadRequest, "establishment.name");

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // Finding 1: an IRP route given a probation inspection's id.
        ["irp route, probation id: GET"] = NotFound(HttpMethod.Get, "/api/irps/{probation}"),
        ["irp route, probation id: terminate"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/terminate?reason=Hostile"),
        ["irp route, probation id: LiaisonOfficerAppointed"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/events/LiaisonOfficerAppointed",
            JsonOf(new { name = "Lia Officer", email = "lia@justice.gov.uk" })),
        ["irp route, probation id: VisitRescheduled"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/events/VisitRescheduled", JsonOf(new { visitStart = "2023-02-20" })),
        ["irp route, probation id: DraftIssued"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/events/DraftIssued", JsonOf(new { })),
        ["irp route, probation id: retry a step"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/steps/preparation/retry"),
        ["irp route, probation id: judgement"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/judgements/1.42", JsonOf(new { judgement = "GoodProgress" })),
        ["irp route, probation id: draft report"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/draft-report?fileName=draft.pdf", PdfFile),
        ["irp route, probation id: fact-check comments"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/fact-check-comments?fileName=comments.pdf", PdfFile),
        ["irp route, probation id: final report"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/final-report?fileName=final.pdf", PdfFile),
        ["irp route, probation id: notable positive practice"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/notable-positive-practice",
            JsonOf(new { examples = new[] { new { text = "Excellent." } } })),
        ["irp route, probation id: FeedbackReceived"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/events/FeedbackReceived",
            JsonOf(new { name = "Grace Governor", text = "Fine." })),
        ["irp route, probation id: findings"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/findings/1.42", JsonOf(new { paragraphs = new[] { "Text." } })),
        ["irp route, probation id: chief inspector's summary"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/chief-inspectors-summary",
            JsonOf(new { paragraphs = new[] { "Text." } })),
        ["irp route, probation id: glossary"] = NotFound(HttpMethod.Put, "/api/irps/{probation}/glossary",
            JsonOf(new { entries = new[] { new { term = "CSIP", definition = "Text." } } })),
        ["irp route, probation id: report document"] = NotFound(HttpMethod.Get, "/api/irps/{probation}/report.docx"),
        ["irp route, probation id: use the report document as the draft"] = NotFound(HttpMethod.Post, "/api/irps/{probation}/report.docx/use-as-draft"),
        ["irp route, probation id: summary"] = NotFound(HttpMethod.Get, "/api/irps/{probation}/summary"),
        ["irp route, probation id: summary chart"] = NotFound(HttpMethod.Get, "/api/irps/{probation}/summary/charts/recommendations.svg"),
        ["irp route, probation id: document download"] = NotFound(HttpMethod.Get, "/api/irps/{probation}/documents/evidence/files/x.pdf"),
        // ... and a probation route given an IRP's id.
        ["probation route, irp id: GET"] = NotFound(HttpMethod.Get, "/api/probation-inspections/{irp}"),
        ["probation route, irp id: terminate"] = NotFound(HttpMethod.Post, "/api/probation-inspections/{irp}/terminate?reason=Hostile"),
        ["probation route, irp id: SeniorLinkManagerNamed"] = NotFound(HttpMethod.Post, "/api/probation-inspections/{irp}/events/SeniorLinkManagerNamed",
            JsonOf(new { name = "Sam Link", email = "sam.link@probation.example" })),
        ["probation route, irp id: rating"] = NotFound(HttpMethod.Put, "/api/probation-inspections/{irp}/ratings/1.1", JsonOf(new { rating = "Good" })),
        ["probation route, irp id: retry a step"] = NotFound(HttpMethod.Post, "/api/probation-inspections/{irp}/steps/announcement/retry"),
        ["probation route, irp id: key questions"] = NotFound(HttpMethod.Put, "/api/probation-inspections/{irp}/ratings/2.1/key-questions",
            JsonOf(new { keyQuestions = new[] { new { question = "Desistance", yes = 8, cases = 10 } } })),
        ["probation route, irp id: draft report"] = NotFound(HttpMethod.Put, "/api/probation-inspections/{irp}/draft-report?fileName=draft.pdf", PdfFile),
        ["probation route, irp id: minutes"] = NotFound(HttpMethod.Put, "/api/probation-inspections/{irp}/planning-meeting-minutes?fileName=minutes.pdf", PdfFile),
        ["probation route, irp id: action plan"] = NotFound(HttpMethod.Put, "/api/probation-inspections/{irp}/action-plan",
            JsonOf(new { recommendations = new[] { new { recommendation = "Improve.", response = "Agreed" } } })),
        // The probation fields added with the manual's work keep the same rules (issue 23).
        ["probation event: right-to-left override in a contact's name"] = new(HttpMethod.Post, "/api/probation-inspections/{probation}/events/ContactNamed",
            JsonOf(new { role = "osag", name = "OS‮AG", email = "osag@justice.example" }), HttpStatusCode.BadRequest, "name"),
        ["probation event: the call made by a governor"] = new(HttpMethod.Post, "/api/probation-inspections/{probation}/events/AnnouncementCallMade",
            JsonOf(new { date = "2022-12-01", by = "governor" }), HttpStatusCode.BadRequest, "by"),
        ["probation key questions: more yes answers than cases"] = new(HttpMethod.Put, "/api/probation-inspections/{probation}/ratings/2.1/key-questions",
            JsonOf(new { keyQuestions = new[] { new { question = "Desistance", yes = 11, cases = 10 } } }), HttpStatusCode.BadRequest, "keyQuestions[0].yes"),
        ["probation key questions: before fieldwork"] = new(HttpMethod.Put, "/api/probation-inspections/{probation}/ratings/2.1/key-questions",
            JsonOf(new { keyQuestions = new[] { new { question = "Desistance", yes = 8, cases = 10 } } }), HttpStatusCode.Conflict, "keyQuestions", "Fieldwork has not started"),
        ["probation panel: a control character in the chair's name"] = new(HttpMethod.Put, "/api/probation-inspections/{probation}/ratings/2.1/panel",
            JsonOf(new { rating = "Good", reason = "Close.", chair = "DoraDirector" }), HttpStatusCode.BadRequest, "chair"),
        ["probation action plan: amendments over 4,000 characters"] = new(HttpMethod.Put, "/api/probation-inspections/{probation}/action-plan",
            JsonOf(new { recommendations = new[] { new { recommendation = "Improve.", response = "Agreed" } }, amendments = new string('a', 4001) }),
            HttpStatusCode.BadRequest, "amendments"),
        // Finding 6: one establishment written so that it reads the same is the same establishment ...
        ["create: same establishment with a no-break space"] = SameEstablishment("HMP\u00A0Elmley"),
        ["create: same establishment with a narrow no-break space"] = SameEstablishment("HMP\u202FElmley"),
        ["create: same establishment with an em space"] = SameEstablishment("HMP\u2003ELMLEY"),
        ["create: same establishment with an ideographic space"] = SameEstablishment("hmp\u3000elmley"),
        ["create: same establishment in full-width letters"] = SameEstablishment("\uFF28\uFF2D\uFF30 Elmley"),
        // ... and invisible characters are no part of a name.
        ["create: zero-width space in establishment name"] = InvisibleInName("HMP Elm\u200Bley"),
        ["create: soft hyphen in establishment name"] = InvisibleInName("HMP Elm\u00ADley"),
        ["create: zero-width joiner in establishment name"] = InvisibleInName("HMP\u200D Elmley"),
        ["create: word joiner in establishment name"] = InvisibleInName("HMP \u2060Elmley"),
        ["create: byte order mark in establishment name"] = InvisibleInName("\uFEFFHMP Elmley"),
        ["create: tag character in establishment name"] = InvisibleInName("HMP Elmley\U000E0041"),
        ["create: zero-width space in governor's name"] = new(HttpMethod.Post, "/api/irps", () =>
        {
            var body = IrpRequests.ElmleyIn2023("HMP Elsewhere");
            body["contacts"]!["governor"]!["name"] = "Grace\u200BGovernor";
            return new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }, HttpStatusCode.BadRequest, "contacts.governor.name"),
        ["event: soft hyphen in liaison officer's name"] = new(HttpMethod.Post, "/api/irps/{irp}/events/LiaisonOfficerAppointed",
            JsonOf(new { name = "Lia Of\u00ADficer", email = "lia@justice.gov.uk" }), HttpStatusCode.BadRequest, "name"),
        ["probation create: zero-width space in organisation name"] = new(HttpMethod.Post, "/api/probation-inspections", () =>
        {
            var body = ProbationRequests.Inspection("2023-03-13");
            body["organisation"]!["name"] = "Kent, Surrey and Sussex\u200B NPS division";
            return new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }, HttpStatusCode.BadRequest, "organisation.name"),
        // Finding 9: a judgement before the visit, a rating before fieldwork.
        ["judgement: before the visit"] = new(HttpMethod.Put, "/api/irps/{irp}/judgements/1.42", JsonOf(new { judgement = "GoodProgress" }),
            HttpStatusCode.Conflict, "judgement", "The visit has not started"),
        ["rating: before fieldwork"] = new(HttpMethod.Put, "/api/probation-inspections/{probation}/ratings/1.1", JsonOf(new { rating = "Good" }),
            HttpStatusCode.Conflict, "rating", "Fieldwork has not started"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task HostileRequest_IsRefusedWithAProblemNamingIt_AndWritesNothing(string name)
    {
        var hostile = Cases[name];
        var before = await fixture.SnapshotAsync();

        using var request = new HttpRequestMessage(hostile.Method, Path(hostile.Path)) { Content = hostile.Body() };
        using var response = await fixture.App.Coordinator.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(hostile.Status == response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)hostile.Status, problem["status"]!.GetValue<int>());
        if (hostile.Field is not null) Assert.True(problem["errors"]?.AsObject().ContainsKey(hostile.Field) == true, text);
        if (hostile.Title is not null) Assert.Equal(hostile.Title, problem["title"]!.GetValue<string>());
        if (hostile.Status == HttpStatusCode.Conflict && hostile.Path == "/api/irps") Assert.Contains(fixture.IrpId, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task TerminatingAnIrpRoute_WithAProbationId_NeitherCancelsTheInspection_NorEmailsItsChiefExecutive()
    {
        using var refused = await fixture.App.TerminateAsync(fixture.ProbationId, "Hostile");
        await fixture.App.CatchUpAsync();

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var inspection = await fixture.App.GetProbationAsync(fixture.ProbationId);
        Assert.NotEqual("Terminated", inspection["runtimeStatus"]!.GetValue<string>());
        Assert.DoesNotContain("Cancelled", inspection["history"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.NotEmpty(inspection["history"]!.AsArray()); // the history is read: its Started event is there
        Assert.DoesNotContain(await fixture.App.OutboxAsync(fixture.ProbationId), e => Emails.Addresses(e, "to").Contains(ProbationRequests.ChiefEmail));
    }

    /// <summary>Every format character (Unicode category Cf) the runtime knows, and names that must still pass.</summary>
    [Fact]
    public async Task NamePattern_InTheOpenApiDocument_RefusesEveryInvisibleFormatCharacter_AsTheApiDoes()
    {
        var document = (await fixture.App.Anonymous.GetFromJsonAsync<JsonObject>("/api/openapi.json"))!;
        var pattern = document["components"]!["schemas"]!["EstablishmentRequest"]!["properties"]!["name"]!["pattern"]!.GetValue<string>();
        var dotNet = new Regex(pattern);
        var ecmaScript = new Regex(pattern, RegexOptions.ECMAScript);
        var formatCharacters = Enumerable.Range(0, 0x110000).Where(c => c is < 0xD800 or > 0xDFFF)
            .Where(c => Rune.GetUnicodeCategory(new Rune(c)) == System.Globalization.UnicodeCategory.Format).ToList();

        Assert.Contains(0x200B, formatCharacters);
        Assert.All(formatCharacters, c =>
        {
            var name = "HMP Elm" + char.ConvertFromUtf32(c) + "ley";
            Assert.False(dotNet.IsMatch(name), $"U+{c:X4}");
            Assert.False(ecmaScript.IsMatch(name), $"U+{c:X4}");
        });
        foreach (var name in new[] { "HMP Elmley", "HMP/YOI Isle of Wight", "Zoë O'Brien-Łukasz", "Siân Ní Bhriain", "平和 刑務所", "HMP\u00A0Elmley" })
        {
            Assert.True(dotNet.IsMatch(name), name);
            Assert.True(ecmaScript.IsMatch(name), name);
        }
    }

    [Fact]
    public async Task IdenticalJudgement_PutTwentyTimesAtOnce_IsAcceptedEachTime_AndRecordedOnce_AndOnlyAChangeRecordsAgain()
    {
        await using var app = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        var id = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023());
        await app.MoveClockAsync(new DateTimeOffset(2023, 2, 13, 9, 0, 0, TimeSpan.Zero)); // the visit's first day: judging may start
        var judgement = new { judgement = "GoodProgress", text = "Leaders have made good progress." };

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await app.PutJudgementAsync(id, "1.42", judgement);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        using (var again = await app.PutJudgementAsync(id, "1.42", judgement))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, a.Body));
        Assert.All(answers, a => Assert.Equal("GoodProgress", JsonNode.Parse(a.Body)!["judgement"]!.GetValue<string>()));
        Assert.Equal(1, await CountAsync(app, id, "JudgementRecorded"));
        using (var changed = await app.PutJudgementAsync(id, "1.42", judgement with { text = "Leaders have made good progress in most areas." }))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, await CountAsync(app, id, "JudgementRecorded"));
    }

    [Fact]
    public async Task IdenticalRating_PutTwentyTimesAtOnce_IsAcceptedEachTime_AndRecordedOnce_OnceFieldworkHasStarted()
    {
        await using var app = await IrpFlowsApp.StartAsync(); // Monday 23 November 2026
        var id = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-02-08"));
        var link = new { name = "Sam Link", email = ProbationRequests.LinkEmail };
        await app.RaiseAcceptedAsync(id, "SeniorLinkManagerNamed", link);
        await app.RaiseAcceptedAsync(id, "SeniorLinkManagerNamed", link);
        using (var early = await app.RateAsync(id, "1.1", "Good"))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 8, 9, 0, 0, TimeSpan.Zero)); // Monday of fieldwork week one
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await app.RateAsync(id, "1.1", "Good");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Accepted, a.Body));
        var inspection = await app.GetProbationAsync(id);
        var types = inspection["history"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(1, types.Count(t => t == "RatingRecorded"));
        Assert.Equal(1, types.Count(t => t == "SeniorLinkManagerNamed"));
        Assert.Equal("Good", inspection["ratings"]!["standards"]!.AsArray().Single(s => s!["standard"]!.GetValue<string>() == "1.1")!["rating"]!.GetValue<string>());
    }

    private static async Task<int> CountAsync(IrpFlowsApp app, string id, string type) =>
        (await app.GetIrpAsync(id))["history"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == type);

    private string Path(string template) => template.Replace("{irp}", fixture.IrpId).Replace("{probation}", fixture.ProbationId);
}

/// <summary>
/// The IRP page's actions aimed at a probation inspection, on an app of their own: a cancel that got through would change
/// what the API cases above are judged against.
/// </summary>
public sealed class HostileInputKindsPageTests(HostileInputKindsFixture fixture) : IClassFixture<HostileInputKindsFixture>
{
    /// <summary>The IRP page's actions, posted by a signed-in coordinator with a valid form, for a probation inspection's id.</summary>
    public static TheoryData<string> PageActions => new(["liaison-officer", "move-visit", "judgements", "retry", "draft-report", "cancel"]);

    [Theory]
    [MemberData(nameof(PageActions))]
    public async Task IrpPageAction_GivenAProbationInspectionsId_Is404_AndWritesNothing(string action)
    {
        using var page = fixture.App.CreateClient(); // keeps the form cookie
        page.DefaultRequestHeaders.Add(CoordinatorSignIn.PrincipalNameHeader, "Cora Ordinator");
        var programme = await page.GetStringAsync("/");
        var formToken = Regex.Match(programme, $"name=\"{FormTokens.FieldName}\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(formToken);
        var fields = new Dictionary<string, string>
        {
            [FormTokens.FieldName] = formToken, ["confirm"] = "yes", ["reason"] = "Hostile", ["name"] = "Lia Officer", ["email"] = "lia@justice.gov.uk",
            ["visitStart"] = "2023-02-20", ["stepId"] = "preparation", ["ref"] = "1.42", ["judgement"] = "GoodProgress", ["text"] = "",
        };
        HttpContent form = new FormUrlEncodedContent(fields);
        if (action == "draft-report")
        {
            var multipart = new MultipartFormDataContent { { new StringContent(formToken), FormTokens.FieldName } };
            multipart.Add(new ByteArrayContent("%PDF-1.7\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "draft.pdf");
            form = multipart;
        }
        var before = await fixture.SnapshotAsync();

        using var response = await page.PostAsync($"/irps/{fixture.ProbationId}/{action}", form);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await fixture.SnapshotAsync());
    }
}
