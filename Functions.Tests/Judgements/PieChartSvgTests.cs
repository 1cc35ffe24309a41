using System.Xml.Linq;
using IrpFlows.Irps.Judgements;
using static IrpFlows.Tests.Judgements.PublishedReports;
using R = IrpFlows.Irps.Judgements.RecommendationJudgement;
using T = IrpFlows.Irps.Judgements.ThemeJudgement;

namespace IrpFlows.Tests.Judgements;

public sealed class PieChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Chart_IsAnImageNamedByItsTitleAndDescribedByEveryCount()
    {
        var svg = XElement.Parse(ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).RecommendationsChartSvg);

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(Svg + "title")!;
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal($"{(string?)title.Attribute("id")} {(string?)desc.Attribute("id")}", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Progress on HMI Prisons recommendations from March 2022 inspection (n=7)", title.Value);
        Assert.Equal(
            "Good progress: 1 (14%); Reasonable progress: 3 (43%); Insufficient progress: 3 (43%); No meaningful progress: 0 (0%).",
            desc.Value);
    }

    [Fact]
    public void Legend_LabelsTheWholeScale_IncludingJudgementsNobodyGot()
    {
        var svg = XElement.Parse(ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).RecommendationsChartSvg);

        Assert.Equal(
            ["Good progress: 1 (14%)", "Reasonable progress: 3 (43%)", "Insufficient progress: 3 (43%)", "No meaningful progress: 0 (0%)"],
            svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Segments_RunClockwiseFromTwelveInScaleOrder_SkippingEmptyJudgements()
    {
        var svg = XElement.Parse(ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject).RecommendationsChartSvg);
        var segments = Segments(svg);

        Assert.Equal(["GoodProgress", "ReasonableProgress", "InsufficientProgress"], segments.Select(s => (string?)s.Attribute("data-judgement")));
        // One seventh from twelve o'clock on a radius-90 circle centred at (100, 100).
        Assert.Equal("M 100 100 L 100 10 A 90 90 0 0 1 170.36 43.89 Z", (string?)segments[0].Attribute("d"));
        // The last segment closes the circle back at twelve o'clock.
        Assert.EndsWith("100 10 Z", (string?)segments[2].Attribute("d"));
    }

    [Fact]
    public void ASegmentOverHalfTheChart_UsesTheLargeArc()
    {
        var svg = XElement.Parse(ReportSummary.Build([], Themes(T.SignificantProgress, T.ReasonableProgress, T.ReasonableProgress), ElmleySubject).ThemesChartSvg);
        var segments = Segments(svg);

        Assert.Equal("M 100 100 L 177.94 145 A 90 90 0 1 1 100 10 Z", (string?)segments[1].Attribute("d"));
    }

    [Fact]
    public void ASingleJudgementCoveringEveryItem_IsAFullCircle_NotAnEmptyArc()
    {
        var svg = XElement.Parse(ReportSummary.Build(HullRecommendations, HullThemes, HullSubject).ThemesChartSvg);

        var segment = Assert.Single(Segments(svg));
        Assert.Equal(Svg + "circle", segment.Name);
        Assert.Equal("90", (string?)segment.Attribute("r"));
        Assert.Equal("ReasonableProgress", (string?)segment.Attribute("data-judgement"));
        Assert.Equal("Progress on Ofsted themes from July 2021 inspection (n=3)", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void NothingJudgedYet_IsAFullNotYetJudgedCircle()
    {
        var svg = XElement.Parse(ReportSummary.Build(Recommendations(null, null), [], ElmleySubject).RecommendationsChartSvg);

        var segment = Assert.Single(Segments(svg));
        Assert.Equal(Svg + "circle", segment.Name);
        Assert.Equal("NotYetJudged", (string?)segment.Attribute("data-judgement"));
        Assert.Contains("Not yet judged: 2 (100%)", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void NothingFollowedUp_DrawsNoChart()
    {
        var result = ReportSummary.Build([], [], ElmleySubject);

        Assert.Equal(string.Empty, result.RecommendationsChartSvg);
        Assert.Equal(string.Empty, result.ThemesChartSvg);
    }

    [Fact]
    public void Charts_LoadNothingFromOutside_AndKeepTheirIdsApartOnOnePage()
    {
        var result = ReportSummary.Build(ElmleyRecommendations, ElmleyThemes, ElmleySubject);
        var charts = new[] { result.RecommendationsChartSvg, result.ThemesChartSvg };

        foreach (var markup in charts)
        {
            Assert.DoesNotContain("href", markup);
            Assert.DoesNotContain("url(", markup);
            Assert.DoesNotContain(XElement.Parse(markup).Descendants(), e => e.Name.LocalName is "image" or "style" or "script" or "foreignObject");
        }

        var ids = charts.SelectMany(c => XElement.Parse(c).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void ImmigrationChart_IsTitledForConcerns()
    {
        var svg = XElement.Parse(ReportSummary.Build(Recommendations(R.GoodProgress, R.InsufficientProgress), [], IrcSubject).RecommendationsChartSvg);

        Assert.Equal("Progress on HMI Prisons concerns from June 2024 inspection (n=2)", svg.Element(Svg + "title")!.Value);
    }

    private static List<XElement> Segments(XElement svg) =>
        svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "segments").Elements().ToList();
}
