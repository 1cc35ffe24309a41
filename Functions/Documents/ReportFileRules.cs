using IrpFlows.Workflow;

namespace IrpFlows.Documents;

/// <summary>
/// What a report file upload must be: a PDF or Word (.docx) file, named with the matching extension, not empty, not over
/// <see cref="ReportOptions.MaxFileSizeBytes"/>, and with the first bytes of its type (<see cref="FileSignatures"/>, the check
/// the establishment's documents go through). Names are sanitised as the establishment's are, but kept to ASCII
/// (<see cref="FileNameCharacters.Ascii"/>), as report files' stored names have always been.
/// </summary>
public static class ReportFileRules
{
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly IReadOnlyDictionary<string, string> ExtensionByContentType = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [PdfContentType] = ".pdf",
        [DocxContentType] = ".docx",
    };

    /// <summary>
    /// Checks the declared file and returns its stored name, or a 400 refusal naming <c>fileName</c>, <c>contentType</c>
    /// or <c>body</c>. <paramref name="contentType"/> may carry parameters ("application/pdf; name=x"); they are ignored.
    /// </summary>
    public static (string? StoredName, Refusal? Error) Check(string? fileName, string? contentType, long size, long maxBytes)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (string.IsNullOrEmpty(mediaType) || !ExtensionByContentType.TryGetValue(mediaType, out var extension))
            return (null, Refusal.Invalid("contentType", $"must be {PdfContentType} (PDF) or {DocxContentType} (Word); the draft report and comments are documents."));
        if (string.IsNullOrWhiteSpace(fileName))
            return (null, Refusal.Invalid("fileName", "is required: the file's name, e.g. ?fileName=HMP-Elmley-draft.pdf."));
        // A name with nothing before its extension (".pdf") is refused rather than given a made-up one.
        if (FileNames.SanitiseOrNull(fileName, FileNameCharacters.Ascii) is not { } stored || !stored.EndsWith(extension, StringComparison.Ordinal))
            return (null, Refusal.Invalid("fileName", $"must be a name ending in {extension}, to match the Content-Type {mediaType}."));
        if (size == 0) return (null, Refusal.Invalid("body", "is empty: send the file's bytes as the request body."));
        if (size > maxBytes)
            return (null, Refusal.Invalid("body", $"is {size:N0} bytes; files may be at most {maxBytes:N0} bytes."));
        return (stored, null);
    }

    /// <summary>
    /// Checks a received file, bytes and all: what <see cref="Check(string?, string?, long, long)"/> checks, and that its
    /// content is what its name says (refused naming <c>body</c>, the bytes a request sends). Returns its stored name.
    /// </summary>
    public static (string? StoredName, Refusal? Error) Check(string? fileName, string? contentType, ReadOnlySpan<byte> content, long maxBytes)
    {
        var (stored, error) = Check(fileName, contentType, content.Length, maxBytes);
        if (error is not null) return (null, error);
        var head = content[..Math.Min(content.Length, FileSignatures.HeadLength)];
        return FileSignatures.Broken(FileNames.Extension(stored!), head) is { } broken
            ? (null, Refusal.Invalid("body", $"is not {broken} Nothing was stored."))
            : (stored, null);
    }
}
