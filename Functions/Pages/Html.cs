using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace IrpFlows.Pages;

/// <summary>
/// A fragment of HTML that is safe to write as it is. Made only from an interpolated string (<see cref="Of"/>), whose holes
/// are HTML-encoded unless they are themselves <see cref="Html"/>: encoding is the default, and forgetting it is impossible.
/// Chosen over Razor components because the Razor SDK does not fit the Functions worker project (its source generators
/// and function metadata generation), and the pages need no more than this.
/// </summary>
public readonly struct Html
{
    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty => default;

    public static Html Of(HtmlHandler handler) => new(handler.ToString());

    /// <summary>Markup made elsewhere that is already safe (e.g. the report's SVG charts, which encode their own text).</summary>
    public static Html Trusted(string markup) => new(markup);

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p._value)));

    public static Html When(bool condition, HtmlHandler handler) => condition ? new(handler.ToString()) : Empty;

    public override string ToString() => _value ?? "";
}

/// <summary>Builds an <see cref="Html"/>: literals as written, holes encoded (see <see cref="Html"/>).</summary>
[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _html;

    public HtmlHandler(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _html.Append(literal);

    public void AppendFormatted(Html html) => _html.Append(html.ToString());

    public void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts) _html.Append(part.ToString());
    }

    public void AppendFormatted(string? text) => _html.Append(HtmlEncoder.Default.Encode(text ?? ""));

    public void AppendFormatted<T>(T value, string? format = null) where T : IFormattable =>
        AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    public override readonly string ToString() => _html.ToString();
}
