namespace IrpFlows.Irps.Judgements;

/// <summary>How many items got one judgement, with the judgement's API name and wording; scale-neutral.</summary>
internal sealed record JudgementTally(string Name, string Label, string DisplayText, int Count)
{
    public const string NotYetJudgedName = "NotYetJudged";
    public const string NotYetJudgedLabel = "Not yet judged";
}
