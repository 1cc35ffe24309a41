namespace IrpFlows.Irps.Judgements;

/// <summary>
/// The generated summary sections of an IRP report; serialises (camelCase) to the body of
/// <c>GET /api/irps/{id}/summary</c>. Judgements appear by their API names ("GoodProgress") so no enum converter is needed.
/// </summary>
/// <param name="KeyFindings">The section 2 judgement sentences.</param>
/// <param name="Counts">How many items got each judgement.</param>
/// <param name="SummaryOfJudgements">The section 4 list: recommendations first, then Ofsted themes, each in the order given.</param>
/// <param name="RecommendationsChart">Figure 2's data: the recommendation scale from most to least progress, then "NotYetJudged" if any.</param>
/// <param name="ThemesChart">Figure 3's data, ordered likewise; empty when no Ofsted themes were followed up.</param>
/// <param name="RecommendationsChartTitle">Figure 2's title: "Progress on HMI Prisons recommendations from March 2022 inspection (n=7)".</param>
/// <param name="ThemesChartTitle">Figure 3's title: "Progress on Ofsted themes from March 2022 inspection (n=4)" (Estyn's in Wales).</param>
/// <param name="RecommendationsChartSvg">Figure 2 as standalone SVG markup; empty when nothing was followed up.</param>
/// <param name="ThemesChartSvg">Figure 3 as standalone SVG markup; empty when no Ofsted themes were followed up.</param>
public sealed record ReportSummaryResult(
    KeyFindings KeyFindings,
    JudgementCounts Counts,
    IReadOnlyList<SummaryOfJudgementsEntry> SummaryOfJudgements,
    IReadOnlyList<PieSlice> RecommendationsChart,
    IReadOnlyList<PieSlice> ThemesChart,
    string RecommendationsChartTitle,
    string ThemesChartTitle,
    string RecommendationsChartSvg,
    string ThemesChartSvg)
{
    /// <summary>The note under figure 2 when themes were followed up too ("This pie chart excludes any recommendations …"); empty otherwise.</summary>
    public required string RecommendationsChartNote { get; init; }

    /// <summary>Section 2's "Notable positive practice": the definition, how many examples were found, and each example.</summary>
    public required NotablePositivePracticeSection NotablePositivePractice { get; init; }

    /// <summary>Section 4's opening sentence: "A list of the HMI Prisons recommendations and Ofsted themes followed up at this visit and the judgements made."</summary>
    public required string SummaryOfJudgementsIntro { get; init; }

    /// <summary>What each judgement means, for the kind of IRP (prison guide 10.1 and 11.1, IRC guide 4.1): the report's methodology and glossary.</summary>
    public required JudgementDefinitions Definitions { get; init; }
}

/// <summary>
/// The "Notable positive practice" part of section 2 (HMP Elmley 2023, 2.4–2.6; HMP Hull 2022, 2.3–2.4): the fixed definition,
/// "Inspectors found one example of notable positive practice during this independent review of progress.", then each example.
/// </summary>
/// <param name="Examples">As the coordinator wrote them, e.g. "Leaders' effective oversight … was excellent. (See paragraph 3.7)".</param>
public sealed record NotablePositivePracticeSection(string Definition, string Found, IReadOnlyList<string> Examples)
{
    /// <param name="kind">An IRC's report speaks of detainees where a prison's speaks of prisoners.</param>
    public static NotablePositivePracticeSection For(IReadOnlyList<string> examples, Facts.IrpKind kind) => new(
        "We define notable positive practice as innovative work or practice that leads to particularly good outcomes from which other establishments may be able to learn. "
        + $"Inspectors look for evidence of good outcomes for {(kind == Facts.IrpKind.Immigration ? "detainees" : "prisoners")}; original, creative or particularly effective approaches to problem-solving or achieving the desired goal; "
        + "and how other establishments could learn from or replicate the practice.",
        $"Inspectors found {(examples.Count == 0 ? "no examples" : examples.Count == 1 ? "one example" : Writing.NumberWords.ToWords(examples.Count) + " examples")} of notable positive practice during this independent review of progress.",
        examples);
}

/// <summary>The Key findings sentences (report section 2).</summary>
/// <param name="FollowedUp">
/// Paragraph 2.1: what was followed up, from which inspection: "At this IRP visit, we followed up nine recommendations from our
/// most recent inspection in July 2021 and Ofsted followed up three themes …"; empty when nothing was followed up.
/// </param>
/// <param name="Recommendations">
/// HMI Prisons' sentence about recommendations (concerns for an IRC), followed by how many are still to be judged when
/// some have no judgement yet; empty when none were followed up.
/// </param>
/// <param name="Themes">Ofsted's (Estyn's, in Wales) sentence about themes, likewise; empty when no themes were followed up.</param>
public sealed record KeyFindings(string FollowedUp, string Recommendations, string Themes);

/// <summary>How many items got each judgement.</summary>
/// <param name="Recommendations">Every judgement on the recommendation scale by API name, zero counts included, most progress first.</param>
/// <param name="Themes">Every judgement on the theme scale by API name, zero counts included, most progress first.</param>
/// <param name="RecommendationsNotYetJudged">Recommendations (or concerns) with no judgement recorded.</param>
/// <param name="ThemesNotYetJudged">Themes with no judgement recorded.</param>
public sealed record JudgementCounts(
    IReadOnlyDictionary<string, int> Recommendations,
    IReadOnlyDictionary<string, int> Themes,
    int RecommendationsNotYetJudged,
    int ThemesNotYetJudged);

/// <summary>
/// One line of the Summary of judgements (report section 4): recommendations first, then Ofsted themes, each in the order
/// given. A recommendation in lettered parts gives one line per part.
/// </summary>
/// <param name="Ref">The item's (or part's) reference, as given when the IRP started.</param>
/// <param name="Text">The recommendation, part, concern or theme as announced.</param>
/// <param name="Kind"><see cref="SummaryOfJudgementsEntry.RecommendationKind"/>, <see cref="SummaryOfJudgementsEntry.ConcernKind"/> or <see cref="SummaryOfJudgementsEntry.OfstedThemeKind"/>.</param>
/// <param name="Judgement">The API name ("ReasonableProgress"), or null when not yet judged.</param>
/// <param name="JudgementLabel">As the report prints it under the item: "Reasonable progress", or "Not yet judged".</param>
/// <param name="Heading">The Section 4 heading it is listed under: "HMI Prisons recommendations", "HMI Prisons concerns", "Ofsted themes" or "Estyn themes".</param>
public sealed record SummaryOfJudgementsEntry(string Ref, string Text, string Kind, string? Judgement, string JudgementLabel, string Heading)
{
    /// <summary>For a part (1.34a), the ref of its recommendation (1.34); null otherwise.</summary>
    public string? PartOf { get; init; }

    /// <summary>The "Concern:" text given for the recommendation or concern, if any; null for themes.</summary>
    public string? Concern { get; init; }

    /// <summary>"rejected by HMPPS" or "only partly accepted by HMPPS" (prison guide 6.1); null when accepted, and for themes.</summary>
    public string? HmppsResponse { get; init; }

    public const string RecommendationKind = "Recommendation";
    public const string ConcernKind = "Concern";
    public const string OfstedThemeKind = "OfstedTheme";
}
