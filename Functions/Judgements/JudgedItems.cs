using IrpFlows.Timeline;

namespace IrpFlows.Judgements;

/// <summary>A recommendation (or IRC concern) followed up at the visit, with HMI Prisons' judgement once it is made.</summary>
/// <param name="Recommendation">The item as announced.</param>
/// <param name="Judgement">Null until the team records a judgement; the summary then counts it as still to be judged.</param>
public sealed record JudgedRecommendation(Recommendation Recommendation, RecommendationJudgement? Judgement);

/// <summary>An Ofsted theme followed up at the visit, with Ofsted's judgement once it is made.</summary>
/// <param name="Theme">The theme as announced.</param>
/// <param name="Judgement">Null until Ofsted's judgement is recorded; the summary then counts it as still to be judged.</param>
public sealed record JudgedTheme(OfstedTheme Theme, ThemeJudgement? Judgement);
