using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using IrpFlows.Irps.Judgements;
using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Http;

/// <summary>
/// <c>GET /api/irps/{id}/report.docx</c> and <c>POST …/report.docx/use-as-draft</c>: HMP Elmley's 2023 IRP entered from its
/// published report, and the Word document read back with the Open XML SDK. One app on Elmley's own dates (the cover names
/// them), so no shared fixture: the others run in 2026–27.
/// </summary>
public sealed partial class DraftReportDocumentTests
{
    private static readonly DateTimeOffset ElmleyVisitFirstMorning = new(2023, 2, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ElmleyAfterDebrief = new(2023, 2, 15, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ElmleysDraft_HasThePublishedReportsSections_AndIsSentForFactCheckOnceUsedAsTheDraft()
    {
        var published = PublishedSectionThree.Elmley();
        Assert.Equal((11, "3.60"), (published.Parts.Count, published.Parts[^1].JudgementSentence.Number)); // the seed read whole
        await using var app = await IrpFlowsApp.StartAsync(ElmleyIn2023AnnouncementMorning);
        var request = ElmleyIn2023();
        request["recommendations"] = new JsonArray([.. published.Recommendations.Select(r =>
            (JsonNode)new JsonObject { ["ref"] = r.Ref, ["area"] = r.Area, ["concern"] = r.Concern, ["text"] = r.Text })]);
        request["ofstedThemes"] = new JsonArray([.. published.Themes.Select(t => (JsonNode)new JsonObject { ["ref"] = t.Ref, ["text"] = t.Text })]);
        var id = await app.CreateIrpAsync(request);
        await app.MoveClockAsync(ElmleyVisitFirstMorning);
        foreach (var r in PublishedReports.ElmleyRecommendations)
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, r.Recommendation.Ref, new { judgement = r.Judgement.ToString() })).StatusCode);
        foreach (var t in PublishedReports.ElmleyThemes)
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, t.Theme.Ref, new { judgement = t.Judgement.ToString() })).StatusCode);
        foreach (var part in published.Parts)
        {
            var findings = await app.Coordinator.PutAsJsonAsync($"/api/irps/{id}/findings/{part.Ref}", new { paragraphs = part.Findings.Select(f => f.Text) });
            Assert.Equal(HttpStatusCode.OK, findings.StatusCode);
        }

        var response = await app.Coordinator.GetAsync($"/api/irps/{id}/report.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();
        var document = Read(docx);
        Assert.Equal("Report on an independent review of progress at HMP Elmley by HM Chief Inspector of Prisons 13–15 February 2023",
            string.Join(" ", document.Take(4).Select(p => p.Text)));
        Assert.Equal(
            ["Contents", "Section 1 Chief Inspector's summary", "Section 2 Key findings",
             "Section 3 Progress against the key concerns and recommendations and Ofsted themes", "Section 4 Summary of judgements",
             "Appendix I About this report", "Appendix II Glossary"],
            document.Where(p => p.Style == "Heading1").Select(p => p.Text));

        // HMP Elmley IRP report (2023), Section 2: 2.1–2.3 and the figures' titles.
        var two = Section(document, "Section 2 Key findings");
        Assert.Equal(
            ["2.1\tAt this IRP visit, we followed up seven recommendations from our most recent inspection in March 2022 and Ofsted followed up four themes based on their latest inspection of the prison.",
             "2.2\tHMI Prisons judged that there was good progress in one recommendation, reasonable progress in three recommendations, insufficient progress in three recommendations and no meaningful progress in none of the recommendations.",
             "2.3\tOfsted judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes."],
            two.Where(p => p.Text.StartsWith("2.", StringComparison.Ordinal)).Take(3).Select(p => p.Text));
        Assert.Equal(
            ["Figure 2: Progress on HMI Prisons recommendations from March 2022 inspection (n=7)", "Figure 3: Progress on Ofsted themes from March 2022 inspection (n=4)"],
            two.Where(p => p.Text.StartsWith("Figure", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.All(two.Where(p => p.Text.StartsWith("Figure", StringComparison.Ordinal)), p => Assert.True(p.Bold));
        var charts = PieCharts(docx);
        Assert.Equal([("Good progress", 1), ("Reasonable progress", 3), ("Insufficient progress", 3), ("No meaningful progress", 0)], charts[0]);
        Assert.Equal([("Significant progress", 0), ("Reasonable progress", 4), ("Insufficient progress", 0)], charts[1]);

        // Section 3: the areas, the bold item lines with their source paragraphs, the findings numbered 3.1 … 3.60 through the
        // section and each part's judgement sentence, as published.
        var three = Section(document, "Section 3 Progress against the key concerns and recommendations and Ofsted themes");
        Assert.Equal(published.Parts.Select(p => p.Area).Distinct(), three.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var itemLines = three.Where(p => p.Text.StartsWith("Recommendation:", StringComparison.Ordinal) || p.Text.StartsWith("Theme ", StringComparison.Ordinal)).ToList();
        Assert.Equal(published.Parts.Select(p => p.Line), itemLines.Select(p => p.Text));
        Assert.All(itemLines, p => Assert.True(p.Bold, p.Text));
        Assert.Equal(published.Recommendations.Select(r => "Concern: " + r.Concern),
            three.Where(p => p.Text.StartsWith("Concern:", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Equal(
            published.Parts.SelectMany(p => p.Findings.Append(p.JudgementSentence)).Select(f => $"{f.Number}\t{f.Text}"),
            three.Where(p => p.Text.StartsWith("3.", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Equal("3.5\tWe considered that the prison had made insufficient progress in this area.",
            three.Single(p => p.Text.StartsWith("3.5\t", StringComparison.Ordinal)).Text);

        // Section 4: each item's text, then its judgement in bold, under its heading, in the API's order.
        var four = Section(document, "Section 4 Summary of judgements");
        Assert.Equal(["HMI Prisons recommendations", "Ofsted themes"], four.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var labels = four.Where(p => p.Bold).Select(p => p.Text).ToList();
        Assert.Equal(
            [.. PublishedReports.ElmleyRecommendations.Select(r => r.Judgement!.Value.ToLabel()), .. PublishedReports.ElmleyThemes.Select(t => t.Judgement!.Value.ToLabel())],
            labels);
        Assert.Equal(PublishedReports.ElmleyRecommendations.Select(r => r.Recommendation.Text),
            four.Where(p => !p.Bold && p.Style is null).Skip(1).Take(7).Select(p => p.Text));

        // Appendix I: the prison guide's four judgements and Ofsted's three, each defined.
        var appendix = Section(document, "Appendix I About this report");
        Assert.Equal(["No meaningful progress", "Insufficient progress", "Reasonable progress", "Good progress",
                      "Insufficient progress", "Reasonable progress", "Significant progress"],
            appendix.Where(p => p.Bold).Select(p => p.Text));

        // Use as the draft: stored as an uploaded draft is, and DraftIssued sends it for fact check.
        var used = await app.Coordinator.PostAsync($"/api/irps/{id}/report.docx/use-as-draft", null);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal("HMP-Elmley-IRP-draft-report.docx", (await used.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
        Assert.Equal("HMP-Elmley-IRP-draft-report.docx", (await app.GetIrpAsync(id))["draftReport"]!["fileName"]!.GetValue<string>());
        await app.MoveClockAsync(ElmleyAfterDebrief);
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "DraftIssued")).StatusCode);
        await app.MoveClockAsync(ElmleyAfterDebrief.AddMinutes(1));
        using var sent = await app.GetThroughStorageAsync(Emails.DraftLink(Emails.PlainText(await app.RawEmailAsync(id, "draft-report"))));
        Assert.Equal("HMP Elmley", Read(await sent.Content.ReadAsByteArrayAsync())[1].Text);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Coordinator.PostAsync($"/api/irps/{id}/report.docx/use-as-draft", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Coordinator.GetAsync("/api/irps/no-such-irp/report.docx")).StatusCode);
    }

    [Fact]
    public async Task HullsDraft_InHullsConciseStyle_HasBothLetteredPartsUnderOneConcern_AsPublished()
    {
        var published = PublishedSectionThree.Hull();
        Assert.Equal((13, "3.69"), (published.Parts.Count, published.Parts[^1].JudgementSentence.Number)); // the seed read whole
        await using var app = await IrpFlowsApp.StartAsync(HullIn2022AnnouncementMorning);
        // 1.34 is entered as the report sets it out: one recommendation under one concern, in its lettered parts 1.34a and 1.34b.
        var recommendations = published.Recommendations.GroupBy(r => WholeRef(r.Ref!)).ToList();
        var request = HullIn2022();
        request["recommendations"] = new JsonArray([.. recommendations.Select(g => (JsonNode)(g.Count() == 1
            ? new JsonObject { ["ref"] = g.Key, ["area"] = g.First().Area, ["concern"] = g.First().Concern, ["text"] = g.First().Text }
            : new JsonObject
            {
                ["ref"] = g.Key, ["area"] = g.First().Area, ["concern"] = g.First().Concern,
                ["parts"] = new JsonArray([.. g.Select(p => (JsonNode)new JsonObject { ["ref"] = p.Ref, ["text"] = p.Text })]),
            }))]);
        // Hull's themes have no source paragraph: given without a ref, each is judged as theme-1, theme-2, … (its place).
        request["ofstedThemes"] = new JsonArray([.. published.Themes.Select(t => (JsonNode)new JsonObject { ["text"] = t.Text })]);
        var id = await app.CreateIrpAsync(request);
        await app.MoveClockAsync(HullVisitFirstMorning);
        foreach (var (reference, judgement) in PublishedReports.HullRecommendations.SelectMany(r => r.Parts.Count == 0
                     ? [(r.Recommendation.Ref, r.Judgement)]
                     : r.Parts.Select(p => (p.Part.Ref, p.Judgement))))
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, reference, new { judgement = judgement.ToString() })).StatusCode);
        for (var i = 0; i < PublishedReports.HullThemes.Count; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, $"theme-{i + 1}", new { judgement = PublishedReports.HullThemes[i].Judgement.ToString() })).StatusCode);
        foreach (var group in recommendations)
            Assert.Equal(HttpStatusCode.OK, (await app.Coordinator.PutAsJsonAsync($"/api/irps/{id}/findings/{group.Key}",
                new { paragraphs = group.SelectMany(p => p.Findings).Select(f => f.Text) })).StatusCode);
        foreach (var (theme, i) in published.Themes.Select((t, i) => (t, i)))
            Assert.Equal(HttpStatusCode.OK, (await app.Coordinator.PutAsJsonAsync($"/api/irps/{id}/findings/theme-{i + 1}",
                new { paragraphs = theme.Findings.Select(f => f.Text) })).StatusCode);
        // Hull's own glossary entries, given in no particular order; the fixed ones (CQC, Leader, …) the document adds itself.
        var glossary = PublishedGlossary.Hull();
        string[] fixedTerms = ["Care Quality Commission (CQC)", "Leader", "Protected characteristics"];
        var own = glossary.Where(e => !fixedTerms.Contains(e.Term)).Reverse().Select(e => new { term = e.Term, definition = e.Definition });
        Assert.Equal(HttpStatusCode.OK, (await app.Coordinator.PutAsJsonAsync($"/api/irps/{id}/glossary", new { entries = own })).StatusCode);

        var unknownStyle = await app.Coordinator.GetAsync($"/api/irps/{id}/report.docx?style=long");
        Assert.Equal(HttpStatusCode.BadRequest, unknownStyle.StatusCode);
        Assert.True((await unknownStyle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("style", out _));
        var response = await app.Coordinator.GetAsync($"/api/irps/{id}/report.docx?style=concise");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Report on an independent review of progress at HMP Hull by HM Chief Inspector of Prisons 14–16 March 2022",
            string.Join(" ", document.Take(4).Select(p => p.Text)));

        // HMP Hull IRP report (2022), Section 2: 2.1, 2.2, the themes' sentence unnumbered, notable positive practice 2.3–2.4.
        var two = Section(document, "Section 2 Key findings");
        Assert.Equal(
            ["2.1\tAt this IRP visit, we followed up nine recommendations from our most recent inspection in July 2021 and Ofsted followed up three themes based on their latest inspection or progress monitoring visit to the prison, whichever was most recent.",
             "2.2\tHMI Prisons judged that there was good progress in two recommendations, reasonable progress in three recommendations and insufficient progress in four recommendations."],
            two.Where(p => p.Text.StartsWith("2.", StringComparison.Ordinal)).Take(2).Select(p => p.Text));
        Assert.Contains(two, p => p.Text == "Ofsted judged that there was reasonable progress in all three themes.");
        Assert.Equal(["2.3", "2.4"], two.Where(p => p.Text.StartsWith("2.", StringComparison.Ordinal)).Skip(2).Select(p => p.Text.Split('\t')[0]));
        Assert.Equal("2.4\tInspectors found no examples of notable positive practice during this independent review of progress.",
            two.Single(p => p.Text.StartsWith("2.4\t", StringComparison.Ordinal)).Text);

        // Section 3: both parts of 1.34 in bold under the one "Safety" heading and the one concern, 3.1 … 3.69 as published.
        var three = Section(document, "Section 3 Progress against the key concerns and recommendations and Ofsted themes");
        Assert.Equal(published.Parts.Select(p => p.Area).Distinct(), three.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var itemLines = three.Where(p => p.Text.StartsWith("Recommendation:", StringComparison.Ordinal) || p.Text.StartsWith("Theme ", StringComparison.Ordinal)).ToList();
        Assert.Equal(published.Parts.Select(p => p.Line), itemLines.Select(p => p.Text));
        Assert.All(itemLines, p => Assert.True(p.Bold, p.Text));
        Assert.Equal(recommendations.Select(g => "Concern: " + g.First().Concern),
            three.Where(p => p.Text.StartsWith("Concern:", StringComparison.Ordinal)).Select(p => p.Text));
        var safety = three.SkipWhile(p => p.Text != "Safety").Skip(1).TakeWhile(p => p.Style != "Heading2").Select(p => p.Text).ToList();
        Assert.Equal(
            ["Recommendation: The number of times force is used should be reduced. When used it should be proportionate and undertaken safely. (1.34a)",
             "Recommendation: Outcomes for prisoners in the segregation unit should be improved through the provision of a purposeful regime. Those suspected of secreting illicit items should not be denied access to any part of the regime or necessary support. (1.34b)"],
            safety.Where(t => t.EndsWith("(1.34a)", StringComparison.Ordinal) || t.EndsWith("(1.34b)", StringComparison.Ordinal)));
        Assert.Equal("3.13\tWe considered that the prison had made good progress against these recommendations.",
            three.Single(p => p.Text.StartsWith("3.13\t", StringComparison.Ordinal)).Text);
        // Hull (2022) closes a single recommendation "… against this recommendation."; the document keeps the newer wording of
        // HMP Elmley's report (2023), "… in this area.", so that one phrase is the only difference from the published text.
        Assert.Equal(
            published.Parts.SelectMany(p => p.JudgementSentence.Number is null ? p.Findings : p.Findings.Append(p.JudgementSentence))
                .Select(f => $"{f.Number}\t{f.Text.Replace("against this recommendation.", "in this area.", StringComparison.Ordinal)}"),
            three.Where(p => p.Text.StartsWith("3.", StringComparison.Ordinal)).Select(p => p.Text));

        // Section 4: each part of 1.34 an entry of its own, each item's text then its judgement in bold, as published.
        var texts = published.Parts.ToDictionary(p => p.Ref ?? p.Kind, p => p.Text);
        var four = Section(document, "Section 4 Summary of judgements");
        Assert.Equal(["HMI Prisons recommendations", "Ofsted themes"], four.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var entries = four.Where(p => p.Style is null).Skip(1).Chunk(2).ToList();
        Assert.Equal(PublishedReports.HullSectionFour.Select(e => (texts[e.Ref], e.Label)), entries.Select(e => (e[0].Text, e[1].Text)));
        Assert.All(entries, e => Assert.True(e[1].Bold && !e[0].Bold, e[0].Text));

        // Appendix II: the fixed entries and Hull's own, alphabetically, as published.
        var appendixTwo = Section(document, "Appendix II Glossary");
        Assert.Equal(glossary, appendixTwo.Select((p, i) => (p, i)).Where(x => x.p.Style == "Heading3").Select(x => (x.p.Text, appendixTwo[x.i + 1].Text)));
    }

    [Fact]
    public async Task AnIrcsDraft_SpeaksOfConcernsTheCentreAndDetainees_WithTheDetentionGuidesDefinitions_AndNoPrisonWords()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(Irc());
        await app.MoveClockAsync(VisitFirstMorning);
        Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, "C1", new { judgement = "GoodProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, "C2", new { judgement = "InsufficientProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Coordinator.PutAsJsonAsync($"/api/irps/{id}/findings/C1",
            new { paragraphs = new[] { "Detainees told us they felt safer than at the inspection." } })).StatusCode);

        var document = Read(await app.Coordinator.GetByteArrayAsync($"/api/irps/{id}/report.docx"));

        Assert.Equal("Report on an independent review of progress at Harmondsworth IRC by HM Chief Inspector of Prisons 15–17 February 2027",
            string.Join(" ", document.Take(4).Select(p => p.Text)));
        Assert.Contains(document, p => p.Style == "Heading1" && p.Text == "Section 3 Progress against the key concerns");
        Assert.Equal("2.1\tAt this IRP visit, we followed up two concerns from our most recent inspection in March 2026.",
            Section(document, "Section 2 Key findings").First(p => p.Text.StartsWith("2.1\t", StringComparison.Ordinal)).Text);

        // Section 3: each concern in bold with its ref under its area, and the judgement sentence speaking of the centre.
        var three = Section(document, "Section 3 Progress against the key concerns");
        Assert.Equal(["Safety", "Care"], three.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var concerns = three.Where(p => p.Text.StartsWith("Concern:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Concern: Detained people should feel safe. (C1)", "Concern: Detained people should have timely health care. (C2)"], concerns.Select(p => p.Text));
        Assert.All(concerns, p => Assert.True(p.Bold, p.Text));
        Assert.Equal(
            ["3.1\tDetainees told us they felt safer than at the inspection.",
             "3.2\tWe considered that the centre had made good progress in this area.",
             "3.3\tWe considered that the centre had made insufficient progress in this area."],
            three.Where(p => p.Text.StartsWith("3.", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Equal(["HMI Prisons concerns"], Section(document, "Section 4 Summary of judgements").Where(p => p.Style == "Heading2").Select(p => p.Text));

        // Appendix I: the detention guide's definitions (IRC guide 4.1), no Ofsted, and the Home Office's part (1.1, 2.4, 3.2, 5.1).
        var appendix = Section(document, "Appendix I About this report");
        Assert.Equal(
            [("No meaningful progress", "Leaders had not formulated, resourced or begun to implement a realistic improvement strategy to address this concern."),
             ("Insufficient progress", "Leaders had begun to implement a realistic improvement strategy (for example, with better and embedded systems and processes), but detainee outcomes were improving too slowly or had not improved at all."),
             ("Reasonable progress", "Leaders were implementing a realistic improvement strategy, with evidence of sustainable progress and some early improvement in outcomes for detainees."),
             ("Good progress", "Leaders had already implemented a realistic improvement strategy to address this concern and had delivered a clear improvement in outcomes for detainees.")],
            appendix.Select((p, i) => (p, i)).Where(x => x.p.Bold).Select(x => (x.p.Text, appendix[x.i + 1].Text)));
        Assert.DoesNotContain(appendix, p => p.Text.Contains("Ofsted", StringComparison.Ordinal));
        Assert.Contains(appendix, p => p.Text.Contains("the Home Secretary and the Minister, to whom this report is sent", StringComparison.Ordinal));
        Assert.Contains(appendix, p => p.Text.Contains("We write to the centre manager and the Home Office", StringComparison.Ordinal));
        Assert.Contains(appendix, p => p.Text.Contains("an examination of the Home Office's work on safeguarding", StringComparison.Ordinal));

        // The words for the establishment come from its kind: "detainees" and "the centre", never "prison" or "prisoners". Left out
        // of the search: the inspectorate's own name, and Appendix I's first paragraph, its statutory remit ("… those detained in
        // prisons, …, immigration detention facilities …"), printed the same in every report it writes.
        var remit = appendix[0].Text;
        Assert.StartsWith("HM Inspectorate of Prisons (HMI Prisons) is an independent, statutory organisation", remit, StringComparison.Ordinal);
        var generated = string.Join("\n", document.Select(p => p.Text).Where(t => t != remit))
            .Replace("HM Inspectorate of Prisons", "", StringComparison.Ordinal)
            .Replace("HM Chief Inspector of Prisons", "", StringComparison.Ordinal)
            .Replace("HMI Prisons", "", StringComparison.Ordinal);
        Assert.Contains("detainees", generated, StringComparison.Ordinal);
        Assert.Empty(PrisonWords().Matches(generated).Select(m => m.Value));
    }

    [GeneratedRegex(@"\bprison(s|ers?)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrisonWords();

    /// <summary>"1.34" for a lettered part "1.34a"; a whole recommendation's ref as it is.</summary>
    private static string WholeRef(string reference) => char.IsLetter(reference[^1]) ? reference[..^1] : reference;

    /// <summary>One paragraph of the document: its style (null for body text), its text (a tab as \t) and whether all of it is bold.</summary>
    private sealed record DocumentParagraph(string? Style, string Text, bool Bold);

    /// <summary>The document's paragraphs, after checking it is valid Open XML (Word opens it without a repair prompt).</summary>
    private static List<DocumentParagraph> Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        return document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p =>
            {
                var runs = p.Elements<Run>().ToList();
                var text = new StringBuilder();
                foreach (var element in p.Descendants())
                {
                    if (element is Text t) text.Append(t.Text);
                    else if (element is TabChar) text.Append('\t');
                }
                return new DocumentParagraph(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, text.ToString(),
                    runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is not null));
            })
            .Where(p => p.Text.Length > 0)
            .ToList();
    }

    /// <summary>Each pie chart Word draws, in the document's order: its segments' labels and values.</summary>
    private static List<List<(string, int)>> PieCharts(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        return main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>()
            .Select(reference => ((ChartPart)main.GetPartById(reference.Id!.Value!)).ChartSpace!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.PieChartSeries>().Single())
            .Select(series => series.Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Select(p => p.InnerText)
                .Zip(series.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => int.Parse(p.InnerText, System.Globalization.CultureInfo.InvariantCulture)))
                .ToList())
            .ToList();
    }

    /// <summary>The paragraphs under a Heading 1, up to the next.</summary>
    private static List<DocumentParagraph> Section(List<DocumentParagraph> document, string heading) =>
        document.SkipWhile(p => p.Text != heading).Skip(1).TakeWhile(p => p.Style != "Heading1").ToList();
}
