using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Judgements;

/// <summary>
/// Builds the report sections that follow from the judgements alone: Key findings sentences and pie charts
/// (section 2) and the Summary of judgements (section 4). Pure: the same judgements always give the same text.
/// </summary>
public static class ReportSummary
{
    /// <summary>
    /// The Key findings wording used when none is asked for, by the API and by every caller: HMP Elmley's (2023), the newer
    /// published report, which names every judgement on the scale once everything is judged.
    /// </summary>
    public const KeyFindingsStyle DefaultStyle = KeyFindingsStyle.Exhaustive;

    /// <summary>
    /// Summarises the judgements made so far. Items without a judgement are never dropped or guessed: the sentences
    /// say how many are still to be judged, counts report them separately and charts show a "Not yet judged" segment.
    /// </summary>
    /// <param name="recommendations">Recommendations followed up (concerns for an IRC), in the report's order.</param>
    /// <param name="themes">Ofsted (Estyn) themes followed up, in the report's order; may be empty.</param>
    /// <param name="subject">The IRP the report is about: its kind, nation and the month of the inspection followed up.</param>
    /// <param name="style">Key findings wording; <see cref="DefaultStyle"/> unless a report calls for the other.</param>
    /// <param name="notablePositivePractice">The examples of notable positive practice the inspectors found, if any.</param>
    public static ReportSummaryResult Build(
        IReadOnlyList<JudgedRecommendation> recommendations,
        IReadOnlyList<JudgedTheme> themes,
        ReportSubject subject,
        KeyFindingsStyle style = DefaultStyle,
        IReadOnlyList<string>? notablePositivePractice = null)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(subject);

        var recommendationItems = TallyRecommendations(recommendations, subject.Kind == IrpKind.Immigration);
        var themeItems = TallyThemes(themes, subject.ThemesJudgedBy);

        var recommendationSlices = PieChart.Slices(recommendationItems);
        var themeSlices = PieChart.Slices(themeItems);
        var recommendationsTitle = ChartTitle(recommendationItems, subject);
        var themesTitle = ChartTitle(themeItems, subject);

        return new ReportSummaryResult(
            new KeyFindings(
                FollowedUp(recommendationItems, themeItems, subject, style),
                KeyFindingsWriter.Write(recommendationItems, style),
                KeyFindingsWriter.Write(themeItems, style)),
            new JudgementCounts(
                recommendationItems.Tallies.ToDictionary(t => t.Name, t => t.Count),
                themeItems.Tallies.ToDictionary(t => t.Name, t => t.Count),
                recommendationItems.NotYetJudged,
                themeItems.NotYetJudged),
            SummaryLines(recommendations, themes, subject, recommendationItems.Heading, themeItems.Heading),
            recommendationSlices,
            themeSlices,
            recommendationsTitle,
            themesTitle,
            PieChartSvg.Render(recommendationSlices, recommendationsTitle, "recommendations-chart"),
            PieChartSvg.Render(themeSlices, themesTitle, "themes-chart"))
        {
            RecommendationsChartNote = themeItems.Total == 0 || recommendationItems.Total == 0 ? "" : ChartNote(recommendationItems, themeItems),
            NotablePositivePractice = NotablePositivePracticeSection.For(notablePositivePractice ?? [], subject.Kind),
            SummaryOfJudgementsIntro = recommendationItems.Total == 0 && themeItems.Total == 0 ? "" : SummaryIntro(recommendationItems, themeItems),
            Definitions = JudgementDefinitions.For(subject.Kind, withThemes: themeItems.Total > 0),
        };
    }

    /// <summary>
    /// Paragraph 2.1, in the style's report: "At this IRP visit, we followed up seven recommendations from our most recent
    /// inspection in March 2022 and Ofsted followed up four themes based on their latest inspection of the prison." (HMP Elmley,
    /// 2023; exhaustive), or "… based on their latest inspection or progress monitoring visit to the prison, whichever was most
    /// recent." (HMP Hull, 2022; concise). Empty when nothing was followed up.
    /// </summary>
    private static string FollowedUp(TalliedItems recommendations, TalliedItems themes, ReportSubject subject, KeyFindingsStyle style)
    {
        if (recommendations.Total == 0)
        {
            return string.Empty;
        }

        var sentence = $"At this IRP visit, we followed up {recommendations.Counted(recommendations.Total)} from our most recent inspection in {subject.InspectionMonth}";
        var basis = style == KeyFindingsStyle.Exhaustive
            ? "based on their latest inspection of the prison."
            : "based on their latest inspection or progress monitoring visit to the prison, whichever was most recent.";
        return themes.Total == 0 ? sentence + "." : sentence + $" and {themes.JudgedBy} followed up {themes.Counted(themes.Total)} {basis}";
    }

    /// <summary>
    /// The note under figure 2 when themes were followed up too (HMP Elmley 2023 and HMP Hull 2022): "This pie chart excludes any
    /// recommendations that were followed up as part of a theme within Ofsted's concurrent prison monitoring visit."
    /// </summary>
    private static string ChartNote(TalliedItems recommendations, TalliedItems themes) =>
        $"This pie chart excludes any {recommendations.Plural} that were followed up as part of a theme within {themes.JudgedBy}'s concurrent prison monitoring visit.";

    /// <summary>
    /// Section 4's opening sentence (HMP Elmley 2023, HMP Hull 2022): "A list of the HMI Prisons recommendations and Ofsted themes
    /// followed up at this visit and the judgements made."
    /// </summary>
    private static string SummaryIntro(TalliedItems recommendations, TalliedItems themes)
    {
        var lists = new[] { recommendations.Total > 0 ? recommendations.Heading : null, themes.Total > 0 ? themes.Heading : null }.OfType<string>();
        return $"A list of the {string.Join(" and ", lists)} followed up at this visit and the judgements made.";
    }

    /// <summary>Figures 2 and 3: "Progress on HMI Prisons recommendations from March 2022 inspection (n=7)" (HMP Elmley, 2023).</summary>
    private static string ChartTitle(TalliedItems items, ReportSubject subject) =>
        $"Progress on {items.Heading} from {subject.InspectionMonth} inspection (n={items.Total})";

    private static TalliedItems TallyRecommendations(IReadOnlyList<JudgedRecommendation> recommendations, bool isImmigration)
    {
        var tallies = JudgementScales.RecommendationScale
            .Select(j => new JudgementTally(j.ToString(), j.ToLabel(), j.ToDisplayText(), recommendations.Count(r => r.Judgement == j)))
            .ToList();
        var (singular, plural) = isImmigration ? ("concern", "concerns") : ("recommendation", "recommendations");
        return new TalliedItems("HMI Prisons", singular, plural, tallies, recommendations.Count(r => r.Judgement is null));
    }

    private static TalliedItems TallyThemes(IReadOnlyList<JudgedTheme> themes, string judgedBy)
    {
        var tallies = JudgementScales.ThemeScale
            .Select(j => new JudgementTally(j.ToString(), j.ToLabel(), j.ToDisplayText(), themes.Count(t => t.Judgement == j)))
            .ToList();
        return new TalliedItems(judgedBy, "theme", "themes", tallies, themes.Count(t => t.Judgement is null));
    }

    private static List<SummaryOfJudgementsEntry> SummaryLines(IReadOnlyList<JudgedRecommendation> recommendations,
        IReadOnlyList<JudgedTheme> themes, ReportSubject subject, string recommendationsHeading, string themesHeading)
    {
        var recommendationKind = subject.Kind == IrpKind.Immigration ? SummaryOfJudgementsEntry.ConcernKind : SummaryOfJudgementsEntry.RecommendationKind;
        // A recommendation in parts is listed part by part, each with its own text and judgement (HMP Hull 2022, Section 4).
        var recommendationLines = recommendations.SelectMany(r => r.Parts.Count == 0
            ? [Line(r.Recommendation.Ref, r.Recommendation.Text, r.Judgement) with { Concern = r.Recommendation.Concern, HmppsResponse = r.Recommendation.HmppsResponseText }]
            : r.Parts.Select(p => Line(p.Part.Ref, p.Part.Text, p.Judgement) with
                { PartOf = r.Recommendation.Ref, Concern = r.Recommendation.Concern, HmppsResponse = r.Recommendation.HmppsResponseText }));
        var themeLines = themes.Select(t => new SummaryOfJudgementsEntry(
            t.Theme.Ref,
            t.Theme.Text,
            SummaryOfJudgementsEntry.OfstedThemeKind,
            t.Judgement?.ToString(),
            t.Judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel,
            themesHeading));
        return [.. recommendationLines, .. themeLines];

        SummaryOfJudgementsEntry Line(string reference, string text, RecommendationJudgement? judgement) =>
            new(reference, text, recommendationKind, judgement?.ToString(), judgement?.ToLabel() ?? JudgementTally.NotYetJudgedLabel, recommendationsHeading);
    }
}
