using IrpFlows.Writing;
using IrpFlows.Timeline;

namespace IrpFlows.Mail;

/// <summary>
/// Renders the email each IRP step sends, following the prison guide (July 2019) and the immigration detention guide
/// (April 2025). Every message comes in HTML and plain text with the same content; every user-supplied value is
/// HTML-encoded. The message key is <c>"{instanceId}/{stepId}"</c>, so rendering a step again gives the same key.
/// </summary>
/// <param name="timeProvider">Stamps calendar invitations (DTSTAMP); nothing else reads the clock.</param>
public sealed class IrpMailTemplates(TimeProvider timeProvider)
{
    private const string ReminderPrefix = "documents-reminder-";
    private const string FactCheckReminderPrefix = "fact-check-reminder-";

    /// <summary>Steps of the timeline that are milestones on the coordinator's timeline and tell no one anything by email.</summary>
    public static readonly IReadOnlySet<string> MilestoneSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "visit-start", "visit-end", "fact-check-deadline", "publication-deadline",
    };

    /// <summary>
    /// Returns the email for <paramref name="stepId"/>, or null when the step sends none: <c>debrief</c> (the debrief
    /// document is handed over in person), a documents chase when nothing is missing, and <c>liaison-feedback</c> for an
    /// immigration IRP (the IRC guide seeks feedback from the centre manager and Home Office instead: <c>governor-feedback</c>).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The step id is not an email step, or the context lacks what the step needs (a date in
    /// <see cref="IrpMailContext.StepDates"/>, the draft report link, the destruction summary).
    /// </exception>
    public MailMessage? Render(string stepId, IrpMailContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentNullException.ThrowIfNull(context);
        var letter = new IrpLetter(stepId, context);
        return stepId switch
        {
            "announcement" => Announcement(letter),
            "documents-request" => DocumentsRequest(letter),
            "documents-deadline" => DocumentsChase(letter, dueToday: true),
            _ when IsNumbered(stepId, ReminderPrefix) => DocumentsChase(letter, dueToday: false),
            "documents-overdue" => DocumentsOverdue(letter),
            "visit-arrangements" => VisitArrangements(letter),
            "debrief" => null,
            "liaison-feedback" => letter.Wording.IsImmigration ? null : LiaisonFeedback(letter),
            "draft-report" => DraftReport(letter),
            _ when IsNumbered(stepId, FactCheckReminderPrefix) => FactCheckReminder(letter),
            "publication-alert" => PublicationAlert(letter),
            "publication" => Publication(letter),
            "governor-feedback" => GovernorFeedback(letter),
            "material-destruction" => MaterialDestruction(letter),
            "cancellation" => Cancellation(letter),
            _ => throw new ArgumentException($"Step '{stepId}' sends no email that these templates know.", nameof(stepId)),
        };
    }

    private static bool IsNumbered(string stepId, string prefix) =>
        stepId.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(stepId.AsSpan(prefix.Length), out var number) && number > 0;

    private static MailMessage Announcement(IrpLetter l)
    {
        var w = l.Wording;
        var facts = l.Facts;
        var contacts = facts.Contacts;
        var to = w.IsImmigration ? l.Recipients(contacts.Governor, contacts.HomeOffice) : l.Recipients(contacts.Governor);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"I am writing to confirm that HM Inspectorate of Prisons will carry out an independent review of progress (IRP) at {w.Establishment} from {l.VisitLongRange}.")
            .Paragraph($"The review will follow up {Count(facts.Recommendations.Count, w.Item)} from our inspection of {w.Establishment}, which ended on {IrpWording.LongDate(facts.SourceInspectionEnd)}. "
                + $"We will judge the progress made against each {w.Item}; there will be no overall judgement.")
            .Heading(w.IsImmigration ? "Concerns we will follow up" : "Recommendations we will follow up")
            .LabelledList(facts.Recommendations.Select(r => ((string?)(r.Area is null ? r.Ref : $"{r.Ref} {r.Area}:"), r.Text)));

        if (!w.IsImmigration && facts.OfstedThemes.Count > 0)
        {
            body.Heading("Ofsted themes")
                .Paragraph("Ofsted will carry out a prison monitoring visit at the same time and will follow up the themes below. Ofsted will contact your learning and skills manager, or equivalent, directly.")
                .LabelledList(facts.OfstedThemes.Select(t => ((string?)t.Ref, t.Text)));
        }

        var partners = Partners(facts).ToList();
        if (partners.Count > 0)
        {
            body.Heading("Partner inspectorates")
                .Paragraph("The following will take part in the review:")
                .BulletList(partners);
        }

        var coordinator = contacts.Coordinator;
        body.Heading("Before the visit")
            .Paragraph($"Please appoint a liaison officer to be the main point of contact between the inspection team and your staff throughout the review, and let {coordinator.Name} know who this will be. "
                + (w.IsImmigration
                    ? "The role is described in Appendix I of our guide to independent reviews of progress for immigration detention staff."
                    : "The role is described in Appendix A of our guide to independent reviews of progress for prison staff."))
            .Paragraph(w.IsImmigration
                ? $"{coordinator.Name}, the coordinating inspector, will contact the centre before the visit to explain the process, answer any questions and agree the arrangements for logistics and documents."
                : $"{coordinator.Name}, the coordinating inspector, will arrange a preparation visit to explain the process, answer any questions and agree the arrangements for logistics and documents.")
            .Paragraph("We will offer staff association representatives the opportunity to meet the team leader, and we will arrange to meet representatives of the Independent Monitoring Board.")
            .Paragraph($"We will ask you and your liaison officer to:")
            .BulletList(DocumentAsks(facts, w))
            .Paragraph(w.IsImmigration
                ? $"We will send the request for these documents within two weeks of this letter. They should reach us no later than {l.LongDate("documents-deadline")}, five working days before the visit starts."
                : $"All these documents should reach us no later than {l.LongDate("documents-deadline")}, five working days before the visit starts. We will send your liaison officer a secure link for uploading them.");

        body.Heading("Independent Monitoring Board")
            .Paragraph(w.IsImmigration
                ? $"I am copying this letter to {contacts.ImbChair.Name}, Chair of the Independent Monitoring Board. The team would welcome the opportunity to meet representatives of the Board during the visit."
                : $"I am copying this letter to {contacts.ImbChair.Name}, Chair of the Independent Monitoring Board, and I would like to invite the Chair to meet the team, or the team leader, during the visit.")
            .Paragraph($"If you have any questions about the review, please contact {coordinator.Name}, the coordinating inspector, at {coordinator.Email}.")
            .SignOff("Yours sincerely,", "HM Chief Inspector of Prisons");

        var subject = $"{w.SubjectPrefix}: visit {l.VisitShortRange}";
        return l.Compose(to, l.Recipients(contacts.ImbChair), subject, body);
    }

    private static IEnumerable<string> Partners(IrpFacts facts)
    {
        if (facts.CqcIssuedNotices)
        {
            yield return "the Care Quality Commission (CQC), as it issued notices following the inspection";
        }
        if (facts.Kind == IrpKind.Prison && facts.OfstedThemes.Count > 0)
        {
            yield return "Ofsted, which will follow up the themes listed above";
        }
        if (facts.Kind == IrpKind.Prison && facts.Establishment.Nation == Nation.Wales)
        {
            yield return $"Estyn, as {facts.Establishment.Name} is in Wales";
        }
    }

    private static IEnumerable<string> DocumentAsks(IrpFacts facts, IrpWording w)
    {
        yield return $"complete a pro forma identifying the manager responsible for each {w.Item} we are following up";
        yield return $"provide an updated action plan for these {w.Items}";
        yield return w.IsImmigration
            ? "prepare a 30-minute presentation, to be given at the start of the visit, explaining what staff have done to address our concerns, reflecting on what has gone well and what has been challenging, and offering a self-assessment of how much progress has been made"
            : "prepare a presentation of no more than one hour, to be given on the first day of the visit, explaining what staff have done to implement our recommendations, reflecting on what has gone well and what has been challenging, and offering a self-assessment of how much progress has been made against each recommendation";
        yield return w.IsImmigration
            ? "complete a bespoke data request, which we will send to the centre and the Home Office"
            : "complete a bespoke data request, which we will send you";
        yield return $"provide well-organised documentation and data showing the work done in response to the {w.Items} we are following up, such as new policies and procedures, quality assurance data and minutes of meetings";
        if (PopulationReport(facts.Establishment.Type) is { } report)
        {
            yield return $"provide the prisoner population report ('{report}', summary tab only), following the instructions in Appendix B of the guide";
        }
        yield return w.IsImmigration
            ? "provide copies of any relevant internal audit reports"
            : "provide copies of any operational support and assurance group (OSAG) reports";
    }

    /// <summary>The NOMIS report named in Appendix B of the prison guide for each establishment type.</summary>
    private static string? PopulationReport(EstablishmentType type) => type switch
    {
        EstablishmentType.Adult => "Adult HMP Establishments Population Breakdown",
        EstablishmentType.Yoi => "YOI Population Breakdown",
        EstablishmentType.Split => "Population Breakdown for Split Establishments - Adults and Young Adults",
        _ => null,
    };

    private static MailMessage? DocumentsRequest(IrpLetter l)
    {
        var documents = l.Context.Documents;
        if (documents.Count == 0)
        {
            return null;
        }
        var w = l.Wording;
        var (recipient, appointed) = l.LiaisonOrHead();
        var cc = w.IsImmigration ? l.Recipients(l.Facts.Contacts.Coordinator, l.Facts.Contacts.HomeOffice) : l.Recipients(l.Facts.Contacts.Coordinator);
        var deadline = l.LongDate("documents-deadline");
        var body = new MailBodyBuilder().Paragraph($"Dear {recipient.Name},");
        if (!appointed)
        {
            body.Paragraph("A liaison officer has not yet been appointed for the review, so I am sending this request to you. Please pass it on to the liaison officer once they have been appointed.");
        }
        body.Paragraph($"Ahead of our independent review of progress at {w.Establishment} from {l.VisitLongRange}, please provide the documents listed below. They should reach us no later than {deadline}, five working days before the visit starts.")
            .Heading("Documents requested")
            .BulletList(documents.Select(d => d.Received ? $"{d.Title} (received, thank you)" : d.Title));
        l.UploadLinkParagraph(body);
        body.Paragraph($"If you have any questions, or expect any difficulty in meeting the deadline, please let me know as soon as possible.");
        l.CoordinatorSignOff(body);
        return l.Compose(l.Recipients(recipient), cc, $"{w.SubjectPrefix}: documents needed by {deadline}", body);
    }

    private static MailMessage? DocumentsChase(IrpLetter l, bool dueToday)
    {
        var missing = l.MissingDocuments();
        if (missing.Count == 0)
        {
            return null;
        }
        var w = l.Wording;
        var (recipient, appointed) = l.LiaisonOrHead();
        var deadline = l.LongDate("documents-deadline");
        var body = new MailBodyBuilder().Paragraph($"Dear {recipient.Name},");
        if (!appointed)
        {
            body.Paragraph("As a liaison officer has not yet been appointed for the review, I am writing to you.");
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
        return l.Compose(l.Recipients(recipient), l.Recipients(l.Facts.Contacts.Coordinator), subject, body);
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
            .Paragraph($"The documents for our independent review of progress at {w.Establishment} were due by {l.LongDate("documents-deadline")}, five working days before the visit starts on {l.LongDate(l.VisitStart)}. We have not yet received the following:")
            .BulletList(missing.Select(d => d.Title))
            .Paragraph("The team uses these documents to prepare for the visit. Please arrange for them to be provided as soon as possible.");
        l.UploadLinkParagraph(body);
        body.Paragraph("If there is a difficulty I can help with, please let me know.");
        l.CoordinatorSignOff(body);
        return l.Compose(l.Recipients(contacts.Governor), l.Recipients(contacts.Coordinator, contacts.LiaisonOfficer),
            $"{w.SubjectPrefix}: documents overdue", body);
    }

    private MailMessage VisitArrangements(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var to = l.Recipients(contacts.Governor, contacts.LiaisonOfficer);
        var cc = w.IsImmigration ? l.Recipients(contacts.Coordinator, contacts.HomeOffice) : l.Recipients(contacts.Coordinator);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"Our independent review of progress at {w.Establishment} takes place from {l.VisitLongRange}. This email sets out how the visit will run and what the team will need. A calendar invitation for the visit is attached.")
            .Heading("Indicative schedule")
            .Paragraph("The schedule below is indicative only, and timings may change during the visit.");
        var days = VisitSchedule(l.Facts, w);
        for (var day = 0; day < days.Count; day++)
        {
            body.Heading(l.VisitDayTitle(day + 1)).BulletList(days[day]);
        }
        body.Heading("What the team will need")
            .BulletList(w.IsImmigration
                ?
                [
                    "a base room large enough for about six people, with an external telephone line, extension leads and a staff contacts list, and access to tea, coffee and water if possible",
                    "a venue for the presentation at 12.30pm on day 1",
                    "gate passes, keys, car parking and laptop permissions for the team",
                    "the liaison officer to contact the team three times a day during the visit, at times to be agreed",
                ]
                :
                [
                    "a base room large enough for about six people, with an external telephone line, extension leads, a staff contacts list, a flipchart and pens; access to refreshments would be welcome",
                    "a venue for the presentation at 12.30pm on day 1",
                    "gate passes, keys, car parking and laptop permissions for the team",
                    "a meeting between the governor and the team leader each afternoon of the visit",
                    "the liaison officer to contact the team leader three times a day during the visit, at times to be agreed",
                ])
            .Paragraph("I will send the attendance list, key requirements and IT information for the gate before the visit. Please let me know if any of these arrangements will be difficult.");
        l.CoordinatorSignOff(body);

        var invitation = new CalendarInvitation(
            Uid: $"{l.Context.InstanceId}-visit@irpflows",
            Sequence: l.Context.VisitReschedules,
            Summary: $"Independent review of progress at {w.Establishment}",
            Description: $"HM Inspectorate of Prisons independent review of progress at {w.Establishment}. Presentation at 12.30pm on day 1. Coordinating inspector: {contacts.Coordinator.Name}, {contacts.Coordinator.Email}.",
            Location: w.Establishment,
            FirstDay: l.VisitStart,
            LastDay: l.VisitEnd,
            Organizer: new EmailAddress(contacts.Coordinator.Name, contacts.Coordinator.Email),
            Attendees: to,
            Stamp: timeProvider.GetUtcNow());
        var attachment = new MailAttachment(
            $"irp-visit-{Slug(w.Establishment)}.ics", CalendarInvitation.ContentType, BinaryData.FromString(invitation.ToICalendar()));
        return l.Compose(to, cc, $"{w.SubjectPrefix}: arrangements for the visit, {l.VisitShortRange}", body, [attachment]);
    }

    /// <summary>The indicative schedule of prison guide 8.1 and IRC guide 3.1, one list per day.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> VisitSchedule(IrpFacts facts, IrpWording w)
    {
        if (w.IsImmigration)
        {
            return
            [
                [
                    "Morning: inspectors arrive",
                    "12.30pm: 30-minute presentation by the centre manager, senior leadership team and Home Office leaders",
                    "Afternoon: inspectors begin collecting evidence",
                    "Afternoon: the team leader may hold detainee groups and meet senior leaders, the IMB chair and staff associations; there is unlikely to be formal feedback on the first day",
                ],
                [
                    "Morning: inspectors continue collecting evidence",
                    "12.30pm to 2pm: inspection team meeting",
                    "Afternoon: inspectors continue gathering evidence and prepare short written judgements on each concern",
                    "End of the day: the team leader gives feedback to the centre manager, senior leadership team and Home Office leaders",
                ],
                [
                    "The Chief Inspector or Deputy Chief Inspector of Prisons may attend",
                    "Morning: inspectors collect final evidence and give feedback to named managers",
                    "Morning: the team leader collates the key judgements and prepares the draft debrief document",
                    "Afternoon: deliberation meeting to finalise the judgements and the debrief document",
                    "Mid to late afternoon, straight after the deliberation meeting: feedback to the centre manager, senior leadership team and Home Office leaders",
                ],
            ];
        }
        var dayThree = new List<string>
        {
            "HM Chief Inspector or Deputy Chief Inspector of Prisons may attend",
            "Morning: inspectors collect final evidence and give feedback to named managers",
        };
        if (facts.OfstedThemes.Count > 0)
        {
            dayThree.Add("Morning: Ofsted inspectors confirm their key findings and progress judgements to the governor, the head of reducing reoffending, the learning and skills manager or equivalent, and other interested parties");
        }
        dayThree.Add("Morning: the team leader collates the key judgements and prepares the draft debrief document");
        dayThree.Add("Afternoon: deliberation meeting to finalise the judgements and the debrief document");
        dayThree.Add("About 4pm: feedback to the governor");
        return
        [
            [
                "Morning: the team travels to the prison",
                "Noon: team briefing",
                "12.30pm: presentation by the governor and senior management team (no more than one hour)",
                "Afternoon: inspectors begin collecting evidence",
                "Afternoon: the team leader meets the governor, the IMB chair and staff association representatives separately",
            ],
            [
                "Morning: inspectors continue collecting evidence",
                "12.30pm to 2pm: team meeting",
                "2.30pm: the team leader gives feedback to the governor",
                "Afternoon: inspectors continue gathering evidence and prepare short written judgements on each recommendation",
            ],
            dayThree,
        ];
    }

    private static MailMessage LiaisonFeedback(IrpLetter l)
    {
        var w = l.Wording;
        var (recipient, appointed) = l.LiaisonOrHead();
        var body = new MailBodyBuilder().Paragraph($"Dear {recipient.Name},");
        body.Paragraph(appointed
            ? $"Thank you for your help as liaison officer for our independent review of progress at {w.Establishment} from {l.VisitLongRange}."
            : $"Thank you for your help with our independent review of progress at {w.Establishment} from {l.VisitLongRange}. As we do not have the name of a liaison officer, I am sending this to you; please pass it on to whoever acted in that role.");
        body.Paragraph("We ask every liaison officer for feedback on how the process worked, so that we can improve it. Please reply to this email with your comments on:")
            .BulletList(
            [
                "the information you received before the visit, including the announcement letter and the document request",
                "how straightforward it was to provide the documents we asked for",
                "the arrangements during the visit and your contact with the team",
                "anything we could do differently next time",
            ])
            .Paragraph("This feedback is about how the review was run; it does not affect the judgements in the report.");
        l.CoordinatorSignOff(body);
        return l.Compose(l.Recipients(recipient), l.Recipients(l.Facts.Contacts.Coordinator),
            $"{w.SubjectPrefix}: your feedback on the review process", body);
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
            .Paragraph($"Please let us have any corrections of fact, with supporting evidence where possible, by {l.LongDate("fact-check-deadline")}. The draft is confidential until publication, so please share it only with those who need to check it.");
        CommentsLink(body, l);
        body
            .Paragraph(l.Context.StepDates.TryGetValue("publication-deadline", out var publication)
                ? $"The final report will be sent to {w.ReportRecipients} and published on our website by {IrpWording.LongDate(publication)}."
                : $"The final report will be sent to {w.ReportRecipients} and published on our website within 25 working days of the end of the visit.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), $"{w.SubjectPrefix}: draft report for factual accuracy check", body);
    }

    private static MailMessage FactCheckReminder(IrpLetter l)
    {
        var w = l.Wording;
        var deadline = l.LongDate("fact-check-deadline");
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
        var deadline = l.LongDate("publication-deadline");
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {coordinator.Name},")
            .Paragraph($"The report of the independent review of progress at {w.Establishment} must be published by {deadline}, 25 working days after the visit ended on {l.LongDate(l.VisitEnd)}. No publication has been recorded for it yet.")
            .Paragraph("If the report has already been published, please record the publication date and link in IrpFlows so that the establishment is told. Otherwise, please check that the final report is on track to be sent to "
                + w.ReportRecipients + " and published in time.")
            .SignOff("This is an automated message from IrpFlows.", "HM Inspectorate of Prisons");
        return l.Compose(l.Recipients(coordinator), [], $"{w.SubjectPrefix}: report due for publication by {deadline}", body);
    }

    private static MailMessage Publication(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var to = w.IsImmigration
            ? l.Recipients(contacts.Governor, contacts.HomeOffice, contacts.ImbChair)
            : l.Recipients(contacts.Governor, contacts.ImbChair);
        var published = l.Context.PublishedOn is { } date ? $" on {IrpWording.LongDate(date)}" : "";
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"The report of our independent review of progress at {w.Establishment}, which took place from {l.VisitLongRange}, has been sent to {w.ReportRecipients} and was published on our website{published}.");
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
        var to = l.HeadRecipients();
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
        body.Paragraph("Please reply to this email with your comments on:")
            .BulletList(
            [
                "the announcement and the planning before the visit",
                "the documents we asked for, and whether the request was proportionate",
                "how the visit and the debrief were conducted",
                .. w.IsImmigration ? [] : new[] { "the draft report and the factual accuracy check" },
                "anything we could do better in future reviews",
            ]);
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(l.Facts.Contacts.Coordinator), $"{w.SubjectPrefix}: your feedback on the review", body);
    }

    private static MailMessage MaterialDestruction(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var summary = string.IsNullOrWhiteSpace(l.Context.DestructionSummary)
            ? throw new ArgumentException("The material destruction email needs the destruction summary.", nameof(l))
            : l.Context.DestructionSummary;
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(l.Recipients(contacts.Coordinator, contacts.LiaisonOfficer)))
            .Paragraph($"The material provided by {w.Establishment} for the independent review of progress from {l.VisitLongRange} has been dealt with as follows:")
            .Paragraph(summary);
        if (contacts.LiaisonOfficer is { } liaison)
        {
            body.Paragraph($"As liaison officer, {liaison.Name} is asked to make sure that any material the team requested and used that remains at the establishment is destroyed or returned to the correct departments.");
        }
        body.SignOff("This is an automated message from IrpFlows.", "HM Inspectorate of Prisons");
        return l.Compose(l.Recipients(contacts.Coordinator), l.Recipients(contacts.LiaisonOfficer),
            $"{w.SubjectPrefix}: material destroyed or returned", body);
    }

    private static MailMessage Cancellation(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var to = w.IsImmigration ? l.Recipients(contacts.Governor, contacts.HomeOffice) : l.Recipients(contacts.Governor);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"I am writing to let you know that our independent review of progress at {w.Establishment}, planned for {l.VisitLongRange}, has been cancelled.");
        if (!string.IsNullOrWhiteSpace(l.Context.CancellationReason))
        {
            body.Paragraph("The reason for the cancellation is: " + l.Context.CancellationReason.Trim());
        }
        body.Paragraph("You do not need to provide any further documents, and we will send no further reminders. Please disregard any calendar invitation for the visit.")
            .Paragraph("We will write to you separately about any future arrangements. If you have any questions, please let me know.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.ImbChair, contacts.LiaisonOfficer, contacts.Coordinator),
            $"{w.SubjectPrefix}: visit {l.VisitShortRange} cancelled", body);
    }

    private static string Count(int count, string noun) => $"{NumberWords.ToWords(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
