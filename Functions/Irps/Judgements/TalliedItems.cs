using IrpFlows.Writing;

namespace IrpFlows.Irps.Judgements;

/// <summary>The items of one kind ("recommendation", "concern", "theme"), tallied by judgement from most to least progress.</summary>
/// <param name="JudgedBy">Who judges them, as the sentence names them: "HMI Prisons" or "Ofsted".</param>
/// <param name="Singular">The item noun for a count of one: "recommendation".</param>
/// <param name="Plural">The item noun otherwise: "recommendations".</param>
/// <param name="Tallies">One per judgement on the scale, most progress first, zero counts included.</param>
/// <param name="NotYetJudged">Items with no judgement recorded.</param>
internal sealed record TalliedItems(
    string JudgedBy,
    string Singular,
    string Plural,
    IReadOnlyList<JudgementTally> Tallies,
    int NotYetJudged)
{
    public int Total => Tallies.Sum(t => t.Count) + NotYetJudged;

    public string Noun(int count) => count == 1 ? Singular : Plural;

    /// <summary>"nine recommendations", "one theme".</summary>
    public string Counted(int count) => $"{NumberWords.ToWords(count)} {Noun(count)}";

    /// <summary>As the report heads them in Section 4 and names them in figure titles: "HMI Prisons recommendations", "Estyn themes".</summary>
    public string Heading => $"{JudgedBy} {Plural}";
}
