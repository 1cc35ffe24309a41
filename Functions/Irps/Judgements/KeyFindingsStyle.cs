namespace IrpFlows.Irps.Judgements;

/// <summary>
/// The two ways published reports word the Key findings judgement sentences. Both list judgements from most to
/// least progress and write counts one to twenty as words.
/// </summary>
public enum KeyFindingsStyle
{
    /// <summary>
    /// Only judgements that were given, and "all three themes" when one judgement covers every item (HMP Hull, 2022):
    /// "HMI Prisons judged that there was good progress in two recommendations, reasonable progress in three
    /// recommendations and insufficient progress in four recommendations."
    /// </summary>
    Concise,

    /// <summary>
    /// Every judgement on the scale, an unused one as "in none of the themes" (HMP Elmley, 2023):
    /// "Ofsted judged that there was significant progress in none of the themes, reasonable progress in four themes
    /// and insufficient progress in none of the themes."
    /// </summary>
    Exhaustive,
}
