using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using MimeKit;

namespace IrpFlows.Tests.Support;

/// <summary>Reading the emails the app put in its outbox: addresses, the decoded text, and the links in it.</summary>
public static partial class Emails
{
    /// <summary>The addresses in one field (<c>to</c>, <c>cc</c>) of an outbox entry, in order.</summary>
    public static IReadOnlyList<string> Addresses(JsonObject entry, string field) =>
        entry[field]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    /// <summary>A raw MIME message, parsed by MimeKit.</summary>
    public static MimeMessage Parse(string rawMessage)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(rawMessage));
        return MimeMessage.Load(stream);
    }

    /// <summary>The one file attached to a raw message: its name and its decoded bytes.</summary>
    public static (string? FileName, byte[] Content) SingleAttachment(string rawMessage)
    {
        var part = Assert.IsAssignableFrom<MimePart>(Assert.Single(Parse(rawMessage).Attachments));
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return (part.FileName, content.ToArray());
    }

    /// <summary>The one event of the calendar invitation attached to a message, read by Ical.Net; asserts it is a request.</summary>
    public static CalendarEvent Invitation(MimeMessage message)
    {
        var part = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal("REQUEST", calendar.Method);
        return Assert.Single(calendar.Events);
    }

    /// <summary>The plain-text part of a raw MIME message, decoded, with line breaks and runs of spaces as single spaces.</summary>
    public static string PlainText(string rawMessage) => Whitespace().Replace(Parse(rawMessage).TextBody
        ?? throw new Xunit.Sdk.XunitException("The email has no text/plain part."), " ");

    /// <summary>The first http(s) link in a text that contains <paramref name="fragment"/>.</summary>
    public static Uri Link(string text, string fragment) =>
        new(LinkPattern().Matches(text).Select(m => m.Value).First(v => v.Contains(fragment, StringComparison.Ordinal)));

    /// <summary>The fact-check page link in a text (<c>/fact-check/{token}</c>, not the draft link under it).</summary>
    public static Uri FactCheckLink(string text) =>
        new(LinkPattern().Matches(text).Select(m => m.Value).First(v => v.Contains("/fact-check/", StringComparison.Ordinal) && !v.EndsWith("/draft", StringComparison.Ordinal)));

    /// <summary>The draft report link in a text (<c>/fact-check/{token}/draft</c>).</summary>
    public static Uri DraftLink(string text) =>
        new(LinkPattern().Matches(text).Select(m => m.Value).First(v => v.Contains("/fact-check/", StringComparison.Ordinal) && v.EndsWith("/draft", StringComparison.Ordinal)));

    /// <summary>The upload link in the plain-text part of a raw MIME message.</summary>
    public static Uri UploadLink(string rawMessage)
    {
        var text = PlainText(rawMessage);
        var match = UploadLinkPattern().Match(text);
        Assert.True(match.Success, "The email has no upload link:\n" + text);
        return new Uri(match.Value);
    }

    /// <summary>The token of an upload link (<c>{PublicBaseUrl}/upload/{token}</c>).</summary>
    public static string UploadToken(Uri uploadLink) => uploadLink.AbsolutePath["/upload/".Length..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://[^\s""<>]+/upload/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex UploadLinkPattern();
}
