using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using MimeKit;

namespace IrpFlows.Tests.Mail;

/// <summary>Every email an IRP sends, as the outbox stores it, read back by MimeKit's parser as a mail client would.</summary>
public sealed class OutboxMessagesTests
{
    private const string Establishment = "HMP Elmley – Sheppey";

    private static readonly Dictionary<string, string> Names = new()
    {
        [IrpRequests.CoordinatorEmail] = "Ffion Llŷr",
        [IrpRequests.GovernorEmail] = "Siân Öztürk",
        [IrpRequests.ImbChairEmail] = "Zoë O’Brien",
        [IrpRequests.LiaisonEmail] = "Dafydd Llwyd",
    };

    [Fact]
    public async Task EveryEmail_IsStandardMime_WithItsRecipientsAndSubject_AndNonAsciiNamesIntact()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var request = IrpRequests.Elmley(Establishment, liaisonOfficer: true);
        foreach (var contact in request["contacts"]!.AsObject().Select(c => c.Value!))
            contact["name"] = Names[contact["email"]!.GetValue<string>()];
        var id = await app.CreateIrpAsync(request);

        await app.RunToCompletionAsync(id);

        var outbox = await app.OutboxAsync(id);
        Assert.Subset(outbox.Select(m => m["step"]!.GetValue<string>()).ToHashSet(), new HashSet<string>
        {
            "announcement", "documents-request", "documents-reminder-1", "documents-deadline", "documents-overdue", "visit-arrangements",
            "liaison-feedback", "draft-report", "fact-check-reminder-1", "publication-alert", "publication", "governor-feedback", "material-destruction",
        });
        foreach (var entry in outbox)
        {
            var step = entry["step"]!.GetValue<string>();
            var raw = await app.RawEmailAsync(entry);
            Assert.All(raw, c => Assert.True(c < 128, $"{step}: only 7-bit text goes on the wire."));
            Assert.Matches(@"(?m)^Subject: .*=\?utf-8\?", raw);
            var mime = Emails.Parse(raw);

            Assert.Equal(entry["subject"]!.GetValue<string>(), mime.Subject);
            Assert.StartsWith($"Independent review of progress at {Establishment}: ", mime.Subject);
            AssertRecipients(entry, "to", mime.To, step);
            AssertRecipients(entry, "cc", mime.Cc, step);
            Assert.Equal($"{id}/{step}", mime.Headers["X-IrpFlows-MessageKey"]);
            Assert.Contains(Establishment, mime.TextBody);
            Assert.Contains(Establishment, mime.HtmlBody);

            var alternative = step is "visit-arrangements" or "documents-request"
                ? Assert.IsType<MultipartAlternative>(Assert.IsType<Multipart>(mime.Body)[0])
                : Assert.IsType<MultipartAlternative>(mime.Body);
            Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
            if (step == "documents-request")
            {
                // Prison guide 7.3: the pro forma and the bespoke data request "which HMI Prisons will supply".
                Assert.Equal(["manager-pro-forma-hmp-elmley-sheppey.csv", "data-request-hmp-elmley-sheppey.csv"],
                    mime.Attachments.OfType<MimePart>().Select(a => a.FileName));
                Assert.All(mime.Attachments, a => Assert.Equal("text/csv", a.ContentType.MimeType));
            }
            else if (step == "visit-arrangements")
            {
                var invitation = Emails.Invitation(mime);
                Assert.Equal($"{id}-visit@irpflows", invitation.Uid);
                Assert.Equal(Names[IrpRequests.CoordinatorEmail], invitation.Organizer!.CommonName);
                Assert.Equal([Names[IrpRequests.GovernorEmail], Names[IrpRequests.LiaisonEmail], Names[IrpRequests.ImbChairEmail]], invitation.Attendees.Select(a => a.CommonName));
                Assert.Equal($"Independent review of progress at {Establishment}", invitation.Summary);
            }
            else
            {
                Assert.Empty(mime.Attachments);
            }
        }
    }

    /// <summary>The addresses of a field are those the outbox lists for it, each with its contact's name.</summary>
    private static void AssertRecipients(JsonObject entry, string field, InternetAddressList header, string step)
    {
        var mailboxes = header.Mailboxes.OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
        Assert.True(Emails.Addresses(entry, field).SequenceEqual(mailboxes.Select(m => m.Address)), $"{step}: {field} differs from the outbox listing");
        Assert.All(mailboxes, m => Assert.Equal(Names[m.Address], m.Name));
    }
}
