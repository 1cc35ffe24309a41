using System.Globalization;
using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Workflow;

namespace IrpFlows.Irps.Timeline;

/// <summary>
/// Plans an IRP's timeline from its facts and progress: a pure function of its inputs, the calendar and the policy. It never
/// reads the clock, so re-planning after any event (a moved visit, a late draft) gives every date afresh.
/// </summary>
public sealed class IrpPlanner
{
    /// <summary>Event a step waits for: the draft report went to the establishment.</summary>
    public const string DraftIssued = "DraftIssued";

    /// <summary>Event a step waits for: the report was published.</summary>
    public const string Published = "Published";

    /// <summary>Event a step waits for: the final report was uploaded, to be sent to ministers.</summary>
    public const string FinalReportUploaded = "FinalReportUploaded";

    /// <summary>What the final report waits for once uploaded, when the IRP started without a ministerial office contact.</summary>
    public const string MinisterialOfficeNamed = "MinisterialOfficeNamed";

    /// <summary>What the debrief document's sharing waits for: the team's document, uploaded by the coordinator.</summary>
    public const string DebriefDocumentUploaded = "DebriefDocumentUploaded";

    private readonly WorkingDayCalendar _calendar;
    private readonly IrpPolicy _policy;
    private readonly TimeZoneInfo _zone;

    /// <exception cref="InvalidOperationException">The policy is invalid.</exception>
    public IrpPlanner(WorkingDayCalendar calendar, IrpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _calendar = calendar;
        _policy = policy;
        _zone = policy.TimeZone;
    }

    /// <summary>
    /// Every step of the IRP, ordered by <see cref="PlannedStep.Due"/> and then by the order of the process. Steps that will
    /// not happen are included with <see cref="PlannedStep.Applicable"/> false; steps that wait for an event carry its name
    /// in <see cref="PlannedStep.WaitingFor"/> and a target date until it happens.
    /// </summary>
    /// <exception cref="CalendarRangeException">A date of the timeline falls outside the calendar's supported range.</exception>
    public IReadOnlyList<PlannedStep> Plan(IrpFacts facts, IrpProgress progress)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(progress);
        var irc = facts.Kind == IrpKind.Immigration;
        var guide = irc ? "IRC guide" : "Prison guide";
        var steps = new List<PlannedStep>();

        // A rule the guides do not give says so in its source (see IrpPolicy's local-policy settings) instead of naming a paragraph.
        void Add(string id, string title, DateOnly date, string concerns, string paragraphs,
            bool applicable = true, string? waitingFor = null, TimeOnly? time = null, Window? window = null, string? skipReason = null,
            string? localPolicy = null) =>
            steps.Add(new PlannedStep(id, title, date, time, DueAt(date, time ?? _policy.StepTimeOfDay), concerns,
                localPolicy ?? $"{guide} {paragraphs}", applicable, waitingFor)
            {
                NotAfter = window?.NotAfter, WindowReason = window?.Reason, SkipReason = applicable ? null : skipReason,
            });

        // A step that answers something recorded (a moved visit, an upload) is due the moment it was recorded.
        void AddAt(string id, string title, DateTimeOffset at, string concerns, string paragraphs, bool applicable = true, Window? window = null,
            string? waitingFor = null) =>
            steps.Add(new PlannedStep(id, title, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime), null, at,
                concerns, $"{guide} {paragraphs}", applicable, waitingFor) { NotAfter = window?.NotAfter, WindowReason = window?.Reason });

        // Each letter's window ends when what it says stops being true or useful; milestones and the steps that must happen
        // however late (the draft and final reports, the publication notice, feedback, the destruction of material) have none.
        var visitStart = facts.VisitStart;
        var visitBegins = StartOf(visitStart);
        var deadline = DocumentsDeadline(visitStart);
        Window BeforeVisit(string what, string paragraph) =>
            new(visitBegins, $"{what}, and the visit began on {LongDay(visitStart)} ({guide} {paragraph})");

        var head = irc ? "Centre manager" : "Governor";
        // Prison guide 7.3 / IRC guide 2.7: the documents are asked of the governor (centre manager) and the liaison officer.
        var establishmentContact = progress.LiaisonOfficerAppointed ? $"{head} and liaison officer" : $"{head} (no liaison officer appointed yet)";
        var documents = !progress.AllDocumentsReceived;

        // Prison guide 6.1 / IRC guide 2.4: the letter announcing the visit and the recommendations (concerns) followed up.
        var announcement = facts.AnnouncementDate;
        Add(IrpSteps.Announcement, $"Announcement letter: visit date and the {(irc ? "concerns" : "recommendations")} to be followed up",
            announcement, AnnouncementConcerns(facts), irc ? "2.4" : "6.1",
            window: BeforeVisit("the letter announces the visit before it takes place", irc ? "2.4" : "6.1"));

        // Prison guide 7.1 and Appendix A: the coordinating inspector's half-day preparation visit, with a one-hour meeting with the
        // governor; IRC guide 2.5: the coordinating inspector contacts the centre in advance. On the timeline once arranged.
        if (progress.PreparationVisitOn is { } preparation)
        {
            Add(IrpSteps.PreparationVisit, irc ? "Coordinating inspector's preparation contact with the centre"
                    : "Preparation visit by the coordinating inspector (half a day, with a one-hour meeting with the governor)",
                preparation, irc ? "Coordinating inspector; centre manager and liaison officer" : "Coordinating inspector; governor and liaison officer",
                irc ? "2.5" : "7.1, Appendix A");
        }

        // IRC guide 2.8: documents requested within two weeks of the announcement; prison guide 7.3 gives no date.
        var requestOffset = irc
            ? Math.Min(_policy.DocumentsRequestWorkingDaysAfterAnnouncement, _policy.IrcDocumentsRequestWithinWorkingDays)
            : _policy.DocumentsRequestWorkingDaysAfterAnnouncement;
        var request = _calendar.AddWorkingDays(announcement, requestOffset);
        if (request >= deadline)
        {
            // Short notice (e.g. after the visit was brought forward): ask on the day of the announcement.
            request = announcement;
        }

        var deadlineSource = $"{guide} {(irc ? "2.8" : "7.4")}";
        var allReceived = "every document requested has arrived";
        // A request asks for the documents by the deadline: once that day has come it could only ask for the impossible, and the
        // escalation after the deadline (with the same upload link) asks for what is missing instead.
        Add(IrpSteps.DocumentsRequest, "Documents request with upload link (pro forma, action plan, presentation, data request, evidence"
            + (irc ? ", internal audit reports)" : ", prisoner population report, OSAG reports)"),
            request, establishmentContact + (irc ? "; copy to Home Office" : ""), "",
            window: new(StartOf(deadline), $"it asks for the documents by {LongDay(deadline)}, and that day had come ({deadlineSource})"),
            localPolicy: (request == announcement && requestOffset > 0
                    ? "Local policy: on the day of the announcement, as the documents deadline comes before the usual day; "
                    : $"Local policy: {requestOffset} working days after the announcement (setting DocumentsRequestWorkingDaysAfterAnnouncement); ")
                + (irc ? "IRC guide 2.8 asks only that it is within two weeks" : "prison guide 7.3 asks for the documents but gives no date"));

        // Each chase is stale once the next one is due (the last reminder, once the deadline's own notice is): only the latest goes.
        var reminders = _policy.DocumentsReminderWorkingDaysBeforeDeadline.OrderDescending().ToArray();
        var reminderDates = reminders.Select(r => _calendar.AddWorkingDays(deadline, -r)).ToArray();
        for (var i = 0; i < reminders.Length; i++)
        {
            var date = reminderDates[i];
            var next = i + 1 < reminders.Length ? reminderDates[i + 1] : deadline;
            var nextName = i + 1 < reminders.Length ? $"the next reminder, due on {LongDay(next)}," : $"the deadline, {LongDay(deadline)},";
            Add(IrpSteps.DocumentsReminder(i + 1), $"Reminder of missing documents ({reminders[i]} working days before the deadline)",
                date, establishmentContact, irc ? "2.8" : "7.4", applicable: documents && date > request,
                window: new(DueAt(next, _policy.StepTimeOfDay), $"{nextName} had come: only the latest reminder of what is missing is sent ({deadlineSource})"),
                skipReason: documents ? "it falls before the documents request" : allReceived);
        }

        Add(IrpSteps.DocumentsDeadline, "Documents due today: reminder of what is still missing", deadline, establishmentContact,
            irc ? "2.8" : "7.4", applicable: documents,
            window: new(StartOf(deadline.AddDays(1)), $"it says the documents are due today, true only on {LongDay(deadline)} ({deadlineSource})"),
            skipReason: allReceived);
        // The documents prepare the team for the visit (prison guide 7.3 / IRC guide 2.7): no use chasing them once it has begun.
        Add(IrpSteps.DocumentsOverdue, "Documents overdue: escalation of what is missing",
            _calendar.AddWorkingDays(deadline, _policy.DocumentsOverdueEscalationWorkingDaysAfterDeadline),
            $"{head} and coordinator", irc ? "2.8" : "7.4", applicable: documents,
            window: BeforeVisit("the documents are asked for to prepare the visit", irc ? "2.7" : "7.3"), skipReason: allReceived);

        // Prison guide 7.2 / IRC guide 2.6: gate and IT arrangements, who looks at what, meetings with staff associations and the
        // IMB, whose chair the team meets during the visit (8.1 / 3.1) and so is copied.
        var arrangements = _calendar.AddWorkingDays(visitStart, -_policy.VisitArrangementsWorkingDaysBeforeVisit);
        Add(IrpSteps.VisitArrangements, "Visit arrangements: attendance, keys and IT, inspector for each item, meetings",
            arrangements > announcement ? arrangements : announcement,
            establishmentContact + "; copy to IMB chair" + (irc ? " and Home Office" : ""), "",
            window: BeforeVisit("the arrangements are made in advance of the visit", irc ? "2.6" : "7.2"),
            localPolicy: $"Local policy: {_policy.VisitArrangementsWorkingDaysBeforeVisit} working days before the visit (setting VisitArrangementsWorkingDaysBeforeVisit); "
                + $"{guide} {(irc ? "2.6" : "7.2")} says what is sent but not when");

        // Prison guide 8.1 / IRC guide 3.1: presentation at 12.30pm on day 1; 2.5 days on site over three working days.
        Add(IrpSteps.VisitStart, $"Visit day 1: {(irc ? "30-minute presentation by centre manager, SLT and Home Office leaders" : "presentation by the governor and SMT")}",
            visitStart, "Inspection team; " + (irc ? "centre manager, SLT and Home Office leaders" : "governor and SMT"),
            irc ? "3.1" : "8.1", time: _policy.PresentationTimeOfDay);
        var visitEnd = VisitEnd(visitStart);
        Add(IrpSteps.VisitEnd, "Visit's last day", visitEnd, "Inspection team", irc ? "3.1" : "8.1");

        // Prison guide 8.1, 13.1: formal debrief to the governor at about 4pm on the last day, who is given the debrief document.
        // IRC guide 3.1, 4.3: mid- to late-afternoon, to the centre manager, SLT and Home Office leaders.
        Add(IrpSteps.Debrief, "Formal debrief", visitEnd,
            irc ? "Centre manager, SLT and Home Office leaders" : "Governor, who is given the debrief document",
            irc ? "3.1, 4.3" : "8.1, 13.1", time: _policy.DebriefTimeOfDay);

        // Prison guide 13.1: the debrief document is then "shared electronically with various staff in HMPPS"; IRC guide 4.3: "with
        // the contractor and Home Office". The team leader drafts it on day 3 and the deliberation meeting finalises it (8.1 / 3.1):
        // it is the team's document, so the step waits for its upload, and is not sent once the report itself is out.
        var debriefDocumentTo = irc
            ? facts.Contacts.Contractor is null ? "Home Office (no contractor contact given)" : "Contractor and Home Office"
            : facts.Contacts.Hmpps is null ? "HMPPS: no contact given, so not sent" : "HMPPS";
        Add(IrpSteps.DebriefDocument, "Debrief document shared electronically",
            _calendar.AddWorkingDays(visitEnd, _policy.DebriefDocumentWorkingDaysAfterVisit), debriefDocumentTo, irc ? "4.3" : "13.1",
            applicable: (irc || facts.Contacts.Hmpps is not null) && progress.PublishedOn is null,
            waitingFor: progress.DebriefDocumentUploaded ? null : DebriefDocumentUploaded);

        // Prison guide 16.1: feedback form to the liaison officer shortly after the visit. The IRC guide has none (5.3 asks the
        // centre manager and the Home Office instead: see governor-feedback).
        var shortlyAfterVisit = _calendar.AddWorkingDays(visitEnd, _policy.LiaisonFeedbackWorkingDaysAfterVisit);
        Add(IrpSteps.LiaisonFeedback, irc ? "Feedback form to the liaison officer (not part of an IRC review)" : "Feedback form on the IRP process",
            shortlyAfterVisit, progress.LiaisonOfficerAppointed ? "Liaison officer" : "Governor (no liaison officer appointed)",
            irc ? "5.3" : "16.1", applicable: !irc);

        // Prison guide 14.1 / IRC guide 5.1: draft report for fact check about two weeks after the visit.
        var draft = progress.DraftIssuedOn ?? _calendar.AddWorkingDays(visitEnd, _policy.DraftReportWorkingDaysAfterVisit);
        var draftWait = progress.DraftIssuedOn is null ? DraftIssued : null;
        var factCheckContact = irc ? "Centre manager and Home Office" : "Governor";
        Add(IrpSteps.DraftReport, "Draft report sent for fact check", draft, factCheckContact, irc ? "5.1" : "14.1", waitingFor: draftWait);

        // Prison guide 14.1 / IRC guide 5.1: final report to ministers and published within 25 working days of the visit's end.
        var publicationDeadline = _calendar.AddWorkingDays(visitEnd, _policy.PublicationWorkingDaysAfterVisit);

        // The guides give no fact-check period: FactCheckWorkingDays is local policy, shortened when a late draft would leave no
        // time to finalise the report by the publication deadline (14.1 / 5.1).
        var factCheck = FactCheck(draft, publicationDeadline);
        var factCheckPolicy = $"Local policy: {_policy.FactCheckWorkingDays} working days for the comments (setting FactCheckWorkingDays), shortened to keep "
            + $"the publication deadline; {guide} {(irc ? "5.1" : "14.1")} sends the draft for a factual accuracy check but gives no period";
        var factCheckReminders = _policy.FactCheckReminderWorkingDaysBeforeDeadline.OrderDescending().ToArray();
        var factCheckReminderDates = factCheckReminders.Select(r => _calendar.AddWorkingDays(factCheck.Deadline, -r)).ToArray();
        for (var i = 0; i < factCheckReminders.Length; i++)
        {
            var date = factCheckReminderDates[i];
            // A reminder is stale once the next one is due, and false once the deadline it names has come.
            var window = i + 1 < factCheckReminders.Length
                ? new Window(DueAt(factCheckReminderDates[i + 1], _policy.StepTimeOfDay),
                    $"the next reminder, due on {LongDay(factCheckReminderDates[i + 1])}, had come: only the latest is sent ({guide} {(irc ? "5.1" : "14.1")})")
                : new Window(StartOf(factCheck.Deadline), $"the comments were due by {LongDay(factCheck.Deadline)}, and that day had come ({guide} {(irc ? "5.1" : "14.1")})");
            Add(IrpSteps.FactCheckReminder(i + 1), $"Reminder: fact-check comments due in {factCheckReminders[i]} working days",
                date, factCheckContact, "", localPolicy: factCheckPolicy,
                applicable: progress.FactCheckReturnedOn is null && progress.PublishedOn is null && date > draft, waitingFor: draftWait, window: window,
                skipReason: progress.FactCheckReturnedOn is { } returned ? $"the fact-check comments came back on {LongDay(returned)}"
                    : progress.PublishedOn is { } publishedOn ? $"the report was published on {LongDay(publishedOn)}: the fact check is over ({guide} {(irc ? "5.1" : "14.1")})"
                    : "it falls before the draft was issued");
        }

        Add(IrpSteps.FactCheckDeadline, factCheck.TooLate ? "Fact-check comments due: too late to finalise the report by the publication deadline"
                : factCheck.Shortened ? "Fact-check comments due (period shortened to keep the publication deadline)"
                : "Fact-check comments due",
            factCheck.Deadline, $"{factCheckContact}; coordinator", "", waitingFor: draftWait, localPolicy: factCheckPolicy);
        Add(IrpSteps.PublicationAlert, $"Publication deadline in {_policy.PublicationAlertWorkingDaysBeforeDeadline} working days",
            _calendar.AddWorkingDays(publicationDeadline, -_policy.PublicationAlertWorkingDaysBeforeDeadline), "Coordinator",
            irc ? "5.1" : "14.1", applicable: progress.PublishedOn is null,
            window: new(StartOf(publicationDeadline.AddDays(1)),
                $"it says the report must be published by {LongDay(publicationDeadline)}, and that day had passed ({guide} {(irc ? "5.1" : "14.1")})"),
            skipReason: "the report was published");
        // Prison guide 14.1 / IRC guide 5.1: "The final report will be sent to the Secretary of State for Justice" (the Home
        // Secretary and Minister) "and published": sent when the coordinator uploads it, and before the report is published
        // (IrpService refuses Published until then). Sent by the inspectorate another way, it is recorded so and not sent again.
        var ministers = irc ? "Home Secretary and Minister" : "Secretary of State for Justice";
        var ministerialOffice = facts.Contacts.MinisterialOffice is not null;
        var finalReportConcerns = ministerialOffice ? ministers : $"{ministers}: no ministerial office contact yet (record MinisterialOfficeNamed)";
        var finalReportTitle = $"Final report sent to the {ministers}";
        if (progress.FinalReportSentElsewhereOn is { } sentElsewhere)
        {
            Add(IrpSteps.FinalReport, finalReportTitle, sentElsewhere, ministers, irc ? "5.1" : "14.1", applicable: false,
                skipReason: $"the coordinator recorded that it was sent outside IrpFlows on {LongDay(sentElsewhere)}");
        }
        else if (progress.FinalReportUploadedAt is { } uploaded)
        {
            AddAt(IrpSteps.FinalReport, finalReportTitle, uploaded, finalReportConcerns, irc ? "5.1" : "14.1",
                waitingFor: ministerialOffice ? null : MinisterialOfficeNamed);
        }
        else
        {
            Add(IrpSteps.FinalReport, finalReportTitle,
                _calendar.AddWorkingDays(publicationDeadline, -_policy.FinalReportWorkingDaysBeforePublicationDeadline), finalReportConcerns,
                irc ? "5.1" : "14.1", applicable: progress.PublishedOn is null, waitingFor: FinalReportUploaded,
                skipReason: "the report was published before IrpFlows refused publication without it");
        }

        Add(IrpSteps.PublicationDeadline, "Publication deadline", publicationDeadline, "Coordinator", irc ? "5.1" : "14.1");

        var published = progress.PublishedOn ?? publicationDeadline;
        var publishedWait = progress.PublishedOn is null ? Published : null;
        Add(IrpSteps.Publication, "Report published on HMI Prisons' website: publication notice", published,
            $"{(irc ? "Centre manager and Home Office" : "Governor")}; copy to IMB chair", irc ? "5.1" : "14.1", waitingFor: publishedWait);

        if (irc)
        {
            // IRC guide 5.3: feedback email to the centre manager and the Home Office shortly after the visit, not after publication.
            Add(IrpSteps.GovernorFeedback, "Feedback request on the IRP", shortlyAfterVisit,
                "Centre manager; Home Office Detention Engagement and Compliance teams", "5.3");
        }
        else
        {
            // Prison guide 16.1: once the report has been published, HMI Prisons seeks the governor's feedback.
            Add(IrpSteps.GovernorFeedback, "Feedback request on the IRP", _calendar.AddWorkingDays(published, _policy.GovernorFeedbackWorkingDaysAfterPublication),
                "Governor", "16.1", waitingFor: publishedWait);
        }

        // Prison guide Appendix A / IRC guide Appendix I: the liaison officer ensures material used by inspectors is destroyed or returned.
        var materialHolder = progress.LiaisonOfficerAppointed ? "Liaison officer" : $"{head} (no liaison officer appointed)";
        // IrpFlows deletes what the establishment uploaded and records it; the email then reports that record (IrpWorkflow holds
        // it back until then) and asks the liaison officer for the rest. HMI Prisons' own report files are its record and stay.
        const string deletionConcerns = "IrpFlows: the documents the establishment uploaded (HMI Prisons' report files are kept)";
        if (progress.CancelledAt is { } cancelledAt && progress.PublishedOn is null)
        {
            // Local policy, not the guides' (they say nothing of a cancelled IRP): its material is destroyed on a completed
            // one's schedule, counted from the day it was cancelled, rather than kept for ever.
            var cancelledOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cancelledAt, _zone).DateTime);
            var destroyOn = _calendar.AddWorkingDays(cancelledOn, _policy.MaterialDestructionWorkingDaysAfterCancellation);
            var policy = $"Local policy: {_policy.MaterialDestructionWorkingDaysAfterCancellation} working days after the cancellation on {LongDay(cancelledOn)}, "
                + $"as after publication ({guide} {(irc ? "Appendix I" : "Appendix A")}); the guides do not cover a cancelled IRP";
            Add(IrpSteps.MaterialDeletion, "Delete the documents the establishment uploaded (the IRP was cancelled)", destroyOn,
                deletionConcerns, "", localPolicy: policy);
            Add(IrpSteps.MaterialDestruction, "Destroy or return the material given to inspectors (the IRP was cancelled)", destroyOn,
                materialHolder, "", localPolicy: policy);
        }
        else
        {
            var destroyOn = _calendar.AddWorkingDays(published, _policy.MaterialDestructionWorkingDaysAfterPublication);
            var appendix = irc ? "Appendix I" : "Appendix A";
            Add(IrpSteps.MaterialDeletion, "Delete the documents the establishment uploaded", destroyOn, deletionConcerns, appendix,
                waitingFor: publishedWait);
            Add(IrpSteps.MaterialDestruction, "Destroy or return the material given to inspectors", destroyOn, materialHolder, appendix,
                waitingFor: publishedWait);
        }

        // The announcement named the visit's dates (prison guide 6.1, IRC guide 2.4), so those it went to are told of each later
        // move: the governor (centre manager and Home Office), the IMB chair it was copied to, and the liaison officer. A move
        // before the announcement needs no notice: the announcement carries the new dates; once the visit has begun, none helps.
        var told = (irc ? "Centre manager, Home Office, IMB chair" : "Governor, IMB chair") + (progress.LiaisonOfficerAppointed ? " and liaison officer" : "");
        foreach (var move in progress.VisitMoves.Where(m => m.AfterAnnouncement))
        {
            AddAt(IrpSteps.VisitMoved(move.Number), $"Visit moved from {LongDay(move.From)} to {LongDay(move.To)}: notice and updated invitation",
                move.MovedAt, told, irc ? "2.4" : "6.1", applicable: !progress.VisitStarted,
                window: BeforeVisit("the notice tells of new dates before the visit", irc ? "2.4" : "6.1"));
        }

        // OrderBy is stable: steps due at the same instant keep the process order they were added in.
        return steps.OrderBy(s => s.Due).ToList();
    }

    /// <summary>
    /// Where the IRP departs from what the guides require because of what has happened: today, a draft issued too late for
    /// even the shortest fact check to end in time to finalise the report by the publication deadline (prison guide 14.1,
    /// IRC guide 5.1).
    /// </summary>
    /// <exception cref="CalendarRangeException">A date of the timeline falls outside the calendar's supported range.</exception>
    public IReadOnlyList<IrpWarning> Warnings(IrpFacts facts, IrpProgress progress)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(progress);
        var visitEnd = VisitEnd(facts.VisitStart);
        var draft = progress.DraftIssuedOn ?? _calendar.AddWorkingDays(visitEnd, _policy.DraftReportWorkingDaysAfterVisit);
        var publicationDeadline = _calendar.AddWorkingDays(visitEnd, _policy.PublicationWorkingDaysAfterVisit);
        var factCheck = FactCheck(draft, publicationDeadline);
        if (!factCheck.TooLate)
        {
            return [];
        }

        var paragraph = facts.Kind == IrpKind.Immigration ? "IRC guide 5.1" : "prison guide 14.1";
        return
        [
            new IrpWarning("fact-check-past-publication-deadline", IrpSteps.FactCheckDeadline,
                $"the draft {(progress.DraftIssuedOn is null ? "is planned for" : "was issued on")} {draft:yyyy-MM-dd}: even a fact check of {_policy.FactCheckMinimumWorkingDays} working days ends on {factCheck.Deadline:yyyy-MM-dd}, "
                + $"later than the {_policy.FinalisingWorkingDaysBeforePublicationDeadline} working days needed to finalise the report by the publication deadline, {publicationDeadline:yyyy-MM-dd} ({paragraph}): agree a shorter check with the establishment or expect to publish late"),
        ];
    }

    /// <summary>
    /// The fact-check deadline for a draft issued on <paramref name="draft"/>: the policy's period, cut so that it ends in time to
    /// finalise the report by <paramref name="publicationDeadline"/>, but never shorter than the policy's minimum; when even the
    /// minimum ends too late, <c>TooLate</c>.
    /// </summary>
    private (DateOnly Deadline, bool Shortened, bool TooLate) FactCheck(DateOnly draft, DateOnly publicationDeadline)
    {
        var usual = _calendar.AddWorkingDays(draft, _policy.FactCheckWorkingDays);
        var latest = _calendar.AddWorkingDays(publicationDeadline, -_policy.FinalisingWorkingDaysBeforePublicationDeadline);
        if (usual <= latest)
        {
            return (usual, false, false);
        }

        var shortest = _calendar.AddWorkingDays(draft, _policy.FactCheckMinimumWorkingDays);
        return shortest <= latest ? (latest, true, false) : (shortest, true, true);
    }

    /// <summary>
    /// When an update on who will look at what goes, for names first given at <paramref name="firstNamedAt"/> (local policy:
    /// <see cref="IrpPolicy.InspectorsUpdateMinutesAfterFirstName"/>).
    /// </summary>
    public DateTimeOffset InspectorsUpdateDue(DateTimeOffset firstNamedAt) => firstNamedAt.AddMinutes(_policy.InspectorsUpdateMinutesAfterFirstName);

    /// <summary>
    /// The last day the feedback form takes answers, from the IRP's step dates (local policy:
    /// <see cref="IrpPolicy.FeedbackFormDaysAfterRequest"/> days after the later of the liaison officer's request, prison guide
    /// 16.1, and the governor's or centre's, prison guide 16.1 and IRC guide 5.3).
    /// </summary>
    public DateOnly FeedbackFormClosesOn(IReadOnlyDictionary<string, DateOnly> stepDates) =>
        new[] { stepDates[IrpSteps.LiaisonFeedback], stepDates[IrpSteps.GovernorFeedback] }.Max().AddDays(_policy.FeedbackFormDaysAfterRequest);

    /// <summary>Prison guide 8.1 / IRC guide 3.1: the visit's last day, two and a half days on site over three working days.</summary>
    /// <exception cref="CalendarRangeException">The date falls outside the calendar's supported range.</exception>
    public DateOnly VisitEnd(DateOnly visitStart) => _calendar.AddWorkingDays(visitStart, _policy.VisitLengthWorkingDays - 1);

    /// <summary>Prison guide 7.4 / IRC guide 2.8: documents due "no later than five working days before the start of the IRP visit".</summary>
    /// <exception cref="CalendarRangeException">The date falls outside the calendar's supported range.</exception>
    public DateOnly DocumentsDeadline(DateOnly visitStart) => _calendar.AddWorkingDays(visitStart, -_policy.DocumentsDeadlineWorkingDaysBeforeVisit);

    /// <summary>Midnight at the start of <paramref name="date"/> in England and Wales, as UTC.</summary>
    private DateTimeOffset StartOf(DateOnly date) => DueAt(date, TimeOnly.MinValue);

    /// <summary>The end of a step's window and why it closes then (see <see cref="PlannedStep.NotAfter"/>).</summary>
    private readonly record struct Window(DateTimeOffset NotAfter, string Reason);

    private static string LongDay(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string AnnouncementConcerns(IrpFacts facts)
    {
        // Prison guide 5.1–5.3 / IRC guide 2.2–2.3: partners invited on the facts the request states.
        var partners = IrpPartners.Invited(facts).Select(IrpPartners.ShortName).ToList();
        var to = facts.Kind == IrpKind.Immigration ? "Centre manager and Home Office" : "Governor";
        return $"{to}; copy to IMB chair" + (partners.Count > 0 ? $"; partners invited: {string.Join(", ", partners)}" : "");
    }

    private DateTimeOffset DueAt(DateOnly date, TimeOnly time) => LocalInstant.At(date, time, _zone);
}
