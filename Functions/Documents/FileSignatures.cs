namespace IrpFlows.Documents;

/// <summary>
/// Whether a file's first bytes are what its extension says: the one content check every upload goes through (the
/// establishment's documents, and the coordinator's and establishment's report files). A name and a content type are only
/// what the client claims; an HTML page named <c>comments.pdf</c>, or 25 MB of zero bytes named <c>final.pdf</c>, would
/// otherwise be kept and sent on as a document.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many of a file's first bytes <see cref="Broken"/> needs: the longest signature (PNG's).</summary>
    public const int HeadLength = 8;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    // Word, Excel and PowerPoint files are ZIP archives (Office Open XML), as are .zip files; an archive starts with a local file header.
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (byte[] Signature, string What)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = (Pdf, "a PDF: a PDF starts with '%PDF-'"),
        ["docx"] = (Zip, "a Word (.docx) file: a .docx file is a ZIP archive, which starts with 'PK'"),
        ["xlsx"] = (Zip, "an Excel (.xlsx) file: an .xlsx file is a ZIP archive, which starts with 'PK'"),
        ["pptx"] = (Zip, "a PowerPoint (.pptx) file: a .pptx file is a ZIP archive, which starts with 'PK'"),
        ["zip"] = (Zip, "a ZIP archive: a ZIP archive starts with 'PK'"),
        ["png"] = (Png, "a PNG image: a PNG starts with the PNG signature"),
        ["jpg"] = (Jpeg, "a JPEG image: a JPEG starts with the bytes FF D8 FF"),
        ["jpeg"] = (Jpeg, "a JPEG image: a JPEG starts with the bytes FF D8 FF"),
    };

    private static readonly HashSet<string> Text = new(StringComparer.OrdinalIgnoreCase) { "txt", "csv" };

    /// <summary>
    /// What is wrong with a file of <paramref name="extension"/> (no dot) whose first bytes are <paramref name="head"/> (at
    /// least <see cref="HeadLength"/> of them, or the whole file when shorter), as the end of a sentence that begins "The file
    /// is not …"; null when it is what it says. Text (.txt, .csv) has no NUL bytes; a type with no known signature (one a
    /// setting allows) must at least not start with zero bytes only.
    /// </summary>
    public static string? Broken(string extension, ReadOnlySpan<byte> head)
    {
        if (ByExtension.TryGetValue(extension, out var rule))
            return head.StartsWith(rule.Signature) ? null : rule.What + ".";
        if (Text.Contains(extension))
            return head.Contains((byte)0) ? $"a .{extension} text file: text has no NUL (zero) bytes." : null;
        return head.Length > 0 && !head.ContainsAnyExcept((byte)0) ? $"a .{extension} file: it starts with zero bytes only." : null;
    }
}
