using IrpFlows.Mail;
using IrpFlows.Workflow;
using IrpFlows.Writing;

namespace IrpFlows.Probation;

/// <summary>What a probation email is rendered from: the inspection now, its timeline, and the organisation's upload page.</summary>
/// <param name="Ran">The date each step done was planned for when it ran: the call as it was made, even after fieldwork moved.</param>
public sealed record ProbationMailContext(string InstanceId, ProbationState State, IReadOnlyList<PlannedStep> Timeline, Uri UploadLink,
    IReadOnlyDictionary<string, DateOnly> Ran)
{
    public DateOnly Date(string stepId) => Ran.TryGetValue(stepId, out var ran) ? ran : Timeline.Single(s => s.Id == stepId).Date;

    /// <summary>The link to the draft report issued (7.3), once it is.</summary>
    public Uri? DraftLink { get; init; }

    /// <summary>The link to the final report uploaded, which the embargoed copy carries (7.4).</summary>
    public Uri? FinalLink { get; init; }

    /// <summary>The planning meeting's minutes, attached to their email (3.5).</summary>
    public MailAttachment? Minutes { get; init; }
}

/// <summary>
/// The emails of a probation inspection, following the manual's sections 3, 4.4, 5 and 7. Each comes in HTML and plain text
/// with the same content (every value HTML-encoded by <see cref="MailBodyBuilder"/>); the message key is
/// <c>"{instanceId}/{stepId}"</c>, so rendering a step again gives the same key and the sender sends it once.
/// </summary>
/// <param name="time">Stamps the project plan's calendar entries (DTSTAMP); nothing else reads the clock.</param>
/// <param name="pack">The documents the confirming email links to (3.3); none when not given.</param>
public sealed class ProbationMailTemplates(TimeProvider time, ProbationPack? pack = null)
{
    /// <summary>The steps that send an email; every other step is a date on the timeline.</summary>
    public static readonly IReadOnlySet<string> EmailSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        ProbationSteps.AnnouncementEmail, ProbationSteps.PartnerLetters, ProbationSteps.PlanningMeetingMinutes, ProbationSteps.OutlineSchedule, ProbationSteps.NpsDivisionNotice, ProbationSteps.DomainTwoLongListReminder, ProbationSteps.DomainTwoSampleReminder, ProbationSteps.CaseSampleRequest, ProbationSteps.CaseSampleReminder, ProbationSteps.Schedules,
        ProbationSteps.RatingsToOrganisation, ProbationSteps.DraftReport, ProbationSteps.FactualAccuracyReminder, ProbationSteps.EmbargoedCopy,
        ProbationSteps.Publication, ProbationSteps.ActionPlan, ProbationSteps.ActionPlanAcknowledgement, ProbationSteps.Cancellation,
    };

    /// <exception cref="ArgumentException">The step sends no email.</exception>
    public MailMessage Render(string stepId, ProbationMailContext context)
    {
        var facts = context.State.Facts;
        var contacts = facts.Contacts;
        var name = facts.Organisation.Name;
        var leaders = Recipients(contacts.ChiefExecutive, contacts.SeniorLinkManager);
        // The senior link manager is the organisation's contact for the inspection's arrangements (3.3, 3.4); until named, the chief executive.
        var link = Recipients(contacts.SeniorLinkManager ?? contacts.ChiefExecutive);
        var lead = Recipients(contacts.LeadInspector);
        string Long(string step) => DateWords.LongDate(context.Date(step));
        var body = new MailBodyBuilder();

        // Each email goes from the person the manual gives the task to (the administrator sends the ratings letter, 7.2; the
        // lead inspector the rest): signed by them, answered to them, copied to them and the lead. Until the administrator is
        // named, the lead inspector sends in their place.
        MailMessage Compose(IReadOnlyList<EmailAddress> to, string subject, IReadOnlyList<MailAttachment>? attachments = null,
            string from = ProbationRoles.LeadInspector, IReadOnlyList<EmailAddress>? copy = null)
        {
            var (sender, role) = contacts.Of(from) is { } named ? (named, from) : (contacts.LeadInspector, ProbationRoles.LeadInspector);
            body.SignOff("Yours sincerely,", sender.Name, ProbationRoles.Title(role), "HM Inspectorate of Probation", sender.Email);
            var replyTo = Recipients(sender);
            var cc = (copy ?? []).Concat(replyTo).Concat(lead).DistinctBy(c => c.Address, StringComparer.OrdinalIgnoreCase)
                .Where(c => !to.Any(t => string.Equals(t.Address, c.Address, StringComparison.OrdinalIgnoreCase))).ToList();
            return new MailMessage($"{context.InstanceId}/{stepId}", to, cc, $"{subject}: {name}", body.BuildHtml(subject), body.BuildText(), attachments ?? [])
                { ReplyTo = replyTo };
        }

        switch (stepId)
        {
            case ProbationSteps.AnnouncementEmail:
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"{Announcement(context.State)}HM Inspectorate of Probation will inspect {name}. "
                        + $"Fieldwork takes place in three weeks beginning {Long(ProbationSteps.FieldworkWeek1)}, {Long(ProbationSteps.FieldworkWeek2)} and {Long(ProbationSteps.FieldworkWeek3)}.")
                    .Paragraph("The project plan attached sets out the key dates and activities from now until the action plan after publication, as a table and as calendar entries. "
                        + "Please check the dates and tell us of any that conflict with other significant commitments, so that we can consider changes.")
                    .Heading("Before fieldwork")
                    .BulletList([
                        context.State.Progress.PlanningMeetingAgreedAt is { } meeting
                            ? $"Telephone planning meeting: {DateWords.LongDate(DateOnly.FromDateTime(meeting))} at {meeting:HH:mm}, as agreed on the call."
                            : $"Telephone planning meeting: by {Long(ProbationSteps.PlanningMeeting)}.",
                        $"Evidence in advance, with the evidence source grid: by {Long(ProbationSteps.EvidenceInAdvance)}.",
                        $"Presentation and on-site planning meeting: week -5, from {Long(ProbationSteps.OnSitePlanning)}.",
                        $"Domain two case sample (manual 4.4): the long list by {Long(ProbationSteps.DomainTwoLongList)}; we send you the provisional list by "
                            + $"{Long(ProbationSteps.DomainTwoProvisionalList)}, to come back with exclusions and responsible officers' availability by {Long(ProbationSteps.DomainTwoSampleReturn)}.",
                        $"Domain three samples ({ProbationSamples.DomainThreeNames(facts.Organisation.Type)}): identified on {Long(ProbationSteps.CaseSampleRequest)} "
                            + $"and returned by 16:00 on {Long(ProbationSteps.CaseSampleReturn)}.",
                        $"Final schedules for domains two and three: {Long(ProbationSteps.Schedules)}.",
                    ])
                    .LinkParagraph("Please upload the evidence in advance, and later the case samples, using this secure link:", context.UploadLink, $"upload evidence for {name}");
                // 3.9: local assessors are nominated by the divisional link senior manager, who needs the dates from the start.
                if (facts.Organisation.Type == OrganisationType.Nps)
                    body.Heading("Local assessors")
                        .BulletList([
                            $"The details of two training cases to me: by {Long(ProbationSteps.LocalAssessorTrainingCases)}.",
                            $"Nomination forms for up to ten people, of whom four to six will be deployed: by {Long(ProbationSteps.LocalAssessorNominations)}.",
                            $"Training: {Long(ProbationSteps.LocalAssessorTraining)} from 11:00 to 17:00, then {Long(ProbationSteps.LocalAssessorTrainingDay2)} "
                                + $"and {Long(ProbationSteps.LocalAssessorTrainingDay3)} from 09:00 to 17:00. Please tell us the venue you propose.",
                        ]);
                // 3.3: the email confirms the inspection "and additional documents"; those the inspectorate publishes are linked.
                if ((pack ?? new ProbationPack()).For(facts.Organisation.Type) is { Count: > 0 } documents)
                {
                    body.Heading("Documents for the inspection");
                    foreach (var (title, documentLink) in documents) body.LinkParagraph($"{title}:", documentLink, title);
                }
                if (contacts.SeniorLinkManager is null)
                    body.Paragraph("Please let me know who will be the senior link manager for the inspection.");
                return Compose(leaders, "Inspection confirmed, with the project plan",
                    ProjectPlan.Attachments(context.InstanceId, facts, context.Timeline, time.GetUtcNow()));

            case ProbationSteps.PartnerLetters:
                // 3.3: the administrator "issues letters to partners and other relevant organisations informing them of the inspection
                // and asking for them to submit relevant information"; one letter, each partner blind-copied.
                body.Paragraph("Dear colleague,")
                    .Paragraph($"HM Inspectorate of Probation will inspect {name}, with fieldwork in three weeks beginning {Long(ProbationSteps.FieldworkWeek1)}. "
                        + "We are writing to partners and other organisations who work with it to let you know.")
                    .Paragraph($"If you have information relevant to the inspection, about how {name} works with you and the people it supervises, "
                        + $"please send it to us by reply by {Long(ProbationSteps.EvidenceInAdvance)}.");
                var administrator = Recipients(contacts.Administrator ?? contacts.LeadInspector);
                return Compose(administrator, "Inspection of a probation provider you work with", from: ProbationRoles.Administrator) with
                    { Bcc = [.. facts.Contacts.Partners.Select(p => new EmailAddress(p.Name, p.Email))] };

            case ProbationSteps.PlanningMeetingMinutes:
                // 3.5: "A copy of the minutes is issued to the senior link manager, the HMIP administrator and any other relevant people."
                body.Paragraph(Greeting(link))
                    .Paragraph($"Thank you for the telephone planning meeting for our inspection of {name}. The minutes are attached, with the key questions raised; "
                        + "please share them with anyone involved in preparing for the inspection.");
                return Compose(link, "Planning meeting minutes", [context.Minutes ?? throw new InvalidOperationException("The minutes' email waits for the minutes.")],
                    copy: Recipients(contacts.Administrator));

            case ProbationSteps.OutlineSchedule:
                // 5.2: "An outline schedule is sent out following the announcement of an inspection, indicating the days and times
                // inspectors are available for meetings"; 6.10: each fieldwork week runs from Monday afternoon to Friday.
                body.Paragraph(Greeting(link))
                    .Paragraph("This outline schedule gives the days and times inspectors are available for meetings during fieldwork. Some meetings are fixed; "
                        + "for the others, please tell us when it is most convenient to hold them.")
                    .BulletList(context.Timeline.Where(s => s.Id is ProbationSteps.FieldworkWeek1 or ProbationSteps.FieldworkWeek2 or ProbationSteps.FieldworkWeek3)
                        .Select(s => $"{s.Title}: from {DateWords.LongDate(s.Date)} at {s.Time:HH:mm} to {DateWords.LongDate(s.EndDate ?? s.Date)} at {s.EndTime:HH:mm}.").ToList());
                return Compose(link, "Outline schedule for fieldwork", from: ProbationRoles.Administrator);

            case ProbationSteps.NpsDivisionNotice:
                // 6.1: "Prior to fieldwork, the administrator notifies the relevant NPS division that we are inspecting unpaid work
                // services in some of its cases."
                var division = Recipients(contacts.NpsDivision ?? throw new InvalidOperationException("The notice waits for the NPS division to be named."));
                body.Paragraph(Greeting(division))
                    .Paragraph($"HM Inspectorate of Probation inspects {name}, with fieldwork in three weeks beginning {Long(ProbationSteps.FieldworkWeek1)}. "
                        + "We are letting you know that the inspection of its unpaid work services includes some cases your division manages. "
                        + "Inspectors will use NPS logons from the CRC's systems to read the information they need about them.");
                return Compose(division, "Unpaid work in your division's cases: inspection notice", from: ProbationRoles.Administrator);

            case ProbationSteps.DomainTwoLongListReminder:
                body.Paragraph(Greeting(link))
                    .Paragraph($"A reminder that the long list for the domain two case sample is due with us by {Long(ProbationSteps.DomainTwoLongList)}: every case sentenced "
                        + "to a community order or suspended sentence order, or released from custody, in the period the case sample specification gives. We have not yet recorded it as received.")
                    .LinkParagraph("Please upload it using this secure link:", context.UploadLink, $"upload the long list for {name}");
                return Compose(link, "Domain two long list reminder", from: ProbationRoles.Administrator);

            case ProbationSteps.DomainTwoSampleReminder:
                body.Paragraph(Greeting(link))
                    .Paragraph($"A reminder that the provisional domain two case sample list is due back with us by {Long(ProbationSteps.DomainTwoSampleReturn)}, "
                        + "with every exclusion the specification lists identified and each responsible officer's availability given. We check it in week -4 and then fix the final sample.")
                    .LinkParagraph("Please upload it using this secure link:", context.UploadLink, $"upload the provisional list for {name}");
                return Compose(link, "Domain two provisional list reminder", from: ProbationRoles.Administrator);

            case ProbationSteps.CaseSampleRequest:
                // 4.4: the court reports sample is "identified on Monday week -4" to hold as many sentenced cases as possible.
                var samples = ProbationSamples.DomainThree(facts.Organisation.Type);
                body.Paragraph(Greeting(link))
                    .Paragraph($"Please identify the domain three samples today, following the case sample specification, "
                        + $"and return them to us by 16:00 on {Long(ProbationSteps.CaseSampleReturn)}:")
                    .LabelledList(samples.Select(d => ((string?)$"{d.Title}:", d.Description)))
                    .LinkParagraph("Please upload each using the secure link we sent with the confirmation of the inspection:", context.UploadLink, $"upload the samples for {name}");
                return Compose(link, "Domain three samples request", from: ProbationRoles.Administrator);

            case ProbationSteps.CaseSampleReminder:
                var missing = ProbationSamples.DomainThree(facts.Organisation.Type).Where(d => !context.State.Progress.SamplesReturned.Contains(d.Key)).ToList();
                body.Paragraph(Greeting(link))
                    .Paragraph($"A reminder that the domain three samples are due back with us by 16:00 on {Long(ProbationSteps.CaseSampleReturn)}. We have not yet recorded these as received:")
                    .BulletList(missing.Select(d => d.Title).ToList())
                    .LinkParagraph("Please upload them using this secure link:", context.UploadLink, $"upload the samples for {name}");
                return Compose(link, "Domain three samples reminder", from: ProbationRoles.Administrator);

            case ProbationSteps.Schedules:
                body.Paragraph(Greeting(link))
                    .Paragraph($"The final schedules for domains two and three are issued this week, for fieldwork beginning {Long(ProbationSteps.FieldworkWeek1)}. "
                        + "They give the time of each responsible officer interview, which normally lasts 60 minutes, and any fixed commitments such as focus groups.")
                    .Paragraph("Please give everyone taking part in interviews, meetings and focus groups the venue, date and time.");
                return Compose(link, "Final schedules");

            case ProbationSteps.RatingsToOrganisation:
                var state = context.State;
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"The ratings panel met on {Long(ProbationSteps.RatingsPanel)} and agreed the ratings below. "
                        + $"{contacts.LeadInspector.Name}, the lead inspector, will telephone you today to explain its decision.")
                    .Heading("Ratings")
                    .LabelledList(state.Standards.Select(s => ((string?)$"{s.Ref} {s.Title}:", ProbationStandards.Words(state.Ratings[s.Ref]))));
                if (ProbationStandards.Overall(state.Standards, state.Ratings) is { } overall)
                    body.Paragraph($"Overall, {name} is rated {ProbationStandards.Words(overall).ToLowerInvariant()}.");
                // 7.2: "a copy of the agreed ratings and a summary of the ratings panel meeting".
                body.Heading("Summary of the ratings panel meeting")
                    .Paragraph("Domain one ratings were proposed by the lead inspector from all the evidence and agreed by the panel. Domain two and three ratings follow "
                        + "the lowest band of each standard's key questions in the cases inspected (below 50% inadequate, 50–64% requires improvement, "
                        + "65–79% good, 80% and over outstanding).");
                foreach (var (standard, decision) in state.Standards.Where(s => state.PanelDecisions.ContainsKey(s.Ref)).Select(s => (s, state.PanelDecisions[s.Ref])))
                {
                    var evidence = EvidenceRatings.Rating(state.KeyQuestions[standard.Ref]);
                    body.Paragraph(decision.Rating == evidence
                        ? $"{standard.Ref} {standard.Title}: near a boundary, the panel chaired by {decision.Chair} confirmed {ProbationStandards.Words(evidence).ToLowerInvariant()}. {decision.Reason}"
                        : $"{standard.Ref} {standard.Title}: near a boundary, the panel chaired by {decision.Chair} used its discretion to rate it "
                          + $"{ProbationStandards.Words(decision.Rating).ToLowerInvariant()} rather than {ProbationStandards.Words(evidence).ToLowerInvariant()}. {decision.Reason}");
                }
                return Compose(leaders, "Ratings panel decision", from: ProbationRoles.Administrator);

            case ProbationSteps.DraftReport:
                // 7.3: the draft goes "with copy to Operational and Systems Assurance Group (OSAG)"; comments go "to the lead
                // inspector and head of inspection".
                var osag = Recipients(contacts.Osag);
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"The draft report of our inspection of {name} is issued to you today for factual accuracy checking"
                        + (contacts.Osag is null ? "." : ", with a copy to the Operational and Systems Assurance Group (OSAG)."))
                    .LinkParagraph("You can read and download the draft report here:", context.DraftLink
                        ?? throw new InvalidOperationException("The draft report email waits for DraftIssued, which needs a draft uploaded."), $"the draft report of {name}")
                    .Paragraph($"Please return any comments on its factual accuracy to {CommentsTo(contacts)} by {Long(ProbationSteps.FactualAccuracyDeadline)}. "
                        + "We also invite you to complete the feedback questionnaire about the inspection.")
                    .LinkParagraph("Please upload your comments using this secure link:", context.UploadLink, $"upload factual accuracy comments for {name}");
                return Compose(leaders, "Draft report for factual accuracy checking", copy: [.. osag, .. Recipients(contacts.HeadOfInspection)]);

            case ProbationSteps.FactualAccuracyReminder:
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"A reminder that comments on the factual accuracy of the draft report are due by {Long(ProbationSteps.FactualAccuracyDeadline)}.")
                    .LinkParagraph("Please upload them using this secure link:", context.UploadLink, $"upload factual accuracy comments for {name}");
                return Compose(leaders, "Factual accuracy comments reminder");

            case ProbationSteps.EmbargoedCopy:
                // 7.4: "An embargoed copy of the report is issued to the host organisation 5 working days before formal publication".
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"An embargoed copy of the report of our inspection of {name} is issued to you today. It will be published on {Long(ProbationSteps.Publication)}; "
                        + "until then, please do not share it beyond those who need it to prepare.")
                    .LinkParagraph("You can read and download it here:", context.FinalLink
                        ?? throw new InvalidOperationException("The embargoed copy waits for the final report."), $"the embargoed report of {name}");
                return Compose(leaders, "Embargoed copy of the report");

            case ProbationSteps.Publication:
                body.Paragraph(Greeting(leaders));
                body.LinkParagraph($"The report of our inspection of {name} was published on {Long(ProbationSteps.Publication)}:", context.State.PublicationUrl!, "the published report");
                body.Paragraph($"Please agree the action plan addressing its recommendations with OSAG, who will send it to us in the week beginning {Long(ProbationSteps.ActionPlan)}.");
                return Compose(leaders, "Report published");

            case ProbationSteps.ActionPlan:
                // 7.5: "The action plan is sent by OSAG to HMI Probation"; the lead and head of inspection review it.
                body.Paragraph(Greeting(contacts.Osag is null ? leaders : Recipients(contacts.Osag)))
                    .Paragraph($"The action plan addressing the recommendations of our report on {name}, agreed between {name} and OSAG, is due with us from OSAG this week. "
                        + "The lead inspector and head of inspection will review it and acknowledge it, and progress will be followed up at the next annual inspection.");
                return contacts.Osag is null
                    ? Compose(leaders, "Action plan due", copy: Recipients(contacts.HeadOfInspection))
                    : Compose(Recipients(contacts.Osag), "Action plan due", copy: [.. leaders, .. Recipients(contacts.HeadOfInspection)]);

            case ProbationSteps.ActionPlanAcknowledgement:
                // 7.5: the acknowledgement letter notes "acceptance of the plan or identifying amendments if required"; Appendix 5:
                // each recommendation "agreed, partly agreed or not agreed".
                var plan = context.State.ActionPlan ?? throw new InvalidOperationException("The acknowledgement waits for the action plan.");
                body.Paragraph(Greeting(contacts.Osag is null ? leaders : Recipients(contacts.Osag)))
                    .Paragraph($"Thank you for the action plan responding to the recommendations of our report on {name}, which we received on {DateWords.LongDate(plan.Date)}. "
                        + "The head of inspection and I have reviewed it.")
                    .LabelledList(plan.Recommendations.Select((r, i) => ((string?)$"{i + 1}. {r.Recommendation}:", Words(r.Response))));
                if (plan.Amendments is { } amendments)
                    body.Paragraph("We ask for the following amendments before we can accept the plan:").Paragraph(amendments);
                else
                    body.Paragraph("We accept the plan. We will follow up progress against it at the next annual inspection.");
                return contacts.Osag is null
                    ? Compose(leaders, "Action plan acknowledged", copy: Recipients(contacts.HeadOfInspection))
                    : Compose(Recipients(contacts.Osag), "Action plan acknowledged", copy: [.. leaders, .. Recipients(contacts.HeadOfInspection)]);

            case ProbationSteps.Cancellation:
                body.Paragraph(Greeting(leaders))
                    .Paragraph($"The inspection of {name} announced for fieldwork from {Long(ProbationSteps.FieldworkWeek1)} will not go ahead."
                        + (context.State.CancellationReason is { } reason ? $" Reason: {reason}" : ""))
                    .Paragraph("Please disregard the dates of the project plan. I am sorry for any inconvenience.");
                return Compose(leaders, "Inspection cancelled");

            default:
                throw new ArgumentException($"Step '{stepId}' of a probation inspection sends no email.", nameof(stepId));
        }
    }

    /// <summary>
    /// 3.3: the confirming email follows the call; it names the call as recorded (who made it and when), and says nothing of a
    /// call that is not recorded rather than assert a planned date as if it had happened.
    /// </summary>
    private static string Announcement(ProbationState state) => state.AnnouncementCall switch
    {
        null => "I am writing to confirm that ",
        { By: ProbationRoles.DeputyLead } call =>
            $"Further to the telephone call from {state.Facts.Contacts.DeputyLead?.Name ?? "our deputy lead inspector"}, deputy lead inspector, on {DateWords.LongDate(call.Date)}, I confirm that ",
        var call => $"Further to my telephone call on {DateWords.LongDate(call.Date)}, I confirm that ",
    };

    private static string Words(ActionPlanResponse response) => response switch
    {
        ActionPlanResponse.Agreed => "Agreed",
        ActionPlanResponse.PartlyAgreed => "Partly agreed",
        _ => "Not agreed",
    };

    private static string CommentsTo(ProbationContacts contacts) =>
        contacts.HeadOfInspection is { } head ? $"me and {head.Name}, the head of inspection," : "me and the head of inspection";

    private static string Greeting(IReadOnlyList<EmailAddress> to) => $"Dear {DateWords.JoinNames(to.Select(a => a.Name).ToList())},";

    private static IReadOnlyList<EmailAddress> Recipients(params Contact?[] contacts) =>
        contacts.OfType<Contact>().DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase).Select(c => new EmailAddress(c.Name, c.Email)).ToList();
}
