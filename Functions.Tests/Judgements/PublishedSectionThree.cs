using System.Text.RegularExpressions;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Judgements;

/// <summary>
/// Section 3 of a published IRP report (its text as ../shared/seeds gives it, kept in Judgements/Published so the tests need
/// nothing outside the repository), as its text sets it out: each part's area heading, concern, item
/// line ("Recommendation: … (1.42)", "Theme 1: … (1.47)"), numbered findings and closing judgement sentence, in order.
/// </summary>
internal sealed partial record PublishedSectionThree(IReadOnlyList<PublishedPart> Parts)
{
    /// <summary>HMP Elmley's 2023 report: seven recommendations under their own areas, and four Ofsted themes among them.</summary>
    public static PublishedSectionThree Elmley() => Read("irp-report-hmp-elmley-2023.txt");

    /// <summary>
    /// HMP Hull's 2022 report: nine recommendations, 1.34 as its two lettered parts under one concern, and three Ofsted themes
    /// numbered without source paragraphs.
    /// </summary>
    public static PublishedSectionThree Hull() => Read("irp-report-hmp-hull-2022.txt");

    /// <summary>The recommendations, in the report's order.</summary>
    public IEnumerable<PublishedPart> Recommendations => Parts.Where(p => p.Kind == "Recommendation");

    /// <summary>The themes, in the report's order.</summary>
    public IEnumerable<PublishedPart> Themes => Parts.Where(p => p.Kind != "Recommendation");

    private static PublishedSectionThree Read(string seed)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "Functions.Tests", "Judgements", "Published", seed));
        var section = text[text.IndexOf("Section 3 Progress", StringComparison.Ordinal)..text.IndexOf("Section 4 Summary of judgements\n", StringComparison.Ordinal)];
        var parts = new List<PublishedPart>();
        string? area = null, concern = null;
        PublishedPart? current = null;
        var cutShort = "";
        foreach (var raw in section.Split('\n').Skip(1))
        {
            var line = (cutShort + raw.Replace("**", "")).Trim();
            cutShort = "";
            if (line.Length == 0) continue;
            if (line.StartsWith("Recommendation:", StringComparison.Ordinal) && !ItemLine().IsMatch(line))
            {
                // A recommendation line whose source paragraph went to the next line (Elmley's 1.52, Hull's 3.17).
                cutShort = line + " ";
            }
            else if (line.StartsWith('#') || HullAreas.Contains(line))
            {
                area = line.TrimStart('#', ' ');
            }
            else if (HullPhotoCaptions.Contains(line))
            {
                continue;
            }
            else if (line.StartsWith("Concern:", StringComparison.Ordinal))
            {
                concern = line["Concern:".Length..].Trim();
            }
            else if (ItemLine().Match(line) is { Success: true } item)
            {
                var kind = item.Groups["kind"].Value;
                current = new PublishedPart(kind, area!, kind == "Recommendation" ? concern : null, item.Value, item.Groups["text"].Value,
                    item.Groups["ref"].Success ? item.Groups["ref"].Value : null);
                parts.Add(current);
            }
            else if (NumberedLine().Match(line) is { Success: true } numbered && current is not null)
            {
                if (numbered.Groups["text"].Value.Contains("considered that", StringComparison.Ordinal))
                    current.JudgementSentence = (numbered.Groups["number"].Value, numbered.Groups["text"].Value);
                else
                    current.Findings.Add((numbered.Groups["number"].Value, numbered.Groups["text"].Value));
            }
            else if (current is { Findings: [.., var last] } && !last.Text.EndsWith('.'))
            {
                // A paragraph the page break cut in two (3.32).
                current.Findings[^1] = (last.Number, last.Text + " " + line);
            }
        }
        return new PublishedSectionThree(parts);
    }

    // Hull's text kept no heading marks, so its areas are known by name: the healthy prison tests' headings its Section 3 uses.
    private static readonly HashSet<string> HullAreas =
        ["Leadership", "Safety", "Respect", "Purposeful activity", "Education, skills and work", "Rehabilitation and release planning"];

    // The caption of the photograph after Hull's 3.13: not part of any paragraph.
    private static readonly HashSet<string> HullPhotoCaptions = ["Segregation unit exercise bicycles"];

    // A recommendation always ends with its source paragraph; Hull's themes have none ("Theme 1: … courses.").
    [GeneratedRegex(@"^(?:(?<kind>Recommendation):\s*(?<text>.+) \((?<ref>\d+\.\d+[a-z]?)\)|(?<kind>Theme \d+):\s*(?<text>.+?)(?: \((?<ref>\d+\.\d+[a-z]?)\))?)$")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^- (?<number>3\.\d+) (?<text>.+)$")]
    private static partial Regex NumberedLine();
}

/// <summary>One part of Section 3: a recommendation (with its area and concern) or a theme.</summary>
/// <param name="Line">The bold line as printed: "Recommendation: Investigations into … appropriately. (1.42)".</param>
/// <param name="Ref">The source paragraph; null for a theme printed without one (HMP Hull 2022).</param>
internal sealed record PublishedPart(string Kind, string Area, string? Concern, string Line, string Text, string? Ref)
{
    /// <summary>The numbered findings, each with its number: ("3.1", "Levels of violence …").</summary>
    public List<(string Number, string Text)> Findings { get; } = [];

    /// <summary>The closing sentence with its number: ("3.5", "We considered that the prison had made insufficient progress in this area.").</summary>
    public (string Number, string Text) JudgementSentence { get; set; }
}
