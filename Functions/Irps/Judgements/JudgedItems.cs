using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Judgements;

/// <summary>A recommendation (or IRC concern) followed up at the visit, with HMI Prisons' judgement once it is made.</summary>
/// <param name="Recommendation">The item as announced.</param>
/// <param name="Judgement">
/// Null until the team records a judgement; the summary then counts it as still to be judged. For a recommendation in parts,
/// the judgement its parts roll up to (see <see cref="FromParts"/>).
/// </param>
public sealed record JudgedRecommendation(Recommendation Recommendation, RecommendationJudgement? Judgement)
{
    /// <summary>The judged parts of a recommendation in lettered parts, in order; empty for one judged as a whole.</summary>
    public IReadOnlyList<JudgedPart> Parts { get; init; } = [];

    /// <summary>
    /// A recommendation with its judgement looked up by ref: its own, or, when it has parts, each part's and the roll-up of
    /// them (<see cref="JudgementScales.LeastProgress"/>).
    /// </summary>
    public static JudgedRecommendation For(Recommendation recommendation, Func<string, RecommendationJudgement?> judgementOf)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(judgementOf);
        return recommendation.Parts.Count == 0
            ? new JudgedRecommendation(recommendation, judgementOf(recommendation.Ref))
            : FromParts(recommendation, recommendation.Parts.Select(p => new JudgedPart(p, judgementOf(p.Ref))).ToList());
    }

    /// <summary>
    /// A recommendation judged through its parts: the Key findings count it once, with the least progress any part made, and
    /// only once every part is judged (HMP Hull 2022 counts 1.34, both parts good progress, as one good-progress recommendation).
    /// </summary>
    public static JudgedRecommendation FromParts(Recommendation recommendation, IReadOnlyList<JudgedPart> parts) =>
        new(recommendation, JudgementScales.LeastProgress(parts.Select(p => p.Judgement))) { Parts = parts };
}

/// <summary>A lettered part of a recommendation with its own judgement, listed on its own in the Summary of judgements.</summary>
/// <param name="Judgement">Null until the team records a judgement for the part.</param>
public sealed record JudgedPart(RecommendationPart Part, RecommendationJudgement? Judgement);

/// <summary>An Ofsted (or, in Wales, Estyn) theme followed up at the visit, with the inspectorate's judgement once it is made.</summary>
/// <param name="Theme">The theme as announced.</param>
/// <param name="Judgement">Null until the judgement is recorded; the summary then counts it as still to be judged.</param>
public sealed record JudgedTheme(OfstedTheme Theme, ThemeJudgement? Judgement);
