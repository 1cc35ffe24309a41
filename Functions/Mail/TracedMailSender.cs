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

    // "{instanceId}/{stepId}"; a key of another shape is tagged whole as the step.
    private static (string? InstanceId, string StepId) Parts(string messageKey) =>
        messageKey.IndexOf('/') is > 0 and var slash ? (messageKey[..slash], messageKey[(slash + 1)..]) : (null, messageKey);
}
