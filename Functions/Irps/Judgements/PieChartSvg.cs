using System.Globalization;
using System.Xml.Linq;

namespace IrpFlows.Irps.Judgements;

/// <summary>
/// Draws pie segments as a self-contained, accessible SVG: role="img" named by its title and described by its desc,
/// a legend that labels every judgement with count and percentage (colour is never the only cue), no external
/// fonts, styles or images. Segments run clockwise from twelve o'clock in the order given.
/// </summary>
internal static class PieChartSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double CentreX = 100, CentreY = 100, Radius = 90;
    // The legend column leaves room for the longest label, "No meaningful progress: 20 (100%)", at 14px.
    private const double LegendX = 210, LegendTop = 30, LegendRowHeight = 28, SwatchSize = 16;

    // GOV.UK palette: the reports' publisher's colours, distinguishable and with text-contrast legends. The Word document's
    // charts use them too, so both figures read alike.
    internal static readonly IReadOnlyDictionary<string, string> Colours = new Dictionary<string, string>
    {
        [nameof(RecommendationJudgement.GoodProgress)] = "#00703c",
        [nameof(ThemeJudgement.SignificantProgress)] = "#00703c",
        [nameof(RecommendationJudgement.ReasonableProgress)] = "#1d70b8",
        [nameof(RecommendationJudgement.InsufficientProgress)] = "#f47738",
        [nameof(RecommendationJudgement.NoMeaningfulProgress)] = "#d4351c",
        [JudgementTally.NotYetJudgedName] = "#b1b4b6",
    };

    /// <summary>
    /// The chart as SVG markup, or an empty string when there are no segments (nothing was followed up).
    /// <paramref name="idPrefix"/> keeps the title and desc ids unique when several charts share a page.
    /// </summary>
    public static string Render(IReadOnlyList<PieSlice> slices, string title, string idPrefix)
    {
        var total = slices.Sum(s => s.Count);
        if (total == 0)
        {
            return string.Empty;
        }

        var titleId = $"{idPrefix}-title";
        var descId = $"{idPrefix}-desc";
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", "0 0 500 200"),
            new XAttribute("width", "500"),
            new XAttribute("height", "200"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XElement(Svg + "title", new XAttribute("id", titleId), title),
            new XElement(Svg + "desc", new XAttribute("id", descId), string.Join("; ", slices.Select(Describe)) + "."),
            new XElement(Svg + "g", new XAttribute("class", "segments"), Segments(slices, total)),
            new XElement(Svg + "g", new XAttribute("class", "legend"), Legend(slices)));

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static IEnumerable<XElement> Segments(IReadOnlyList<PieSlice> slices, int total)
    {
        var before = 0;
        foreach (var slice in slices.Where(s => s.Count > 0))
        {
            // An arc from a point back to itself draws nothing, so a slice holding every item is a circle.
            var shape = slice.Count == total
                ? new XElement(Svg + "circle",
                    new XAttribute("cx", Number(CentreX)), new XAttribute("cy", Number(CentreY)), new XAttribute("r", Number(Radius)))
                : new XElement(Svg + "path", new XAttribute("d", SectorPath(before, slice.Count, total)));

            shape.Add(
                new XAttribute("fill", Colours[slice.Judgement]),
                new XAttribute("stroke", "#ffffff"),
                new XAttribute("stroke-width", "2"),
                new XAttribute("data-judgement", slice.Judgement),
                new XElement(Svg + "title", Describe(slice)));
            yield return shape;
            before += slice.Count;
        }
    }

    private static string SectorPath(int before, int count, int total)
    {
        var (startX, startY) = PointAt((double)before / total);
        var (endX, endY) = PointAt((double)(before + count) / total);
        var largeArc = count * 2 > total ? 1 : 0;
        return $"M {Number(CentreX)} {Number(CentreY)} L {Number(startX)} {Number(startY)} " +
               $"A {Number(Radius)} {Number(Radius)} 0 {largeArc} 1 {Number(endX)} {Number(endY)} Z";
    }

    // Fraction of the way round, clockwise from twelve o'clock (SVG's y axis points down).
    private static (double X, double Y) PointAt(double fraction)
    {
        var angle = fraction * 2 * Math.PI;
        return (CentreX + Radius * Math.Sin(angle), CentreY - Radius * Math.Cos(angle));
    }

    private static IEnumerable<XElement> Legend(IReadOnlyList<PieSlice> slices) =>
        slices.Select((slice, row) =>
        {
            var top = LegendTop + row * LegendRowHeight;
            return new XElement(Svg + "g",
                new XElement(Svg + "rect",
                    new XAttribute("x", Number(LegendX)), new XAttribute("y", Number(top)),
                    new XAttribute("width", Number(SwatchSize)), new XAttribute("height", Number(SwatchSize)),
                    new XAttribute("fill", Colours[slice.Judgement])),
                new XElement(Svg + "text",
                    new XAttribute("x", Number(LegendX + SwatchSize + 8)), new XAttribute("y", Number(top + SwatchSize - 3)),
                    new XAttribute("font-family", "Arial, Helvetica, sans-serif"), new XAttribute("font-size", "14"),
                    new XAttribute("fill", "#0b0c0c"),
                    Describe(slice)));
        });

    private static string Describe(PieSlice slice) =>
        string.Create(CultureInfo.InvariantCulture, $"{slice.Label}: {slice.Count} ({slice.Percentage}%)");

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
