using IrpFlows.Timeline;

namespace IrpFlows.Judgements;

/// <summary>
/// Builds the report sections that follow from the judgements alone: Key findings sentences and pie charts
/// (section 2) and the Summary of judgements (section 4). Pure: the same judgements always give the same text.
/// </summary>
public static class ReportSummary
{
    /// <summary>
    /// Summarises the judgements made so far. Items without a judgement are never dropped or guessed: the sentences
    /// say how many are still to be judged, counts report them separately and charts show a "Not yet judged" segment.
    /// </summary>
    /// <param name="recommendations">Recommendations followed up (concerns for an IRC), in the report's order.</param>
    /// <param name="themes">Ofsted themes followed up, in the report's order; may be empty.</param>
    /// <param name="kind">An immigration IRP calls its items "concerns" in sentences, charts and the summary.</param>
    /// <param name="style">Key findings wording; <see cref="KeyFindingsStyle.Concise"/> unless a report calls for the other.</param>
    public static ReportSummaryResult Build(
        IReadOnlyList<JudgedRecommendation> recommendations,
        IReadOnlyList<JudgedTheme> themes,
        IrpKind kind = IrpKind.Prison,
        KeyFindingsStyle style = KeyFindingsStyle.Concise)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(themes);

        var isImmigration = kind == IrpKind.Immigration;
        var recommendationItems = TallyRecommendations(recommendations, isImmigration);
        var themeItems = TallyThemes(themes);

        var recommendationSlices = PieChart.Slices(recommendationItems);
        var themeSlices = PieChart.Slices(themeItems);

        return new ReportSummaryResult(
            new KeyFindings(
                KeyFindingsWriter.Write(recommendationItems, style),
                KeyFindingsWriter.Write(themeItems, style)),
            new JudgementCounts(
                recommendationItems.Tallies.ToDictionary(t => t.Name, t => t.Count),
                themeItems.Tallies.ToDictionary(t => t.Name, t => t.Count),
                recommendationItems.NotYetJudged,
                themeItems.NotYetJudged),
            SummaryLines(recommendations, themes, isImmigration),
            recommendationSlices,
            themeSlices,
            PieChartSvg.Render(
                recommendationSlices,
                $"Progress on HMI Prisons {recommendationItems.Plural} (n={recommendationItems.Total})",
                "recommendations-chart"),
            PieChartSvg.Render(themeSlices, $"Progress on Ofsted themes (n={themeItems.Total})", "themes-chart"));
    }

    private static TalliedItems TallyRecommendations(IReadOnlyList<JudgedRecommendation> recommendations, bool isImmigration)
    {
        var tallies = JudgementScales.RecommendationScale
            .Select(j => new JudgementTally(j.ToString(), j.ToLabel(), j.ToDisplayText(), recommendations.Count(r => r.Judgement == j)))
            .ToList();
        var (singular, plural) = isImmigration ? ("concern", "concerns") : ("recommendation", "recommendations");
        return new TalliedItems("HMI Prisons", singular, plural, tallies, recommendations.Count(r => r.Judgement is null));
    }

    private static TalliedItems TallyThemes(IReadOnlyList<JudgedTheme> themes)
    {
        var tallies = JudgementScales.ThemeScale
            .Select(j => new JudgementTally(j.ToString(), j.ToLabel(), j.ToDisplayText(), themes.Count(t => t.Judgement == j)))
            .ToList();
        return new TalliedItems("Ofsted", "theme", "themes", tallies, themes.Count(t => t.Judgement is null));
    }

    private static List<SummaryOfJudgementsEntry> SummaryLines(
        IReadOnlyList<JudgedRecommendation> recommendations, IReadOnlyList<JudgedTheme> themes, bool isImmigration)
    {
        var recommendationKind = isImmigration ? SummaryOfJudgementsEntry.ConcernKind : SummaryOfJudgementsEntry.RecommendationKind;
        // A recommendation in parts is listed part by part, each with its own text and judgement (HMP Hull 2022, Section 4).
        var recommendationLines = recommendations.SelectMany(r => r.Parts.Count == 0
            ? [Line(r.Recommendation.Ref, r.Recommendation.Text, r.Judgement) with { Concern = r.Recommendation.Concern }]
            : r.Parts.Select(p => Line(p.Part.Ref, p.Part.Text, p.Judgement) with { PartOf = r.Recommendation.Ref, Concern = r.Recommendation.Concern }));
        var themeLines = themes.Select(t => new SummaryOfJudgementsEntry(
            t.Theme.Ref,
            t.Theme.Text,
            SummaryOfJudgementsEntry.OfstedThemeKind,
            t.Judgement?.ToString(),
            t.Judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel));
        return [.. recommendationLines, .. themeLines];

        SummaryOfJudgementsEntry Line(string reference, string text, RecommendationJudgement? judgement) =>
            new(reference, text, recommendationKind, judgement?.ToString(), judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel);
    }
}
