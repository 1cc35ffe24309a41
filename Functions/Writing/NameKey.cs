using System.Globalization;
using System.Text;

namespace IrpFlows.Writing;

/// <summary>
/// What the name of an establishment or organisation is compared by, so that one name written two ways that read the same
/// is one name: "HMP Elmley", "hmp  ELMLEY", "HMP\u00A0Elmley" (a no-break space), "HMP\u2003Elmley" (an em space) and
/// "ＨＭＰ Elmley" (full-width letters) have one key.
/// </summary>
/// <remarks>
/// These are the folds of Unicode's compatibility normalisation (NFKC) that matter for a name typed or pasted in. NFKC
/// itself (<see cref="string.Normalize(NormalizationForm)"/>) needs ICU, which this app runs without
/// (<c>InvariantGlobalization</c> in Directory.Build.props): there it leaves every non-ASCII character as it is.
/// </remarks>
internal static class NameKey
{
    // NFKC maps the full-width forms U+FF01–U+FF5E to ASCII U+0021–U+007E, one for one.
    private const char FullWidthFirst = '\uFF01', FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = FullWidthFirst - '!';

    public static string Of(string name)
    {
        var key = new StringBuilder(name.Length);
        var spaced = false;
        foreach (var c in name)
        {
            // Every Unicode space (no-break, em, ideographic…) and run of spaces is one space; none leads or trails.
            if (char.IsWhiteSpace(c))
            {
                spaced = key.Length > 0;
                continue;
            }
            // Invisible (zero-width space, soft hyphen): refused in new names (TextAttribute.Name), not read in names kept before.
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            if (spaced) key.Append(' ');
            spaced = false;
            key.Append(char.ToUpperInvariant(c is >= FullWidthFirst and <= FullWidthLast ? (char)(c - FullWidthOffset) : c));
        }
        return key.ToString();
    }
}
