using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Judgements;
using static IrpFlows.Tests.Judgements.PublishedReports;
using R = IrpFlows.Irps.Judgements.RecommendationJudgement;

namespace IrpFlows.Tests.Judgements;

/// <summary>A recommendation in lettered parts: each part judged and listed, the recommendation counted once.</summary>
public sealed class RecommendationPartsTests
{
    private static JudgedRecommendation UseOfForce(R? a, R? b) =>
        JudgedRecommendation.For(HullUseOfForce, reference => reference switch { "1.34a" => a, "1.34b" => b, _ => null });

    [Theory]
    [InlineData(R.GoodProgress, R.GoodProgress, R.GoodProgress)]
    [InlineData(R.GoodProgress, R.ReasonableProgress, R.ReasonableProgress)]
    [InlineData(R.InsufficientProgress, R.GoodProgress, R.InsufficientProgress)]
    [InlineData(R.NoMeaningfulProgress, R.ReasonableProgress, R.NoMeaningfulProgress)]
    public void PartsJudgedDifferently_CountAsTheLeastProgressAnyPartMade(R a, R b, R counted)
    {
        Assert.Equal(counted, UseOfForce(a, b).Judgement);
    }

    [Fact]
    public void APartNotYetJudged_LeavesTheRecommendationStillToBeJudged_WhileTheJudgedPartIsListed()
    {
        var summary = ReportSummary.Build([UseOfForce(R.GoodProgress, null)], [], ElmleySubject);

        Assert.Equal("One recommendation is still to be judged.", summary.KeyFindings.Recommendations);
        Assert.Equal([("1.34a", "Good progress"), ("1.34b", "Not yet judged")], summary.SummaryOfJudgements.Select(l => (l.Ref, l.JudgementLabel)));
    }

    [Fact]
    public void DifferentJudgements_AreListedPartByPart_AndCountedOnceAtTheLeast()
    {
        var summary = ReportSummary.Build([UseOfForce(R.GoodProgress, R.InsufficientProgress), Recommendation("1.39", "Text.", R.GoodProgress)], [], ElmleySubject, KeyFindingsStyle.Concise);

        Assert.Equal("HMI Prisons judged that there was good progress in one recommendation and insufficient progress in one recommendation.",
            summary.KeyFindings.Recommendations);
        Assert.Equal(["Good progress", "Insufficient progress", "Good progress"], summary.SummaryOfJudgements.Select(l => l.JudgementLabel));
    }

    [Fact]
    public void ARecommendationWithoutParts_IsJudgedByItsOwnRef()
    {
        var judged = JudgedRecommendation.For(new Recommendation("1.39", "Public protection", "Text."), r => r == "1.39" ? R.GoodProgress : null);

        Assert.Equal(R.GoodProgress, judged.Judgement);
        Assert.Empty(judged.Parts);
        Assert.Equal(["1.39"], judged.Recommendation.JudgedRefs());
        Assert.Equal(["1.34a", "1.34b"], HullUseOfForce.JudgedRefs());
    }

    [Fact]
    public void LeastProgress_OfNoParts_IsNoJudgement()
    {
        Assert.Null(JudgementScales.LeastProgress([]));
    }
}
