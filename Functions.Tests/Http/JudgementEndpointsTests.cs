using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Http;

/// <summary><c>PUT /api/irps/{id}/judgements/{ref}</c>, the judgements on the IRP's status, and every refusal.</summary>
public sealed class JudgementEndpointsTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _app = await IrpFlowsApp.StartAsync();
        _id = await _app.CreateIrpAsync(Elmley());
        await _app.MoveClockAsync(VisitFirstMorning); // judgements are recorded from the visit on
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RecordedJudgement_IsReturned_AndShownOnTheIrp_TheLatestPerRefWinning()
    {
        var first = await _app.PutJudgementAsync(_id, "1.42", new { judgement = "ReasonableProgress", text = "Early draft." });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await _app.PutJudgementAsync(_id, "1.42", new { judgement = "InsufficientProgress", text = "  Investigations remained superficial.  " });
        var recorded = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1.42", recorded.GetProperty("ref").GetString());
        Assert.Equal("InsufficientProgress", recorded.GetProperty("judgement").GetString());
        Assert.Equal("Investigations remained superficial.", recorded.GetProperty("writtenJudgement").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(_id, "1.47", new { judgement = "SignificantProgress" })).StatusCode);

        var judgements = (await _app.GetIrpAsync(_id))["judgements"]!.AsArray().Select(j => j!.AsObject()).ToList();
        Assert.Equal(11, judgements.Count); // seven recommendations, then four themes
        Assert.Equal(("1.42", "Recommendation", "InsufficientProgress"), Summary(judgements[0]));
        Assert.Equal(("1.43", "Recommendation", null), Summary(judgements[1]));
        Assert.Equal(("1.47", "OfstedTheme", "SignificantProgress"), Summary(judgements[7]));
        JsonAssert.NullProperty(judgements[7], "writtenJudgement");
        Assert.StartsWith("Investigations into incidents of violence", judgements[0]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownIrpOrRef_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.PutJudgementAsync("no-such-irp", "1.42", new { judgement = "GoodProgress" })).StatusCode);
        var unknownRef = await _app.PutJudgementAsync(_id, "9.99", new { judgement = "GoodProgress" });
        Assert.Equal(HttpStatusCode.NotFound, unknownRef.StatusCode);
        Assert.Contains("9.99", (await unknownRef.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("1.42", "SignificantProgress", "NoMeaningfulProgress, InsufficientProgress, ReasonableProgress, GoodProgress for a recommendation")]
    [InlineData("1.47", "GoodProgress", "InsufficientProgress, ReasonableProgress, SignificantProgress for an Ofsted theme")]
    [InlineData("1.42", "goodprogress", "NoMeaningfulProgress, InsufficientProgress, ReasonableProgress, GoodProgress for a recommendation")]
    public async Task ValueOffTheItemsScale_Is400NamingJudgement_AndListingThatScale(string reference, string value, string scale)
    {
        var response = await _app.PutJudgementAsync(_id, reference, new { judgement = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be one of " + scale + ".", Errors(await response.Content.ReadFromJsonAsync<JsonElement>(), "judgement"));
        Assert.All((await _app.GetIrpAsync(_id))["judgements"]!.AsArray(), j => JsonAssert.NullProperty(j!.AsObject(), "judgement"));
    }

    [Fact]
    public async Task MissingJudgementOrOverlongText_Is400NamingTheField()
    {
        var missing = await _app.PutJudgementAsync(_id, "1.42", new { text = "No judgement." });
        Assert.Contains("GoodProgress", Errors(await missing.Content.ReadFromJsonAsync<JsonElement>(), "judgement"));

        var tooLong = await _app.PutJudgementAsync(_id, "1.42", new { judgement = "GoodProgress", text = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("must be at most 2000 characters; it has 2001.", Errors(await tooLong.Content.ReadFromJsonAsync<JsonElement>(), "text"));

        var notText = await _app.Coordinator.PutAsync($"/api/irps/{_id}/judgements/1.42",
            new StringContent("""{ "judgement": 3 }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);
        Assert.True((await notText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("judgement", out _));
    }

    [Fact]
    public async Task AfterPublication_Is409_AndTheJudgementStands()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(_id, "1.43", new { judgement = "GoodProgress" })).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        // A report is published after its draft went for fact check (Published before DraftIssued is refused).
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);
        // ... and the final report went to ministers (prison guide 14.1): here, as the coordinator records, outside IrpFlows.
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "FinalReportSentElsewhere")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await _app.RaiseAsync(_id, "Published", new { date = "2027-03-01", url = "https://example.org/elmley" })).StatusCode);

        var late = await _app.PutJudgementAsync(_id, "1.43", new { judgement = "ReasonableProgress" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("published on 2027-03-01", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var judgement = (await _app.GetIrpAsync(_id))["judgements"]![1]!;
        Assert.Equal("GoodProgress", judgement["judgement"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnATerminatedIrp_Is409()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.TerminateAsync(_id, "Outbreak")).StatusCode);

        var response = await _app.PutJudgementAsync(_id, "1.42", new { judgement = "GoodProgress" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("terminated", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Findings_AreRecordedPerItem_TheLatestReplacing_AndShownWithTheirJudgement()
    {
        // HMP Elmley IRP report (2023), 3.1 and 3.2, on recommendation 1.42.
        const string first = "Levels of violence were comparable to those at similar prisons, but higher than at the time of the previous inspection.";
        const string second = "Fifteen prisoners were on a CSIP during our visit.";
        var draft = await PutFindingsAsync("1.42", new { paragraphs = new[] { "Early notes." } });
        var replaced = await PutFindingsAsync("1.42", new { paragraphs = new[] { $"  {first}  ", second } });
        var again = await PutFindingsAsync("1.42", new { paragraphs = new[] { first, second } });
        var summary = await _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/chief-inspectors-summary",
            new { paragraphs = new[] { "HMP Elmley opened in 1992 and is the largest of the three prisons on the Isle of Sheppey." } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            (draft.StatusCode, replaced.StatusCode, again.StatusCode, summary.StatusCode));
        Assert.Equal([first, second], (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var irp = await _app.GetIrpAsync(_id);
        Assert.Equal([first, second], irp["judgements"]![0]!["findings"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(irp["judgements"]![1]!["findings"]!.AsArray());
        Assert.StartsWith("HMP Elmley opened in 1992", irp["chiefInspectorsSummary"]![0]!.GetValue<string>());
        // Who wrote what, when: each change is an event on the log; the same paragraphs again record nothing.
        var recorded = irp["history"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FindingsRecorded").ToList();
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.False(string.IsNullOrEmpty(e!["by"]?.GetValue<string>())));
    }

    [Fact]
    public async Task FindingsForAnUnknownRef_Are404_AndBadParagraphs_Are400NamingTheParagraph_RecordingNothing()
    {
        var unknown = await PutFindingsAsync("9.99", new { paragraphs = new[] { "Text." } });
        var blank = await PutFindingsAsync("1.42", new { paragraphs = new[] { "Text.", " " } });
        var control = await PutFindingsAsync("1.42", new { paragraphs = new[] { "Bell\u0007" } });
        var tooLong = await PutFindingsAsync("1.42", new { paragraphs = new[] { new string('x', 2001) } });
        var tooMany = await PutFindingsAsync("1.42", new { paragraphs = Enumerable.Repeat("Text.", 41).ToArray() });
        var missing = await _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/chief-inspectors-summary", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("9.99", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("is required: a paragraph of text.", Errors(await blank.Content.ReadFromJsonAsync<JsonElement>(), "paragraphs[1]"));
        Assert.StartsWith("must not contain control characters other than tabs and line breaks",
            Errors(await control.Content.ReadFromJsonAsync<JsonElement>(), "paragraphs[0]"));
        Assert.Equal("must be at most 2000 characters; it has 2001.", Errors(await tooLong.Content.ReadFromJsonAsync<JsonElement>(), "paragraphs[0]"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 40", Errors(await tooMany.Content.ReadFromJsonAsync<JsonElement>(), "paragraphs"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("paragraphs", out _));
        var history = (await _app.GetIrpAsync(_id))["history"]!.AsArray().Select(e => e!["type"]!.GetValue<string>());
        Assert.DoesNotContain("FindingsRecorded", history);
        Assert.DoesNotContain("ChiefInspectorsSummaryRecorded", history);
    }

    [Fact]
    public async Task FindingsAfterTheDraftIsIssued_Are409_AndTheFindingsStand()
    {
        Assert.Equal(HttpStatusCode.OK, (await PutFindingsAsync("1.43", new { paragraphs = new[] { "Nearly all (95%) incidents were recorded." } })).StatusCode);
        await _app.MoveClockAsync(AfterDebrief);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);

        var late = await PutFindingsAsync("1.43", new { paragraphs = new[] { "Rewritten." } });
        var lateSummary = await _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/chief-inspectors-summary", new { paragraphs = new[] { "Late." } });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (late.StatusCode, lateSummary.StatusCode));
        Assert.Contains("issued for fact check on 2027-02-17", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Nearly all (95%) incidents were recorded.", (await _app.GetIrpAsync(_id))["judgements"]![1]!["findings"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Glossary_IsRecordedAsEvents_RefusingBadOrFixedTerms_AndFrozenOnceTheDraftIsIssued()
    {
        // HMP Hull IRP report (2022), Appendix II.
        const string timeOutOfCell = "Time out of cell, in addition to formal 'purposeful activity', includes any time prisoners are out of their cells to associate or use communal facilities to take showers or make telephone calls.";
        var recorded = await PutGlossaryAsync(new { entries = new[] { new { term = "  Time out of cell ", definition = timeOutOfCell } } });
        var again = await PutGlossaryAsync(new { entries = new[] { new { term = "Time out of cell", definition = timeOutOfCell } } });
        var fixedTerm = await PutGlossaryAsync(new { entries = new[] { new { term = "leader", definition = "Anyone in charge." } } });
        var twice = await PutGlossaryAsync(new { entries = new[] { new { term = "OMiC", definition = "One." }, new { term = "OMIC", definition = "Two." } } });
        var noDefinition = await PutGlossaryAsync(new { entries = new[] { new { term = "CSIP", definition = " " } } });
        var lineBreak = await PutGlossaryAsync(new { entries = new[] { new { term = "CSIP\nBcc", definition = "Text." } } });
        var missing = await PutGlossaryAsync(new { });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (recorded.StatusCode, again.StatusCode));
        Assert.Equal("Time out of cell", (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries")[0].GetProperty("term").GetString());
        Assert.Equal("is already in the glossary as 'Leader': each term is defined once.", Errors(await fixedTerm.Content.ReadFromJsonAsync<JsonElement>(), "entries[0].term"));
        Assert.Equal("is already in the glossary as 'OMiC': each term is defined once.", Errors(await twice.Content.ReadFromJsonAsync<JsonElement>(), "entries[1].term"));
        Assert.StartsWith("has no definition", Errors(await noDefinition.Content.ReadFromJsonAsync<JsonElement>(), "entries[0].definition"));
        Assert.StartsWith("must not contain control characters", Errors(await lineBreak.Content.ReadFromJsonAsync<JsonElement>(), "entries[0].term"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("entries", out _));
        var irp = await _app.GetIrpAsync(_id);
        Assert.Equal([("Time out of cell", timeOutOfCell)],
            irp["glossary"]!.AsArray().Select(e => (e!["term"]!.GetValue<string>(), e["definition"]!.GetValue<string>())));
        // Who wrote it, when: one event, the same entries again recording nothing, the refused ones nothing either.
        var events = irp["history"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "GlossaryRecorded").ToList();
        Assert.Equal("api", Assert.Single(events)!["by"]!.GetValue<string>());

        await _app.MoveClockAsync(AfterDebrief);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);
        var late = await PutGlossaryAsync(new { entries = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("its glossary can no longer change", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Single((await _app.GetIrpAsync(_id))["glossary"]!.AsArray());
    }

    [Fact]
    public async Task WithoutTheCoordinatorKey_Is401()
    {
        var response = await _app.Anonymous.PutAsJsonAsync($"/api/irps/{_id}/judgements/1.42", new { judgement = "GoodProgress" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PutGlossaryAsync(object body) => _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/glossary", body);

    private Task<HttpResponseMessage> PutFindingsAsync(string reference, object body) =>
        _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/findings/{reference}", body);

    private static (string?, string?, string?) Summary(JsonObject j) =>
        (j["ref"]!.GetValue<string>(), j["kind"]!.GetValue<string>(), JsonAssert.StringOrNull(j, "judgement"));

    private static string Errors(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
