namespace IrpFlows.Benchmarks;

/// <summary>Prints rows as a plain, aligned text table: text columns left-aligned, numbers right-aligned.</summary>
internal static class TextTable
{
    public static void Print(TextWriter writer, string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => IsNumber(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        writer.WriteLine();
        writer.WriteLine(title);
        writer.WriteLine(Line(headers));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) writer.WriteLine(Line(row));
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell == "-");
}
