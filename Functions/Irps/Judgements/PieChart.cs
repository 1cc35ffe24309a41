namespace IrpFlows.Irps.Judgements;

/// <summary>Turns tallied items into pie segments: the scale from most to least progress, then "not yet judged".</summary>
internal static class PieChart
{
    /// <summary>No segments when there are no items; otherwise one per judgement on the scale, zero counts included.</summary>
    public static IReadOnlyList<PieSlice> Slices(TalliedItems items)
    {
        if (items.Total == 0)
        {
            return [];
        }

        var counted = items.Tallies.Select(t => (t.Name, t.Label, t.Count)).ToList();
        if (items.NotYetJudged > 0)
        {
            counted.Add((JudgementTally.NotYetJudgedName, JudgementTally.NotYetJudgedLabel, items.NotYetJudged));
        }

        var percentages = LargestRemainderPercentages(counted.Select(c => c.Count).ToList(), items.Total);
        return counted.Select((c, i) => new PieSlice(c.Name, c.Label, c.Count, percentages[i])).ToList();
    }

    // Floor every share, then hand the missing points to the largest remainders (earlier segment on a tie),
    // so the legend never reads 101% or 99%.
    private static int[] LargestRemainderPercentages(IReadOnlyList<int> counts, int total)
    {
        var percentages = counts.Select(c => c * 100 / total).ToArray();
        var missing = 100 - percentages.Sum();
        var byRemainder = Enumerable.Range(0, counts.Count)
            .OrderByDescending(i => counts[i] * 100 % total)
            .ThenBy(i => i)
            .Take(missing);
        foreach (var i in byRemainder)
        {
            percentages[i]++;
        }

        return percentages;
    }
}
