namespace IrpFlows.Irps.Judgements;

/// <summary>One segment of a Key findings pie chart (reports' figures 2 and 3).</summary>
/// <param name="Judgement">The API name ("GoodProgress"), or "NotYetJudged" for items without a judgement.</param>
/// <param name="Label">As the legend shows it: "Good progress", "Not yet judged".</param>
/// <param name="Count">Items with this judgement; zero-count judgements are kept so a legend can show the whole scale.</param>
/// <param name="Percentage">
/// Whole percent of all items in the chart, rounded by largest remainder so a chart's percentages add up to exactly 100
/// (1, 3 and 3 of 7 give 14, 43 and 43).
/// </param>
public sealed record PieSlice(string Judgement, string Label, int Count, int Percentage);
