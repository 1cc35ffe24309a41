using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps.Judgements;

/// <summary>One judgement and what it means, as the guide defines it.</summary>
/// <param name="Judgement">The API name, e.g. "ReasonableProgress".</param>
/// <param name="Label">As the report prints it: "Reasonable progress".</param>
public sealed record JudgementDefinition(string Judgement, string Label, string Definition);

/// <summary>
/// What each judgement means, for the judgements form and the report's methodology (Appendix I), of the kind the IRP is:
/// the prison guide's 10.1, the IRC guide's 4.1 (its own wording, of leaders and detainees), and for themes the prison guide's 11.1.
/// </summary>
/// <param name="Source">The paragraphs the definitions are quoted from.</param>
/// <param name="Themes">Empty when no themes were followed up.</param>
public sealed record JudgementDefinitions(string Source, IReadOnlyList<JudgementDefinition> Recommendations, IReadOnlyList<JudgementDefinition> Themes)
{
    /// <summary>The definitions for an IRP of <paramref name="kind"/> that follows up themes or not, least progress first, as the guides list them.</summary>
    public static JudgementDefinitions For(IrpKind kind, bool withThemes) => kind == IrpKind.Immigration
        ? new("IRC guide 4.1", Define(Detention), [])
        : new(withThemes ? "Prison guide 10.1 and 11.1" : "Prison guide 10.1", Define(Prison), withThemes ? Define(OfstedThemes) : []);

    private static List<JudgementDefinition> Define<T>(IEnumerable<(T Judgement, string Definition)> definitions) where T : struct, Enum =>
        definitions.Select(d => new JudgementDefinition(d.Judgement.ToString(), Label(d.Judgement), d.Definition)).ToList();

    private static string Label<T>(T judgement) where T : struct, Enum => judgement switch
    {
        RecommendationJudgement r => r.ToLabel(),
        ThemeJudgement t => t.ToLabel(),
        _ => throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Not a judgement."),
    };

    // Prison guide 10.1.
    private static readonly (RecommendationJudgement, string)[] Prison =
    [
        (RecommendationJudgement.NoMeaningfulProgress, "Managers had not formulated, resourced or begun to implement a realistic improvement strategy for this recommendation."),
        (RecommendationJudgement.InsufficientProgress, "Managers had begun to implement a realistic improvement strategy for this recommendation, but the actions taken since our inspection had not yet resulted in sufficient evidence of progress (for example, better and embedded systems or processes)."),
        (RecommendationJudgement.ReasonableProgress, "Managers were implementing a realistic improvement strategy for this recommendation and there was evidence of progress (for example, better and embedded systems and processes) and/or early evidence of some improving outcomes for prisoners."),
        (RecommendationJudgement.GoodProgress, "Managers had implemented a realistic improvement strategy for this recommendation and had delivered a clear improvement in outcomes for prisoners."),
    ];

    // IRC guide 4.1: the same scale, worded for leaders, concerns and detainees.
    private static readonly (RecommendationJudgement, string)[] Detention =
    [
        (RecommendationJudgement.NoMeaningfulProgress, "Leaders had not formulated, resourced or begun to implement a realistic improvement strategy to address this concern."),
        (RecommendationJudgement.InsufficientProgress, "Leaders had begun to implement a realistic improvement strategy (for example, with better and embedded systems and processes), but detainee outcomes were improving too slowly or had not improved at all."),
        (RecommendationJudgement.ReasonableProgress, "Leaders were implementing a realistic improvement strategy, with evidence of sustainable progress and some early improvement in outcomes for detainees."),
        (RecommendationJudgement.GoodProgress, "Leaders had already implemented a realistic improvement strategy to address this concern and had delivered a clear improvement in outcomes for detainees."),
    ];

    // Prison guide 11.1: Ofsted's monitoring-visit judgements.
    private static readonly (ThemeJudgement, string)[] OfstedThemes =
    [
        (ThemeJudgement.InsufficientProgress, "Progress has been either slow or insubstantial or both, and the demonstrable impact on learners has been negligible."),
        (ThemeJudgement.ReasonableProgress, "Action taken by the provider is already having a beneficial impact on learners and improvements are sustainable and are based on the provider's thorough quality assurance procedures."),
        (ThemeJudgement.SignificantProgress, "Progress has been rapid and is already having considerable beneficial impact on learners."),
    ];
}
