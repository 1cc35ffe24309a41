using IrpFlows.Writing;

namespace IrpFlows.Mail;

/// <summary>One step recorded skipped: its title on the timeline, the date it was planned for, and why it was not sent.</summary>
public sealed record SkippedStep(string Title, DateOnly Date, string Reason);

/// <summary>Who is told of steps skipped, about which inspection, and where they can see it.</summary>
/// <param name="NoticeId">The notice's step id (<c>skipped-notice-{n}</c>): with the instance id, the message key.</param>
/// <param name="Subject">What the inspection is called in a subject line ("Independent review of progress at HMP Elmley").</param>
/// <param name="Inspection">What it is called within a sentence ("the independent review of progress at HMP Elmley").</param>
/// <param name="Steps">The steps skipped, in the order they were recorded; at least one.</param>
/// <param name="Page">The inspection's page, where each skipped step shows with its reason.</param>
/// <param name="Inspectorate">Signs the message ("HM Inspectorate of Prisons").</param>
public sealed record SkippedNoticeContent(
    string InstanceId, string NoticeId, EmailAddress To, string Subject, string Inspection, IReadOnlyList<SkippedStep> Steps, Uri Page, string Inspectorate);

/// <summary>
/// The email that tells the person who runs an inspection (an IRP's coordinator, a probation inspection's lead inspector) of
/// the steps IrpFlows reached only after their moment had passed, and so did not send: each with the date it was planned for
/// and why. One per catch-up (see <see cref="Workflow.SkippedNotices"/>); the same for every kind of inspection.
/// </summary>
public static class SkippedNoticeMail
{
    /// <exception cref="ArgumentException">No step is given: a notice of nothing is not sent.</exception>
    public static MailMessage Render(SkippedNoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var steps = content.Steps;
        if (steps.Count == 0)
        {
            throw new ArgumentException("The notice of skipped steps needs the steps it tells of.", nameof(content));
        }
        var one = steps.Count == 1;
        var subject = $"{content.Subject}: {NumberWords.ToWords(steps.Count)} step{(one ? "" : "s")} not sent because {(one ? "its" : "their")} moment had passed";
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {content.To.Name},")
            .Paragraph($"IrpFlows reached {(one ? "a step" : "these steps")} of {content.Inspection} only after {(one ? "its" : "their")} moment had passed, "
                + $"so {(one ? "it was" : "they were")} not sent, rather than sent with dates no longer true:")
            .BulletList(steps.Select(s => $"{s.Title} (planned for {DateWords.LongDate(s.Date)}): {s.Reason}."))
            .Paragraph("If any of them is still needed, please send it yourself, with dates that are true today.")
            .LinkParagraph("The inspection's page:", content.Page, "open the inspection in IrpFlows")
            .SignOff("This is an automated message from IrpFlows.", content.Inspectorate);
        return new MailMessage($"{content.InstanceId}/{content.NoticeId}", [content.To], [], subject, body.BuildHtml(subject), body.BuildText(), []);
    }
}
