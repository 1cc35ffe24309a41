using System.Text;
using System.Text.Json.Nodes;
using IrpFlows.Irps.Letters;
using IrpFlows.Mail;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace IrpFlows.Tests.Mail;

public sealed class GraphMailSenderTests : IAsyncLifetime
{
    private const string Sender = "irp@hmiprisons.gov.uk";
    private static readonly DateTimeOffset Now = new(2023, 2, 1, 9, 0, 0, TimeSpan.Zero);
    // Longer than any test waits in real time: a sender that waited on the real _clock instead of its TimeProvider would fail.
    private static readonly TimeSpan RecheckDelay = TimeSpan.FromMinutes(1);

    // The sender's clock: it stands still until a test ends the wait the sender has started on it.
    private readonly WaitAwareTimeProvider _clock = new(Now);
    private FakeGraphServer _graph = null!;
    private HttpClient _httpClient = null!;

    public async Task InitializeAsync()
    {
        // Exchange's _clock, which stamps what it sends, is not the sender's: moving the sender's _clock leaves it at Now.
        _graph = await FakeGraphServer.StartAsync(new FakeTimeProvider(Now));
        // The SDK's own middleware pipeline (retry, redirect, compression...), as GraphServiceClient builds it in production.
        _httpClient = GraphClientFactory.Create();
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _graph.DisposeAsync();
    }

    private GraphMailSender CreateSender(int maxSendAttempts = 3) => new(
        new GraphServiceClient(_httpClient, new AnonymousAuthenticationProvider(), _graph.BaseUrl.ToString()),
        new GraphMailOptions { SenderUserId = Sender, MaxSendAttempts = maxSendAttempts, SendRecheckDelay = RecheckDelay },
        _clock);

    private MailMessage VisitArrangements() =>
        new IrpMailTemplates(_clock).Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)))!;

    /// <summary>Sends while time passes: each wait the sender starts on its _clock ends at once, however loaded the machine.</summary>
    private Task<SentMail> SendAsTimePassesAsync(GraphMailSender sender, MailMessage message) =>
        _clock.RunAsTimePassesAsync(sender.SendAsync(message, CancellationToken.None));

    private static IEnumerable<string> Addresses(IEnumerable<EmailAddress> addresses) => addresses.Select(a => a.Address);

    private void AssertExactlyOneSent(string messageKey)
    {
        var sent = Assert.Single(_graph.SentItems);
        Assert.Contains((GraphMailSender.MessageKeyPropertyId, messageKey), sent.ExtendedProperties);
        Assert.Empty(_graph.Drafts);
    }

    [Fact]
    public async Task Send_CreatesATaggedDraftWithRecipientsBodyAndInvitation_ThenSendsIt()
    {
        var message = VisitArrangements();

        var sent = await CreateSender().SendAsync(message, CancellationToken.None);

        Assert.Equal([GraphOperation.FindMessages, GraphOperation.CreateDraft, GraphOperation.SendDraft], _graph.Requests.Select(r => r.Operation));
        Assert.All(_graph.Requests, r => Assert.Equal(Sender, r.UserId));
        Assert.All(_graph.Requests, r => Assert.Equal("IdType=\"ImmutableId\"", r.Headers["Prefer"]));

        var draft = JsonNode.Parse(_graph.RequestsFor(GraphOperation.CreateDraft).Single().Body)!;
        Assert.Equal(message.Subject, (string?)draft["subject"]);
        Assert.Equal(["governor.elmley@justice.gov.uk", "priya.patel@justice.gov.uk"], draft["toRecipients"]!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"]));
        Assert.Equal(["David Brown", "Priya Patel"], draft["toRecipients"]!.AsArray().Select(r => (string?)r!["emailAddress"]!["name"]));
        Assert.Equal(["imb.elmley@imb.org.uk", "sarah.jones@hmiprisons.gov.uk"], draft["ccRecipients"]!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"]));
        Assert.Equal("html", (string?)draft["body"]!["contentType"]);
        Assert.Contains("Day 1: Monday 13 February 2023", (string?)draft["body"]!["content"]);
        var property = Assert.Single(draft["singleValueExtendedProperties"]!.AsArray());
        Assert.Equal(GraphMailSender.MessageKeyPropertyId, (string?)property!["id"]);
        Assert.Equal("irp-elmley-2023/visit-arrangements", (string?)property["value"]);
        var header = Assert.Single(draft["internetMessageHeaders"]!.AsArray());
        Assert.Equal("X-IrpFlows-MessageKey", (string?)header!["name"]);
        var attachment = Assert.Single(draft["attachments"]!.AsArray())!;
        Assert.Equal("#microsoft.graph.fileAttachment", (string?)attachment["@odata.type"]);
        Assert.Equal("irp-visit-hmp-elmley.ics", (string?)attachment["name"]);
        Assert.StartsWith("text/calendar; method=REQUEST", (string?)attachment["contentType"]);
        var ics = Encoding.UTF8.GetString(Convert.FromBase64String((string)attachment["contentBytes"]!));
        Assert.Contains("DTSTART;VALUE=DATE:20230213", ics);

        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal((message.MessageKey, _graph.SentItems[0].Id, Now, message.Subject), (sent.MessageKey, sent.ProviderMessageId, sent.SentAt, sent.Subject));
        Assert.Equal(message.To, sent.To);
        Assert.Equal(message.Cc, sent.Cc);
    }

    [Fact]
    public async Task AMessageWithItsOwnSender_IsDraftedFromIt_InTheSenderMailbox()
    {
        var message = VisitArrangements() with { From = new EmailAddress("HM Inspectorate of Probation", "probation@hmiprobation.gov.uk") };

        await CreateSender().SendAsync(message, CancellationToken.None);

        var request = _graph.RequestsFor(GraphOperation.CreateDraft).Single();
        Assert.Equal(Sender, request.UserId); // the mailbox that sends, which needs Send As on the address
        var from = JsonNode.Parse(request.Body)!["from"]!["emailAddress"]!;
        Assert.Equal(("HM Inspectorate of Probation", "probation@hmiprobation.gov.uk"), ((string?)from["name"], (string?)from["address"]));
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task AMessageWithoutASenderOfItsOwn_SetsNoFrom_SoItGoesFromTheSenderMailbox()
    {
        await CreateSender().SendAsync(VisitArrangements(), CancellationToken.None);

        var draft = JsonNode.Parse(_graph.RequestsFor(GraphOperation.CreateDraft).Single().Body)!.AsObject();
        Assert.True(draft.ContainsKey("subject"), draft.ToJsonString());
        Assert.False(draft.ContainsKey("from"), draft.ToJsonString());
    }

    [Fact]
    public async Task SendingTheSameKeyTwice_SendsOnce_AndReturnsTheFirstSentMail()
    {
        var sender = CreateSender();
        var message = VisitArrangements();

        var first = await sender.SendAsync(message, CancellationToken.None);
        var second = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equivalent(first, second, strict: true);
        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        Assert.Single(_graph.RequestsFor(GraphOperation.CreateDraft));
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task ARepeatRenderedFromChangedData_ReturnsTheRecipientsAndSubjectOfTheMessageInSentItems()
    {
        var sender = CreateSender();
        var first = VisitArrangements();
        await sender.SendAsync(first, CancellationToken.None);
        // The step runs again after a crash, and meanwhile the governor's address was corrected and the visit moved.
        var rerendered = first with
        {
            To = [new EmailAddress("David Brown", "d.brown@justice.gov.uk"), .. first.To.Skip(1)],
            Cc = [],
            Subject = first.Subject + " (moved)",
        };

        var repeat = await sender.SendAsync(rerendered, CancellationToken.None);

        Assert.Equal(["governor.elmley@justice.gov.uk", "priya.patel@justice.gov.uk"], Addresses(repeat.To));
        Assert.Equal(["imb.elmley@imb.org.uk", "sarah.jones@hmiprisons.gov.uk"], Addresses(repeat.Cc));
        Assert.Equal(first.Subject, repeat.Subject);
        Assert.Equal(_graph.SentItems[0].Id, repeat.ProviderMessageId);
        Assert.Single(_graph.RequestsFor(GraphOperation.CreateDraft));
        AssertExactlyOneSent(first.MessageKey);
    }

    [Fact]
    public async Task DifferentKeys_AreDifferentMessages()
    {
        var sender = CreateSender();
        var message = VisitArrangements();

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message with { MessageKey = "irp-elmley-2023/visit-arrangements-2" }, CancellationToken.None);

        Assert.Equal(2, _graph.SentItems.Count);
    }

    [Fact]
    public async Task ThrottledSend_IsSentAgain_AfterTheRetryAfterGraphGave_OnTheSendersClock()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.TooManyRequests);
        var message = VisitArrangements();

        await SendAsTimePassesAsync(CreateSender(), message);

        Assert.Equal(2, _graph.RequestsFor(GraphOperation.SendDraft).Count);
        Assert.Single(_graph.RequestsFor(GraphOperation.FindMessages)); // throttling proves nothing was sent: no need to look
        Assert.Equal(Now + TimeSpan.FromSeconds(1), _clock.GetUtcNow()); // Retry-After: 1, and no other wait
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task ThrottledOrUnavailableDraftCreation_IsMadeAgain_AndOneDraftIsSent()
    {
        _graph.FailNext(GraphOperation.CreateDraft, GraphFault.ServiceUnavailable);
        var message = VisitArrangements();

        await SendAsTimePassesAsync(CreateSender(), message);

        Assert.Equal(2, _graph.RequestsFor(GraphOperation.CreateDraft).Count);
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task UnavailableLookup_IsRetriedBySdk_AndSendsOnce()
    {
        _graph.FailNext(GraphOperation.FindMessages, GraphFault.ServiceUnavailable);
        var message = VisitArrangements();

        await CreateSender().SendAsync(message, CancellationToken.None);

        Assert.Equal(2, _graph.RequestsFor(GraphOperation.FindMessages).Count);
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task UnavailableSend_IsCheckedAgainstTheMailbox_ThenSentOnce()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.ServiceUnavailable);
        var message = VisitArrangements();

        var sent = await SendAsTimePassesAsync(CreateSender(), message);

        Assert.Equal(2, _graph.RequestsFor(GraphOperation.FindMessages).Count);
        Assert.Single(_graph.RequestsFor(GraphOperation.CreateDraft));
        Assert.Equal(2, _graph.RequestsFor(GraphOperation.SendDraft).Count);
        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal(_graph.SentItems[0].Id, sent.ProviderMessageId);
    }

    [Fact]
    public async Task UnavailableSend_LooksInTheMailboxAgainOnlyAfterWaitingOnItsClock()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.ServiceUnavailable);
        var message = VisitArrangements();

        var send = CreateSender().SendAsync(message, CancellationToken.None);
        // The recheck delay is a minute of real time: a sender waiting on the real _clock rather than its own never gets here.
        await Task.WhenAny(send, _clock.WhenWaitingAsync()).WaitAsync(WaitAwareTimeProvider.GiveUpAfter);

        Assert.False(send.IsCompleted, $"The send finished without waiting on its clock: {send.Status} {send.Exception}");
        Assert.Single(_graph.RequestsFor(GraphOperation.FindMessages));
        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        _clock.EndOldestWait();
        await _clock.RunAsTimePassesAsync(send);
        Assert.Equal(2, _graph.RequestsFor(GraphOperation.FindMessages).Count);
        AssertExactlyOneSent(message.MessageKey);
    }

    [Theory]
    [InlineData(GraphFault.AcceptThenGatewayTimeout)]
    [InlineData(GraphFault.AcceptThenDropConnection)]
    public async Task SendAcceptedButAnswerLost_IsFoundInSentItems_NotSentAgain(GraphFault fault)
    {
        _graph.FailNext(GraphOperation.SendDraft, fault);
        var message = VisitArrangements();

        var sent = await SendAsTimePassesAsync(CreateSender(), message);

        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal((_graph.SentItems[0].Id, Now, message.Subject), (sent.ProviderMessageId, sent.SentAt, sent.Subject));
        Assert.Equal(Addresses(message.To), Addresses(sent.To));
    }

    [Fact]
    public async Task DraftLeftByAFailedAttempt_IsReusedByTheNextCall_NotDuplicated()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.ServiceUnavailable);
        var message = VisitArrangements();

        await Assert.ThrowsAnyAsync<Exception>(() => CreateSender(maxSendAttempts: 1).SendAsync(message, CancellationToken.None));
        Assert.Single(_graph.Drafts);
        Assert.Empty(_graph.SentItems);

        // Meanwhile the liaison officer changed: the draft left behind is what goes, and what the result reports.
        var sent = await CreateSender().SendAsync(message with { To = [.. message.To.Take(1), new EmailAddress("Lee New", "lee.new@justice.gov.uk")] }, CancellationToken.None);

        Assert.Single(_graph.RequestsFor(GraphOperation.CreateDraft));
        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal(["governor.elmley@justice.gov.uk", "priya.patel@justice.gov.uk"], Addresses(sent.To));
    }

    [Fact]
    public async Task RejectedSend_Fails_WithoutRetrying_AndLeavesTheDraftForTheNextAttempt()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.BadRequest);
        var message = VisitArrangements();

        await Assert.ThrowsAnyAsync<Exception>(() => CreateSender().SendAsync(message, CancellationToken.None));

        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        Assert.Empty(_graph.SentItems);
        Assert.Single(_graph.Drafts);
    }

    [Fact]
    public async Task MessageKeyWithAQuote_IsEscapedInTheFilter()
    {
        var message = VisitArrangements() with { MessageKey = "irp-o'neill/announcement" };
        var sender = CreateSender();

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message, CancellationToken.None);

        Assert.Contains("irp-o%27%27neill", _graph.RequestsFor(GraphOperation.FindMessages)[0].PathAndQuery);
        AssertExactlyOneSent(message.MessageKey);
    }

    [Fact]
    public async Task SendAcceptedButFiledLate_IsNotSentAgain_WhileTheSentCopyIsOnItsWay()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.AcceptThenFileLate);
        var message = VisitArrangements();

        var sent = await SendAsTimePassesAsync(CreateSender(maxSendAttempts: 4), message);

        Assert.Single(_graph.RequestsFor(GraphOperation.CreateDraft));
        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal(_graph.SentItems[0].Id, sent.ProviderMessageId);
    }

    [Fact]
    public async Task SendAcceptedButFiledLate_FailsRatherThanGuess_WhenAttemptsRunOut_AndTheNextCallFindsIt()
    {
        _graph.FailNext(GraphOperation.SendDraft, GraphFault.AcceptThenFileLate);
        var message = VisitArrangements();

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsTimePassesAsync(CreateSender(maxSendAttempts: 2), message));
        var sent = await CreateSender().SendAsync(message, CancellationToken.None);

        Assert.Single(_graph.RequestsFor(GraphOperation.SendDraft));
        AssertExactlyOneSent(message.MessageKey);
        Assert.Equal(Now, sent.SentAt);
    }
}
