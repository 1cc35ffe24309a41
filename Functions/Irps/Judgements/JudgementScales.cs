namespace IrpFlows.Irps.Judgements;

/// <summary>
/// The two judgement scales as the API and the published reports spell them.
/// Parsing is ordinal and case-sensitive on the enum names the API documents ("GoodProgress"): anything else,
/// including other casing, surrounding spaces, numbers ("3") or a value from the other scale, is rejected so that
/// the HTTP layer can answer 400 naming the accepted values rather than guess.
/// </summary>
public static class JudgementScales
{
    /// <summary>Recommendation judgements from most to least progress: the order the reports' Key findings use.</summary>
    public static IReadOnlyList<RecommendationJudgement> RecommendationScale { get; } =
    [
        RecommendationJudgement.GoodProgress,
        RecommendationJudgement.ReasonableProgress,
        RecommendationJudgement.InsufficientProgress,
        RecommendationJudgement.NoMeaningfulProgress,
    ];

    /// <summary>Theme judgements from most to least progress: the order the reports' Key findings use.</summary>
    public static IReadOnlyList<ThemeJudgement> ThemeScale { get; } =
    [
        ThemeJudgement.SignificantProgress,
        ThemeJudgement.ReasonableProgress,
        ThemeJudgement.InsufficientProgress,
    ];

    /// <summary>Reads an API value such as <c>"GoodProgress"</c>; false for anything not spelled exactly so.</summary>
    public static bool TryParseRecommendationJudgement(string? value, out RecommendationJudgement judgement) =>
        TryParseExactName(value, RecommendationScale, out judgement);

    /// <summary>Reads an API value such as <c>"SignificantProgress"</c>; false for anything not spelled exactly so.</summary>
    public static bool TryParseThemeJudgement(string? value, out ThemeJudgement judgement) =>
        TryParseExactName(value, ThemeScale, out judgement);

    /// <summary>
    /// The judgement a recommendation in parts gets when its parts are counted as one (report section 2): the least progress
    /// any part made, so a count never says more progress was made on a recommendation than on every part of it. Local
    /// policy: neither guide says how a recommendation in parts is counted. Null while any part is not yet judged, or when
    /// there are no parts.
    /// </summary>
    public static RecommendationJudgement? LeastProgress(IEnumerable<RecommendationJudgement?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        RecommendationJudgement? least = null;
        foreach (var part in parts)
        {
            if (part is null) return null;
            least = least is null || part < least ? part : least; // the enum is declared from least to most progress
        }

        return least;
    }

    /// <summary>The judgement as it reads inside a sentence: "no meaningful progress".</summary>
    public static string ToDisplayText(this RecommendationJudgement judgement) => judgement switch
    {
        RecommendationJudgement.NoMeaningfulProgress => "no meaningful progress",
        RecommendationJudgement.InsufficientProgress => "insufficient progress",
        RecommendationJudgement.ReasonableProgress => "reasonable progress",
        RecommendationJudgement.GoodProgress => "good progress",
        _ => throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Not on the recommendation scale."),
    };

    /// <summary>The judgement as it reads inside a sentence: "significant progress".</summary>
    public static string ToDisplayText(this ThemeJudgement judgement) => judgement switch
    {
        ThemeJudgement.InsufficientProgress => "insufficient progress",
        ThemeJudgement.ReasonableProgress => "reasonable progress",
        ThemeJudgement.SignificantProgress => "significant progress",
        _ => throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Not on the theme scale."),
    };

    /// <summary>The judgement as a heading or chart label, as in the reports' Summary of judgements: "Good progress".</summary>
    public static string ToLabel(this RecommendationJudgement judgement) => Capitalise(judgement.ToDisplayText());

    /// <summary>The judgement as a heading or chart label, as in the reports' Summary of judgements: "Significant progress".</summary>
    public static string ToLabel(this ThemeJudgement judgement) => Capitalise(judgement.ToDisplayText());

    internal static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Enum.TryParse would also accept "3", "goodprogress" with ignoreCase, and comma lists; the API accepts names only.
    private static bool TryParseExactName<T>(string? value, IReadOnlyList<T> scale, out T judgement) where T : struct, Enum
    {
        foreach (var candidate in scale)
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.Ordinal))
            {
                judgement = candidate;
                return true;
            }
        }

        judgement = default;
        return false;
    }
}
