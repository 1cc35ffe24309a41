using System.Globalization;
using System.Text;

namespace IrpFlows.Documents;

/// <summary>Which characters a sanitised file name keeps (<see cref="FileNames.Sanitise"/>); every other rule is the same for both.</summary>
public enum FileNameCharacters
{
    /// <summary>
    /// Letters, digits and punctuation of any script, so an establishment sees its own file's name; characters reserved on
    /// Windows or meaningful in URLs and blob names become '_', and runs of white space one space.
    /// </summary>
    Readable,

    /// <summary>ASCII letters, digits, '.' and '_'; runs of anything else, spaces included, become one '-'. For report files.</summary>
    Ascii,
}

/// <summary>Turns a file name a browser or script sent into one safe to show and to put at the end of a blob name.</summary>
public static class FileNames
{
    public const string DefaultStem = "document";
    public const int MaxLength = 100;

    // The longest extension kept as one, with its dot: longer text after the last dot is part of the stem.
    private const int MaxExtensionLength = 16;

    // Reserved on Windows or meaningful in URLs and blob names; replaced rather than dropped so the name stays readable.
    private const string Reserved = "<>:\"/\\|?*#%&+;=[]{}^`~'$!@";

    /// <summary>
    /// Keeps the last path segment only (<c>../x</c> and <c>a\b</c> lose their folders), removes control and format
    /// characters (a right-to-left override cannot disguise an extension), keeps the <paramref name="characters"/> and
    /// replaces the others, lower-cases the extension, removes dots, spaces and dashes from both ends of the stem (no hidden
    /// files, no "..", nothing a command line takes for an option) and shortens the stem so the whole name is at most
    /// <see cref="MaxLength"/> characters. A name with no stem left gets <see cref="DefaultStem"/> (".pdf" gives "document.pdf").
    /// </summary>
    public static string Sanitise(string? fileName, FileNameCharacters characters = FileNameCharacters.Readable)
    {
        var (stem, extension) = Parts(fileName, characters);
        return (stem.Length > 0 ? stem : DefaultStem) + extension;
    }

    /// <summary>As <see cref="Sanitise"/>, but null for a name with no stem left: for callers that refuse such a name.</summary>
    public static string? SanitiseOrNull(string? fileName, FileNameCharacters characters = FileNameCharacters.Readable)
    {
        var (stem, extension) = Parts(fileName, characters);
        return stem.Length > 0 ? stem + extension : null;
    }

    /// <summary>The extension without its dot, lower case ("report.PDF" gives "pdf"); empty when there is none.</summary>
    public static string Extension(string safeName)
    {
        var dot = safeName.LastIndexOf('.');
        return dot >= 0 ? safeName[(dot + 1)..].ToLowerInvariant() : string.Empty;
    }

    private static (string Stem, string Extension) Parts(string? fileName, FileNameCharacters characters)
    {
        var name = fileName ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var gap = characters == FileNameCharacters.Ascii ? '-' : ' ';

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            var kept = char.IsWhiteSpace(c) ? gap : Keep(c, characters);
            if (kept == gap && (cleaned.Length == 0 || cleaned[^1] == gap)) continue;
            cleaned.Append(kept);
        }

        var trimmed = cleaned.ToString().TrimEnd(gap, '.');
        var dot = trimmed.LastIndexOf('.');
        var extension = dot >= 0 ? trimmed[dot..].ToLowerInvariant() : string.Empty;
        // Text after the last dot that no one would recognise as an extension stays part of the stem.
        if (extension.Length > MaxExtensionLength || extension.Contains(gap)) extension = string.Empty;
        var stem = trimmed[..^extension.Length].Trim('.', ' ', '-');
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)].TrimEnd('.', ' ', '-');
        return (stem, extension);
    }

    private static char Keep(char c, FileNameCharacters characters) => characters == FileNameCharacters.Ascii
        ? char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-'
        : Reserved.Contains(c) ? '_' : c;
}
