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
        var recommendationLines = recommendations.Select(r => new SummaryOfJudgementsEntry(
            r.Recommendation.Ref,
            r.Recommendation.Text,
            recommendationKind,
            r.Judgement?.ToString(),
            r.Judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel));
        var themeLines = themes.Select(t => new SummaryOfJudgementsEntry(
            t.Theme.Ref,
            t.Theme.Text,
            SummaryOfJudgementsEntry.OfstedThemeKind,
            t.Judgement?.ToString(),
            t.Judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel));
        return [.. recommendationLines, .. themeLines];
    }
}
