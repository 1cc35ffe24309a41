using IrpFlows.Irps.Judgements;
using static IrpFlows.Tests.Judgements.PublishedReports;
using R = IrpFlows.Irps.Judgements.RecommendationJudgement;
using T = IrpFlows.Irps.Judgements.ThemeJudgement;

namespace IrpFlows.Tests.Judgements;

public sealed class KeyFindingsTests
{
    [Fact]
    public void Elmley_ExhaustiveStyle_ReproducesThePublishedSentences()
    {
        var keyFindings = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject, KeyFindingsStyle.Exhaustive).KeyFindings;

        // Elmley 2.2: "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in three
        // recommendations, insufficient progress in three recommendations and no meaningful progress in none of the recommendations."
        Assert.Equal(
            "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in three recommendations, insufficient progress in three recommendations and no meaningful progress in none of the recommendations.",
            keyFindings.Recommendations);
        // Elmley 2.3: "Ofsted judged that there was significant progress in none of the themes, reasonable progress in four
        // themes and insufficient progress in none of the themes."
        Assert.Equal(
            "Ofsted judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes.",
            keyFindings.Themes);
    }

    [Fact]
    public void Hull_ConciseStyle_ReproducesThePublishedSentences()
    {
        var keyFindings = ReportSummary.Build(HullRecommendations, HullThemes, HullSubject, KeyFindingsStyle.Concise).KeyFindings;

        // Hull 2.2: "HMI Prisons judged that there was good progress in two recommendations, reasonable progress in three
        // recommendations and insufficient progress in four recommendations."
        Assert.Equal(
            "HMI Prisons judged that there was good progress in two recommendations, reasonable progress in three recommendations and insufficient progress in four recommendations.",
            keyFindings.Recommendations);
        // Hull, below figure 2: "Ofsted judged that there was reasonable progress in all three themes."
        Assert.Equal("Ofsted judged that there was reasonable progress in all three themes.", keyFindings.Themes);
    }

    [Fact]
    public void Concise_LeavesOutUnusedJudgements_AndSaysAllWhenOneJudgementCoversEveryItem()
    {
        var keyFindings = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject, KeyFindingsStyle.Concise).KeyFindings;

        Assert.Equal(
            "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in three recommendations and insufficient progress in three recommendations.",
            keyFindings.Recommendations);
        Assert.Equal("Ofsted judged that there was reasonable progress in all four themes.", keyFindings.Themes);
    }

    [Fact]
    public void TheDefaultStyle_IsElmleysExhaustiveWording_TheSameForTheApiAndForEveryOtherCaller()
    {
        Assert.Equal(KeyFindingsStyle.Exhaustive, ReportSummary.DefaultStyle);
        Assert.Equal(
            ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject, KeyFindingsStyle.Exhaustive).KeyFindings,
            ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).KeyFindings);
    }

    [Fact]
    public void CountsOfOne_AreSingular_AndListedFromMostToLeastProgress()
    {
        var keyFindings = ReportSummary.Build(
            Recommendations(R.NoMeaningfulProgress, R.InsufficientProgress, R.GoodProgress, R.ReasonableProgress),
            Themes(T.InsufficientProgress, T.SignificantProgress, T.ReasonableProgress), ElmleySubject, KeyFindingsStyle.Concise).KeyFindings;

        Assert.Equal(
            "HMI Prisons judged that there was good progress in one recommendation, reasonable progress in one recommendation, insufficient progress in one recommendation and no meaningful progress in one recommendation.",
            keyFindings.Recommendations);
        Assert.Equal(
            "Ofsted judged that there was significant progress in one theme, reasonable progress in one theme and insufficient progress in one theme.",
            keyFindings.Themes);
    }

    [Fact]
    public void ASingleItem_IsOneRecommendation_NotAllOne()
    {
        var keyFindings = ReportSummary.Build(Recommendations(R.GoodProgress), Themes(T.SignificantProgress), ElmleySubject, KeyFindingsStyle.Concise).KeyFindings;

        Assert.Equal("HMI Prisons judged that there was good progress in one recommendation.", keyFindings.Recommendations);
        Assert.Equal("Ofsted judged that there was significant progress in one theme.", keyFindings.Themes);
    }

    [Fact]
    public void TwoCategories_AreJoinedWithAndAlone()
    {
        var keyFindings = ReportSummary.Build(Recommendations(R.InsufficientProgress, R.NoMeaningfulProgress, R.NoMeaningfulProgress), [], ElmleySubject, KeyFindingsStyle.Concise).KeyFindings;

        Assert.Equal(
            "HMI Prisons judged that there was insufficient progress in one recommendation and no meaningful progress in two recommendations.",
            keyFindings.Recommendations);
    }

    [Theory]
    [InlineData(20, "HMI Prisons judged that there was insufficient progress in all twenty recommendations.")]
    [InlineData(21, "HMI Prisons judged that there was insufficient progress in all 21 recommendations.")]
    public void Counts_AreWordsUpToTwenty_ThenDigits(int count, string expected)
    {
        var recommendations = Recommendations(Enumerable.Repeat<R?>(R.InsufficientProgress, count).ToArray());

        Assert.Equal(expected, ReportSummary.Build(recommendations, [], ElmleySubject, KeyFindingsStyle.Concise).KeyFindings.Recommendations);
    }

    [Theory]
    [InlineData(KeyFindingsStyle.Exhaustive)]
    [InlineData(KeyFindingsStyle.Concise)]
    public void NothingJudgedYet_SaysHowManyAreStillToBeJudged_AndClaimsNoJudgement(KeyFindingsStyle style)
    {
        var keyFindings = ReportSummary.Build(Recommendations(null, null, null, null, null, null, null), Themes((T?)null), ElmleySubject, style).KeyFindings;

        Assert.Equal("Seven recommendations are still to be judged.", keyFindings.Recommendations);
        Assert.Equal("One theme is still to be judged.", keyFindings.Themes);
    }

    [Theory]
    [InlineData(KeyFindingsStyle.Exhaustive)]
    [InlineData(KeyFindingsStyle.Concise)]
    public void PartlyJudged_ReportsTheJudgedOnes_ThenHowManyRemain_WithoutSayingAllOrNone(KeyFindingsStyle style)
    {
        var keyFindings = ReportSummary.Build(
            Recommendations(R.ReasonableProgress, null, R.ReasonableProgress, R.ReasonableProgress, null),
            Themes(T.ReasonableProgress, null), ElmleySubject, style).KeyFindings;

        // Not "good progress in none of the recommendations": two are not judged yet, and may yet be.
        Assert.Equal(
            "HMI Prisons judged that there was reasonable progress in three recommendations. Two recommendations are still to be judged.",
            keyFindings.Recommendations);
        Assert.Equal("Ofsted judged that there was reasonable progress in one theme. One theme is still to be judged.", keyFindings.Themes);
    }

    [Fact]
    public void Exhaustive_NamesTheUnusedJudgements_OnlyOnceEverythingIsJudged()
    {
        var partly = ReportSummary.Build(Recommendations(R.GoodProgress, null), [], ElmleySubject, KeyFindingsStyle.Exhaustive).KeyFindings;
        var fully = ReportSummary.Build(Recommendations(R.GoodProgress, R.GoodProgress), [], ElmleySubject, KeyFindingsStyle.Exhaustive).KeyFindings;

        Assert.Equal("HMI Prisons judged that there was good progress in one recommendation. One recommendation is still to be judged.",
            partly.Recommendations);
        Assert.Equal(
            "HMI Prisons judged that there was good progress in two recommendations, reasonable progress in none of the recommendations, insufficient progress in none of the recommendations and no meaningful progress in none of the recommendations.",
            fully.Recommendations);
    }

    [Fact]
    public void ImmigrationIrp_CallsItsItemsConcerns()
    {
        var mixed = ReportSummary.Build(
            Recommendations(R.GoodProgress, R.InsufficientProgress, R.GoodProgress, null), [], IrcSubject, KeyFindingsStyle.Concise).KeyFindings;
        var uniform = ReportSummary.Build(
            Recommendations(R.ReasonableProgress, R.ReasonableProgress, R.ReasonableProgress), [], IrcSubject, KeyFindingsStyle.Concise).KeyFindings;

        Assert.Equal(
            "HMI Prisons judged that there was good progress in two concerns and insufficient progress in one concern. One concern is still to be judged.",
            mixed.Recommendations);
        Assert.Equal("HMI Prisons judged that there was reasonable progress in all three concerns.", uniform.Recommendations);
    }

    [Fact]
    public void NoThemesFollowedUp_LeavesTheThemesSentenceEmpty()
    {
        var keyFindings = ReportSummary.Build(Recommendations(R.GoodProgress), [], ElmleySubject).KeyFindings;

        Assert.Equal(string.Empty, keyFindings.Themes);
    }

    [Fact]
    public void NothingFollowedUp_LeavesBothSentencesEmpty()
    {
        var keyFindings = ReportSummary.Build([], [], ElmleySubject).KeyFindings;

        Assert.Equal(new KeyFindings(string.Empty, string.Empty, string.Empty), keyFindings);
    }
}
