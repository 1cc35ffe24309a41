using System.Collections;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using IrpFlows.Workflow;

namespace IrpFlows.Validation;

/// <summary>
/// The length limit and character rule of one text property of a request body. <c>JsonBody</c> refuses a body that
/// breaks it (400 naming the field) and the OpenAPI document states it as <c>maxLength</c> and <c>pattern</c>. Every string
/// property of a request body carries one (a test holds the document to that).
/// </summary>
/// <param name="maxLength">In UTF-16 code units, as .NET and JSON Schema's <c>maxLength</c> count them for these scripts.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;

    /// <summary>Prose that may hold tabs and line breaks; other text (names, refs, emails, choices) is one line.</summary>
    public bool Multiline { get; set; }

    /// <summary>
    /// The name of a person, an establishment or an organisation: one line, without the invisible formatting characters
    /// (Unicode category Cf) with which one name can be written two ways that read the same.
    /// </summary>
    public bool Name { get; set; }

    public string Pattern => Name ? TextRules.NamePattern : Multiline ? TextRules.MultilinePattern : TextRules.SingleLinePattern;

    /// <summary>What is wrong with <paramref name="text"/>, or null when it keeps the rule.</summary>
    public string? Broken(string text)
    {
        if (text.Length > MaxLength) return $"must be at most {MaxLength} characters; it has {text.Length}.";
        var forbidden = (Name ? TextRules.NameForbidden() : Multiline ? TextRules.MultilineForbidden() : TextRules.SingleLineForbidden()).Match(text);
        if (!forbidden.Success) return null;
        var found = $"it has U+{char.ConvertToUtf32(forbidden.Value, 0):X4} at character {forbidden.Index + 1}.";
        return Name && TextRules.SingleLineForbidden().Match(forbidden.Value) is { Success: false }
            ? "must not contain invisible formatting characters (zero-width spaces and joiners, soft hyphens, byte order marks: Unicode "
                + $"category Cf), with which one name can be written two ways that read the same; {found}"
            : $"must not contain control characters{(Multiline ? " other than tabs and line breaks" : "")} or bidirectional formatting characters "
                + $"(U+202A–U+202E, U+2066–U+2069); {found}";
    }
}

/// <summary>
/// The most items one list property of a request body may hold. <c>JsonBody</c> (and a page that builds the same
/// request, through <see cref="TextRules.Check{T}"/>) refuses a longer list with 400 naming the field, and the OpenAPI
/// document states it as <c>maxItems</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int maxItems) : Attribute
{
    public int MaxItems { get; } = maxItems;

    /// <summary>What is wrong with a list of <paramref name="count"/> items, or null when it keeps the limit.</summary>
    public string? Broken(int count) => count > MaxItems ? $"must list at most {MaxItems} items; it lists {count}." : null;
}

/// <summary>
/// The character rule every text field follows: no control characters (NUL, BEL, escape, line breaks in one-line fields)
/// and no bidirectional override or isolate characters, which can make a name read differently from what it is in an email
/// subject or a page. The patterns are the ones the OpenAPI document publishes (ECMAScript and .NET read them alike).
/// </summary>
public static partial class TextRules
{
    private const string SingleLineClass = @"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069";
    // Tab, line feed and carriage return are allowed in prose.
    private const string MultilineClass = @"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069";

    // Unicode's format characters (category Cf, as .NET 10 knows them) in the Basic Multilingual Plane: soft hyphen, Arabic
    // and Syriac marks, zero-width space, joiners and marks, bidirectional controls, word joiner, invisible operators, BOM,
    // interlinear annotation; and, as UTF-16 pairs (ECMAScript and .NET patterns both read code units), those beyond it:
    // Kaithi, Egyptian hieroglyph and shorthand format controls, musical symbol formatting, and the tag characters.
    private const string FormatClass = @"\u00AD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB";
    private const string SupplementaryFormat = @"\uD804[\uDCBD\uDCCD]|\uD80D[\uDC30-\uDC3F]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|\uDB40[\uDC01\uDC20-\uDC7F]";

    public const string SingleLinePattern = "^[^" + SingleLineClass + "]*$";
    public const string MultilinePattern = "^[^" + MultilineClass + "]*$";
    public const string NamePattern = "^(?:(?!" + SupplementaryFormat + ")[^" + SingleLineClass + FormatClass + "])*$";

    [GeneratedRegex("[" + SingleLineClass + "]", RegexOptions.CultureInvariant)]
    internal static partial Regex SingleLineForbidden();

    [GeneratedRegex("[" + MultilineClass + "]", RegexOptions.CultureInvariant)]
    internal static partial Regex MultilineForbidden();

    [GeneratedRegex("[" + SingleLineClass + FormatClass + "]|" + SupplementaryFormat, RegexOptions.CultureInvariant)]
    internal static partial Regex NameForbidden();

    /// <summary>
    /// <see cref="Check(object?, JsonTypeInfo)"/> for a request record as the API reads it (<see cref="EventData.Json"/>): how a
    /// page that builds the API's request from its form fields holds them to the API's rules.
    /// </summary>
    public static Dictionary<string, string[]> Check<T>(T value) where T : class => Check(value, EventData.Json.GetTypeInfo(typeof(T)));

    /// <summary>
    /// Every text property of <paramref name="value"/> (a body as read with <paramref name="typeInfo"/>'s options), nested
    /// objects and lists included, against its <see cref="TextAttribute"/>, and every list against its
    /// <see cref="ItemsAttribute"/> (a list over it is named, its items are not read). Returns the broken ones by JSON path
    /// (<c>contacts.governor.name</c>, <c>recommendations[2].text</c>); empty when all keep their rules.
    /// </summary>
    public static Dictionary<string, string[]> Check(object? value, JsonTypeInfo typeInfo)
    {
        var errors = new Dictionary<string, string[]>();
        Walk(value, typeInfo, "", errors);
        return errors;
    }

    private static void Walk(object? value, JsonTypeInfo info, string path, Dictionary<string, string[]> errors)
    {
        if (value is null) return;
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in info.Properties)
            {
                if (property.Get is null) continue;
                var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                var child = property.Get(value);
                if (child is string text)
                {
                    if (property.AttributeProvider?.GetCustomAttributes(typeof(TextAttribute), inherit: false) is [TextAttribute rule, ..]
                        && rule.Broken(text) is { } broken)
                        errors[field] = [broken];
                }
                else if (child is ICollection list
                    && property.AttributeProvider?.GetCustomAttributes(typeof(ItemsAttribute), inherit: false) is [ItemsAttribute most, ..]
                    && most.Broken(list.Count) is { } tooMany)
                {
                    errors[field] = [tooMany];
                }
                else
                {
                    Walk(child, info.Options.GetTypeInfo(property.PropertyType), field, errors);
                }
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && value is IEnumerable items)
        {
            var element = info.Options.GetTypeInfo(info.ElementType!);
            var i = 0;
            foreach (var item in items) Walk(item, element, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), errors);
        }
    }

    /// <summary>The value trimmed, or null with "is required" reported for <paramref name="field"/> when it is missing or blank.</summary>
    public static string? Required(string? value, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(field, "is required");
            return null;
        }

        return value.Trim();
    }
}

/// <summary>How long each kind of text in a request may be: as long as a real one, with room to spare.</summary>
public static class Limits
{
    /// <summary>A person's, establishment's or role's name, an area, a title ("HMP/YOI Isle of Wight": 25).</summary>
    public const int Name = 120;

    /// <summary>RFC 5321's longest forward path.</summary>
    public const int Email = 254;

    /// <summary>A report paragraph reference ("1.34a").</summary>
    public const int Ref = 20;

    /// <summary>A date, an enum name, a judgement name.</summary>
    public const int Choice = 32;

    /// <summary>A recommendation, theme or written judgement: the published ones run to a few hundred characters.</summary>
    public const int Prose = 2000;

    /// <summary>A "Concern:" paragraph, which the reports set out at greater length.</summary>
    public const int LongProse = 4000;

    /// <summary>A file name as the client's disk has it (most file systems stop at 255).</summary>
    public const int FileName = 255;

    /// <summary>A MIME type ("application/vnd.openxmlformats-officedocument.presentationml.presentation": 73).</summary>
    public const int ContentType = 100;

    /// <summary>An uploaded blob's name: folder, unique prefix and a file name of at most 120 characters.</summary>
    public const int BlobName = 300;

    /// <summary>Why an IRP was cancelled.</summary>
    public const int Reason = 500;

    /// <summary>A URL (the published report's address).</summary>
    public const int Url = 2048;

    /// <summary>
    /// Recommendations (concerns) one IRP follows up: the guide says usually at most 15 (prison guide 6.1; more is a warning,
    /// see <c>IrpPolicy.MaxRecommendations</c>); this is the ceiling, far above any real IRP, that keeps the IRP page's
    /// judgements form within what a browser and the app read in one post (<see cref="JudgedItems"/>).
    /// </summary>
    public const int Recommendations = 100;

    /// <summary>Lettered parts of one recommendation (1.34a, 1.34b, …): reports letter a few.</summary>
    public const int Parts = 10;

    /// <summary>Ofsted (or Estyn) themes one IRP follows up: a handful in the reports.</summary>
    public const int OfstedThemes = 20;

    /// <summary>
    /// The most items one IRP can judge: each recommendation, or each of its parts when it has them, and each theme. The
    /// IRP page's judgements form has three fields for each (<c>Pages.PageForms</c> reads forms that large).
    /// </summary>
    public const int JudgedItems = Recommendations * Parts + OfstedThemes;

    /// <summary>Examples of notable positive practice in one report: the reports find none, one or a few.</summary>
    public const int NotablePractices = 20;

    /// <summary>
    /// Paragraphs of findings on one item, or of the Chief Inspector's summary: HMP Elmley's 2023 report writes two to six per
    /// item and ten for the summary.
    /// </summary>
    public const int FindingsParagraphs = 40;

    /// <summary>An IRP's own glossary entries: HMP Hull's 2022 report adds four to the fixed ones.</summary>
    public const int GlossaryEntries = 30;

    /// <summary>Most key questions a probation standard has (manual 7.1: three for implementation and delivery).</summary>
    public const int KeyQuestions = 10;

    /// <summary>Most partners a probation inspection writes to after its announcement (manual 3.3).</summary>
    public const int Partners = 30;
}
