using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;

namespace IrpFlows.Irps.Letters;

// The documents request, its reminders and the escalation (prison guide 7.3, 7.4; IRC guide 2.7, 2.8).
public sealed partial class IrpMailTemplates
{
    private static MailMessage? DocumentsRequest(IrpLetter l)
    {
        var documents = l.Context.Documents;
        if (documents.Count == 0)
        {
            return null;
        }
        var w = l.Wording;
        // Prison guide 7.3 / IRC guide 2.7: the documents are asked of the governor (centre manager) and the liaison officer.
        var (to, appointed) = l.HeadAndLiaison();
        var cc = w.IsImmigration ? l.Recipients(l.Facts.Contacts.Coordinator, l.Facts.Contacts.HomeOffice) : l.Recipients(l.Facts.Contacts.Coordinator);
        var deadline = l.LongDate(IrpSteps.DocumentsDeadline);
        var body = new MailBodyBuilder().Paragraph(l.Greeting(to));
        if (!appointed)
        {
            body.Paragraph("A liaison officer has not yet been appointed for the review, so I am sending this request to you alone. Please pass it on to the liaison officer once they have been appointed.");
        }
        body.Paragraph($"Ahead of our independent review of progress at {w.Establishment} from {l.VisitLongRange}, please provide the documents listed below. They should reach us no later than {deadline}, five working days before the visit starts.")
            .Heading("Documents requested")
            .BulletList(documents.Select(d => d.Received ? $"{d.Title} (received, thank you)" : d.Title))
            .Paragraph($"The manager pro forma and the bespoke data request are attached as spreadsheets, with a row for each {w.Item} we are following up. Please complete them and upload them with the other documents.");
        l.UploadLinkParagraph(body);
        body.Paragraph($"If you have any questions, or expect any difficulty in meeting the deadline, please let me know as soon as possible.");
        l.CoordinatorSignOff(body);
        var slug = Slug(w.Establishment);
        return l.Compose(to, cc, $"{w.SubjectPrefix}: documents needed by {deadline}", body,
            [EstablishmentForms.ManagerProForma(l.Facts, w, slug), EstablishmentForms.DataRequest(l.Facts, w, slug)]);
    }

    private static MailMessage? DocumentsChase(IrpLetter l, bool dueToday)
    {
        var missing = l.MissingDocuments();
        if (missing.Count == 0)
        {
            return null;
        }
        var w = l.Wording;
        var (to, appointed) = l.HeadAndLiaison();
        var deadline = l.LongDate(IrpSteps.DocumentsDeadline);
        var body = new MailBodyBuilder().Paragraph(l.Greeting(to));
        if (!appointed)
        {
            body.Paragraph("As a liaison officer has not yet been appointed for the review, I am writing to you alone.");
        }
        body.Paragraph(dueToday
            ? $"The documents for our independent review of progress at {w.Establishment} are due today, {deadline}. We have not yet received the following:"
            : $"This is a reminder that the documents for our independent review of progress at {w.Establishment} are due by {deadline}. We have not yet received the following:");
        body.BulletList(missing.Select(d => d.Title));
        if (l.Context.Documents.Any(d => d.Received))
        {
            body.Paragraph("Thank you for the documents we have already received.");
        }
        l.UploadLinkParagraph(body);
        body.Paragraph($"The visit starts on {l.LongDate(l.VisitStart)}. If you have already sent any of these documents, or expect any difficulty, please let me know.");
        l.CoordinatorSignOff(body);
        var subject = dueToday
            ? $"{w.SubjectPrefix}: documents due today"
            : $"{w.SubjectPrefix}: reminder, documents due by {deadline}";
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), subject, body);
    }

    private static MailMessage? DocumentsOverdue(IrpLetter l)
    {
        var missing = l.MissingDocuments();
        if (missing.Count == 0)
        {
            return null;
        }
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {contacts.Governor.Name},")
            .Paragraph($"The documents for our independent review of progress at {w.Establishment} were due by {l.LongDate(IrpSteps.DocumentsDeadline)}, five working days before the visit starts on {l.LongDate(l.VisitStart)}. We have not yet received the following:")
            .BulletList(missing.Select(d => d.Title))
            .Paragraph("The team uses these documents to prepare for the visit. Please arrange for them to be provided as soon as possible.");
        l.UploadLinkParagraph(body);
        body.Paragraph("If there is a difficulty I can help with, please let me know.");
        l.CoordinatorSignOff(body);
        return l.Compose(l.Recipients(contacts.Governor), l.Recipients(contacts.Coordinator, contacts.LiaisonOfficer),
            $"{w.SubjectPrefix}: documents overdue", body);
    }
}
