using System.Security.Cryptography;
using System.Text;
using IrpFlows.Irps.Letters;
using IrpFlows.Mail;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace IrpFlows.Tests.Mail;

/// <summary>The <c>.eml</c> of a message, as MimeKit's own parser (and so any mail client) reads it back.</summary>
public sealed class MimeMailTests
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
        attachments ?? [new MailAttachment("irp-visit-hmp-elmley.ics", "text/calendar; method=REQUEST; charset=UTF-8", new BinaryData(CalendarBytes))]);

    private static string Raw(MailMessage message) => MimeMail.ToEml(message, From, Date).ToString();

    private static MimeMessage Load(MailMessage message) => MimeMessage.Load(MimeMail.ToEml(message, From, Date).ToStream());

    /// <summary>A decoded body with its line ends as the templates write them (the wire has CRLF; MimeKit decodes to the platform's).</summary>
    private static string? Lf(string? text) => text?.ReplaceLineEndings("\n");

    [Fact]
    public void Headers_NameSenderRecipientsSubjectDateAndTheMessageKey()
    {
        var mime = Load(Message());

        Assert.Equal("\"HM Inspectorate of Prisons\" <irp@hmiprisons.gov.uk>", mime.From.ToString());
        Assert.Equal("\"David Brown\" <governor.elmley@justice.gov.uk>, \"Priya Patel\" <priya.patel@justice.gov.uk>", mime.To.ToString());
        Assert.Equal("\"Sarah Jones\" <sarah.jones@hmiprisons.gov.uk>", mime.Cc.ToString());
        Assert.Equal("Independent review of progress at HMP Elmley: visit 13 to 15 February 2023", mime.Subject);
        Assert.Equal(Date, mime.Date);
        Assert.Equal("irp-elmley-2023/visit-arrangements", mime.Headers[MimeMail.MessageKeyHeader]);
        Assert.Equal("1.0", mime.MimeVersion!.ToString());
    }

    [Fact]
    public void MessageId_IsTheSha256OfTheMessageKey_SoEveryCopyOfAMessageHasTheSameId()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("irp-elmley-2023/visit-arrangements"))) + "@irpflows";

        Assert.Equal(expected, Load(Message()).MessageId);
        Assert.Equal(expected, Load(Message(subject: "Another rendering")).MessageId);
        Assert.NotEqual(expected, Load(Message() with { MessageKey = "irp-elmley-2023/announcement" }).MessageId);
    }

    [Fact]
    public void Body_IsMixed_HoldingAlternativeTextThenHtml_ThenTheAttachment()
    {
        var message = Message();
        var mime = Load(message);

        var mixed = Assert.IsType<Multipart>(mime.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal(2, mixed.Count);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative, p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.Equal(message.TextBody, Lf(mime.TextBody));
        Assert.Equal(message.HtmlBody, Lf(mime.HtmlBody));

        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Same(mixed[1], attachment);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        Assert.Equal("irp-visit-hmp-elmley.ics", attachment.FileName);
        Assert.True(attachment.ContentDisposition!.IsAttachment);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(CalendarBytes, content.ToArray());
    }

    [Fact]
    public void WithoutAttachments_TheBodyIsMultipartAlternative()
    {
        var mime = Load(Message(attachments: []));

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void EveryLine_EndsInCrlf_StaysWithin998Octets_AndIs7Bit_EvenForLongAndNonAsciiContent()
    {
        var longText = string.Join(" ", Enumerable.Repeat("Inspectors visited the wing = café; progress was reasonable.", 40)) + "   \n" + new string('x', 3000);
        var message = Message(
            subject: string.Concat(Enumerable.Repeat("Révision – ", 30)) + new string('y', 1200),
            text: longText,
            html: "<p>" + longText + "</p>",
            attachments: [new MailAttachment("large.bin", "application/octet-stream", new BinaryData(RandomNumberGenerator.GetBytes(5000)))]);

        var raw = Raw(message);

        Assert.DoesNotMatch("[^\r]\n", raw);
        Assert.DoesNotMatch("\r[^\n]", raw);
        Assert.All(raw.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 998, $"Line of {line.Length} characters."));
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.All(c => c < 128), "Only 7-bit text goes on the wire."));
        var mime = Load(message);
        Assert.Equal(message.Subject, mime.Subject);
        Assert.Equal(longText, Lf(mime.TextBody));
    }

    [Fact]
    public void NonAsciiSubjectAndNames_AreRfc2047EncodedWords_ThatDecodeToTheOriginal()
    {
        var message = Message(subject: "Revue à HMP Elmley – visite", to: [new EmailAddress("Siân Öztürk", "sian@justice.gov.uk")]);

        var raw = Raw(message);
        var mime = Load(message);

        Assert.Matches(@"(?m)^Subject: .*=\?utf-8\?", raw);
        Assert.Matches(@"(?m)^To: =\?utf-8\?", raw);
        Assert.Equal("Revue à HMP Elmley – visite", mime.Subject);
        var to = Assert.Single(mime.To.Mailboxes);
        Assert.Equal("Siân Öztürk", to.Name);
        Assert.Equal("sian@justice.gov.uk", to.Address);
    }

    [Fact]
    public void NonAsciiFileName_ArrivesIntact()
    {
        var mime = Load(Message(attachments: [new MailAttachment("Réunion.ics", "text/calendar", new BinaryData(CalendarBytes))]));

        Assert.Equal("Réunion.ics", Assert.Single(mime.Attachments).ContentDisposition!.FileName);
    }

    [Fact]
    public void LineBreaksInHeaderValues_CannotInjectHeaders()
    {
        var message = Message(subject: "Visit\r\nBcc: everyone@example.org", to: [new EmailAddress("Eve\r\nBcc: x@example.org", "eve@example.org")]);

        var mime = Load(message);

        Assert.Empty(mime.Bcc);
        Assert.False(mime.Headers.Contains(HeaderId.Bcc));
        Assert.DoesNotContain('\n', mime.Subject!);
        Assert.EndsWith("Bcc: everyone@example.org", mime.Subject);
        Assert.Equal("eve@example.org", Assert.Single(mime.To.Mailboxes).Address);
    }

    [Theory]
    [InlineData("a@b@c")]
    [InlineData("evil@example.org>, <x@example.org")]
    public void AddressesThatAreNoMailbox_AreRejected(string address)
    {
        Assert.Throws<ParseException>(() => Raw(Message(to: [new EmailAddress("Someone", address)])));
    }

    [Fact]
    public void AddressWithANonAsciiLocalPart_IsRejected_BecauseSevenBitMailCannotCarryIt()
    {
        Assert.Throws<ArgumentException>(() => Raw(Message(to: [new EmailAddress("Siân", "sîan@example.org")])));
    }

    [Fact]
    public void RenderedVisitArrangements_RoundTripThroughMime()
    {
        var rendered = new IrpMailTemplates(new FakeTimeProvider(Date))
            .Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)))!;

        var mime = Load(rendered);

        Assert.Equal(rendered.Subject, mime.Subject);
        Assert.Equal(rendered.TextBody, Lf(mime.TextBody));
        var calendar = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        using var content = new MemoryStream();
        calendar.Content!.DecodeTo(content);
        Assert.Equal(rendered.Attachments[0].Content.ToArray(), content.ToArray());
    }
}
