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
