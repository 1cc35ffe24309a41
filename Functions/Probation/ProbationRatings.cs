namespace IrpFlows.Probation;

/// <summary>Manual 7.1: each standard is rated on a four-point scale.</summary>
public enum ProbationRating { Outstanding, Good, RequiresImprovement, Inadequate }

/// <summary>One of the ten standards an inspection rates, with its reference as the reports number it (1.1 … 3.2).</summary>
public sealed record ProbationStandard(string Ref, int Domain, string Title);

/// <summary>The ten standards (manual 7.1) and the overall provider rating their scores give.</summary>
public static class ProbationStandards
{
    /// <summary>
    /// Domain one (organisational delivery, manual 5.2: "Leadership, Staff, Services, and Information and Facilities") and domain
    /// two (case supervision, 6.1: assessing, planning, implementing and reviewing) for every provider; domain three is
    /// sector-specific (2.1, 4.4): court reports and allocation and victim work for the NPS, unpaid work and Through the Gate for CRCs.
    /// </summary>
    public static IReadOnlyList<ProbationStandard> For(OrganisationType type) =>
    [
        new("1.1", 1, "Leadership"),
        new("1.2", 1, "Staff"),
        new("1.3", 1, "Services"),
        new("1.4", 1, "Information and facilities"),
        new("2.1", 2, "Assessment"),
        new("2.2", 2, "Planning"),
        new("2.3", 2, "Implementation and delivery"),
        new("2.4", 2, "Reviewing"),
        .. type == OrganisationType.Nps
            ? new ProbationStandard[] { new("3.1", 3, "Court reports and case allocation"), new("3.2", 3, "Statutory victim work") }
            : [new("3.1", 3, "Unpaid work"), new("3.2", 3, "Through the Gate")],
    ];

    /// <summary>
    /// Manual 7.1: each standard scores 0 (inadequate) to 3 (outstanding); the total of the ten, 0–30, is banded: 0–5 inadequate,
    /// 6–15 requires improvement, 16–25 good, 26–30 outstanding. Null until every standard is rated.
    /// </summary>
    public static ProbationRating? Overall(IReadOnlyList<ProbationStandard> standards, IReadOnlyDictionary<string, ProbationRating> ratings)
    {
        if (!standards.All(s => ratings.ContainsKey(s.Ref))) return null;
        var total = standards.Sum(s => Score(ratings[s.Ref]));
        return total switch
        {
            <= 5 => ProbationRating.Inadequate,
            <= 15 => ProbationRating.RequiresImprovement,
            <= 25 => ProbationRating.Good,
            _ => ProbationRating.Outstanding,
        };
    }

    public static int Score(ProbationRating rating) => rating switch
    {
        ProbationRating.Inadequate => 0,
        ProbationRating.RequiresImprovement => 1,
        ProbationRating.Good => 2,
        ProbationRating.Outstanding => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>"Requires improvement": the rating as the reports print it.</summary>
    public static string Words(ProbationRating rating) => rating == ProbationRating.RequiresImprovement ? "Requires improvement" : rating.ToString();
}

/// <summary>
/// One key question of a domain two or three standard, as the case assessments answered it (7.1): in how many of the cases
/// inspected for it (its sub-sample, where one is used) the answer was "yes".
/// </summary>
public sealed record KeyQuestionResult(string Question, int Yes, int Cases)
{
    public decimal Percentage => Yes * 100m / Cases;
}

/// <summary>
/// Manual 7.1 and 7.2: a domain two or three standard's rating from its key questions' results, and whether the ratings panel
/// may use its discretion on it.
/// </summary>
public static class EvidenceRatings
{
    /// <summary>The bands' lower bounds (7.1): "Minority: &lt;50%", "Too few: 50-64%", "Reasonable majority: 65-79%", "Large majority: 80%+".</summary>
    private static readonly decimal[] Boundaries = [50m, 65m, 80m];

    /// <summary>
    /// 7.1: the band of a key question's percentage. The bands are whole percentages, so the percentage is compared unrounded
    /// with each band's lower bound: 64.9% is "too few", as it is under 65%.
    /// </summary>
    public static ProbationRating Band(decimal percentage) => percentage switch
    {
        >= 80m => ProbationRating.Outstanding,
        >= 65m => ProbationRating.Good,
        >= 50m => ProbationRating.RequiresImprovement,
        _ => ProbationRating.Inadequate,
    };

    /// <summary>7.1: "the rating is aligned to the lowest banding at the key question level".</summary>
    public static ProbationRating Rating(IReadOnlyList<KeyQuestionResult> questions) =>
        questions.Select(q => Band(q.Percentage)).MaxBy(Rank);

    /// <summary>
    /// 7.2: the panel may exercise discretion where a key question's percentage is "within five percentage points of the boundary or
    /// where a different judgement in one case would result in a change in rating": true when moving any one key question by five
    /// points, or by one case, either way, would change the standard's rating.
    /// </summary>
    public static bool NearABoundary(IReadOnlyList<KeyQuestionResult> questions)
    {
        var rating = Rating(questions);
        bool Changes(int index, decimal percentage) =>
            questions.Select((q, i) => Band(i == index ? percentage : q.Percentage)).MaxBy(Rank) != rating;
        // Within five points of a boundary, either side, whose crossing changes the rating: 60% and 85% are both five points away.
        bool Within(int index, decimal percentage) => Boundaries.Any(b =>
            (percentage < b && b - percentage <= 5m && Changes(index, b)) || (percentage >= b && percentage - b <= 5m && Changes(index, b - 0.01m)));
        return questions.Select((q, i) => (q, i)).Any(x =>
            Within(x.i, x.q.Percentage)
            || (x.q.Yes > 0 && Changes(x.i, (x.q.Yes - 1) * 100m / x.q.Cases))
            || (x.q.Yes < x.q.Cases && Changes(x.i, (x.q.Yes + 1) * 100m / x.q.Cases)));
    }

    // Worst first: Inadequate is the "lowest banding".
    private static int Rank(ProbationRating rating) => 3 - ProbationStandards.Score(rating);
}
