using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Judgements;

/// <summary>Appendix II of a published IRP report (the seed copy in Judgements/Published): each entry's term and definition, in order.</summary>
internal static class PublishedGlossary
{
    /// <summary>HMP Hull's 2022 report: the fixed entries and its own (CSIP, Key worker scheme, OMiC, Time out of cell).</summary>
    public static IReadOnlyList<(string Term, string Definition)> Hull() => Read("irp-report-hmp-hull-2022.txt", "Appendix II Glossary of terms\n");

    private static List<(string Term, string Definition)> Read(string seed, string heading)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "Functions.Tests", "Judgements", "Published", seed));
        var start = text.IndexOf(heading, StringComparison.Ordinal) + heading.Length;
        // The text conversion marked links as <…>; the report prints the address alone.
        var lines = text[start..text.IndexOf("Crown copyright", start, StringComparison.Ordinal)].Replace("<", "").Replace(">", "")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // The first line is the introduction; then a term's line and its definition's, in turn.
        return [.. lines.Skip(1).Chunk(2).Select(pair => (pair[0], pair[1]))];
    }
}
