using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Letters;

// Before and around the visit: its arrangements (prison guide 7.2, 8.1; IRC guide 2.6, 3.1) and its cancellation.
public sealed partial class IrpMailTemplates
{
    private MailMessage VisitArrangements(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var (to, _) = l.HeadAndLiaison();
        // Prison guide 7.2, 8.1 / IRC guide 2.6, 3.1: the team arranges to meet the IMB during the visit, so its chair is told too.
        var cc = l.Recipients(contacts.ImbChair, contacts.Coordinator, w.IsImmigration ? contacts.HomeOffice : null);
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
            .Heading("Attendance, keys and IT for the gate")
            .Paragraph("These members of the team will attend each day of the visit. Please arrange their gate passes, and keys and laptop permissions where shown:")
            .BulletList(TeamAtTheGate(l.Facts).Select(m =>
                $"{m.Name}{(m.Role is null ? "" : $", {m.Role}")}: {(m.Keys ? "keys" : "no keys")}; {(m.Laptop ? "laptop" : "no laptop")}"))
            .Paragraph("Please let me know if any of these arrangements will be difficult.");
        InspectorsParagraph(body, l);
        body.Heading("Independent Monitoring Board")
            .Paragraph($"I am copying this email to {contacts.ImbChair.Name}, Chair of the Independent Monitoring Board. The team leader would like to meet the Chair and representatives of the Board during the visit, and I will confirm a time.");
        l.CoordinatorSignOff(body);
        var invitation = VisitInvitation(l, l.Context.VisitReschedules, l.VisitStart, l.VisitEnd);
        return l.Compose(to, cc, $"{w.SubjectPrefix}: arrangements for the visit, {l.VisitShortRange}", body, [invitation]);
    }

    /// <summary>
    /// Who the gate should expect (prison guide 7.2, IRC guide 2.6): the team the request gave, else the coordinator and the
    /// inspectors named on the items, each needing keys and a laptop as inspectors usually do.
    /// </summary>
    private static IReadOnlyList<TeamMember> TeamAtTheGate(IrpFacts facts)
    {
        if (facts.Team.Count > 0)
        {
            return facts.Team;
        }

        var coordinator = facts.Contacts.Coordinator.Name;
        return
        [
            new TeamMember(coordinator, "coordinating inspector", Keys: true, Laptop: true),
            .. facts.Recommendations.Select(r => r.Inspector).OfType<string>()
                .Where(name => !string.Equals(name, coordinator, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => new TeamMember(name, "inspector", Keys: true, Laptop: true)),
        ];
    }

    /// <summary>
    /// Prison guide 7.2: "provide the name of the inspector who will look at each recommendation". The IRC guide does not
    /// promise it (2.6), so for an IRC the list appears only when inspectors are named.
    /// </summary>
    private static void InspectorsParagraph(MailBodyBuilder body, IrpLetter l)
    {
        var w = l.Wording;
        var items = l.Facts.Recommendations;
        if (w.IsImmigration && items.All(r => r.Inspector is null))
        {
            return;
        }

        body.Heading($"Who will look at each {w.Item}").LabelledList(items.Select(WhoLooksAtIt));
    }

    /// <summary>"1.42 Safety:" and the inspector's name, or that the coordinating inspector will confirm it.</summary>
    private static (string? Label, string Text) WhoLooksAtIt(Recommendation r) =>
        (r.Area is null ? $"{r.Ref}:" : $"{r.Ref} {r.Area}:", r.Inspector ?? "to be confirmed by the coordinating inspector");

    /// <summary>
    /// Prison guide 7.2: the name of the inspector who will look at each recommendation, given after the arrangements went: a
    /// short update to those the arrangements went to, listing the items newly named.
    /// </summary>
    private static MailMessage InspectorsUpdate(IrpLetter l)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        if (l.Context.InspectorsNamed.Count == 0)
            throw new ArgumentException("The update on who will look at what needs the items newly named.", nameof(l));
        var to = l.Recipients(contacts.Governor, contacts.LiaisonOfficer);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"Further to our letter about the arrangements for the independent review of progress at {w.Establishment} from {l.VisitLongRange}, "
                + $"these inspectors will look at the following {(l.Context.InspectorsNamed.Count == 1 ? w.Item : w.Items)}:")
            .LabelledList(l.Context.InspectorsNamed.Select(WhoLooksAtIt));
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.Coordinator), $"{w.SubjectPrefix}: who will look at each {w.Item}", body);
    }

    /// <summary>
    /// The visit as a calendar invitation to everyone told of its arrangements (the organiser, the coordinator, aside): one UID
    /// per IRP and <paramref name="sequence"/> the number of moves so far, so each version replaces the one before it.
    /// </summary>
    private MailAttachment VisitInvitation(IrpLetter l, int sequence, DateOnly firstDay, DateOnly lastDay)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var invitation = new CalendarInvitation(
            Uid: $"{l.Context.InstanceId}-visit@irpflows",
            Sequence: sequence,
            Summary: $"Independent review of progress at {w.Establishment}",
            Description: $"HM Inspectorate of Prisons independent review of progress at {w.Establishment}. Presentation at 12.30pm on day 1. Coordinating inspector: {contacts.Coordinator.Name}, {contacts.Coordinator.Email}.",
            Location: w.Establishment,
            FirstDay: firstDay,
            LastDay: lastDay,
            Organizer: new EmailAddress(contacts.Coordinator.Name, contacts.Coordinator.Email),
            Attendees: l.Recipients(contacts.Governor, contacts.LiaisonOfficer, contacts.ImbChair, w.IsImmigration ? contacts.HomeOffice : null),
            Stamp: timeProvider.GetUtcNow());
        return new MailAttachment(
            $"irp-visit-{Slug(w.Establishment)}.ics", CalendarInvitation.ContentType, BinaryData.FromString(invitation.ToICalendar()));
    }

    /// <summary>
    /// The announcement named the visit's dates (prison guide 6.1, IRC guide 2.4), so when it moves those it went to, and the
    /// liaison officer, are told; once the arrangements have gone, the calendar invitation they carried is replaced (same UID,
    /// SEQUENCE the move's number).
    /// </summary>
    private MailMessage VisitMoved(IrpLetter l, int number)
    {
        var w = l.Wording;
        var contacts = l.Facts.Contacts;
        var move = l.Context.VisitMoves.SingleOrDefault(m => m.Number == number)
            ?? throw new ArgumentException($"The notice of move {number} needs that move of the visit.", nameof(l));
        var to = l.Recipients(contacts.Governor, w.IsImmigration ? contacts.HomeOffice : null, contacts.ImbChair, contacts.LiaisonOfficer);
        var from = DateWords.LongRange(move.FromStart, move.FromEnd);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"Our independent review of progress at {w.Establishment}, which we announced for {from}, will now take place from {DateWords.LongRange(move.ToStart, move.ToEnd)}.")
            // A visit brought forward may have its new documents deadline behind it already (prison guide 7.4, IRC guide 2.8).
            .Paragraph(l.HasPassed(move.DocumentsDeadline)
                ? $"The documents we ask for were therefore due by {l.LongDate(move.DocumentsDeadline)}, five working days before the visit starts: please provide any still missing as soon as possible. Everything else in our letter announcing the review stands."
                : $"The documents we ask for are now due by {l.LongDate(move.DocumentsDeadline)}, five working days before the visit starts. Everything else in our letter announcing the review stands.")
            .Paragraph(l.Context.VisitArrangementsSent
                ? "The calendar invitation attached replaces the one sent with the arrangements for the visit."
                : "The arrangements for the visit, with a calendar invitation, will follow before the visit.");
        l.CoordinatorSignOff(body);
        var subject = $"{w.SubjectPrefix}: visit moved to {DateWords.ShortRange(move.ToStart, move.ToEnd)}";
        return l.Compose(to, l.Recipients(contacts.Coordinator), subject, body,
            l.Context.VisitArrangementsSent ? [VisitInvitation(l, move.Number, move.ToStart, move.ToEnd)] : null);
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
            dayThree.Add($"Morning: {w.EducationInspectorate} inspectors confirm their key findings and progress judgements to the governor, the head of reducing reoffending, the learning and skills manager or equivalent, and other interested parties");
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
            .Paragraph($"Any documents already provided through IrpFlows will be deleted on {l.LongDate(IrpSteps.MaterialDestruction)}, and any sent from now on will be deleted as they arrive.")
            .Paragraph("We will write to you separately about any future arrangements. If you have any questions, please let me know.");
        l.CoordinatorSignOff(body);
        return l.Compose(to, l.Recipients(contacts.ImbChair, contacts.LiaisonOfficer, contacts.Coordinator),
            $"{w.SubjectPrefix}: visit {l.VisitShortRange} cancelled", body);
    }
}
