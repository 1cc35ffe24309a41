using System.Security.Cryptography;
using System.Text;
using IrpFlows.Mail;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Mail;

public sealed class MimeMessageWriterTests
{
    private static readonly EmailAddress From = new("HM Inspectorate of Prisons", "irp@hmiprisons.gov.uk");
    private static readonly DateTimeOffset Date = new(2023, 1, 30, 9, 5, 7, TimeSpan.Zero);
    private static readonly byte[] CalendarBytes = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

    private static MailMessage Message(
        string subject = "Independent review of progress at HMP Elmley: visit 13 to 15 February 2023",
        string text = "Dear David Brown,\n\nThe visit starts on Monday.\n",
        string html = "<p>Dear David Brown,</p>\n<p>The visit starts on Monday.</p>\n",
        IReadOnlyList<MailAttachment>? attachments = null,
        IReadOnlyList<EmailAddress>? to = null) => new(
        "irp-elmley-2023/visit-arrangements",
        to ?? [new EmailAddress("David Brown", "governor.elmley@justice.gov.uk"), new EmailAddress("Priya Patel", "priya.patel@justice.gov.uk")],
        [new EmailAddress("Sarah Jones", "sarah.jones@hmiprisons.gov.uk")],
        subject, html, text,
        attachments ?? [new MailAttachment("irp-visit-hmp-elmley.ics", "text/calendar; method=REQUEST", new BinaryData(CalendarBytes))]);

    private static string Write(MailMessage message) => MimeMessageWriter.Write(message, From, Date).ToString();

    [Fact]
    public void Headers_NameSenderRecipientsSubjectDateAndTheMessageKey()
    {
        var mime = MimeTestParser.Parse(Write(Message()));

        Assert.Equal("\"HM Inspectorate of Prisons\" <irp@hmiprisons.gov.uk>", mime.Header("From"));
        Assert.Equal("\"David Brown\" <governor.elmley@justice.gov.uk>, \"Priya Patel\" <priya.patel@justice.gov.uk>", mime.Header("To"));
        Assert.Equal("\"Sarah Jones\" <sarah.jones@hmiprisons.gov.uk>", mime.Header("Cc"));
        Assert.Equal("Independent review of progress at HMP Elmley: visit 13 to 15 February 2023", mime.DecodedHeader("Subject"));
        Assert.Equal("Mon, 30 Jan 2023 09:05:07 +0000", mime.Header("Date"));
        Assert.Equal("irp-elmley-2023/visit-arrangements", mime.Header("X-IrpFlows-MessageKey"));
        Assert.Equal("1.0", mime.Header("MIME-Version"));
        Assert.StartsWith("multipart/mixed;", mime.Header("Content-Type"));
    }

    [Fact]
    public void MessageId_IsTheSha256OfTheMessageKey_SoRewritingGivesTheSameId()
    {
        var expected = "<" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("irp-elmley-2023/visit-arrangements"))) + "@irpflows>";

        Assert.Equal(expected, MimeTestParser.Parse(Write(Message())).Header("Message-ID"));
        Assert.Equal(Write(Message()), Write(Message()));
        var other = Message() with { MessageKey = "irp-elmley-2023/announcement" };
        Assert.NotEqual(expected, MimeTestParser.Parse(Write(other)).Header("Message-ID"));
    }

    [Fact]
    public void Body_IsMixed_HoldingAlternativeTextThenHtml_ThenTheAttachment()
    {
        var message = Message();
        var mime = MimeTestParser.Parse(Write(message));

        Assert.Equal(2, mime.Parts.Count);
        var alternative = mime.Parts[0];
        Assert.StartsWith("multipart/alternative;", alternative.Header("Content-Type"));
        Assert.Equal(2, alternative.Parts.Count);
        Assert.Equal("text/plain; charset=utf-8", alternative.Parts[0].Header("Content-Type"));
        Assert.Equal("text/html; charset=utf-8", alternative.Parts[1].Header("Content-Type"));
        Assert.Equal(message.TextBody.Replace("\n", "\r\n", StringComparison.Ordinal), alternative.Parts[0].DecodedText());
        Assert.Equal(message.HtmlBody.Replace("\n", "\r\n", StringComparison.Ordinal), alternative.Parts[1].DecodedText());

        var attachment = mime.Parts[1];
        Assert.Equal("text/calendar; method=REQUEST; name=\"irp-visit-hmp-elmley.ics\"", attachment.Header("Content-Type"));
        Assert.Equal("attachment; filename=\"irp-visit-hmp-elmley.ics\"", attachment.Header("Content-Disposition"));
        Assert.Equal("base64", attachment.Header("Content-Transfer-Encoding"));
        Assert.Equal(CalendarBytes, attachment.DecodedBody());
    }

    [Fact]
    public void EveryLine_EndsInCrlf_AndStaysWithin998Octets_EvenForLongAndNonAsciiContent()
    {
        var longText = string.Join(" ", Enumerable.Repeat("Inspectors visited the wing = café; progress was reasonable.", 40)) + "   \n" + new string('x', 3000);
        var message = Message(
            subject: string.Concat(Enumerable.Repeat("Révision – ", 30)) + new string('y', 1200),
            text: longText,
            html: "<p>" + longText + "</p>",
            attachments: [new MailAttachment("large.bin", "application/octet-stream", new BinaryData(RandomNumberGenerator.GetBytes(5000)))]);

        var raw = Write(message);

        Assert.DoesNotMatch("[^\r]\n", raw);
        Assert.DoesNotMatch("\r[^\n]", raw);
        Assert.All(raw.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 998, $"Line of {line.Length} characters."));
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.All(c => c < 128), "Only 7-bit text goes on the wire."));
        var mime = MimeTestParser.Parse(raw);
        Assert.Equal(message.Subject, mime.DecodedHeader("Subject"));
        Assert.Equal(longText.Replace("\n", "\r\n", StringComparison.Ordinal), mime.Parts[0].Parts[0].DecodedText());
    }

    [Fact]
    public void QuotedPrintable_KeepsLinesWithin76Characters_AndEncodesTrailingSpace()
    {
        var text = new string('a', 200) + " \nline=two\t";

        var mime = MimeTestParser.Parse(Write(Message(text: text)));
        var plain = mime.Parts[0].Parts[0];

        Assert.All(plain.RawBody.Split("\r\n"), line => Assert.True(line.Length <= 76, line));
        Assert.Contains("=20\r\n", plain.RawBody);
        Assert.Contains("line=3Dtwo=09", plain.RawBody);
        Assert.Equal(text.Replace("\n", "\r\n", StringComparison.Ordinal), plain.DecodedText());
    }

    [Fact]
    public void NonAsciiSubjectAndNames_AreRfc2047EncodedWords()
    {
        var message = Message(subject: "Revue à HMP Elmley – visite", to: [new EmailAddress("Siân Öztürk", "sian@justice.gov.uk")]);

        var mime = MimeTestParser.Parse(Write(message));

        Assert.StartsWith("=?utf-8?B?", mime.Header("Subject"));
        Assert.Equal("Revue à HMP Elmley – visite", mime.DecodedHeader("Subject"));
        Assert.Equal("Siân Öztürk <sian@justice.gov.uk>", mime.DecodedHeader("To"));
    }

    [Fact]
    public void NonAsciiFileName_UsesRfc2231Encoding()
    {
        var message = Message(attachments: [new MailAttachment("Réunion.ics", "text/calendar", new BinaryData(CalendarBytes))]);

        var attachment = MimeTestParser.Parse(Write(message)).Parts[1];

        Assert.Equal("attachment; filename*=utf-8''R%C3%A9union.ics", attachment.Header("Content-Disposition"));
    }

    [Fact]
    public void LineBreaksInHeaderValues_CannotInjectHeaders()
    {
        var message = Message(subject: "Visit\r\nBcc: everyone@example.org", to: [new EmailAddress("Eve\r\nBcc: x@example.org", "eve@example.org")]);

        var mime = MimeTestParser.Parse(Write(message));

        Assert.Null(mime.Header("Bcc"));
        Assert.Equal("Visit Bcc: everyone@example.org", mime.DecodedHeader("Subject"));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b@c")]
    [InlineData("evil@example.org>, <x@example.org")]
    [InlineData("sîan@example.org")]
    public void InvalidAddresses_AreRejected(string address)
    {
        var message = Message(to: [new EmailAddress("Someone", address)]);

        Assert.Throws<ArgumentException>(() => Write(message));
    }

    [Fact]
    public void RenderedVisitArrangements_RoundTripThroughMime()
    {
        var rendered = new IrpMailTemplates(new FakeTimeProvider(Date))
            .Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)))!;

        var mime = MimeTestParser.Parse(Write(rendered));

        Assert.Equal(rendered.Subject, mime.DecodedHeader("Subject"));
        Assert.Equal(rendered.TextBody.Replace("\n", "\r\n", StringComparison.Ordinal), mime.Parts[0].Parts[0].DecodedText());
        Assert.Equal(rendered.Attachments[0].Content.ToArray(), mime.Parts[1].DecodedBody());
    }
}
