using System.Globalization;
using System.Text;

namespace IrpFlows.Documents;

/// <summary>Turns a file name a browser or script sent into one safe to show and to put at the end of a blob name.</summary>
public static class FileNames
{
    public const string DefaultStem = "document";
    public const int MaxLength = 120;

    // Reserved on Windows or meaningful in URLs and blob names; replaced rather than dropped so the name stays readable.
    private const string Reserved = "<>:\"/\\|?*#%&+;=[]{}^`~'$!@";

    /// <summary>
    /// Keeps the last path segment only (<c>../x</c> and <c>a\b</c> lose their folders), removes control and format
    /// characters, replaces reserved characters with '_', collapses whitespace, trims dots and spaces from the ends, and
    /// shortens the stem so the whole name is at most <see cref="MaxLength"/> characters, keeping the extension.
    /// An empty result becomes <see cref="DefaultStem"/> (with the extension, if there was one).
    /// </summary>
    public static string Sanitise(string? fileName)
    {
        var name = fileName ?? string.Empty;
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        name = name[(lastSeparator + 1)..];

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (cleaned.Length > 0 && cleaned[^1] != ' ') cleaned.Append(' ');
                continue;
            }
            cleaned.Append(Reserved.Contains(c) ? '_' : c);
        }

        var trimmed = cleaned.ToString().Trim().TrimEnd('.');
        var dot = trimmed.LastIndexOf('.');
        var extension = dot >= 0 ? trimmed[dot..].ToLowerInvariant() : string.Empty;
        var stem = dot >= 0 ? trimmed[..dot] : trimmed;
        if (extension.Length > 16 || extension.Contains(' '))
        {
            // Not an extension anyone would recognise: keep it as part of the stem.
            stem = trimmed;
            extension = string.Empty;
        }
        // No leading dots (no hidden files, no "..") and no trailing dots or spaces before the extension.
        stem = stem.TrimStart('.', ' ').TrimEnd('.', ' ');
        if (stem.Length == 0) stem = DefaultStem;
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)].TrimEnd(' ', '.');
        return stem + extension;
    }

    /// <summary>The extension without its dot, lower case ("report.PDF" gives "pdf"); empty when there is none.</summary>
    public static string Extension(string safeName)
    {
        var dot = safeName.LastIndexOf('.');
        return dot >= 0 ? safeName[(dot + 1)..].ToLowerInvariant() : string.Empty;
    }
}
