namespace IrpFlows.Irps.Judgements;

/// <summary>
/// HMI Prisons' progress judgement on one recommendation (prison guide 10.1) or concern (IRC guide 4.1).
/// Declared from least to most progress; there is no overall judgement for an IRP.
/// </summary>
public enum RecommendationJudgement
{
    /// <summary>Leaders had not formulated, resourced or begun to implement a realistic improvement strategy.</summary>
    NoMeaningfulProgress,

    /// <summary>A realistic strategy had begun, but without sufficient evidence of progress yet.</summary>
    InsufficientProgress,

    /// <summary>A realistic strategy was being implemented, with evidence of progress or early improvement in outcomes.</summary>
    ReasonableProgress,

    /// <summary>A realistic strategy had been implemented and had delivered a clear improvement in outcomes.</summary>
    GoodProgress,
}
