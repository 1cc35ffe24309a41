using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// Writes a Word document paragraph by paragraph with the Open XML SDK, in styles close to the published IRP reports (Arial,
/// bold headings). Headings use Word's built-in Heading 1–3 styles, with their outline levels, so the navigation pane and a
/// table of contents find them. Every paragraph holds plain runs an inspector can keep editing.
/// </summary>
internal sealed class WordDocumentWriter
{
    public const string TitleStyle = "Title";
    public const string Heading1Style = "Heading1";
    public const string Heading2Style = "Heading2";
    public const string Heading3Style = "Heading3";

    // A4 with 2.5 cm margins, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1418;

    // A numbered paragraph's number hangs in the margin of its text, as "3.1" does in the reports.
    private const int NumberIndent = 851;

    // A chart 15 cm wide and 8 cm high, in English Metric Units.
    private const long ChartWidth = 5400000;
    private const long ChartHeight = 2880000;

    private readonly Body _body = new();
    private readonly List<(string RelationshipId, C.ChartSpace Chart)> _charts = [];

    /// <summary>A heading in Word's built-in style of <paramref name="level"/> (1 to 3).</summary>
    public void Heading(int level, string text) => Add(Styled(level switch
    {
        1 => Heading1Style,
        2 => Heading2Style,
        _ => Heading3Style,
    }), new Run(Text(text)));

    /// <summary>The cover's title lines.</summary>
    public void Title(string text) => Add(Styled(TitleStyle), new Run(Text(text)));

    /// <summary>A paragraph of body text.</summary>
    public void Paragraph(string text) => Add(new ParagraphProperties(), new Run(Text(text)));

    /// <summary>A paragraph wholly in bold: a recommendation line, a figure's title, a judgement's label.</summary>
    public void BoldParagraph(string text) => Add(new ParagraphProperties(), Bold(text));

    /// <summary>A paragraph that opens with a bold label: "Concern: …".</summary>
    public void LabelledParagraph(string label, string text) => Add(new ParagraphProperties(), Bold(label), new Run(Text(" " + text)));

    /// <summary>A numbered paragraph ("3.1 …"): the number is text, as the reports' cross-references ("See paragraph 3.7") are.</summary>
    public void NumberedParagraph(string number, string text) => Add(
        new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = NumberIndent }),
            new Indentation { Left = Twips(NumberIndent), Hanging = Twips(NumberIndent) }),
        new Run(Text(number), new TabChar(), Text(text)));

    /// <summary>A table of rows of text, the first row its header in bold.</summary>
    public void Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columns = rows[0].Count;
        var width = (PageWidth - 2 * Margin) / columns;
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; return b; });
        var table = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width * columns) },
                new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = Twips(width) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var header = r == 0;
            table.Append(new TableRow(rows[r].Select(cell => new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) }),
                new Paragraph(header ? Bold(cell) : new Run(Text(cell)))))));
        }
        _body.Append(table);
        // Word needs a paragraph between a table and what follows it, or two tables merge.
        _body.Append(new Paragraph());
    }

    /// <summary>
    /// A pie chart Word draws itself (a chart part with its data held in the chart, as literals): one segment per slice in
    /// its colour, with a legend and each segment's value. <paramref name="description"/> is its alternative text.
    /// </summary>
    /// <param name="slices">Each segment's label, count and colour ("#00703c").</param>
    public void PieChart(string name, string description, IReadOnlyList<(string Label, int Count, string Colour)> slices)
    {
        var relationshipId = $"chart{_charts.Count + 1}";
        var points = (uint)slices.Count;
        var series = new C.PieChartSeries(new C.Index { Val = 0 }, new C.Order { Val = 0 });
        series.Append(slices.Select((s, i) => new C.DataPoint(new C.Index { Val = (uint)i }, new C.Bubble3D { Val = false },
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = s.Colour.TrimStart('#') })))));
        series.Append(
            new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
            new C.CategoryAxisData(new C.StringLiteral([new C.PointCount { Val = points },
                .. slices.Select((s, i) => new C.StringPoint(new C.NumericValue(s.Label)) { Index = (uint)i })])),
            new C.Values(new C.NumberLiteral([new C.FormatCode("General"), new C.PointCount { Val = points },
                .. slices.Select((s, i) => new C.NumericPoint(new C.NumericValue(s.Count.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i })])));
        _charts.Add((relationshipId, new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                // The figure's title is the bold paragraph above it, as in the reports.
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(new C.Layout(), new C.PieChart(new C.VaryColors { Val = true }, series, new C.FirstSliceAngle { Val = 0 })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Right }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }))));

        _body.Append(new Paragraph(new Run(new Drawing(new DW.Inline(
            new DW.Extent { Cx = ChartWidth, Cy = ChartHeight },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)_charts.Count, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U }))));
    }

    /// <summary>A table of contents: a TOC field over Heading 1 and 2 that Word fills in when it updates fields (F9).</summary>
    public void TableOfContents(string placeholder) => _body.Append(new Paragraph(
        new SimpleField(new Run(Text(placeholder))) { Instruction = @" TOC \o ""1-2"" \h \z \u " }));

    /// <summary>Starts a new page.</summary>
    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>The document as the bytes of a .docx file.</summary>
    public byte[] ToDocx(string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            foreach (var (relationshipId, chart) in _charts) main.AddNewPart<ChartPart>(relationshipId).ChartSpace = chart;
            _body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(_body);
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = "IrpFlows";
        }
        return stream.ToArray();
    }

    private void Add(ParagraphProperties properties, params OpenXmlElement[] runs) => _body.Append(new Paragraph(runs.Prepend(properties)));

    private static ParagraphProperties Styled(string styleId) => new(new ParagraphStyleId { Val = styleId });

    private static Run Bold(string text) => new(new RunProperties(new Bold()), Text(text));

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        HeadingStyle(TitleStyle, "Title", outlineLevel: null, halfPoints: 44),
        HeadingStyle(Heading1Style, "heading 1", outlineLevel: 0, halfPoints: 36),
        HeadingStyle(Heading2Style, "heading 2", outlineLevel: 1, halfPoints: 28),
        HeadingStyle(Heading3Style, "heading 3", outlineLevel: 2, halfPoints: 24));

    // Word knows its built-in headings by these names ("heading 1"): the navigation pane and the TOC field read their outline level.
    private static Style HeadingStyle(string id, string name, int? outlineLevel, int halfPoints)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "160" });
        if (outlineLevel is { } level) paragraph.Append(new OutlineLevel { Val = level });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
