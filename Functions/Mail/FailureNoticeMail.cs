using IrpFlows.Workflow;

namespace IrpFlows.Mail;

/// <summary>Who is told of a failure, about what, and where they can act on it.</summary>
/// <param name="Subject">What the inspection is called in a subject line ("Independent review of progress at HMP Elmley").</param>
/// <param name="StepTitle">The failed step as the timeline names it; null when the whole inspection cannot be planned.</param>
/// <param name="Page">The inspection's page, where a failed step has its Retry button.</param>
/// <param name="RetryPath">The API call that retries the step, for scripts; null when there is none (the whole inspection failed).</param>
/// <param name="Inspectorate">Signs the message ("HM Inspectorate of Prisons").</param>
public sealed record FailureNoticeContent(
    string InstanceId, EmailAddress To, string Subject, string? StepTitle, Uri Page, string? RetryPath, string Inspectorate)
{
    /// <summary>Who is copied: the operations address (<see cref="OperationsOptions.FailureCopy"/>), so a fault reaches those who can fix it.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];
}

/// <summary>
/// The email that tells the person who runs an inspection (an IRP's coordinator, a probation inspection's lead inspector)
/// that a step's attempts ran out, or that its record can no longer be planned: what failed, why, and where to retry it.
/// The same for every kind of inspection: what differs is in <see cref="FailureNoticeContent"/>.
/// </summary>
public static class FailureNoticeMail
{
    public static MailMessage Render(WorkflowFailure failure, FailureNoticeContent content)
    {
        var body = new MailBodyBuilder().Paragraph($"Dear {content.To.Name},");
        string subject;
        if (content.StepTitle is { } title)
        {
            subject = $"{content.Subject}: \"{title}\" failed and waits for you";
            body.Paragraph($"IrpFlows could not carry out \"{title}\": it tried {failure.Attempts} time{(failure.Attempts == 1 ? "" : "s")} and has stopped trying. The last error was:")
                .Paragraph(failure.Error)
                .Paragraph("Nothing else waits for it: the other steps go on at their dates. Once the cause is put right (for example the mail service is back), "
                    + "open the page below and choose Retry beside the step" + (content.RetryPath is { } retry ? $", or call POST {retry} with the function key." : "."));
        }
        else
        {
            subject = $"{content.Subject}: IrpFlows cannot plan it and has stopped";
            body.Paragraph("IrpFlows can no longer work out the timeline from this inspection's record, so none of its steps will run until that is put right. The reason:")
                .Paragraph(failure.Error)
                .Paragraph("This is a fault in IrpFlows, not in anything you did: please pass this email to the team that runs it. Once it is fixed, the inspection carries on by itself within the hour.");
        }
        body.LinkParagraph("The inspection's page:", content.Page, "open the inspection in IrpFlows")
            .SignOff("This is an automated message from IrpFlows.", content.Inspectorate);
        return new MailMessage($"{content.InstanceId}/{failure.NoticeId}", [content.To], content.Cc, subject, body.BuildHtml(subject), body.BuildText(), []);
    }
}
