using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Letters;

/// <summary>One render of one step: the IRP's dates, recipients and sign-off, and how the finished message is put together.</summary>
/// <param name="today">The day the letter is written, in England and Wales.</param>
internal sealed class IrpLetter(string stepId, IrpMailContext context, DateOnly today)
{
    /// <summary>True when <paramref name="date"/> is before the day the letter is written: it must not be stated as still to come.</summary>
    public bool HasPassed(DateOnly date) => date < today;

    public IrpMailContext Context { get; } = context;

    public IrpFacts Facts => Context.Facts;

    public IrpWording Wording { get; } = new(context.Facts);

    public DateOnly VisitStart => Context.StepDates.TryGetValue(IrpSteps.VisitStart, out var start) ? start : Facts.VisitStart;

    public DateOnly VisitEnd => Date(IrpSteps.VisitEnd);

    public string VisitLongRange => DateWords.LongRange(VisitStart, VisitEnd);

    public string VisitShortRange => DateWords.ShortRange(VisitStart, VisitEnd);

    public DateOnly Date(string stepDateId) =>
        Context.StepDates.TryGetValue(stepDateId, out var date)
            ? date
            : throw new ArgumentException($"The '{stepId}' email needs the date of '{stepDateId}'.", nameof(context));

    public string LongDate(string stepDateId) => DateWords.LongDate(Date(stepDateId));

    public string LongDate(DateOnly date) => DateWords.LongDate(date);

    /// <summary>"Day 1: Monday 13 February 2023"; the middle day is dated only when the visit runs on three consecutive days.</summary>
    public string VisitDayTitle(int day) => day switch
    {
        1 => $"Day 1: {LongDate(VisitStart)}",
        3 => $"Day 3: {LongDate(VisitEnd)}",
        _ when VisitEnd.DayNumber - VisitStart.DayNumber == 2 => $"Day 2: {LongDate(VisitStart.AddDays(1))}",
        _ => "Day 2",
    };

    /// <summary>
    /// The governor (centre manager) and the liaison officer once appointed: those asked for the documents (prison guide 7.3,
    /// IRC guide 2.7) and told the arrangements for the visit.
    /// </summary>
    public (IReadOnlyList<EmailAddress> To, bool LiaisonAppointed) HeadAndLiaison() =>
        (Recipients(Facts.Contacts.Governor, Facts.Contacts.LiaisonOfficer), Facts.Contacts.LiaisonOfficer is not null);

    /// <summary>The liaison officer, or the head of the establishment while none is appointed (prison guide 7.1).</summary>
    public (Contact Recipient, bool LiaisonAppointed) LiaisonOrHead() =>
        Facts.Contacts.LiaisonOfficer is { } liaison ? (liaison, true) : (Facts.Contacts.Governor, false);

    /// <summary>The governor, or for an IRC the centre manager and the Home Office (IRC guide 2.4, 5.1, 5.3).</summary>
    public IReadOnlyList<EmailAddress> HeadRecipients() =>
        Wording.IsImmigration ? Recipients(Facts.Contacts.Governor, Facts.Contacts.HomeOffice) : Recipients(Facts.Contacts.Governor);

    public IReadOnlyList<DocumentRequestItem> MissingDocuments() => Context.Documents.Where(d => !d.Received).ToList();

    /// <summary>The contacts that exist, once each.</summary>
    public IReadOnlyList<EmailAddress> Recipients(params Contact?[] contacts) =>
        contacts.OfType<Contact>()
            .DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
            .Select(c => new EmailAddress(c.Name, c.Email))
            .ToList();

    public string Greeting(IReadOnlyList<EmailAddress> to) => $"Dear {DateWords.JoinNames(to.Select(a => a.Name).ToList())},";

    public void UploadLinkParagraph(MailBodyBuilder body)
    {
        if (Context.UploadLink is { } link)
        {
            body.LinkParagraph("Please upload each document using this secure link:", link, $"upload documents for {Wording.Establishment}");
        }
        else
        {
            body.Paragraph("The secure link for uploading the documents will follow in a separate email.");
        }
    }

    public void CoordinatorSignOff(MailBodyBuilder body)
    {
        var coordinator = Facts.Contacts.Coordinator;
        body.SignOff("Kind regards,", coordinator.Name, "Coordinating inspector", "HM Inspectorate of Prisons", coordinator.Email);
    }

    /// <summary>Puts the message together; anyone already in To is left out of Cc.</summary>
    public MailMessage Compose(
        IReadOnlyList<EmailAddress> to,
        IReadOnlyList<EmailAddress> cc,
        string subject,
        MailBodyBuilder body,
        IReadOnlyList<MailAttachment>? attachments = null)
    {
        var copied = cc.Where(c => !to.Any(t => string.Equals(t.Address, c.Address, StringComparison.OrdinalIgnoreCase))).ToList();
        return new MailMessage($"{Context.InstanceId}/{stepId}", to, copied, subject, body.BuildHtml(subject), body.BuildText(), attachments ?? []);
    }
}
