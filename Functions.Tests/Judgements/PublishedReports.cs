using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Judgements;

namespace IrpFlows.Tests.Judgements;

/// <summary>
/// Real judgements from the published IRP reports in /work/shared/seeds: refs from Section 3 (the paragraph
/// numbers of the full inspection report), texts and judgements from Section 4 "Summary of judgements", in its order.
/// </summary>
internal static class PublishedReports
{
    /// <summary>HMP Elmley, visit 13–15 February 2023: seven recommendations.</summary>
    public static IReadOnlyList<JudgedRecommendation> ElmleyRecommendations { get; } =
    [
        Recommendation("1.42", "Investigations into incidents of violence should be sufficiently thorough to understand and respond to the causes of violence, ensuring that perpetrators and victims are managed and supported appropriately.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.43", "Leaders should make sure that staff routinely switch on body-worn cameras during use of force incidents, and there is proper oversight of documentation.", RecommendationJudgement.GoodProgress),
        Recommendation("1.44", "There should be effective oversight of all aspects of safety in the prison. Governance meetings should be well attended, and discussion and action should focus on key priorities in each area informed by good data analysis.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.45", "The prison should have a clear strategy to identify and meet the needs of prisoners from all protected characteristic groups, ensuring there is no disproportionate treatment.", RecommendationJudgement.ReasonableProgress),
        Recommendation("1.46", "Staffing levels should be sufficient to ensure that prisoners have timely access to the full range of primary health services and appointments.", RecommendationJudgement.ReasonableProgress),
        Recommendation("1.52", "Leaders should enforce robust arrangements to protect the public by identifying and managing effectively the risks posed by all high-risk prisoners in custody and before their release.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.51", "Prisoners should be able to access appropriate offending behaviour interventions to reduce their risk and progress through their sentence.", RecommendationJudgement.ReasonableProgress),
    ];

    /// <summary>HMP Elmley: four Ofsted themes, all reasonable progress.</summary>
    public static IReadOnlyList<JudgedTheme> ElmleyThemes { get; } =
    [
        Theme("1.47", "Leaders should take rapid action to address the poor quality of teaching in classroom-based education, for example through improved training and quality assurance. They should make sure that prisoners have opportunities to develop substantial new knowledge and skills and, as a result, to achieve accredited qualifications at high rate.", ThemeJudgement.ReasonableProgress),
        Theme("1.48", "Leaders should make more effective use of data to scrutinise the performance of learners on education courses.", ThemeJudgement.ReasonableProgress),
        Theme("1.49", "Leaders should make sure that prisoners benefit from a good-quality induction, carried out sensitively, that helps them to make informed choices about their work or study options, and that allocations to courses match prisoners' career.", ThemeJudgement.ReasonableProgress),
        Theme("1.50", "Leaders should make sure that prisoners with learning difficulties and/or disabilities needs receive appropriate support that enables them to make good progress in education, skills and work activities.", ThemeJudgement.ReasonableProgress),
    ];

    /// <summary>
    /// HMP Hull, visit 14–16 March 2022: nine recommendations, as its Key findings and figure 2 count them (n=9: two good,
    /// three reasonable, four insufficient). Recommendation 1.34 was followed up in two lettered parts, 1.34a and 1.34b, which
    /// Section 4 lists as its ten entries, each part with its own text and judgement (both good progress).
    /// </summary>
    public static IReadOnlyList<JudgedRecommendation> HullRecommendations { get; } =
    [
        Recommendation("1.33", "Outcomes for prisoners should be improved. Clear and up-to-date strategies and action plans should be implemented to achieve improvement. The strategies should be regularly reviewed to monitor progress and to ensure oversight arrangements are in place to sustain delivery and provide accountability.", RecommendationJudgement.ReasonableProgress),
        JudgedRecommendation.FromParts(HullUseOfForce,
        [
            new(HullUseOfForce.Parts[0], RecommendationJudgement.GoodProgress),
            new(HullUseOfForce.Parts[1], RecommendationJudgement.GoodProgress),
        ]),
        Recommendation("3.17", "Safety should be improved by making sure that perpetrators of violence and other types of anti-social behaviour are managed robustly and that victims receive the support they need.", RecommendationJudgement.ReasonableProgress),
        Recommendation("1.35", "All Prisons and Probation Ombudsman recommendations should be implemented and sustained over time to help prevent further self-inflicted deaths.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.36", "Leaders should deliver a coordinated and well-resourced approach to promoting equality and inclusion in all aspects of prison life, and make sure that prisoners are consulted frequently to strengthen the support available.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.37", "The local delivery board, in conjunction with NHS England and Improvement, should undertake an urgent health needs analysis to ensure that adequate resources are in place to meet the needs of all patients safely.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.38", "All prisoners should have sufficient time out of cell, including longer in the open air, and be engaged in activities that support their rehabilitation.", RecommendationJudgement.InsufficientProgress),
        Recommendation("1.39", "All MAPPA-eligible prisoners approaching release should have a multidisciplinary plan agreed in sufficient time to fully manage risks and address resettlement needs.", RecommendationJudgement.GoodProgress),
        Recommendation("6.19", "All eligible prisoners should have regular contact with an appropriately trained prison offender manager focused on promoting their sentence progression.", RecommendationJudgement.ReasonableProgress),
    ];

    /// <summary>HMP Hull's recommendation 1.34 (Safety), given only as its two parts, as Section 3 sets them out.</summary>
    public static Recommendation HullUseOfForce => new("1.34", "Safety", "")
    {
        Concern = "Management oversight of the use of force and segregation was inadequate.",
        Parts =
        [
            new("1.34a", "The number of times force is used should be reduced. When used it should be proportionate and undertaken safely."),
            new("1.34b", "Outcomes for prisoners in the segregation unit should be improved through the provision of a purposeful regime. Those suspected of secreting illicit items should not be denied access to any part of the regime or necessary support."),
        ],
    };

    /// <summary>HMP Hull's Section 4, in its order: each entry's ref and judgement label, the parts of 1.34 as entries of their own.</summary>
    public static IReadOnlyList<(string Ref, string Label)> HullSectionFour { get; } =
    [
        ("1.33", "Reasonable progress"), ("1.34a", "Good progress"), ("1.34b", "Good progress"), ("3.17", "Reasonable progress"),
        ("1.35", "Insufficient progress"), ("1.36", "Insufficient progress"), ("1.37", "Insufficient progress"),
        ("1.38", "Insufficient progress"), ("1.39", "Good progress"), ("6.19", "Reasonable progress"),
        ("Theme 1", "Reasonable progress"), ("Theme 2", "Reasonable progress"), ("Theme 3", "Reasonable progress"),
    ];

    /// <summary>HMP Hull: three Ofsted themes (numbered, no paragraph refs in the report), all reasonable progress.</summary>
    public static IReadOnlyList<JudgedTheme> HullThemes { get; } =
    [
        Theme("Theme 1", "A greater number of learners should complete qualifications, in particular on vocational and functional skills courses", ThemeJudgement.ReasonableProgress),
        Theme("Theme 2", "The needs of all prisoners with learning disabilities and difficulties should be identified and addressed.", ThemeJudgement.ReasonableProgress),
        Theme("Theme 3", "All prisoners should benefit from comprehensive information, advice and guidance.", ThemeJudgement.ReasonableProgress),
    ];

    /// <summary>HMP Elmley's report: a prison in England whose inspection ended in March 2022.</summary>
    public static ReportSubject ElmleySubject { get; } = new(IrpKind.Prison, Nation.England, new DateOnly(2022, 3, 18));

    /// <summary>HMP Hull's report: a prison in England inspected in July 2021.</summary>
    public static ReportSubject HullSubject { get; } = new(IrpKind.Prison, Nation.England, new DateOnly(2021, 7, 9));

    /// <summary>An immigration removal centre inspected in June 2024.</summary>
    public static ReportSubject IrcSubject { get; } = new(IrpKind.Immigration, Nation.England, new DateOnly(2024, 6, 14));

    public static JudgedRecommendation Recommendation(string reference, string text, RecommendationJudgement? judgement) =>
        new(new Recommendation(reference, null, text), judgement);

    public static JudgedTheme Theme(string reference, string text, ThemeJudgement? judgement) =>
        new(new OfstedTheme(reference, text), judgement);

    /// <summary>Made-up items, numbered R1, R2, …, one per judgement given (null for not yet judged).</summary>
    public static IReadOnlyList<JudgedRecommendation> Recommendations(params RecommendationJudgement?[] judgements) =>
        judgements.Select((j, i) => Recommendation($"R{i + 1}", $"Recommendation {i + 1}.", j)).ToList();

    /// <summary>Made-up themes, numbered T1, T2, …, one per judgement given (null for not yet judged).</summary>
    public static IReadOnlyList<JudgedTheme> Themes(params ThemeJudgement?[] judgements) =>
        judgements.Select((j, i) => Theme($"T{i + 1}", $"Theme {i + 1}.", j)).ToList();
}
