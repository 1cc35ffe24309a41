using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Digest;

/// <summary>The weekly digest as an email: for each inspection a person runs, what failed, what is overdue and what is due soon, with its link.</summary>
public static class DigestMail
{
    /// <summary>What the outbox lists a week's digests under (<c>GET /api/outbox?irpId=digest-2026-W49</c>): <c>digest-{week}</c>.</summary>
    public static string Prefix(DigestWeek week) => "digest-" + week.Key;

    /// <summary>
    /// <c>digest-{week}/{address}</c>: one message per person per week, whatever runs it and however often. The address is
    /// lower-cased, and the characters a table key or a blob path cannot hold are written as <c>%XX</c>.
    /// </summary>
    public static string MessageKey(DigestWeek week, string address) => Prefix(week) + "/" + RecipientKey(address);

    /// <summary>The address as a key: lower-cased, with <c>/ \ # ? %</c> and control characters written <c>%XX</c>.</summary>
    public static string RecipientKey(string address) =>
        string.Concat(address.Trim().ToLowerInvariant().Select(c => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c) ? $"%{(int)c:X2}" : c.ToString()));

    public static MailMessage Render(DigestWeek week, PersonDigest digest, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var subject = $"IrpFlows weekly summary: week beginning {DateWords.LongDate(week.Monday)}";
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {digest.Name},")
            .Paragraph("This is your weekly summary of the inspections you run in IrpFlows: any step that failed, any that is overdue, "
                + $"and the steps due from today to {DateWords.LongDate(digest.LastDay)}.");
        foreach (var instance in digest.Instances)
        {
            body.Heading(instance.Agenda.Title);
            if (instance.Failed.Count > 0)
                body.Paragraph("Failed: IrpFlows has stopped trying and waits for you to retry it on the page below:")
                    .BulletList(instance.Failed.Select(i => $"{i.Title} (planned for {DateWords.LongDate(i.Date)})"));
            if (instance.Overdue.Count > 0)
                body.Paragraph("Overdue:").BulletList(instance.Overdue.Select(i => $"{i.Title} (due {DateWords.LongDate(i.Date)})"));
            if (instance.Due.Count > 0)
                body.Paragraph("Due in the next two weeks:").BulletList(instance.Due.Select(i => $"{DateWords.LongDate(i.Date)}: {i.Title}"));
            body.LinkParagraph("Its page:", new Uri(publicBaseUrl, instance.Agenda.PagePath), instance.Agenda.Title);
        }
        body.SignOff("This is an automated message from IrpFlows. It comes on Monday mornings, when something is due, overdue or has failed.",
            [.. digest.Instances.Select(i => i.Agenda.Inspectorate).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        return new MailMessage(MessageKey(week, digest.Email), [new EmailAddress(digest.Name, digest.Email)], [], subject,
            body.BuildHtml(subject), body.BuildText(), []);
    }
}
