using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Http;

/// <summary><c>GET /api/irps/{id}/summary</c> and its charts, from judgements recorded over HTTP.</summary>
public sealed class ReportSummaryEndpointsTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _app = await IrpFlowsApp.StartAsync();
        _id = await _app.CreateIrpAsync(Elmley());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ElmleysJudgements_GiveItsPublishedKeyFindings_ByDefault()
    {
        await RecordElmleyJudgementsAsync();

        var summary = await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{_id}/summary");

        // HMP Elmley IRP report (2023), 2.2 and 2.3.
        Assert.Equal(
            "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in three recommendations, insufficient progress in three recommendations and no meaningful progress in none of the recommendations.",
            summary.GetProperty("keyFindings").GetProperty("recommendations").GetString());
        Assert.Equal(
            "Ofsted judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes.",
            summary.GetProperty("keyFindings").GetProperty("themes").GetString());
        var counts = summary.GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("recommendations").GetProperty("InsufficientProgress").GetInt32());
        Assert.Equal(4, counts.GetProperty("themes").GetProperty("ReasonableProgress").GetInt32());
        var lines = summary.GetProperty("summaryOfJudgements").EnumerateArray().ToList();
        Assert.Equal(["1.42", "1.43", "1.44", "1.45", "1.46", "1.52", "1.51", "1.47", "1.48", "1.49", "1.50"],
            lines.Select(l => l.GetProperty("ref").GetString()));
        Assert.Equal("Good progress", lines[1].GetProperty("judgementLabel").GetString());
    }

    [Fact]
    public async Task HullsJudgements_WithThePartsOf134JudgedOnTheirOwn_GiveItsPublishedKeyFindings_AndItsSectionFour()
    {
        await using var app = await IrpFlowsApp.StartAsync(HullIn2022AnnouncementMorning);
        var hull = await app.CreateIrpAsync(HullIn2022());
        await app.MoveClockAsync(HullVisitFirstMorning);
        foreach (var r in PublishedReports.HullRecommendations)
        {
            foreach (var (reference, judgement) in r.Parts.Count == 0
                         ? [(r.Recommendation.Ref, r.Judgement)]
                         : r.Parts.Select(p => (p.Part.Ref, p.Judgement)))
                Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(hull, reference, new { judgement = judgement.ToString() })).StatusCode);
        }
        foreach (var t in PublishedReports.HullThemes)
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(hull, t.Theme.Ref, new { judgement = t.Judgement.ToString() })).StatusCode);

        var summary = await app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{hull}/summary?style=concise");

        // HMP Hull IRP report (2022), 2.1, 2.2 and the sentence below figure 2.
        Assert.Equal(
            "At this IRP visit, we followed up nine recommendations from our most recent inspection in July 2021 and Ofsted followed up three themes based on their latest inspection or progress monitoring visit to the prison, whichever was most recent.",
            summary.GetProperty("keyFindings").GetProperty("followedUp").GetString());
        Assert.Equal(
            "HMI Prisons judged that there was good progress in two recommendations, reasonable progress in three recommendations and insufficient progress in four recommendations.",
            summary.GetProperty("keyFindings").GetProperty("recommendations").GetString());
        Assert.Equal("Ofsted judged that there was reasonable progress in all three themes.",
            summary.GetProperty("keyFindings").GetProperty("themes").GetString());
        Assert.Equal(2, summary.GetProperty("counts").GetProperty("recommendations").GetProperty("GoodProgress").GetInt32());
        var lines = summary.GetProperty("summaryOfJudgements").EnumerateArray().ToList();
        Assert.Equal(PublishedReports.HullSectionFour,
            lines.Select(l => (l.GetProperty("ref").GetString()!, l.GetProperty("judgementLabel").GetString()!)));
        Assert.Equal("1.34", lines[2].GetProperty("partOf").GetString());
        Assert.Equal("HMI Prisons recommendations", lines[0].GetProperty("heading").GetString());
        Assert.Equal("Ofsted themes", lines[^1].GetProperty("heading").GetString());
        Assert.Equal("Progress on HMI Prisons recommendations from July 2021 inspection (n=9)", summary.GetProperty("recommendationsChartTitle").GetString());
    }

    [Fact]
    public async Task ARecommendationInParts_IsJudgedPartByPart_NotAsAWhole()
    {
        await using var app = await IrpFlowsApp.StartAsync(HullIn2022AnnouncementMorning);
        var hull = await app.CreateIrpAsync(HullIn2022());
        await app.MoveClockAsync(HullVisitFirstMorning);

        var whole = await app.PutJudgementAsync(hull, "1.34", new { judgement = "GoodProgress" });

        Assert.Equal(HttpStatusCode.BadRequest, whole.StatusCode);
        Assert.Contains("1.34a, 1.34b", (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ref")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(hull, "1.34b", new { judgement = "ReasonableProgress" })).StatusCode);
        var judgements = (await app.GetIrpAsync(hull))["judgements"]!.AsArray();
        Assert.Equal(13, judgements.Count); // ten Section 4 entries, three themes
        var partB = judgements.Single(j => j!["ref"]!.GetValue<string>() == "1.34b")!;
        Assert.Equal(("ReasonableProgress", "1.34"), (partB["judgement"]!.GetValue<string>(), partB["partOf"]!.GetValue<string>()));
        Assert.DoesNotContain(judgements, j => j!["ref"]!.GetValue<string>() == "1.34");
    }

    [Fact]
    public async Task ConciseStyle_NamesOnlyTheJudgementsGiven()
    {
        await RecordElmleyJudgementsAsync();

        var summary = await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{_id}/summary?style=concise");

        Assert.Equal("Ofsted judged that there was reasonable progress in all four themes.",
            summary.GetProperty("keyFindings").GetProperty("themes").GetString());
    }

    [Fact]
    public async Task ItemsNotYetJudged_AreCountedAsSuch()
    {
        await _app.MoveClockAsync(VisitFirstMorning);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(_id, "1.43", new { judgement = "GoodProgress" })).StatusCode);

        var counts = (await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{_id}/summary")).GetProperty("counts");

        Assert.Equal(1, counts.GetProperty("recommendations").GetProperty("GoodProgress").GetInt32());
        Assert.Equal(6, counts.GetProperty("recommendationsNotYetJudged").GetInt32());
        Assert.Equal(4, counts.GetProperty("themesNotYetJudged").GetInt32());
    }

    [Fact]
    public async Task Charts_AreSvgImages_OfBothFigures()
    {
        await RecordElmleyJudgementsAsync();

        var recommendations = await _app.Coordinator.GetAsync($"/api/irps/{_id}/summary/charts/recommendations.svg");
        var themes = await _app.Coordinator.GetAsync($"/api/irps/{_id}/summary/charts/themes.svg");

        Assert.Equal("image/svg+xml", recommendations.Content.Headers.ContentType?.MediaType);
        var svg = System.Xml.Linq.XDocument.Parse(await recommendations.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("Progress on HMI Prisons recommendations from March 2026 inspection (n=7)", svg.ToString());
        Assert.Contains("Reasonable progress: 4 (100%)", await themes.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownIrpChartOrStyle_IsRefused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator.GetAsync("/api/irps/no-such-irp/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator.GetAsync("/api/irps/no-such-irp/summary/charts/themes.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator.GetAsync($"/api/irps/{_id}/summary/charts/pie.svg")).StatusCode);
        var style = await _app.Coordinator.GetAsync($"/api/irps/{_id}/summary?style=long");
        Assert.Equal(HttpStatusCode.BadRequest, style.StatusCode);
        Assert.True((await style.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("style", out _));
    }

    [Fact]
    public async Task Irc_HasNoThemesChart_AndCallsItsItemsConcerns()
    {
        var irc = await _app.CreateIrpAsync(Irc());
        await _app.MoveClockAsync(VisitFirstMorning);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(irc, "C1", new { judgement = "GoodProgress" })).StatusCode);

        var summary = await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{irc}/summary?style=concise");

        Assert.StartsWith("HMI Prisons judged that there was good progress in one concern.",
            summary.GetProperty("keyFindings").GetProperty("recommendations").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator.GetAsync($"/api/irps/{irc}/summary/charts/themes.svg")).StatusCode);
    }

    [Fact]
    public async Task NotablePositivePractice_IsRecordedForSectionTwo_TheLatestReplacingTheOneBefore()
    {
        const string oversight = "Leaders' effective oversight of staff drawing and activating body-worn cameras was excellent. (See paragraph 3.7)";
        var beforeTheVisit = await PutPracticeAsync(new { examples = new[] { new { text = oversight } } });
        await _app.MoveClockAsync(VisitFirstMorning);
        var blank = await PutPracticeAsync(new { examples = new[] { new { text = oversight }, new { text = " " } } });
        var missing = await PutPracticeAsync(new { });
        var recorded = await PutPracticeAsync(new { examples = new[] { new { text = "Early draft." } } });
        var replaced = await PutPracticeAsync(new { examples = new[] { new { text = $"  {oversight}  " } } });
        var again = await PutPracticeAsync(new { examples = new[] { new { text = oversight } } });

        Assert.Equal(HttpStatusCode.Conflict, beforeTheVisit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("examples[1].text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (recorded.StatusCode, replaced.StatusCode, again.StatusCode));
        Assert.Equal(oversight, (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examples")[0].GetProperty("text").GetString());
        var practice = (await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{_id}/summary")).GetProperty("notablePositivePractice");
        // HMP Elmley IRP report (2023), 2.5 and 2.6.
        Assert.Equal("Inspectors found one example of notable positive practice during this independent review of progress.", practice.GetProperty("found").GetString());
        Assert.Equal([oversight], practice.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        // The same examples sent again record nothing.
        Assert.Equal(2, (await _app.GetIrpAsync(_id))["history"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "NotablePositivePracticeRecorded"));

        Assert.Equal(HttpStatusCode.OK, (await PutPracticeAsync(new { examples = Array.Empty<object>() })).StatusCode);
        Assert.Equal("Inspectors found no examples of notable positive practice during this independent review of progress.",
            (await _app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{_id}/summary")).GetProperty("notablePositivePractice").GetProperty("found").GetString());
    }

    [Fact]
    public async Task ThemesWithoutARef_AsHullsAre_AreNumberedForTheirJudgements_AndAnnouncedByTheirText()
    {
        var request = Elmley("HMP Hullish");
        request["ofstedThemes"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["text"] = "Leaders should improve the quality of education." },
            new System.Text.Json.Nodes.JsonObject { ["ref"] = "1.50", ["text"] = "Prisoners should have access to reading." });
        var id = await _app.CreateIrpAsync(request);
        await _app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)); // the announcement has gone
        var announcement = Emails.PlainText(await _app.RawEmailAsync(id, "announcement"));
        await _app.MoveClockAsync(VisitFirstMorning);

        var themes = (await _app.GetIrpAsync(id))["ofstedThemes"]!.AsArray();
        Assert.Equal(("theme-1", false), (themes[0]!["ref"]!.GetValue<string>(), themes[0]!["refGiven"]!.GetValue<bool>()));
        Assert.Equal(("1.50", true), (themes[1]!["ref"]!.GetValue<string>(), themes[1]!["refGiven"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(id, "theme-1", new { judgement = "SignificantProgress" })).StatusCode);
        Assert.Contains("Leaders should improve the quality of education.", announcement);
        Assert.DoesNotContain("theme-1", announcement);
        Assert.Contains("1.50", announcement);
    }

    private Task<HttpResponseMessage> PutPracticeAsync(object body) =>
        _app.Coordinator.PutAsJsonAsync($"/api/irps/{_id}/notable-positive-practice", body);

    private async Task RecordElmleyJudgementsAsync()
    {
        await _app.MoveClockAsync(VisitFirstMorning);
        foreach (var r in PublishedReports.ElmleyRecommendations)
            Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(_id, r.Recommendation.Ref, new { judgement = r.Judgement.ToString() })).StatusCode);
        foreach (var t in PublishedReports.ElmleyThemes)
            Assert.Equal(HttpStatusCode.OK, (await _app.PutJudgementAsync(_id, t.Theme.Ref, new { judgement = t.Judgement.ToString() })).StatusCode);
    }
}
