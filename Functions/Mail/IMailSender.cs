namespace IrpFlows.Mail;

/// <summary>Sends email on behalf of the inspectorate.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>. Callers may call at least once (a crash between sending and recording the
    /// result makes the workflow engine call again); the effect is exactly once: sending the same
    /// <see cref="MailMessage.MessageKey"/> again returns the first <see cref="SentMail"/> and sends nothing, whatever
    /// the repeat's recipients and subject are: the result describes the message that exists, so callers record that.
    /// </summary>
    Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken);
}
