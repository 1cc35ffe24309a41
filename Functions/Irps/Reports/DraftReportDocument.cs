using System.Globalization;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Judgements;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// The draft IRP report as a Word document, in the shape of the published reports (HMP Elmley 2023, HMP Hull 2022): cover and
/// contents, Section 1 the Chief Inspector's summary, Section 2 the Key findings with both figures and notable positive
/// practice, Section 3 one part per recommendation (concern) and Ofsted theme with its findings, Section 4 the Summary of
/// judgements, Appendix I the methodology and the judgements' definitions for the IRP's kind, Appendix II the glossary.
/// Paragraphs are numbered per section (1.1, 2.1, 3.1 …), Section 3's through all its parts, as the reports number them.
/// </summary>
public static class DraftReportDocument
{
    /// <summary>The document's bytes, from <paramref name="state"/> as recorded.</summary>
    /// <param name="visitEnd">The visit's last day, as the timeline plans it.</param>
    /// <param name="today">The England-and-Wales date the draft is written: the Chief Inspector's summary is signed with its month.</param>
    /// <param name="style">Section 2's wording: HMP Elmley's (2023) or HMP Hull's (2022), as <c>GET …/summary</c> words it.</param>
    public static byte[] Write(IrpState state, DateOnly visitEnd, DateOnly today, KeyFindingsStyle style)
    {
        var facts = state.Facts;
        var summary = IrpReportService.Summary(state, style);
        var word = new WordDocumentWriter();

        word.Title("Report on an independent review of progress at");
        word.Title(facts.Establishment.Name);
        word.Paragraph("by HM Chief Inspector of Prisons");
        word.Paragraph(VisitDates(facts.VisitStart, visitEnd));
        word.PageBreak();
        word.Heading(1, "Contents");
        word.TableOfContents("Update this field (F9) to list the sections.");

        ChiefInspectorsSummary(word, state, today);
        KeyFindings(word, summary, style);
        Progress(word, state);
        SummaryOfJudgements(word, summary);
        AboutThisReport(word, facts, summary.Definitions);
        Glossary(word, state);
        return word.ToDocx($"Report on an independent review of progress at {facts.Establishment.Name}");
    }

    /// <summary>"13–15 February 2023"; "30 January – 1 February 2023" across months.</summary>
    private static string VisitDates(DateOnly start, DateOnly end) =>
        start.Month == end.Month && start.Year == end.Year
            ? $"{start.Day}–{end.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{start.ToString(start.Year == end.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture)} – {end.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Section 3's closing sentence for an item, in the published reports' words: "We considered that the prison had made
    /// insufficient progress in this area." (HMP Elmley 2023, 3.5); for a recommendation judged in parts, "… against these
    /// recommendations." (HMP Hull 2022, 3.13); for a theme, "Ofsted considered that the prison had made reasonable progress
    /// against this theme." (Elmley 3.35). An IRC's report speaks of the centre.
    /// </summary>
    private static string JudgementSentence(IrpKind kind, string judgedBy, string progress, string against) =>
        $"{judgedBy} considered that the {(kind == IrpKind.Immigration ? "centre" : "prison")} had made {progress} {against}.";

    private static void ChiefInspectorsSummary(WordDocumentWriter word, IrpState state, DateOnly today)
    {
        word.Heading(1, "Section 1 Chief Inspector's summary");
        var numbers = new SectionNumbers(1);
        if (state.ChiefInspectorsSummary.Count == 0)
            word.Paragraph("The Chief Inspector's summary has not been written yet.");
        foreach (var paragraph in state.ChiefInspectorsSummary) word.NumberedParagraph(numbers.Next(), paragraph);
        if (state.Facts.Team.FirstOrDefault(m => m.Role?.Equals("Chief Inspector", StringComparison.OrdinalIgnoreCase) == true) is { } chief)
            word.BoldParagraph(chief.Name);
        word.Paragraph("HM Chief Inspector of Prisons");
        word.Paragraph(today.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
    }

    private static void KeyFindings(WordDocumentWriter word, ReportSummaryResult summary, KeyFindingsStyle style)
    {
        word.Heading(1, "Section 2 Key findings");
        var numbers = new SectionNumbers(2);
        if (summary.KeyFindings.FollowedUp.Length > 0) word.NumberedParagraph(numbers.Next(), summary.KeyFindings.FollowedUp);
        if (summary.KeyFindings.Recommendations.Length > 0)
        {
            word.NumberedParagraph(numbers.Next(), summary.KeyFindings.Recommendations);
            Figure(word, 2, summary.RecommendationsChartTitle, summary.RecommendationsChart);
            if (summary.RecommendationsChartNote.Length > 0) word.Paragraph(summary.RecommendationsChartNote);
        }
        if (summary.KeyFindings.Themes.Length > 0)
        {
            // HMP Hull's 2022 report leaves its themes' sentence unnumbered (its notable positive practice is 2.3); Elmley's 2023 numbers it 2.3.
            if (style == KeyFindingsStyle.Concise) word.Paragraph(summary.KeyFindings.Themes);
            else word.NumberedParagraph(numbers.Next(), summary.KeyFindings.Themes);
            Figure(word, 3, summary.ThemesChartTitle, summary.ThemesChart);
        }
        word.Heading(2, "Notable positive practice");
        word.NumberedParagraph(numbers.Next(), summary.NotablePositivePractice.Definition);
        word.NumberedParagraph(numbers.Next(), summary.NotablePositivePractice.Found);
        foreach (var example in summary.NotablePositivePractice.Examples) word.NumberedParagraph(numbers.Next(), example);
    }

    // The figure as the reports have it: its title in bold over a pie chart, here one Word draws and an inspector can restyle.
    private static void Figure(WordDocumentWriter word, int number, string title, IReadOnlyList<PieSlice> slices)
    {
        word.BoldParagraph($"Figure {number}: {title}");
        word.PieChart($"Figure {number}", $"Pie chart. {string.Join("; ", slices.Select(s => $"{s.Label}: {Invariant(s.Count)} ({Invariant(s.Percentage)}%)"))}.",
            [.. slices.Select(s => (s.Label, s.Count, PieChartSvg.Colours[s.Judgement]))]);
    }

    private static void Progress(WordDocumentWriter word, IrpState state)
    {
        var facts = state.Facts;
        var immigration = facts.Kind == IrpKind.Immigration;
        var item = immigration ? "concern" : "recommendation";
        var subject = ReportSubject.For(facts);
        word.Heading(1, immigration
            ? "Section 3 Progress against the key concerns"
            : "Section 3 Progress against the key concerns and recommendations" + (facts.OfstedThemes.Count > 0 ? $" and {subject.ThemesJudgedBy} themes" : ""));
        word.Paragraph($"The following provides a brief description of our findings in relation to each {item} followed up from the full inspection in "
            + $"{Invariant(facts.SourceInspectionEnd.Year)}. The reference numbers at the end of each {item} refer to the paragraph location in the full inspection report.");
        var numbers = new SectionNumbers(3);

        string? area = null;
        var themesWritten = facts.OfstedThemes.Count == 0;
        foreach (var recommendation in facts.Recommendations)
        {
            if (!themesWritten && IsRehabilitationAndReleasePlanning(recommendation.Area))
            {
                Themes(word, state, subject, numbers);
                themesWritten = true;
                area = null;
            }
            // Recommendations of one area share its heading, as HMP Hull's two under "Safety" do.
            var heading = recommendation.Area ?? $"{(immigration ? "Concern" : "Recommendation")} {recommendation.Ref}";
            if (heading != area) word.Heading(2, heading);
            area = heading;
            if (immigration)
            {
                word.BoldParagraph($"Concern: {recommendation.Concern ?? recommendation.Text} ({recommendation.Ref})");
            }
            else
            {
                if (recommendation.Concern is { } concern) word.LabelledParagraph("Concern:", concern);
                foreach (var (reference, text) in recommendation.Parts.Count == 0
                             ? [(recommendation.Ref, recommendation.Text)]
                             : recommendation.Parts.Select(p => (p.Ref, p.Text)))
                    word.BoldParagraph($"Recommendation: {text} ({reference})");
            }
            Findings(word, state, recommendation.Ref, numbers);
            foreach (var sentence in RecommendationJudgementSentences(state, recommendation)) word.NumberedParagraph(numbers.Next(), sentence);
        }
        if (!themesWritten) Themes(word, state, subject, numbers);
    }

    // Section 3 follows the healthy prison tests' order (safety, respect, purposeful activity, rehabilitation and release
    // planning): education, skills and work is part of purposeful activity, so the themes come before the items of the last
    // test, as HMP Elmley's 2023 report puts them before "Public protection" and HMP Hull's 2022 before "Rehabilitation and
    // release planning".
    private static readonly string[] RehabilitationAndReleasePlanningAreas =
        ["Rehabilitation and release planning", "Public protection", "Interventions", "Sentence progression", "Release planning", "Reintegration planning"];

    private static bool IsRehabilitationAndReleasePlanning(string? area) =>
        area is not null && RehabilitationAndReleasePlanningAreas.Any(a => area.StartsWith(a, StringComparison.OrdinalIgnoreCase));

    private static void Themes(WordDocumentWriter word, IrpState state, ReportSubject subject, SectionNumbers numbers)
    {
        var facts = state.Facts;
        var by = subject.ThemesJudgedBy;
        word.Heading(2, "Education, skills and work");
        word.Paragraph($"This part of the report is written by {by} inspectors. {by}'s thematic approach reflects the monitoring visit methodology used for "
            + "further education and skills providers. The themes set out the main areas for improvement in the prison's previous inspection report or progress monitoring visit letter.");
        for (var i = 0; i < facts.OfstedThemes.Count; i++)
        {
            var theme = facts.OfstedThemes[i];
            word.BoldParagraph($"Theme {Invariant(i + 1)}: {theme.Text}{(theme.RefGiven ? $" ({theme.Ref})" : "")}");
            Findings(word, state, theme.Ref, numbers);
            if (state.Judgements.TryGetValue(theme.Ref, out var judged))
                word.NumberedParagraph(numbers.Next(), JudgementSentence(facts.Kind, by, Enum.Parse<ThemeJudgement>(judged.Judgement).ToDisplayText(), "against this theme"));
            else
                word.Paragraph(NotYetJudged);
        }
    }

    private const string NotYetJudged = "No judgement has been recorded yet.";

    private static void Findings(WordDocumentWriter word, IrpState state, string reference, SectionNumbers numbers)
    {
        if (!state.Findings.TryGetValue(reference, out var paragraphs) || paragraphs.Count == 0)
            word.Paragraph("No findings have been recorded yet.");
        else
            foreach (var paragraph in paragraphs) word.NumberedParagraph(numbers.Next(), paragraph);
    }

    // One sentence for a recommendation judged as a whole, or for parts judged alike; one per part when they differ (the
    // reports have no example of that, so each names its part).
    private static IEnumerable<string> RecommendationJudgementSentences(IrpState state, Recommendation recommendation)
    {
        RecommendationJudgement? Judged(string reference) =>
            state.Judgements.TryGetValue(reference, out var j) ? Enum.Parse<RecommendationJudgement>(j.Judgement) : null;
        string Sentence(RecommendationJudgement judgement, string against) =>
            JudgementSentence(state.Facts.Kind, "We", judgement.ToDisplayText(), against);

        if (recommendation.Parts.Count == 0)
        {
            yield return Judged(recommendation.Ref) is { } whole ? Sentence(whole, "in this area") : NotYetJudged;
            yield break;
        }
        var parts = recommendation.Parts.Select(p => (p.Ref, Judgement: Judged(p.Ref))).ToList();
        if (parts.All(p => p.Judgement is not null) && parts.Select(p => p.Judgement).Distinct().Count() == 1)
        {
            yield return Sentence(parts[0].Judgement!.Value, "against these recommendations");
            yield break;
        }
        foreach (var (reference, judgement) in parts)
            yield return judgement is { } j ? Sentence(j, $"against recommendation {reference}") : $"{reference}: {NotYetJudged}";
    }

    private static void SummaryOfJudgements(WordDocumentWriter word, ReportSummaryResult summary)
    {
        word.Heading(1, "Section 4 Summary of judgements");
        word.Paragraph(summary.SummaryOfJudgementsIntro);
        foreach (var group in summary.SummaryOfJudgements.GroupBy(e => e.Heading))
        {
            word.Heading(2, group.Key);
            foreach (var entry in group)
            {
                word.Paragraph(entry.Text);
                word.BoldParagraph(entry.JudgementLabel);
            }
        }
    }

    private static void AboutThisReport(WordDocumentWriter word, IrpFacts facts, JudgementDefinitions definitions)
    {
        var immigration = facts.Kind == IrpKind.Immigration;
        var item = immigration ? "concern" : "recommendation";
        word.Heading(1, "Appendix I About this report");
        word.Paragraph("HM Inspectorate of Prisons (HMI Prisons) is an independent, statutory organisation which reports on the treatment and conditions of those "
            + "detained in prisons, young offender institutions, secure training centres, immigration detention facilities, court custody and military detention.");
        word.Paragraph("All visits carried out by HM Inspectorate of Prisons contribute to the UK's response to its international obligations under the Optional "
            + "Protocol to the UN Convention against Torture and other Cruel, Inhuman or Degrading Treatment or Punishment (OPCAT). OPCAT requires that all places "
            + "of detention are visited regularly by independent bodies – known as the National Preventive Mechanism (NPM) – which monitor the treatment of and "
            + "conditions for detainees. HM Inspectorate of Prisons is one of several bodies making up the NPM in the UK.");
        if (immigration)
        {
            // IRC guide 1.1 (agreed with the Home Office in 2024), 1.2 (the aims), 1.4 (the Chief Inspector's discretion) and 5.1
            // (the report goes to the Home Secretary and Minister). A concern is addressed, not achieved as a recommendation is.
            word.Paragraph("Independent reviews of progress (IRPs) give the Home Secretary and the Minister, to whom this report is sent, an independent, "
                + "evidence-based assessment of the progress a centre has made in addressing HM Inspectorate of Prisons' concerns in between inspections. "
                + "Their use in immigration detention was agreed with the Home Office in 2024. IRPs take place at the discretion of the Chief Inspector when "
                + "a full inspection suggests the centre would benefit from additional scrutiny and focus on a limited number of the concerns raised at the inspection.");
            word.Paragraph("The aims of IRPs are to provide an independent, evidence-based assessment of progress against the concerns identified at the previous "
                + "inspection, assess the sufficiency of the leadership response to key concerns, identify emerging difficulties or slippage in progress, and support improvement.");
        }
        else
        {
            word.Paragraph("Independent reviews of progress (IRPs) are designed to improve accountability to ministers about the progress prisons make towards achieving "
                + "HM Inspectorate of Prisons' recommendations in between inspections. IRPs take place at the discretion of the Chief Inspector when a full inspection suggests "
                + "the prison would benefit from additional scrutiny and focus on a limited number of the recommendations made at the inspection.");
        }
        word.Paragraph($"This report contains a summary from the Chief Inspector and a brief record of our findings in relation to each {item} we have followed up. "
            + $"The reader may find it helpful to refer to the report of the full inspection, which ended in {facts.SourceInspectionEnd.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}, "
            + "for further detail on the original findings (available on our website at https://www.justiceinspectorates.gov.uk/hmiprisons/).");

        word.Heading(2, "IRP methodology");
        if (immigration)
        {
            // IRC guide 2.1 and 2.4 (when, and who is written to), 3.2 and 3.3 (the evidence, the Home Office's casework, no survey).
            word.Paragraph("IRPs normally take place eight to 12 months after a full inspection. We write to the centre manager and the Home Office, usually "
                + "two to three months before the visit, to say which concerns we will follow up.");
            word.Paragraph("During our visit, we collect a range of evidence about the progress in addressing each selected concern. Sources of evidence include "
                + "observation, discussions with detainees, staff and relevant third parties, documentation and data. Where a concern requires an examination "
                + "of the Home Office's work on safeguarding, an inspector looks at a limited sample of cases. There is no detainee survey, but we may hold "
                + "group discussions with detainees.");
        }
        else
        {
            word.Paragraph("IRPs are announced at least three months in advance and take place eight to 12 months after a full inspection. When we announce an IRP, we "
                + "identify which recommendations we intend to follow up (usually no more than 15).");
            word.Paragraph("During our visit, we collect a range of evidence about the progress in implementing each selected recommendation. Sources of evidence include "
                + "observation, discussions with prisoners, staff and relevant third parties, documentation and data.");
        }
        word.Paragraph($"Each {item} followed up by HMI Prisons during an IRP is given one of four progress judgements ({definitions.Source}):");
        foreach (var definition in definitions.Recommendations)
        {
            word.BoldParagraph(definition.Label);
            word.Paragraph(definition.Definition);
        }
        if (definitions.Themes.Count > 0)
        {
            word.Paragraph("When Ofsted attends an IRP its methodology replicates the monitoring visits conducted in further education and skills provision. "
                + "Each theme followed up by Ofsted is given one of three progress judgements.");
            foreach (var definition in definitions.Themes)
            {
                word.BoldParagraph(definition.Label);
                word.Paragraph(definition.Definition);
            }
        }

        word.Heading(2, "Inspection team");
        word.Paragraph("This independent review of progress was carried out by:");
        var team = facts.Team.Count > 0
            ? facts.Team.Select(m => (m.Name, m.Role ?? ""))
            : facts.Recommendations.Select(r => r.Inspector).OfType<string>().Distinct().Select(name => (name, "Inspector"));
        var rows = team.Select(m => (IReadOnlyList<string>)[m.Item1, m.Item2]).ToList();
        if (rows.Count > 0) word.Table([["Name", "Role"], .. rows]);
    }

    // The introduction is fixed text (HMP Elmley 2023, Appendix II); the entries are the fixed ones and the IRP's own.
    private static void Glossary(WordDocumentWriter word, IrpState state)
    {
        word.Heading(1, "Appendix II Glossary");
        word.Paragraph("We try to make our reports as clear as possible, and this short glossary should help to explain some of the specialist terms you may "
            + "find. If you need an explanation of any other terms, please see the longer glossary, available on our website at: "
            + "http://www.justiceinspectorates.gov.uk/hmiprisons/about-our-inspections/");
        foreach (var entry in ReportGlossary.For(state.Facts.Kind, state.Glossary))
        {
            word.Heading(3, entry.Term);
            word.Paragraph(entry.Definition);
        }
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The next paragraph number of one section: 3.1, 3.2, …</summary>
    private sealed class SectionNumbers(int section)
    {
        private int _last;

        public string Next() => $"{Invariant(section)}.{Invariant(++_last)}";
    }
}
