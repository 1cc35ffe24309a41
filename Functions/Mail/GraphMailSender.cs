using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using GraphModels = Microsoft.Graph.Models;

namespace IrpFlows.Mail;

/// <summary>
/// Sends mail from one mailbox through Microsoft Graph, exactly once per <see cref="MailMessage.MessageKey"/>.
/// </summary>
/// <remarks>
/// Graph's send is not idempotent, so the message key travels with the message as a single-value extended property
/// (a fixed GUID namespace and name) and the mailbox itself is the record of what was sent:
/// <list type="number">
/// <item>look for a message carrying the key; a sent copy means the message already went: return it;</item>
/// <item>reuse a draft carrying the key, or create one (all requests ask for immutable ids, which survive the move
/// from Drafts to Sent Items);</item>
/// <item>send the draft;</item>
/// <item>when the send fails in a way Graph may already have accepted it (5xx, timeout, dropped connection), wait and
/// look again before sending again.</item>
/// </list>
/// Lookups are retried by the SDK's retry handler (429, 503, 504), which is safe. The draft's creation and the send are not
/// left to it: the Kiota version Microsoft.Graph 5.92 brought (1.21) retried 429, 503 and 504 whatever a request's
/// <c>ShouldRetry</c> said (6.10 brings Kiota 2.0; turning the retries off does not depend on which), and a 504 may hide a send
/// Graph accepted. So those two turn the SDK's retries off and are
/// repeated here, on this sender's clock after the Retry-After Graph gave, only for the answers that prove Graph did nothing
/// (429 for the send; 429 and 503 for the draft, a duplicate of which would be harmless); other 5xx responses to the send
/// are handled by step 4. If the draft has been submitted but
/// the mailbox shows neither it nor its sent copy yet (Exchange files it a moment later), this call fails rather than
/// guess, and the caller's next attempt finds the sent copy. The one window left: a new call that starts within those
/// seconds cannot know a submission is in transit, so callers retry a failed send after a back-off, not at once.
/// </remarks>
public sealed class GraphMailSender : IMailSender
{
    /// <summary>The extended property that holds the message key (MAPI string property in a private namespace).</summary>
    public const string MessageKeyPropertyId = "String {1b1716c1-5e42-4fc9-8971-4a717630f96d} Name IrpFlowsMessageKey";

    private const string ImmutableIdPreference = "IdType=\"ImmutableId\"";

    /// <summary>How many times a draft's creation or a send is made again while Graph answers that it did nothing (throttled).</summary>
    private const int MaxRepeatsWhileGraphDidNothing = 3;

    /// <summary>What a lookup asks of each message: whether it went, and the recipients and subject <see cref="SentMail"/> reports.</summary>
    private static readonly string[] LookupFields = ["id", "isDraft", "sentDateTime", "subject", "toRecipients", "ccRecipients"];

    private readonly GraphServiceClient _client;
    private readonly GraphMailOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <param name="client">App-only client (see <see cref="GraphMailClientFactory"/>); tests point it at a fake Graph.</param>
    /// <param name="options">The sender mailbox and the handling of sends whose outcome is unknown.</param>
    /// <param name="timeProvider">Waits between attempts, and stamps <see cref="SentMail.SentAt"/> for a new send.</param>
    public GraphMailSender(GraphServiceClient client, GraphMailOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SenderUserId, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSendAttempts, 1, nameof(options));
        _client = client;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns the recipients and subject of the message in the mailbox (the sent copy, or the draft that was sent), not of
    /// <paramref name="message"/>: a draft left by an earlier attempt, or a sent copy, may have been rendered from other data.
    /// A repeat returns the same <see cref="SentMail.ProviderMessageId"/> (the immutable Graph id) and the mailbox's sentDateTime.
    /// </remarks>
    public async Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? submittedDraftId = null;
        for (var attempt = 1; ; attempt++)
        {
            var copies = await FindByKeyAsync(message.MessageKey, cancellationToken);
            if (copies.FirstOrDefault(m => m.IsDraft == false) is { } sent)
            {
                return Sent(message.MessageKey, sent, sent.SentDateTime ?? _timeProvider.GetUtcNow());
            }

            var draft = copies.FirstOrDefault(m => m.IsDraft == true);
            if (draft is null && submittedDraftId is not null)
            {
                // Submitted, and neither the draft nor its sent copy is visible yet: it is on its way. Sending a new draft could send twice.
                if (attempt >= _options.MaxSendAttempts)
                {
                    throw new InvalidOperationException(
                        $"The message '{message.MessageKey}' was submitted but its sent copy is not yet visible; a later attempt will find it.");
                }
                await Task.Delay(_options.SendRecheckDelay, _timeProvider, cancellationToken);
                continue;
            }

            draft ??= await CreateDraftAsync(message, cancellationToken);
            try
            {
                submittedDraftId = draft.Id!;
                await SendDraftAsync(submittedDraftId, cancellationToken);
                return Sent(message.MessageKey, draft, _timeProvider.GetUtcNow());
            }
            catch (Exception exception) when (MayHaveBeenAccepted(exception, cancellationToken) && attempt < _options.MaxSendAttempts)
            {
                await Task.Delay(_options.SendRecheckDelay, _timeProvider, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<GraphModels.Message>> FindByKeyAsync(string messageKey, CancellationToken cancellationToken)
    {
        var page = await _client.Users[_options.SenderUserId].Messages.GetAsync(request =>
        {
            request.QueryParameters.Filter =
                $"singleValueExtendedProperties/Any(ep: ep/id eq '{MessageKeyPropertyId}' and ep/value eq '{messageKey.Replace("'", "''", StringComparison.Ordinal)}')";
            request.QueryParameters.Select = LookupFields;
            request.QueryParameters.Top = 10;
            request.Headers.Add("Prefer", ImmutableIdPreference);
        }, cancellationToken);
        return page?.Value ?? [];
    }

    /// <summary>Creates the draft; returns it as Graph created it (its id, recipients and subject).</summary>
    private async Task<GraphModels.Message> CreateDraftAsync(MailMessage message, CancellationToken cancellationToken)
    {
        GraphModels.Message? created = null;
        // A duplicate draft is harmless (only one is ever sent), but a 504 may mean the first was created: do not repeat on 504.
        // A new model each time: the SDK's backing store would send a model already sent without the values it sent before.
        await RepeatWhileGraphDidNothingAsync(
            async configure => created = await _client.Users[_options.SenderUserId].Messages.PostAsync(Draft(message), configure, cancellationToken),
            [HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable], cancellationToken);
        return created is { Id: not null } ? created : throw new InvalidOperationException("Graph created the draft but returned no id.");
    }

    /// <summary>The draft of <paramref name="message"/>, as Graph is asked to create it.</summary>
    private static GraphModels.Message Draft(MailMessage message)
    {
        var draft = new GraphModels.Message
        {
            Subject = message.Subject,
            Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = message.HtmlBody },
            ToRecipients = message.To.Select(ToRecipient).ToList(),
            CcRecipients = message.Cc.Select(ToRecipient).ToList(),
            ReplyTo = message.ReplyTo.Select(ToRecipient).ToList(),
            BccRecipients = message.Bcc.Select(ToRecipient).ToList(),
            SingleValueExtendedProperties =
            [
                new GraphModels.SingleValueLegacyExtendedProperty { Id = MessageKeyPropertyId, Value = message.MessageKey },
            ],
            InternetMessageHeaders =
            [
                new GraphModels.InternetMessageHeader { Name = MimeMail.MessageKeyHeader, Value = message.MessageKey },
            ],
            Attachments = message.Attachments
                .Select(a => (GraphModels.Attachment)new GraphModels.FileAttachment
                {
                    Name = a.FileName,
                    ContentType = a.ContentType,
                    ContentBytes = a.Content.ToArray(),
                })
                .ToList(),
        };
        // Another address than the mailbox's own (HMI Probation's): Exchange sends it only when the mailbox has Send As on it.
        // Left unset otherwise, so Graph sends from the mailbox itself.
        if (message.From is { } from) draft.From = ToRecipient(from);
        return draft;
    }

    // Only throttling proves Graph did nothing; any other failure is handled by looking in the mailbox first.
    private Task SendDraftAsync(string draftId, CancellationToken cancellationToken) =>
        RepeatWhileGraphDidNothingAsync(
            configure => _client.Users[_options.SenderUserId].Messages[draftId].Send.PostAsync(configure, cancellationToken),
            [HttpStatusCode.TooManyRequests], cancellationToken);

    /// <summary>
    /// Makes a request with the SDK's retries off, and makes it again after Graph's Retry-After (on this sender's clock) while
    /// it answers one of <paramref name="didNothing"/>, up to <see cref="MaxRepeatsWhileGraphDidNothing"/> times.
    /// </summary>
    private async Task RepeatWhileGraphDidNothingAsync(
        Func<Action<RequestConfiguration<DefaultQueryParameters>>, Task> send, HttpStatusCode[] didNothing, CancellationToken cancellationToken)
    {
        for (var repeat = 0; ; repeat++)
        {
            try
            {
                await send(request =>
                {
                    request.Headers.Add("Prefer", ImmutableIdPreference);
                    request.Options.Add(new RetryHandlerOption { MaxRetry = 0 });
                });
                return;
            }
            catch (ApiException refused) when (repeat < MaxRepeatsWhileGraphDidNothing && didNothing.Contains((HttpStatusCode)refused.ResponseStatusCode))
            {
                await Task.Delay(RetryAfter(refused), _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>The wait Graph asked for in seconds, or the SDK's default of 3 seconds when it named none.</summary>
    private static TimeSpan RetryAfter(ApiException refused) =>
        refused.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(3);

    /// <summary>Failures after which Graph may have sent the message: server errors, timeouts and broken connections.</summary>
    private static bool MayHaveBeenAccepted(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ApiException api => api.ResponseStatusCode >= 500 || api.ResponseStatusCode == (int)HttpStatusCode.RequestTimeout,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static SentMail Sent(string messageKey, GraphModels.Message message, DateTimeOffset sentAt) =>
        new(messageKey, message.Id!, sentAt, Addresses(message.ToRecipients), Addresses(message.CcRecipients), message.Subject ?? "");

    private static List<EmailAddress> Addresses(List<GraphModels.Recipient>? recipients) =>
        (recipients ?? []).Select(r => new EmailAddress(r.EmailAddress?.Name ?? "", r.EmailAddress?.Address ?? "")).ToList();

    private static GraphModels.Recipient ToRecipient(EmailAddress address) =>
        new() { EmailAddress = new GraphModels.EmailAddress { Name = address.Name, Address = address.Address } };
}
