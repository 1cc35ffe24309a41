using IrpFlows.Writing;

namespace IrpFlows.Irps.Judgements;

/// <summary>Writes one Key findings judgement sentence in the wording of the published IRP reports (section 2).</summary>
internal static class KeyFindingsWriter
{
    /// <summary>
    /// "HMI Prisons judged that there was good progress in one recommendation, …" followed, when some items have no
    /// judgement yet, by "Two recommendations are still to be judged." Until every item is judged, only the judgements given
    /// are named, whatever the style. Empty when there are no items at all.
    /// </summary>
    public static string Write(TalliedItems items, KeyFindingsStyle style)
    {
        var sentences = new List<string>(2);

        var judged = items.Total - items.NotYetJudged;
        if (judged > 0)
        {
            // "in none of the recommendations" is a finding only once every item is judged; until then it would claim too much.
            var phrases = style == KeyFindingsStyle.Exhaustive && items.NotYetJudged == 0 ? ExhaustivePhrases(items) : ConcisePhrases(items);
            sentences.Add($"{items.JudgedBy} judged that there was {JoinWithAnd(phrases)}.");
        }

        if (items.NotYetJudged > 0)
        {
            var count = items.NotYetJudged;
            var verb = count == 1 ? "is" : "are";
            sentences.Add($"{JudgementScales.Capitalise(NumberWords.ToWords(count))} {items.Noun(count)} {verb} still to be judged.");
        }

        return string.Join(' ', sentences);
    }

    private static IEnumerable<string> ConcisePhrases(TalliedItems items)
    {
        var given = items.Tallies.Where(t => t.Count > 0).ToList();

        // "in all three themes" only when that one judgement truly covers every item, judged or not.
        if (given.Count == 1 && given[0].Count == items.Total && items.Total > 1)
        {
            return [$"{given[0].DisplayText} in all {NumberWords.ToWords(items.Total)} {items.Plural}"];
        }

        return given.Select(t => CountedPhrase(t, items));
    }

    private static IEnumerable<string> ExhaustivePhrases(TalliedItems items) =>
        items.Tallies.Select(t => t.Count == 0 ? $"{t.DisplayText} in none of the {items.Plural}" : CountedPhrase(t, items));

    private static string CountedPhrase(JudgementTally tally, TalliedItems items) => $"{tally.DisplayText} in {items.Counted(tally.Count)}";

    // The reports join lists without a serial comma: "a, b and c".
    private static string JoinWithAnd(IEnumerable<string> phrases)
    {
        var list = phrases.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
