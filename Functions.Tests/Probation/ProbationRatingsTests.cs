using IrpFlows.Probation;

namespace IrpFlows.Tests.Probation;

/// <summary>Manual 7.1: ten standards, each scored 0–3; the total banded into the overall provider rating.</summary>
public sealed class ProbationRatingsTests
{
    [Theory]
    [InlineData(0, 0, 5, 5, ProbationRating.Inadequate)]           // 5
    [InlineData(0, 0, 6, 4, ProbationRating.RequiresImprovement)]  // 6
    [InlineData(0, 5, 5, 0, ProbationRating.RequiresImprovement)]  // 15
    [InlineData(0, 6, 4, 0, ProbationRating.Good)]                 // 16
    [InlineData(5, 5, 0, 0, ProbationRating.Good)]                 // 25
    [InlineData(6, 4, 0, 0, ProbationRating.Outstanding)]          // 26
    public void OverallRating_BandsTheTotalScore_AtTheManualsBoundaries(int outstanding, int good, int requiresImprovement, int inadequate, ProbationRating expected)
    {
        var standards = ProbationStandards.For(OrganisationType.Nps);
        var scale = Enumerable.Repeat(ProbationRating.Outstanding, outstanding).Concat(Enumerable.Repeat(ProbationRating.Good, good))
            .Concat(Enumerable.Repeat(ProbationRating.RequiresImprovement, requiresImprovement)).Concat(Enumerable.Repeat(ProbationRating.Inadequate, inadequate));
        var ratings = standards.Zip(scale).ToDictionary(p => p.First.Ref, p => p.Second);

        Assert.Equal(expected, ProbationStandards.Overall(standards, ratings));
    }

    [Fact]
    public void OverallRating_WaitsForEveryStandard()
    {
        var standards = ProbationStandards.For(OrganisationType.Crc);
        var nine = standards.Skip(1).ToDictionary(s => s.Ref, _ => ProbationRating.Good);

        Assert.Null(ProbationStandards.Overall(standards, nine));
        Assert.Equal(10, standards.Count);
    }
}
