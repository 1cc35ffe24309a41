namespace IrpFlows.Irps.Judgements;

/// <summary>
/// Ofsted's progress judgement on one theme followed up at a concurrent prison monitoring visit (prison guide 11.1).
/// Declared from least to most progress; Ofsted makes no overall judgement.
/// </summary>
public enum ThemeJudgement
{
    /// <summary>Progress slow or insubstantial or both; negligible demonstrable impact on learners.</summary>
    InsufficientProgress,

    /// <summary>Action already having a beneficial, sustainable impact on learners.</summary>
    ReasonableProgress,

    /// <summary>Rapid progress, already having considerable beneficial impact on learners.</summary>
    SignificantProgress,
}
