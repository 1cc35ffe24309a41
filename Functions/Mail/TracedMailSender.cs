using System.Diagnostics;
using IrpFlows.Telemetry;

namespace IrpFlows.Mail;

/// <summary>
/// Any sender, with a span for each send ("send email", tagged with the instance and step of its
/// <see cref="MailMessage.MessageKey"/> and the sender; never an address or a subject) beneath the step that sends it, and a
/// count in <see cref="AppTelemetry.EmailsSent"/>. Graph's HTTP calls are traced beneath it.
/// </summary>
public sealed class TracedMailSender(IMailSender sender, string senderName) : IMailSender
{
    public async Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var (instanceId, stepId) = Parts(message.MessageKey);
        using var span = AppTelemetry.Source.StartActivity("send email", ActivityKind.Internal, default(ActivityContext),
            [new(AppTelemetry.InstanceIdTag, instanceId), new(AppTelemetry.StepIdTag, stepId), new(AppTelemetry.MailSenderTag, senderName)]);
        try
        {
            var sent = await sender.SendAsync(message, cancellationToken);
            AppTelemetry.EmailsSent.Add(1, new(AppTelemetry.MailSenderTag, senderName), new(AppTelemetry.StepIdTag, stepId));
            return sent;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    // An instance's email is keyed "{instanceId}/{stepId}". Any other (a person's weekly digest, "digest-2026-W49/{address}")
    // is tagged by its first word alone: never an address, and a tag with few values.
    private static (string? InstanceId, string StepId) Parts(string messageKey)
    {
        var slash = messageKey.IndexOf('/');
        var first = slash > 0 ? messageKey[..slash] : messageKey;
        return slash > 0 && Guid.TryParseExact(first, "N", out _) ? (first, messageKey[(slash + 1)..]) : (null, first.Split('-')[0]);
    }
}
