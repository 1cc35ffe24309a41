using System.Text.Json;
using IrpFlows.Calendar;
using IrpFlows.Irps.Judgements;
using static IrpFlows.Tests.Judgements.PublishedReports;
using R = IrpFlows.Irps.Judgements.RecommendationJudgement;
using T = IrpFlows.Irps.Judgements.ThemeJudgement;

namespace IrpFlows.Tests.Judgements;

public sealed class ReportSummaryTests
{
    [Fact]
    public void Elmley_CountsEveryJudgementOnBothScales_IncludingZeros()
    {
        var counts = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).Counts;

        Assert.Equal(
            [new("GoodProgress", 1), new("ReasonableProgress", 3), new("InsufficientProgress", 3), new("NoMeaningfulProgress", 0)],
            counts.Recommendations.ToList());
        Assert.Equal(
            [new("SignificantProgress", 0), new("ReasonableProgress", 4), new("InsufficientProgress", 0)],
            counts.Themes.ToList());
        Assert.Equal(0, counts.RecommendationsNotYetJudged);
        Assert.Equal(0, counts.ThemesNotYetJudged);
    }

    [Fact]
    public void Hull_CountsMatchTheKeyFindings_WithTheRecommendationInPartsCountedOnce()
    {
        var counts = ReportSummary.Build(HullRecommendations, HullThemes, HullSubject).Counts;

        Assert.Equal(9, counts.Recommendations.Values.Sum());
        Assert.Equal(2, counts.Recommendations["GoodProgress"]); // 1.34 (both parts) and 1.39
        Assert.Equal(3, counts.Recommendations["ReasonableProgress"]);
        Assert.Equal(4, counts.Recommendations["InsufficientProgress"]);
        Assert.Equal(0, counts.Recommendations["NoMeaningfulProgress"]);
        Assert.Equal(3, counts.Themes["ReasonableProgress"]);
    }

    [Fact]
    public void UnjudgedItems_AreCountedApart_NotUnderAnyJudgement()
    {
        var counts = ReportSummary.Build(Recommendations(R.GoodProgress, null, null), Themes(null, T.InsufficientProgress), ElmleySubject).Counts;

        Assert.Equal(1, counts.Recommendations.Values.Sum());
        Assert.Equal(2, counts.RecommendationsNotYetJudged);
        Assert.Equal(1, counts.Themes.Values.Sum());
        Assert.Equal(1, counts.ThemesNotYetJudged);
    }

    [Fact]
    public void Elmley_SummaryOfJudgements_FollowsSectionFour_RecommendationsThenThemes()
    {
        var lines = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).SummaryOfJudgements;

        Assert.Equal(
            [
                ("1.42", "Recommendation", "Insufficient progress"), ("1.43", "Recommendation", "Good progress"),
                ("1.44", "Recommendation", "Insufficient progress"), ("1.45", "Recommendation", "Reasonable progress"),
                ("1.46", "Recommendation", "Reasonable progress"), ("1.52", "Recommendation", "Insufficient progress"),
                ("1.51", "Recommendation", "Reasonable progress"),
                ("1.47", "OfstedTheme", "Reasonable progress"), ("1.48", "OfstedTheme", "Reasonable progress"),
                ("1.49", "OfstedTheme", "Reasonable progress"), ("1.50", "OfstedTheme", "Reasonable progress"),
            ],
            lines.Select(l => (l.Ref, l.Kind, l.JudgementLabel)));
        Assert.Equal(
            "Leaders should make sure that staff routinely switch on body-worn cameras during use of force incidents, and there is proper oversight of documentation.",
            lines[1].Text);
        Assert.Equal("GoodProgress", lines[1].Judgement);
    }

    [Fact]
    public void Hull_SummaryOfJudgements_ListsThePartsOf134AsEntriesOfTheirOwn_InSectionFoursOrder()
    {
        var lines = ReportSummary.Build(HullRecommendations, HullThemes, HullSubject).SummaryOfJudgements;

        Assert.Equal(HullSectionFour, lines.Select(l => (l.Ref, l.JudgementLabel)));
        var partA = lines[1];
        Assert.Equal("The number of times force is used should be reduced. When used it should be proportionate and undertaken safely.", partA.Text);
        Assert.Equal("GoodProgress", partA.Judgement);
        Assert.Equal("1.34", partA.PartOf);
        Assert.Equal("Recommendation", partA.Kind);
        Assert.Null(lines[0].PartOf);
    }

    [Fact]
    public void Hull_FollowedUp_ReproducesParagraph21_InItsConciseStyle()
    {
        var followedUp = ReportSummary.Build(HullRecommendations, HullThemes, HullSubject, KeyFindingsStyle.Concise).KeyFindings.FollowedUp;

        Assert.Equal(
            "At this IRP visit, we followed up nine recommendations from our most recent inspection in July 2021 and Ofsted followed up three themes based on their latest inspection or progress monitoring visit to the prison, whichever was most recent.",
            followedUp);
    }

    [Fact]
    public void Elmley_FollowedUp_NamesItsSevenRecommendationsAndTheMonthOfItsInspection()
    {
        var followedUp = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).KeyFindings.FollowedUp;

        // Elmley 2.1, in the exhaustive style that is the default.
        Assert.Equal("At this IRP visit, we followed up seven recommendations from our most recent inspection in March 2022 and Ofsted followed up four themes based on their latest inspection of the prison.", followedUp);
    }

    [Fact]
    public void FigureTwo_HasElmleysNote_WhenThemesWereFollowedUpWithinTheConcurrentVisit_AndNoneOtherwise()
    {
        // Elmley 2023 and Hull 2022, under figure 2.
        Assert.Equal("This pie chart excludes any recommendations that were followed up as part of a theme within Ofsted's concurrent prison monitoring visit.",
            ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).RecommendationsChartNote);
        Assert.Equal("", ReportSummary.Build(ElmleyRecommendations, [], ElmleySubject).RecommendationsChartNote);
        Assert.Equal("", ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).RecommendationsChartNote);
    }

    [Fact]
    public void SectionFour_OpensWithTheReportsSentence_NamingWhatWasFollowedUp()
    {
        // Elmley 2023 and Hull 2022, Section 4.
        Assert.Equal("A list of the HMI Prisons recommendations and Ofsted themes followed up at this visit and the judgements made.",
            ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).SummaryOfJudgementsIntro);
        Assert.Equal("A list of the HMI Prisons concerns followed up at this visit and the judgements made.",
            ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).SummaryOfJudgementsIntro);
        Assert.Equal("", ReportSummary.Build([], [], ElmleySubject).SummaryOfJudgementsIntro);
    }

    [Fact]
    public void NotablePositivePractice_SaysHowManyExamplesWereFound_AfterTheDefinition()
    {
        const string oversight = "Leaders' effective oversight of staff drawing and activating body-worn cameras was excellent. (See paragraph 3.7)";

        var elmley = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject, notablePositivePractice: [oversight]).NotablePositivePractice;
        var hull = ReportSummary.Build(HullRecommendations, HullThemes, HullSubject).NotablePositivePractice;
        var two = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject, notablePositivePractice: [oversight, "Another."]).NotablePositivePractice;

        // Elmley 2.4–2.6.
        Assert.Equal("We define notable positive practice as innovative work or practice that leads to particularly good outcomes from which other establishments may be able to learn. Inspectors look for evidence of good outcomes for prisoners; original, creative or particularly effective approaches to problem-solving or achieving the desired goal; and how other establishments could learn from or replicate the practice.",
            elmley.Definition);
        Assert.Equal("Inspectors found one example of notable positive practice during this independent review of progress.", elmley.Found);
        Assert.Equal([oversight], elmley.Examples);
        // Hull 2.4.
        Assert.Equal("Inspectors found no examples of notable positive practice during this independent review of progress.", hull.Found);
        Assert.Equal("Inspectors found two examples of notable positive practice during this independent review of progress.", two.Found);
        Assert.Contains("good outcomes for detainees", ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).NotablePositivePractice.Definition);
    }

    [Fact]
    public void JudgementDefinitions_AreTheGuideOfTheKind_WithOfstedsScaleOnlyWhenThemesWereFollowedUp()
    {
        var prison = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).Definitions;
        var irc = ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).Definitions;

        // Prison guide 10.1, least progress first as the guide lists them, and 11.1 for the themes.
        Assert.Equal("Prison guide 10.1 and 11.1", prison.Source);
        Assert.Equal(["NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress"], prison.Recommendations.Select(d => d.Judgement));
        Assert.Equal("Managers had implemented a realistic improvement strategy for this recommendation and had delivered a clear improvement in outcomes for prisoners.",
            prison.Recommendations[3].Definition);
        Assert.Equal(("Significant progress", "Progress has been rapid and is already having considerable beneficial impact on learners."),
            (prison.Themes[2].Label, prison.Themes[2].Definition));
        // IRC guide 4.1 words the same scale for leaders and detainees.
        Assert.Equal("IRC guide 4.1", irc.Source);
        Assert.Equal("Leaders had already implemented a realistic improvement strategy to address this concern and had delivered a clear improvement in outcomes for detainees.",
            irc.Recommendations[3].Definition);
        Assert.Empty(irc.Themes);
        Assert.Empty(ReportSummary.Build(ElmleyRecommendations, [], ElmleySubject).Definitions.Themes);
    }

    [Fact]
    public void Irc_FollowedUp_CountsConcerns_AndHasNoThemesClause()
    {
        var followedUp = ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).KeyFindings.FollowedUp;

        Assert.Equal("At this IRP visit, we followed up one concern from our most recent inspection in June 2024.", followedUp);
    }

    [Fact]
    public void Elmley_FigureTitles_NameTheInspectionMonth_AsFigures2And3Do()
    {
        var result = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject);

        Assert.Equal("Progress on HMI Prisons recommendations from March 2022 inspection (n=7)", result.RecommendationsChartTitle);
        Assert.Equal("Progress on Ofsted themes from March 2022 inspection (n=4)", result.ThemesChartTitle);
        Assert.Contains("Progress on Ofsted themes from March 2022 inspection (n=4)", result.ThemesChartSvg);
    }

    [Fact]
    public void Hull_FigureTwo_CountsNineRecommendations()
    {
        Assert.Equal("Progress on HMI Prisons recommendations from July 2021 inspection (n=9)",
            ReportSummary.Build(HullRecommendations, HullThemes, HullSubject).RecommendationsChartTitle);
    }

    [Fact]
    public void SummaryOfJudgements_ListsEachEntryUnderItsSectionFourHeading()
    {
        var elmley = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).SummaryOfJudgements;
        var irc = ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject).SummaryOfJudgements;

        Assert.Equal([.. Enumerable.Repeat("HMI Prisons recommendations", 7), .. Enumerable.Repeat("Ofsted themes", 4)], elmley.Select(l => l.Heading));
        Assert.Equal("HMI Prisons concerns", Assert.Single(irc).Heading);
    }

    [Fact]
    public void WelshPrison_ThemesAreEstyns_InEverySentenceHeadingAndTitle()
    {
        var welsh = ElmleySubject with { Nation = Nation.Wales };

        var result = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, welsh);

        Assert.Equal("Estyn judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes.",
            result.KeyFindings.Themes);
        Assert.Contains(" and Estyn followed up four themes ", result.KeyFindings.FollowedUp);
        Assert.Equal("Progress on Estyn themes from March 2022 inspection (n=4)", result.ThemesChartTitle);
        Assert.Equal("Estyn themes", result.SummaryOfJudgements[^1].Heading);
        Assert.DoesNotContain("Ofsted", string.Join(" ", result.KeyFindings.FollowedUp, result.KeyFindings.Themes, result.ThemesChartTitle, result.ThemesChartSvg,
            string.Join(" ", result.SummaryOfJudgements.Select(l => l.Heading))));
    }

    [Fact]
    public void SummaryOfJudgements_ShowsUnjudgedItemsAsNotYetJudged()
    {
        var line = Assert.Single(ReportSummary.Build(Recommendations((R?)null), [], ElmleySubject).SummaryOfJudgements);

        Assert.Null(line.Judgement);
        Assert.Equal("Not yet judged", line.JudgementLabel);
    }

    [Fact]
    public void ImmigrationIrp_ListsConcerns()
    {
        var result = ReportSummary.Build(Recommendations(R.GoodProgress), [], IrcSubject);

        Assert.Equal("Concern", Assert.Single(result.SummaryOfJudgements).Kind);
    }

    [Fact]
    public void Elmley_ChartData_RunsFromMostToLeastProgress_WithPercentagesAddingUpToOneHundred()
    {
        var result = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject);

        Assert.Equal(
            [
                new PieSlice("GoodProgress", "Good progress", 1, 14),
                new PieSlice("ReasonableProgress", "Reasonable progress", 3, 43),
                new PieSlice("InsufficientProgress", "Insufficient progress", 3, 43),
                new PieSlice("NoMeaningfulProgress", "No meaningful progress", 0, 0),
            ],
            result.RecommendationsChart);
        Assert.Equal(
            [
                new PieSlice("SignificantProgress", "Significant progress", 0, 0),
                new PieSlice("ReasonableProgress", "Reasonable progress", 4, 100),
                new PieSlice("InsufficientProgress", "Insufficient progress", 0, 0),
            ],
            result.ThemesChart);
    }

    [Fact]
    public void ChartPercentages_GiveTheRoundingPointToTheLargestRemainder()
    {
        // Hull: 2, 3 and 4 of 9 are 22.2%, 33.3% and 44.4%; rounding each would total 99.
        var hull = ReportSummary.Build(HullRecommendations, [], HullSubject).RecommendationsChart;
        // Three equal thirds: the first keeps the spare point.
        var thirds = ReportSummary.Build([], Themes(T.SignificantProgress, T.ReasonableProgress, T.InsufficientProgress), ElmleySubject).ThemesChart;

        Assert.Equal([22, 33, 45, 0], hull.Select(s => s.Percentage));
        Assert.Equal([34, 33, 33], thirds.Select(s => s.Percentage));
    }

    [Fact]
    public void ChartData_AddsANotYetJudgedSegment_WhenSomeItemsHaveNoJudgement()
    {
        var chart = ReportSummary.Build(Recommendations(R.GoodProgress, null, null, null), [], ElmleySubject).RecommendationsChart;

        Assert.Equal(new PieSlice("NotYetJudged", "Not yet judged", 3, 75), chart[^1]);
        Assert.Equal(5, chart.Count);
    }

    [Fact]
    public void NoThemesFollowedUp_GivesNoThemeChart_ButStillCountsTheScale()
    {
        var result = ReportSummary.Build(Recommendations(R.GoodProgress), [], ElmleySubject);

        Assert.Empty(result.ThemesChart);
        Assert.Equal(string.Empty, result.ThemesChartSvg);
        Assert.Equal(3, result.Counts.Themes.Count);
        Assert.All(result.Counts.Themes.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void Result_SerialisesToTheSummaryEndpointContract()
    {
        var json = JsonSerializer.SerializeToElement(
            ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.StartsWith("HMI Prisons judged", json.GetProperty("keyFindings").GetProperty("recommendations").GetString());
        Assert.StartsWith("Ofsted judged", json.GetProperty("keyFindings").GetProperty("themes").GetString());
        Assert.Equal(1, json.GetProperty("counts").GetProperty("recommendations").GetProperty("GoodProgress").GetInt32());
        Assert.Equal(4, json.GetProperty("counts").GetProperty("themes").GetProperty("ReasonableProgress").GetInt32());
        var first = json.GetProperty("summaryOfJudgements")[0];
        Assert.Equal("1.42", first.GetProperty("ref").GetString());
        Assert.Equal("InsufficientProgress", first.GetProperty("judgement").GetString());
        Assert.StartsWith("Investigations into incidents of violence", first.GetProperty("text").GetString());
    }

    [Fact]
    public void Build_RejectsMissingLists()
    {
        Assert.Throws<ArgumentNullException>(() => ReportSummary.Build(null!, [], ElmleySubject));
        Assert.Throws<ArgumentNullException>(() => ReportSummary.Build([], null!, ElmleySubject));
        Assert.Throws<ArgumentNullException>(() => ReportSummary.Build([], [], null!));
    }
}
