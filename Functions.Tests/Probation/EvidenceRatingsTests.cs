using IrpFlows.Probation;

namespace IrpFlows.Tests.Probation;

/// <summary>Manual 7.1 and 7.2: a standard rated from its key questions' results, and when the ratings panel may use its discretion.</summary>
public sealed class EvidenceRatingsTests
{
    private static KeyQuestionResult Question(int yes, int cases = 100) => new("Key question", yes, cases);

    [Theory]
    [InlineData(49, ProbationRating.Inadequate)]          // "Minority: <50%"
    [InlineData(50, ProbationRating.RequiresImprovement)] // "Too few: 50-64%"
    [InlineData(64, ProbationRating.RequiresImprovement)]
    [InlineData(65, ProbationRating.Good)]                // "Reasonable majority: 65-79%"
    [InlineData(79, ProbationRating.Good)]
    [InlineData(80, ProbationRating.Outstanding)]         // "Large majority: 80%+"
    public void EachBoundary_BandsAsTheManualSays(int percentage, ProbationRating band) => Assert.Equal(band, EvidenceRatings.Band(percentage));

    [Fact]
    public void AFractionJustUnderABoundary_IsTheBandBelow() =>
        Assert.Equal(ProbationRating.RequiresImprovement, EvidenceRatings.Rating([new("Engagement", 129, 199)])); // 64.8%

    [Fact]
    public void TheLowestKeyQuestion_DecidesTheStandard()
    {
        // 7.1's example: implementation and delivery, with one of its three key questions a reasonable majority, is good.
        Assert.Equal(ProbationRating.Good, EvidenceRatings.Rating([new("Engagement", 85, 100), new("Desistance", 70, 100), new("Keeping other people safe", 90, 100)]));
    }

    [Theory]
    [InlineData(60, true)]   // five points under 65%
    [InlineData(59, false)]  // six under, and one case (60%) would not cross
    [InlineData(85, true)]   // five points over 80%, as 60 is five under 65
    [InlineData(86, false)]
    [InlineData(66, true)]   // one point over 65%
    public void ALowestKeyQuestionNearABoundary_IsFlaggedForThePanel(int lowest, bool flagged) =>
        Assert.Equal(flagged, EvidenceRatings.NearABoundary([Question(lowest), Question(95)]));

    [Fact]
    public void OneCaseChangingTheRating_IsFlagged_EvenFarFromABoundaryInPoints()
    {
        // 7.2: "where a different judgement in one case would result in a change in rating": 9 of 13 is 69.2%, 8 of 13 is 61.5%.
        Assert.True(EvidenceRatings.NearABoundary([new("Sub-sample", 9, 13), Question(95)]));
        Assert.False(EvidenceRatings.NearABoundary([Question(72), Question(95)]));
    }
}
