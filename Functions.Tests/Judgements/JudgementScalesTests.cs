using IrpFlows.Irps.Judgements;

namespace IrpFlows.Tests.Judgements;

public sealed class JudgementScalesTests
{
    [Theory]
    [InlineData("NoMeaningfulProgress", RecommendationJudgement.NoMeaningfulProgress)]
    [InlineData("InsufficientProgress", RecommendationJudgement.InsufficientProgress)]
    [InlineData("ReasonableProgress", RecommendationJudgement.ReasonableProgress)]
    [InlineData("GoodProgress", RecommendationJudgement.GoodProgress)]
    public void RecommendationJudgement_ParsesFromItsApiName(string value, RecommendationJudgement expected)
    {
        Assert.True(JudgementScales.TryParseRecommendationJudgement(value, out var judgement));
        Assert.Equal(expected, judgement);
    }

    [Theory]
    [InlineData("InsufficientProgress", ThemeJudgement.InsufficientProgress)]
    [InlineData("ReasonableProgress", ThemeJudgement.ReasonableProgress)]
    [InlineData("SignificantProgress", ThemeJudgement.SignificantProgress)]
    public void ThemeJudgement_ParsesFromItsApiName(string value, ThemeJudgement expected)
    {
        Assert.True(JudgementScales.TryParseThemeJudgement(value, out var judgement));
        Assert.Equal(expected, judgement);
    }

    [Theory]
    [InlineData("SignificantProgress")] // the theme scale's top, not the recommendation scale's
    [InlineData("goodprogress")]
    [InlineData("GOODPROGRESS")]
    [InlineData("Good progress")]
    [InlineData(" GoodProgress")]
    [InlineData("3")]
    [InlineData("GoodProgress,ReasonableProgress")]
    [InlineData("")]
    [InlineData(null)]
    public void RecommendationJudgement_RejectsAnythingButAnExactName(string? value)
    {
        Assert.False(JudgementScales.TryParseRecommendationJudgement(value, out _));
    }

    [Theory]
    [InlineData("GoodProgress")]
    [InlineData("NoMeaningfulProgress")]
    [InlineData("significantProgress")]
    [InlineData("0")]
    [InlineData(null)]
    public void ThemeJudgement_RejectsAnythingButAnExactName(string? value)
    {
        Assert.False(JudgementScales.TryParseThemeJudgement(value, out _));
    }

    [Theory]
    [InlineData(RecommendationJudgement.NoMeaningfulProgress, "no meaningful progress", "No meaningful progress")]
    [InlineData(RecommendationJudgement.InsufficientProgress, "insufficient progress", "Insufficient progress")]
    [InlineData(RecommendationJudgement.ReasonableProgress, "reasonable progress", "Reasonable progress")]
    [InlineData(RecommendationJudgement.GoodProgress, "good progress", "Good progress")]
    public void RecommendationJudgement_ReadsAsTheGuideWordsIt(RecommendationJudgement judgement, string displayText, string label)
    {
        Assert.Equal(displayText, judgement.ToDisplayText());
        Assert.Equal(label, judgement.ToLabel());
    }

    [Theory]
    [InlineData(ThemeJudgement.InsufficientProgress, "insufficient progress", "Insufficient progress")]
    [InlineData(ThemeJudgement.ReasonableProgress, "reasonable progress", "Reasonable progress")]
    [InlineData(ThemeJudgement.SignificantProgress, "significant progress", "Significant progress")]
    public void ThemeJudgement_ReadsAsTheGuideWordsIt(ThemeJudgement judgement, string displayText, string label)
    {
        Assert.Equal(displayText, judgement.ToDisplayText());
        Assert.Equal(label, judgement.ToLabel());
    }

    [Fact]
    public void Scales_RunFromMostToLeastProgress_AndCoverEveryValue()
    {
        Assert.Equal(
            [RecommendationJudgement.GoodProgress, RecommendationJudgement.ReasonableProgress, RecommendationJudgement.InsufficientProgress, RecommendationJudgement.NoMeaningfulProgress],
            JudgementScales.RecommendationScale);
        Assert.Equal(
            [ThemeJudgement.SignificantProgress, ThemeJudgement.ReasonableProgress, ThemeJudgement.InsufficientProgress],
            JudgementScales.ThemeScale);
    }
}
