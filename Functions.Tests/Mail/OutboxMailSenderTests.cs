using Azure.Storage.Blobs.Models;
using IrpFlows.Mail;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Mail;

/// <summary>The outbox on real Azurite: a repeat of a key reports the message stored under it, whatever the repeat says.</summary>
public sealed class OutboxMailSenderTests
{
    private static readonly DateTimeOffset FirstSent = new(2026, 11, 23, 9, 0, 0, 250, TimeSpan.Zero);

    private static async Task<(OutboxMailSender Outbox, OutboxOptions Options, FakeTimeProvider Clock, StorageAccount Storage)> CreateAsync()
    {
        var storage = StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync());
        var options = new OutboxOptions { Container = TestStorage.UniqueName("outbox"), Table = TestStorage.UniqueName("outbox") };
        var clock = new FakeTimeProvider(FirstSent);
        var outbox = new OutboxMailSender(storage.CreateBlobServiceClient(), storage.CreateTableServiceClient(), options, clock);
        await outbox.CreateIfNotExistsAsync(CancellationToken.None);
        return (outbox, options, clock, storage);
    }

    private static MailMessage Documents(string liaisonAddress, string subject) => new(
        "elmley/documents-request",
        [new EmailAddress("David Brown", "governor.elmley@justice.gov.uk"), new EmailAddress("Priya Patel", liaisonAddress)],
        [new EmailAddress("Sarah Jones", "sarah.jones@hmiprisons.gov.uk")],
        subject, "<p>Please send the documents.</p>", "Please send the documents.", []);

    [Fact]
    public async Task ARepeatRenderedFromChangedContacts_ReturnsTheStoredMessagesRecipientsSubjectAndTime_AndStoresNoSecond()
    {
        var (outbox, options, clock, storage) = await CreateAsync();
        var first = await outbox.SendAsync(Documents("priya.patel@justice.gov.uk", "Documents needed by 6 February"), CancellationToken.None);

        // An hour later the step runs again (the record of the first send was lost), the liaison officer's address corrected.
        clock.Advance(TimeSpan.FromHours(1));
        var repeat = await outbox.SendAsync(Documents("p.patel@justice.gov.uk", "Documents needed by 13 February"), CancellationToken.None);

        Assert.Equal(["governor.elmley@justice.gov.uk", "priya.patel@justice.gov.uk"], repeat.To.Select(a => a.Address));
        Assert.Equal(["David Brown", "Priya Patel"], repeat.To.Select(a => a.Name));
        Assert.Equal(["sarah.jones@hmiprisons.gov.uk"], repeat.Cc.Select(a => a.Address));
        Assert.Equal("Documents needed by 6 February", repeat.Subject);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), repeat.SentAt); // the Date header's, to the second
        Assert.Equivalent(first, repeat, strict: true);
        var blobs = await storage.CreateBlobServiceClient().GetBlobContainerClient(options.Container)
            .GetBlobsAsync(new GetBlobsOptions { Prefix = "elmley/" }).ToListAsync();
        Assert.Single(blobs);
        var listed = Assert.Single(await outbox.ListAsync("elmley", CancellationToken.None));
        Assert.Equal(["governor.elmley@justice.gov.uk", "priya.patel@justice.gov.uk"], listed.To);
        Assert.Equal("Documents needed by 6 February", listed.Subject);
        Assert.Equal(first.SentAt, listed.SentAt);
    }

    [Fact]
    public async Task TheEmlIsFromTheMessagesOwnSender_WhenItNamesOne_AndFromTheOutboxSettingsOtherwise()
    {
        var (outbox, options, _, _) = await CreateAsync();
        var probation = Documents("priya.patel@justice.gov.uk", "Inspection confirmed") with
        {
            MessageKey = "kss/announcement-email", From = new EmailAddress("HM Inspectorate of Probation", "probation@hmiprobation.example"),
        };

        await outbox.SendAsync(probation, CancellationToken.None);
        await outbox.SendAsync(Documents("priya.patel@justice.gov.uk", "Documents needed by 6 February"), CancellationToken.None);

        var probationFrom = Emails.Parse((await outbox.GetRawAsync("kss.announcement-email", CancellationToken.None))!.ToString()).From.Mailboxes.Single();
        Assert.Equal(("HM Inspectorate of Probation", "probation@hmiprobation.example"), (probationFrom.Name, probationFrom.Address));
        var irpFrom = Emails.Parse((await outbox.GetRawAsync("elmley.documents-request", CancellationToken.None))!.ToString()).From.Mailboxes.Single();
        Assert.Equal((options.SenderName, options.SenderAddress), (irpFrom.Name, irpFrom.Address));
        Assert.Equal(("HM Inspectorate of Prisons", "irp@hmiprisons.example"), (options.SenderName, options.SenderAddress)); // today's, unchanged
    }

    [Fact]
    public async Task AFirstSend_ReportsWhatItStored()
    {
        var (outbox, _, _, _) = await CreateAsync();
        var message = Documents("priya.patel@justice.gov.uk", "Documents needed by 6 February");

        var sent = await outbox.SendAsync(message, CancellationToken.None);

        var stored = Emails.Parse((await outbox.GetRawAsync(sent.ProviderMessageId, CancellationToken.None))!.ToString());
        Assert.Equal("elmley.documents-request", sent.ProviderMessageId);
        Assert.Equal(message.MessageKey, sent.MessageKey);
        Assert.Equal(stored.To.Mailboxes.Select(m => m.Address), sent.To.Select(a => a.Address));
        Assert.Equal(stored.Subject, sent.Subject);
        Assert.Equal(stored.Date, sent.SentAt);
    }
}
