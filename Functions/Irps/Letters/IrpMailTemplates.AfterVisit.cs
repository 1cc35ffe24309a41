using IrpFlows.Documents;
using IrpFlows.Irps.Feedback;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Letters;

// After the visit: feedback, the draft report and fact check, publication, and the material's destruction.
public sealed partial class IrpMailTemplates
{
    private static MailMessage LiaisonFeedback(IrpLetter l)
    {
        var w = l.Wording;
        var (recipient, appointed) = l.LiaisonOrHead();
        var body = new MailBodyBuilder().Paragraph($"Dear {recipient.Name},");
        body.Paragraph(appointed
            ? $"Thank you for your help as liaison officer for our independent review of progress at {w.Establishment} from {l.VisitLongRange}."
            : $"Thank you for your help with our independent review of progress at {w.Establishment} from {l.VisitLongRange}. As we do not have the name of a liaison officer, I am sending this to you; please pass it on to whoever acted in that role.");
        body.Paragraph("We ask every liaison officer for feedback on how the process worked, so that we can improve it.");
        FeedbackQuestions(body, l);
        body.Paragraph("This feedback is about how the review was run; it does not affect the judgements in the report.");
        l.CoordinatorSignOff(body);
        return l.Compose(l.Recipients(recipient), l.Recipients(l.Facts.Contacts.Coordinator),
            $"{w.SubjectPrefix}: your feedback on the review process", body);
    }

    /// <summary>
    /// Prison guide 13.1: the debrief document "shared electronically with various staff in HMPPS"; IRC guide 4.3: "with the
    /// contractor and Home Office". The team's own document (8.1: drafted by the team leader, finalised at the deliberation
    /// meeting), attached as uploaded.
    /// </summary>
    private static MailMessage DebriefDocument(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var document = l.Context.DebriefDocument
            ?? throw new ArgumentException("The debrief document email needs the team's debrief document.", nameof(l));
        var to = w.IsImmigration ? l.Recipients(contacts.Contractor, contacts.HomeOffice) : l.Recipients(contacts.Hmpps);
        if (to.Count == 0)
        {
            throw new ArgumentException("The debrief document of a prison IRP goes to HMPPS, and no HMPPS contact was given.", nameof(l));
        }
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"The team leader gave the formal debrief of our independent review of progress at {w.Establishment} to the {w.Head} on {l.LongDate(l.VisitEnd)}. "
                + $"As our guide to the review says, the debrief document is shared with {(w.IsImmigration ? "the contractor and the Home Office" : "HM Prison and Probation Service")}: it is attached ({document.FileName}).")
            // Sent once the team's document is uploaded, which may be after the publication deadline (prison guide 14.1, IRC guide 5.1).
            .Paragraph(l.HasPassed(l.Date(IrpSteps.PublicationDeadline))
                ? "The report of the review, to be published on our website as soon as it is ready, will be the final record of its findings."
                : $"The report of the review, to be published on our website by {l.LongDate(IrpSteps.PublicationDeadline)}, will be the final record of its findings.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.Coordinator), $"{w.SubjectPrefix}: debrief document", body, [document]);
    }

    private static MailMessage DraftReport(IrpLetter l)
    {
        var w = l.Wording;
        var link = l.Context.DraftReportLink
            ?? throw new ArgumentException("The draft report email needs the draft report link.", nameof(l));
        var to = l.HeadRecipients();
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"The draft report of our independent review of progress at {w.Establishment}, which took place from {l.VisitLongRange}, is ready for you to check for factual accuracy.")
            .LinkParagraph("You can read it here:", link, "draft report for factual accuracy check")
            // A draft recorded as issued on an earlier date may have its fact-check deadline behind it already.
            .Paragraph($"Please let us have any corrections of fact, with supporting evidence where possible, {(l.HasPassed(l.Date(IrpSteps.FactCheckDeadline)) ? "as soon as possible" : "by " + l.LongDate(IrpSteps.FactCheckDeadline))}. The draft is confidential until publication, so please share it only with those who need to check it.");
        CommentsLink(body, l);
        body
            .Paragraph(!l.Context.StepDates.TryGetValue(IrpSteps.PublicationDeadline, out var publication)
                ? $"The final report will be sent to {w.ReportRecipients} and published on our website within 25 working days of the end of the visit."
                : l.HasPassed(publication)
                    ? $"The final report will be sent to {w.ReportRecipients} and published on our website as soon as it is ready; the deadline of 25 working days after the visit, {DateWords.LongDate(publication)}, has passed."
                    : $"The final report will be sent to {w.ReportRecipients} and published on our website by {DateWords.LongDate(publication)}.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), $"{w.SubjectPrefix}: draft report for factual accuracy check", body);
    }

    private static MailMessage FactCheckReminder(IrpLetter l)
    {
        var w = l.Wording;
        var deadline = l.LongDate(IrpSteps.FactCheckDeadline);
        var to = l.HeadRecipients();
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"This is a reminder that we need any corrections of fact to the draft report of our independent review of progress at {w.Establishment} by {deadline}.");
        if (l.Context.DraftReportLink is { } link)
        {
            body.LinkParagraph("The draft is still available here:", link, "draft report for factual accuracy check");
        }
        CommentsLink(body, l);
        body.Paragraph("If you have no corrections, please let me know so that we can finalise the report.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), $"{w.SubjectPrefix}: reminder, factual accuracy comments due by {deadline}", body);
    }

    // Prison guide 16.1 "a feedback form", IRC guide 5.3: the form's link when there is one, and always a reply by email.
    private static void FeedbackQuestions(MailBodyBuilder body, IrpLetter l)
    {
        var questions = FeedbackForm.Questions(l.Wording.IsImmigration).Select(q => q.Text);
        if (l.Context.FeedbackLink is { } form)
        {
            body.LinkParagraph("Please tell us what you think on our short feedback form:", form, "give feedback on the review")
                .Paragraph("It asks about:").BulletList(questions)
                .Paragraph("If you prefer, you can reply to this email instead.");
        }
        else
        {
            body.Paragraph("Please reply to this email with your comments on:").BulletList(questions);
        }
    }

    // Where the comments go: the upload page when there is a link, and always the coordinator by email.
    private static void CommentsLink(MailBodyBuilder body, IrpLetter l)
    {
        if (l.Context.FactCheckUploadLink is { } upload)
        {
            body.LinkParagraph("You can upload your comments here:", upload, "upload fact-check comments")
                .Paragraph("If you prefer, you can send them to me by replying to this email.");
        }
        else
        {
            body.Paragraph("Please send your comments to me by replying to this email.");
        }
    }

    private static MailMessage PublicationAlert(IrpLetter l)
    {
        var w = l.Wording;
        var coordinator = l.Facts.Contacts.Coordinator;
        var deadline = l.LongDate(IrpSteps.PublicationDeadline);
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {coordinator.Name},")
            .Paragraph($"The report of the independent review of progress at {w.Establishment} must be published by {deadline}, 25 working days after the visit ended on {l.LongDate(l.VisitEnd)}. No publication has been recorded for it yet.")
            .Paragraph("If the report has already been published, please record the publication date and link in IrpFlows so that the establishment is told. Otherwise, please check that the final report is on track to be sent to "
                + w.ReportRecipients + " and published in time.")
            .SignOff("This is an automated message from IrpFlows.", "HM Inspectorate of Prisons");
        return l.Compose(l.Recipients(coordinator), [], $"{w.SubjectPrefix}: report due for publication by {deadline}", body);
    }

    /// <summary>Prison guide 14.1 / IRC guide 5.1: "The final report will be sent to the Secretary of State for Justice" (the Home Secretary and Minister).</summary>
    private static MailMessage FinalReport(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var office = contacts.MinisterialOffice
            ?? throw new ArgumentException("The final report goes to the ministerial office, and no such contact was given.", nameof(l));
        var link = l.Context.FinalReportLink
            ?? throw new ArgumentException("The final report email needs the final report link.", nameof(l));
        var to = l.Recipients(office);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"The final report of our independent review of progress at {w.Establishment}, which took place from {l.VisitLongRange}, is ready for {w.ReportRecipients}.")
            .LinkParagraph("You can read it here:", link, $"final report of the independent review of progress at {w.Establishment}")
            .Paragraph(l.HasPassed(l.Date(IrpSteps.PublicationDeadline))
                ? "We will publish it on our website shortly. Please treat it as confidential until then."
                : $"We will publish it on our website by {l.LongDate(IrpSteps.PublicationDeadline)}, 25 working days after the visit ended. Please treat it as confidential until then.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.Coordinator), $"{w.SubjectPrefix}: final report", body);
    }

    private static MailMessage Publication(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var to = w.IsImmigration
            ? l.Recipients(contacts.Governor, contacts.HomeOffice, contacts.ImbChair)
            : l.Recipients(contacts.Governor, contacts.ImbChair);
        var published = l.Context.PublishedOn is { } date ? $" on {DateWords.LongDate(date)}" : "";
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"The report of our independent review of progress at {w.Establishment}, which took place from {l.VisitLongRange}, "
                + (l.Context.FinalReportSent ? $"has been sent to {w.ReportRecipients} and was published on our website{published}." : $"was published on our website{published}."));
        if (l.Context.PublicationUrl is { } url)
        {
            body.LinkParagraph("You can read it here:", url, $"report of the independent review of progress at {w.Establishment}");
        }
        body.Paragraph("Thank you to you and your staff for your cooperation during the review.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.Coordinator), $"{w.SubjectPrefix}: report published", body);
    }

    private static MailMessage GovernorFeedback(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        // IRC guide 5.3: the centre manager and the Home Office Detention Engagement and Compliance teams; prison guide 16.1: the governor.
        var to = w.IsImmigration
            ? l.Recipients(contacts.Governor, contacts.HomeOfficeDetentionEngagement ?? contacts.HomeOffice)
            : l.Recipients(contacts.Governor);
        var body = new MailBodyBuilder().Paragraph(l.Greeting(to));
        if (w.IsImmigration)
        {
            body.Paragraph($"Thank you for your cooperation with our independent review of progress at {w.Establishment} from {l.VisitLongRange}. We would welcome feedback from the centre, and from the Home Office Detention Engagement and Compliance teams, on how the review was carried out.");
        }
        else
        {
            body.Paragraph(l.Context.PublishedOn is null
                ? $"Following our independent review of progress at {w.Establishment} from {l.VisitLongRange}, we would welcome your feedback on how the review was carried out."
                : $"Now that the report of our independent review of progress at {w.Establishment} has been published, we would welcome your feedback on how the review was carried out.");
        }
        FeedbackQuestions(body, l);
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), $"{w.SubjectPrefix}: your feedback on the review", body);
    }

    private static MailMessage MaterialDestruction(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var destroyed = l.Context.Destroyed
            ?? throw new ArgumentException("The material destruction email needs the record of what was deleted.", nameof(l));
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(l.Recipients(contacts.Coordinator, contacts.LiaisonOfficer)))
            .Paragraph(l.Context.Cancelled
                ? $"The material provided by {w.Establishment} for the independent review of progress planned for {l.VisitLongRange}, which was cancelled, has been dealt with as follows:"
                : $"The material provided by {w.Establishment} for the independent review of progress from {l.VisitLongRange} has been dealt with as follows:");
        // Prison guide Appendix A / IRC guide Appendix I: the establishment's material goes; the inspectorate's report files are its record.
        if (destroyed.Count == 0)
        {
            body.Paragraph("The establishment uploaded no documents to IrpFlows for this review, so there were none to delete.");
        }
        else
        {
            body.Paragraph($"We deleted {(destroyed.Count == 1 ? "the 1 document" : $"all {destroyed.Count} documents")} ({UploadRules.Describe(destroyed.Bytes)}) "
                    + "the establishment uploaded to IrpFlows for this review. None remain:")
                .BulletList(destroyed.Files.Select(f => $"{f.FileName} ({UploadRules.Describe(f.Size)})"));
        }
        body.Paragraph("HM Inspectorate of Prisons keeps its own files of the review (the draft and final reports, the fact-check comments and the debrief document) as its record.");
        if (contacts.LiaisonOfficer is { } liaison)
        {
            body.Paragraph($"As liaison officer, {liaison.Name} is asked to make sure that any material the team requested and used that remains at the establishment is destroyed or returned to the correct departments.");
        }
        body.SignOff("This is an automated message from IrpFlows.", "HM Inspectorate of Prisons");
        return l.Compose(l.Recipients(contacts.Coordinator), l.Recipients(contacts.LiaisonOfficer),
            $"{w.SubjectPrefix}: material destroyed or returned", body);
    }
}
