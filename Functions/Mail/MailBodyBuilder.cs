using System.Net;
using System.Text;

namespace IrpFlows.Mail;

/// <summary>
/// Builds the HTML and plain-text bodies of one email side by side, so both always say the same thing.
/// Every value is HTML-encoded here, at the one place text becomes markup.
/// </summary>
internal sealed class MailBodyBuilder
{
    private const string ParagraphStyle = "margin: 0 0 16px 0;";
    private const string HeadingStyle = "font-size: 19px; font-weight: bold; margin: 24px 0 8px 0;";
    private const string ListStyle = "margin: 0 0 16px 0; padding-left: 24px;";
    private const string ItemStyle = "margin: 0 0 8px 0;";
    private const string LinkStyle = "color: #1d70b8; text-decoration: underline;";

    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public MailBodyBuilder Paragraph(string content)
    {
        _html.Append("<p style=\"").Append(ParagraphStyle).Append("\">").Append(Encode(content)).Append("</p>\n");
        _text.Append(content).Append("\n\n");
        return this;
    }

    public MailBodyBuilder Heading(string content)
    {
        _html.Append("<h2 style=\"").Append(HeadingStyle).Append("\">").Append(Encode(content)).Append("</h2>\n");
        _text.Append(content).Append('\n').Append(new string('-', content.Length)).Append("\n\n");
        return this;
    }

    public MailBodyBuilder BulletList(IEnumerable<string> items) =>
        LabelledList(items.Select(item => ((string?)null, item)));

    /// <summary>A list whose items may start with a bold label, such as a recommendation's reference.</summary>
    public MailBodyBuilder LabelledList(IEnumerable<(string? Label, string Text)> items) =>
        NestedList(items.Select(item => new ListItem(item.Label, item.Text)));

    /// <summary>A list whose items may start with a bold label and may have items of their own (a recommendation's parts).</summary>
    public MailBodyBuilder NestedList(IEnumerable<ListItem> items)
    {
        AppendList(items, "");
        _text.Append('\n');
        return this;
    }

    private void AppendList(IEnumerable<ListItem> items, string indent)
    {
        _html.Append("<ul style=\"").Append(ListStyle).Append("\">\n");
        foreach (var item in items)
        {
            _html.Append("<li style=\"").Append(ItemStyle).Append("\">");
            _text.Append(indent).Append("- ");
            var words = new[] { item.Label, item.Text }.Where(w => !string.IsNullOrEmpty(w)).ToList();
            if (item.Label is not null)
            {
                _html.Append("<strong>").Append(Encode(item.Label)).Append("</strong>").Append(item.Text.Length > 0 ? " " : "");
            }
            _html.Append(Encode(item.Text));
            _text.Append(string.Join(' ', words)).Append('\n');
            if (item.Children is { Count: > 0 } children)
            {
                _html.Append('\n');
                AppendList(children, indent + "  ");
            }
            _html.Append("</li>\n");
        }
        _html.Append("</ul>\n");
    }

    /// <summary>
    /// A sentence followed by a link. Only http and https addresses become clickable; anything else is shown as text,
    /// so a stored <c>javascript:</c> address can never run.
    /// </summary>
    public MailBodyBuilder LinkParagraph(string lead, Uri link, string linkText)
    {
        _html.Append("<p style=\"").Append(ParagraphStyle).Append("\">").Append(Encode(lead)).Append(' ');
        if (link.IsAbsoluteUri && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
        {
            _html.Append("<a href=\"").Append(Encode(link.AbsoluteUri)).Append("\" style=\"").Append(LinkStyle).Append("\">")
                .Append(Encode(linkText)).Append("</a>");
        }
        else
        {
            _html.Append(Encode(link.OriginalString));
        }
        _html.Append("</p>\n");
        _text.Append(lead).Append(' ').Append(link.IsAbsoluteUri ? link.AbsoluteUri : link.OriginalString).Append("\n\n");
        return this;
    }

    /// <summary>The closing and signature, one line each.</summary>
    public MailBodyBuilder SignOff(string closing, params string[] signatureLines)
    {
        _html.Append("<p style=\"").Append(ParagraphStyle).Append("\">").Append(Encode(closing)).Append("</p>\n");
        _html.Append("<p style=\"").Append(ParagraphStyle).Append("\">")
            .Append(string.Join("<br>\n", signatureLines.Select(Encode))).Append("</p>\n");
        _text.Append(closing).Append("\n\n").Append(string.Join("\n", signatureLines)).Append('\n');
        return this;
    }

    public string BuildHtml(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Encode(title) + "</title>\n</head>\n"
        + "<body style=\"margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; background-color: #ffffff;\">\n"
        + "<div style=\"max-width: 640px;\">\n" + _html + "</div>\n</body>\n</html>\n";

    public string BuildText() => _text.ToString();

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>One item of a <see cref="MailBodyBuilder.NestedList"/>: an optional bold label, its text, and items of its own.</summary>
internal sealed record ListItem(string? Label, string Text, IReadOnlyList<ListItem>? Children = null);
