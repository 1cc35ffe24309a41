using System.Globalization;
using IrpFlows.Calendar;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>
/// Plans a probation inspection's timeline from HMI Probation's inspection manual (V3, November 2018): every date is a week
/// relative to fieldwork (2.3). Week -n is the week starting n weeks before fieldwork week one; week +n the week starting n
/// weeks after the last fieldwork week began (the third, which may be held apart from the second). A pure function of the
/// facts, what has happened, the England-and-Wales calendar and the policy: it never reads the clock.
/// <para>
/// Each rule says where a date that lands on a bank holiday goes. A day named as the start of something (the Monday the
/// case sample is identified, the Monday the draft arrives) moves to the next working day of its week, so nothing arrives
/// before the manual's week; a deadline ("by Friday", "by 16:00 on Wednesday") moves to the working day before, never later.
/// </para>
/// </summary>
public sealed class ProbationPlanner
{
    /// <summary>What the ratings letter waits for: a rating recorded for every standard (7.1).</summary>
    public const string RatingsRecorded = "RatingsRecorded";

    /// <summary>What the draft report's email waits for: the coordinator saying the draft is ready (7.3).</summary>
    public const string DraftIssued = "DraftIssued";

    /// <summary>What the publication notice waits for: the report being published (7.4).</summary>
    public const string Published = "Published";

    /// <summary>What the draft report's email waits for once the draft is issued: the file it links to (7.3).</summary>
    public const string DraftReportUploaded = "DraftReportUploaded";

    /// <summary>What the embargoed copy waits for, once the draft is issued: the final report, which it carries (7.4).</summary>
    public const string FinalReportUploaded = "FinalReportUploaded";

    /// <summary>What the letters to partners wait for: the announcement call made (3.3: "On completion of the telephone call").</summary>
    public const string AnnouncementCallMade = "AnnouncementCallMade";

    /// <summary>What a CRC's notice to the NPS division waits for: someone at the division to send it to (6.1).</summary>
    public const string NpsDivisionNamed = "NpsDivisionNamed";

    /// <summary>What the acknowledgement letter waits for: OSAG's action plan (7.5).</summary>
    public const string ActionPlanReceived = "ActionPlanReceived";

    /// <summary>3.9: "The training days run: Day 1: 11:00am until 5:00pm; Day 2: 09:00am until 5:00pm; Day 3: 09:00am until 5:00pm".</summary>
    private static readonly TimeOnly TrainingDayOneStarts = new(11, 0), TrainingLaterDaysStart = new(9, 0), TrainingDayEnds = new(17, 0);

    private readonly WorkingDayCalendar _calendar;
    private readonly ProbationPolicy _policy;
    private readonly TimeZoneInfo _zone;

    public ProbationPlanner(WorkingDayCalendar calendar, ProbationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        _policy = policy.Validate();
        _zone = policy.TimeZone;
    }

    /// <summary>
    /// Every step, ordered by when it is due and then by the order of the process. Steps that will not happen are included
    /// with <see cref="PlannedStep.Applicable"/> false; steps that wait for an event name it in <see cref="PlannedStep.WaitingFor"/>.
    /// </summary>
    /// <exception cref="CalendarRangeException">A date falls outside the calendar's supported range.</exception>
    public IReadOnlyList<PlannedStep> Plan(ProbationFacts facts, ProbationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(progress);
        var steps = new List<PlannedStep>();
        var organisation = facts.Contacts.SeniorLinkManager is null ? "Chief executive / divisional director (no senior link manager named yet)" : "Senior link manager";
        var leaders = facts.Contacts.SeniorLinkManager is null ? "Chief executive / divisional director" : "Chief executive / divisional director and senior link manager";

        var nps = facts.Organisation.Type == OrganisationType.Nps;

        // localPolicy names what the manual leaves open and a setting decides (a day, a time), so the source never credits it to the manual.
        void Add(string id, string title, DateOnly date, string concerns, string section, bool applicable = true, string? waitingFor = null, TimeOnly? time = null,
            string? skipReason = null, DateOnly? endDate = null, TimeOnly? endTime = null, string? localPolicy = null, DateTimeOffset? notAfter = null,
            string? windowReason = null) =>
            steps.Add(new PlannedStep(id, title, date, time, LocalInstant.At(date, time ?? _policy.StepTimeOfDay, _zone), concerns,
                "Probation manual " + section + (localPolicy is null ? "" : $"; {localPolicy}: local policy"), applicable, waitingFor)
            {
                SkipReason = applicable ? null : skipReason,
                NotAfter = notAfter,
                WindowReason = windowReason,
                EndDate = endDate,
                EndTime = endTime,
                Ends = endDate is { } end && endTime is { } until ? LocalInstant.At(end, until, _zone) : null,
            });

        // A reminder goes the policy's working days before its deadline unless what it chases has come; once the deadline has come
        // it would be pointless (and an inspection replanned late by new rules would send it weeks after), so it is skipped instead.
        void AddReminder(string id, string title, DateOnly deadline, TimeOnly? deadlineTime, string concerns, string section, bool needed, string skipReason,
            string? waitingFor = null, string? localPolicy = null) =>
            Add(id, title, _calendar.AddWorkingDays(deadline, -_policy.ReminderWorkingDaysBeforeDeadline), concerns, section, applicable: needed, waitingFor: waitingFor,
                skipReason: skipReason, localPolicy: localPolicy, notAfter: LocalInstant.At(deadline, deadlineTime ?? _policy.StepTimeOfDay, _zone),
                windowReason: $"it reminds of a deadline, {LongDay(deadline)}, that had come: a reminder then is pointless (Probation manual {section})");

        // 3.9: the local assessors' steps happen on NPS inspections only; a CRC's are shown skipped.
        void AddLocalAssessors(string id, string title, DateOnly date, string concerns, TimeOnly? time = null, DateOnly? endDate = null, TimeOnly? endTime = null,
            string? localPolicy = null) =>
            Add(id, title, date, concerns, "3.9", applicable: nps, time: time, skipReason: "local assessors take part in NPS inspections only (manual 3.9)",
                endDate: endDate, endTime: endTime, localPolicy: localPolicy);

        void AddFieldworkWeek(string id, string title, DateOnly monday, string localPolicy = "the start and end times")
        {
            // 6.10: fieldwork "commences on Monday afternoon and ends on Friday, usually between 12:00 and 14:00": the times are
            // settings (see FieldworkWeek).
            var (first, last) = FieldworkDays(monday);
            Add(id, title, first, "Inspection team", "2.3, 5.1, 6.10", time: _policy.FieldworkStartTime, endDate: last, endTime: _policy.FieldworkEndTime,
                localPolicy: localPolicy);
        }

        // 3.2: the administrator and lead inspector start to prepare at week -11. The start of work: a holiday Monday starts it on
        // the next working day.
        Add(ProbationSteps.Preparation, "Preparation starts: background information collated", FirstWorkingDayOfWeek(WeekBefore(facts, 11)),
            "Lead inspector and administrator", "3.2");

        // 3.3: announced by telephone "on the Thursday or Friday, nine weeks before the fieldwork commences (week -9)"; the day
        // it was made once recorded.
        var call = progress.AnnouncementCallOn ?? AnnouncementCall(facts);
        Add(ProbationSteps.AnnouncementCall, progress.AnnouncementCallOn is null ? "Announcement telephone call" : "Announcement telephone call made", call,
            "Lead inspector (or deputy lead) to the chief executive / divisional director", "3.3");

        // Every letter has a window, as an IRP's has: it ends when what the letter says stops being true or useful, and a letter
        // still unsent then is recorded skipped with the reason, and the lead inspector told, rather than sent late. What prepares
        // the fieldwork (the confirming email, the letters to partners, the outline and final schedules, the notice to an NPS
        // division) is pointless once fieldwork has begun. The dates that send nothing have none; nor have the letters that must
        // go however late, each saying why where it is planned: the minutes (3.5), the ratings (7.2), the draft report (7.3),
        // the publication notice (7.4) and the acknowledgement of the action plan (7.5).
        var fieldworkBegins = FieldworkDays(facts.FieldworkStart).First;
        var fieldworkStarts = LocalInstant.At(fieldworkBegins, _policy.FieldworkStartTime, _zone);
        string BeforeFieldwork(string what, string section) => $"{what}, and fieldwork began on {LongDay(fieldworkBegins)} (Probation manual {section})";

        // 3.3: "On completion of the telephone call ... The administrator also issues letters to partners and other relevant
        // organisations informing them of the inspection and asking for them to submit relevant information": once the call is
        // recorded, on its day.
        Add(ProbationSteps.PartnerLetters, "Letters to partners and other relevant organisations", call, "Administrator to the partners named", "3.3",
            applicable: facts.Contacts.Partners.Count > 0, skipReason: "no partners were named for this inspection (manual 3.3)",
            waitingFor: progress.AnnouncementCallOn is null ? AnnouncementCallMade : null, notAfter: fieldworkStarts,
            windowReason: BeforeFieldwork("it tells partners of the inspection and asks for their information for it", "3.3"));

        // 3.3, 3.4: the confirming email with the project plan "on the first working day of the week following the call (week -8)".
        // Late, it still confirms an inspection to come and gives the dates before fieldwork; once fieldwork has begun it confirms
        // nothing anyone needs.
        Add(ProbationSteps.AnnouncementEmail, "Email confirming the inspection, with the project plan", FirstWorkingDayOfWeek(MondayOf(call).AddDays(7)),
            leaders, "3.3, 3.4", notAfter: fieldworkStarts,
            windowReason: BeforeFieldwork("it confirms the inspection and the dates of the work before fieldwork", "3.3, 3.4"));

        // 5.2: "An outline schedule is sent out following the announcement of an inspection, indicating the days and times
        // inspectors are available for meetings." The manual gives no day: local policy, by default with the confirming email on
        // the first working day of week -8.
        Add(ProbationSteps.OutlineSchedule, "Outline schedule: the days and times inspectors are available for domain one meetings",
            FirstWorkingDayOfWeek(WeekBefore(facts, _policy.OutlineScheduleWeeksBeforeFieldwork)), leaders, "5.2", localPolicy: "the week",
            notAfter: fieldworkStarts,
            windowReason: BeforeFieldwork("it offers the days and times inspectors are available for meetings during fieldwork, for the organisation to choose", "5.2"));

        // 3.5: the telephone planning meeting "takes place within one week of the announcement": a limit, so a week after the
        // call, or the working day before when that is a holiday; the day and time agreed on the call (3.3 "confirm the date and
        // time of the telephone planning meeting") once recorded; the day it was held once recorded.
        var agreed = progress.PlanningMeetingAgreedAt;
        Add(ProbationSteps.PlanningMeeting,
            progress.PlanningMeetingOn is not null ? "Telephone planning meeting held" : agreed is not null ? "Telephone planning meeting (agreed)" : "Telephone planning meeting (latest date)",
            progress.PlanningMeetingOn ?? (agreed is { } at ? DateOnly.FromDateTime(at) : LastWorkingDayOnOrBefore(call.AddDays(7))),
            "Lead inspector and senior link manager", "3.5", time: progress.PlanningMeetingOn is null && agreed is { } when ? TimeOnly.FromDateTime(when) : null);

        // 3.5: "The planning meeting is documented by the lead ... A copy of the minutes is issued to the senior link manager, the
        // HMIP administrator and any other relevant people": as soon as the lead uploads them. Until then nothing is to be sent, and
        // an inspection whose minutes went another way must still finish: shown not applicable, with the reason. No window: the
        // minutes are the record of what the meeting agreed, and go whenever the lead uploads them, however late.
        Add(ProbationSteps.PlanningMeetingMinutes, "Planning meeting minutes sent", progress.MinutesUploadedOn ?? progress.PlanningMeetingOn ?? call.AddDays(7),
            "Lead inspector to the senior link manager and administrator", "3.5", applicable: progress.MinutesUploadedOn is not null,
            skipReason: "no minutes are uploaded (manual 3.5): they go as soon as the lead inspector uploads them");

        // 3.9: "The Inspection Administration Officer will make a generic hotel booking for the local assessor at week -7": the
        // start of work in week -7, so a holiday Monday moves it to the next working day.
        AddLocalAssessors(ProbationSteps.LocalAssessorHotelBooking, "Generic hotel booking for the local assessors", FirstWorkingDayOfWeek(WeekBefore(facts, 7)),
            "Inspection administration officer");

        // 3.9: the two training cases' details and documents go "to the Lead Inspector by week -6": a deadline, read as the first
        // working day of week -6, so the working day before (in week -7) when that Monday is a holiday.
        AddLocalAssessors(ProbationSteps.LocalAssessorTrainingCases, "Details of the two local assessor training cases due to the lead inspector",
            LastWorkingDayOnOrBefore(WeekBefore(facts, 6)), organisation + " to the lead inspector");

        // 3.6, 3.8: the lead has read the evidence in advance by week -5, when the on-site planning meeting is held; so it is due
        // by the end of week -6, moved to the working day before when that Friday is a holiday.
        Add(ProbationSteps.EvidenceInAdvance, "Evidence in advance due", LastWorkingDayOnOrBefore(WeekBefore(facts, 6).AddDays(4)), organisation, "3.6, 3.8");

        // 2.3 and 3.8: the presentation and on-site planning meeting in week -5; the manual names the week, not the day.
        Add(ProbationSteps.OnSitePlanning, "Presentation and on-site planning meeting (week -5)", FirstWorkingDayOfWeek(WeekBefore(facts, 5)),
            "Lead inspector, chief executive / divisional director and senior link manager", "3.7, 3.8");

        // 3.9: "Completed [nomination] forms should be returned to the Inspection Administration Officer by week -5": a deadline,
        // read as the first working day of week -5, so the working day before when that Monday is a holiday.
        AddLocalAssessors(ProbationSteps.LocalAssessorNominations, "Local assessor nomination forms due", LastWorkingDayOnOrBefore(WeekBefore(facts, 5)),
            organisation + " to the inspection administration officer");

        // 4.4 domain two, stage 1: the long list of eligible cases. The manual gives no date: local policy, by the end of week -7
        // (a setting), a week after the confirming email that asks for it (3.3: "case sample specifications"), so that the
        // provisional list can go by week -5 (3.8). A deadline: the working day before when that Friday is a holiday.
        var longList = LastWorkingDayOnOrBefore(WeekBefore(facts, _policy.DomainTwoLongListWeeksBeforeFieldwork).AddDays(4));
        var longListIn = progress.SamplesReturned.Contains(ProbationSamples.DomainTwoLongList);
        AddReminder(ProbationSteps.DomainTwoLongListReminder, "Domain two long list reminder", longList, null, organisation, "4.4", !longListIn,
            "the domain two long list is recorded as returned (manual 4.4)", localPolicy: "the date");
        Add(ProbationSteps.DomainTwoLongList, "Domain two case sample: long list due", longList, organisation, "4.4", localPolicy: "the date");

        // 3.8: "By week -5 ... the provisionally selected cases will have been sent to the inspected area"; 4.4 stages 2–3: the
        // administrator applies the stratification and sends the provisional list. "By week -5": by its first working day, the
        // working day before when that Monday is a holiday.
        var provisional = LastWorkingDayOnOrBefore(WeekBefore(facts, 5));
        Add(ProbationSteps.DomainTwoProvisionalList, "Domain two provisional case sample list sent to the organisation", provisional,
            "Administrator to " + organisation.ToLowerInvariant(), "3.8, 4.4");

        // 4.4 stage 4: "In week -4 the returned sample is checked by the administrator and lead inspector": returned, with the
        // exclusions and responsible officers' availability, by the first working day of week -4 (the working day before when that
        // Monday is a holiday), and the final sample fixed by the end of week -4.
        var provisionalBack = LastWorkingDayOnOrBefore(WeekBefore(facts, 4));
        var provisionalIn = progress.SamplesReturned.Contains(ProbationSamples.DomainTwoProvisionalList);
        AddReminder(ProbationSteps.DomainTwoSampleReminder, "Domain two provisional list reminder", provisionalBack, null, organisation, "4.4", !provisionalIn,
            "the domain two provisional list is recorded as returned (manual 4.4)");
        Add(ProbationSteps.DomainTwoSampleReturn, "Domain two provisional list due back, with exclusions and availability", provisionalBack, organisation, "3.8, 4.4");
        Add(ProbationSteps.DomainTwoFinalSample, "Domain two final case sample selected", LastWorkingDayOnOrBefore(WeekBefore(facts, 4).AddDays(4)),
            "Administrator and lead inspector", "4.4");

        // 4.4 domain three: the NPS court reports and allocation sample is "identified on Monday week -4" so that it holds as many
        // sentenced cases as possible: a holiday Monday moves it to the next working day, never into week -5. The manual dates no
        // other domain three sample (victim work; a CRC's unpaid work and Through the Gate): local policy asks for each with it.
        var domainThree = ProbationSamples.DomainThreeNames(facts.Organisation.Type);
        var domainThreeDates = nps ? null : "the dates, those of the NPS court reports sample";
        // 4.4: "returned to HMI Probation by 16:00 on Wednesday week -3": a deadline, so the working day before when that
        // Wednesday is a holiday. The request asks for the samples by then: once that time has come it could only ask for the
        // impossible, and the lead must agree another day with the organisation.
        var sampleRequest = FirstWorkingDayOfWeek(WeekBefore(facts, 4));
        var sampleReturn = LastWorkingDayOnOrBefore(WeekBefore(facts, 3).AddDays(2));
        Add(ProbationSteps.CaseSampleRequest, $"Domain three samples request: {domainThree}", sampleRequest, organisation, "4.1, 4.4", localPolicy: domainThreeDates,
            notAfter: LocalInstant.At(sampleReturn, _policy.CaseSampleReturnTimeOfDay, _zone),
            windowReason: $"it asks for the samples by {_policy.CaseSampleReturnTimeOfDay:HH:mm} on {LongDay(sampleReturn)}, and that time had come (Probation manual 4.4)");

        AddReminder(ProbationSteps.CaseSampleReminder, "Domain three samples reminder", sampleReturn, _policy.CaseSampleReturnTimeOfDay, organisation, "4.4",
            !progress.CaseSampleReturned, "the domain three samples are recorded as returned (manual 4.4)", localPolicy: domainThreeDates);
        Add(ProbationSteps.CaseSampleReturn, "Domain three samples due back (16:00)", sampleReturn, organisation, "4.4", time: _policy.CaseSampleReturnTimeOfDay,
            localPolicy: domainThreeDates);

        // 5.1: the final schedules "at the start of week -2": its first working day. They give each interview's time so that the
        // organisation can tell those taking part; once fieldwork has begun the team is there and the schedule is in use.
        var weekMinus2 = FirstWorkingDayOfWeek(WeekBefore(facts, 2));
        Add(ProbationSteps.Schedules, "Final schedules for domains two and three", weekMinus2, organisation, "5.1", notAfter: fieldworkStarts,
            windowReason: BeforeFieldwork("it issues the interview schedules for those taking part to be told before fieldwork", "5.1"));

        // 6.1: on a CRC inspection, "Prior to fieldwork, the administrator notifies the relevant NPS division that we are inspecting
        // unpaid work services in some of its cases." The manual gives no day: local policy, by default with the final schedules
        // on the first working day of week -2. An NPS inspection inspects no CRC's unpaid work.
        Add(ProbationSteps.NpsDivisionNotice, "Notice to the NPS division: unpaid work inspected in some of its cases",
            FirstWorkingDayOfWeek(WeekBefore(facts, _policy.NpsDivisionNoticeWeeksBeforeFieldwork)), "Administrator to the relevant NPS division", "6.1",
            applicable: !nps, skipReason: "the NPS division is notified on CRC inspections only, which inspect unpaid work in NPS cases (manual 6.1)",
            localPolicy: "the week", waitingFor: nps || facts.Contacts.NpsDivision is not null ? null : NpsDivisionNamed, notAfter: fieldworkStarts,
            windowReason: BeforeFieldwork("the division is to be told prior to fieldwork", "6.1"));

        // 3.9: the hotel booking "will be followed up with the nominated local assessor at week -2": its first working day.
        AddLocalAssessors(ProbationSteps.LocalAssessorHotelCheck, "Local assessors' hotel requirements confirmed", weekMinus2,
            "Inspection administration officer with each local assessor");

        // 3.9: training "delivered over three days, two weeks prior to the inspection (week -2)". The manual names the week, not
        // the days: which days is local policy (see TrainingDays). "The training days run: Day 1: 11:00am until 5:00pm; Day 2:
        // 09:00am until 5:00pm; Day 3: 09:00am until 5:00pm."
        var training = TrainingDays(WeekBefore(facts, 2));
        const string trainers = "Lead inspector, an assistant inspector and the local assessors";
        AddLocalAssessors(ProbationSteps.LocalAssessorTraining, "Local assessor training, day 1 of 3 (11:00 to 17:00)", training[0], trainers,
            time: TrainingDayOneStarts, endDate: training[0], endTime: TrainingDayEnds, localPolicy: "the days of week -2");
        AddLocalAssessors(ProbationSteps.LocalAssessorTrainingDay2, "Local assessor training, day 2 of 3 (09:00 to 17:00)", training[1], trainers,
            time: TrainingLaterDaysStart, endDate: training[1], endTime: TrainingDayEnds, localPolicy: "the days of week -2");
        AddLocalAssessors(ProbationSteps.LocalAssessorTrainingDay3, "Local assessor training, day 3 of 3 (09:00 to 17:00)", training[2], trainers,
            time: TrainingLaterDaysStart, endDate: training[2], endTime: TrainingDayEnds, localPolicy: "the days of week -2");

        // 3.9: local assessors are "sent a copy of the inspection team briefing and schedule on the Thursday of the week before
        // the inspection". The manual's bracket says "(week 1)"; the week before the inspection is week -1, as its text says.
        // A day named for something to have arrived by: a holiday Thursday sends it the working day before.
        AddLocalAssessors(ProbationSteps.LocalAssessorBriefing, "Inspection team briefing and schedule to the local assessors",
            LastWorkingDayOnOrBefore(WeekBefore(facts, 1).AddDays(3)), "Local assessors, at their NPS email address");

        // 2.3, 5.1, 6.10: the three fieldwork weeks, each from the afternoon of its first working day (a holiday Monday starts
        // it on the next) to its Friday, or the last working day before a holiday Friday.
        AddFieldworkWeek(ProbationSteps.FieldworkWeek1, "Fieldwork week one", facts.FieldworkStart);
        AddFieldworkWeek(ProbationSteps.FieldworkWeek2, "Fieldwork week two", facts.FieldworkStart.AddDays(7));
        // 2.3: "The three fieldwork weeks form the second phase": the manual neither requires nor forbids a third week held apart
        // from the second, so one held apart is labelled local practice.
        AddFieldworkWeek(ProbationSteps.FieldworkWeek3, "Fieldwork week three", facts.FieldworkWeekThreeStart,
            facts.FieldworkWeekThreeStart == facts.FieldworkStart.AddDays(14) ? "the start and end times" : "the start and end times, and the week held apart");

        // 7.2: "At the end of the third fieldwork week, verified data from domains two and three, along with indicative ratings,
        // are issued to the lead inspector and deputy lead inspector": as the last fieldwork week ends, its last working day at
        // the end time, never before the team has left.
        var fieldworkEnds = FieldworkDays(facts.FieldworkWeekThreeStart).Last;
        Add(ProbationSteps.VerifiedData, "Verified data (domains two and three) and indicative ratings issued", fieldworkEnds,
            "Information and data team to the lead inspector and deputy lead inspector", "7.2", time: _policy.FieldworkEndTime);

        // 7.2: the panel sits "on the Thursday morning of the week following the fieldwork (week +1)".
        Add(ProbationSteps.RatingsPanel, "Ratings panel", RatingsPanel(facts), "Director of operations, lead inspector and head of inspection", "7.2",
            time: _policy.RatingsTimeOfDay);

        // 2.3, 7.2: the ratings and panel summary "arrive with the inspected body at 0900 on the Monday after the ratings panel
        // (week +2)". A holiday Monday (Easter Monday) sends them at 09:00 on the next working day, when someone is there to
        // read them; the lead's call explaining them is the same day. Not before every standard is rated. No window: the
        // organisation is owed the agreed ratings and the panel's summary however late, and must have them before the draft
        // report that states them (7.3).
        Add(ProbationSteps.RatingsToOrganisation, "Ratings and the panel's summary to the organisation", FirstWorkingDayOfWeek(WeekAfter(facts, 2)),
            leaders, "2.3, 7.2", waitingFor: progress.AllRated ? null : RatingsRecorded, time: _policy.RatingsTimeOfDay);

        // 2.3, 7.3: the draft report arrives "on Monday morning of week +7". A holiday Monday sends it the next working day:
        // sending it earlier would take a day from the three weeks of writing and the edits that follow. No window: the
        // organisation's factual accuracy check is one of the steps that finalise the report (7.3), so it goes however late.
        var draft = FirstWorkingDayOfWeek(WeekAfter(facts, 7));
        Add(ProbationSteps.DraftReport, "Draft report for factual accuracy checking", draft, leaders, "2.3, 7.3",
            waitingFor: !progress.DraftIssued ? DraftIssued : !progress.DraftReportUploaded ? DraftReportUploaded : null);

        // 2.3: comments "by the Friday of week +8": a deadline, so the working day before when that Friday is a holiday (Good Friday).
        var comments = LastWorkingDayOnOrBefore(WeekAfter(facts, 8).AddDays(4));
        AddReminder(ProbationSteps.FactualAccuracyReminder, "Factual accuracy comments reminder", comments, null, leaders, "2.3, 7.3", !progress.CommentsReturned,
            "the factual accuracy comments are recorded as returned (manual 7.3)", waitingFor: progress.DraftIssued ? null : DraftIssued);
        Add(ProbationSteps.FactualAccuracyDeadline, "Factual accuracy comments due", comments, leaders, "2.3, 7.3");

        // 7.3: "Arrangements are in place for OSAG to send the response to HMI Probation within ten working days" of the draft;
        // tracked until the response (the comments) arrives.
        Add(ProbationSteps.OsagResponse, "OSAG's factual accuracy response due (ten working days)", _calendar.AddWorkingDays(draft, 10), "OSAG", "7.3",
            applicable: !progress.CommentsReturned, waitingFor: progress.DraftIssued ? null : DraftIssued,
            skipReason: "the factual accuracy response is recorded as returned (manual 7.3)");

        // 7.4: published "at week +13 in England, and week +17 in Wales"; the manual names the week, not the day, so its first
        // working day. "Changes to this publication date may be agreed in advance": the date agreed, once recorded; the day it
        // was published once recorded.
        var publicationWeek = facts.Organisation.Nation == Nation.Wales ? _policy.PublicationWeekWales : _policy.PublicationWeekEngland;
        var publication = progress.PublishedOn ?? progress.PublicationAgreedOn ?? FirstWorkingDayOfWeek(WeekAfter(facts, publicationWeek));
        // 7.4: the embargoed copy "5 working days before formal publication": counted in working days, so never on a holiday. It
        // is the report, so it waits for the draft to have been issued (7.3) and for the final report it carries. Late, it still
        // goes: the organisation is to see the report before the public does, and "changes to this publication date may be
        // agreed", so no planned date can close its window; only the publication recorded does, when an embargo means nothing.
        Add(ProbationSteps.EmbargoedCopy, "Embargoed copy of the report", _calendar.AddWorkingDays(publication, -_policy.EmbargoWorkingDaysBeforePublication),
            leaders, "7.4",
            // Published without a final report uploaded here (sent outside IrpFlows): no longer waiting, so its closed window skips it.
            waitingFor: progress.PublishedOn is not null ? null : !progress.DraftIssued ? DraftIssued : !progress.FinalReportUploaded ? FinalReportUploaded : null,
            notAfter: progress.PublishedOn is { } publishedOn ? LocalInstant.At(publishedOn, _policy.StepTimeOfDay, _zone) : null,
            windowReason: progress.PublishedOn is { } published
                ? $"it gives the organisation the report before formal publication, and the report was published on {LongDay(published)} (Probation manual 7.4)"
                : null);
        // 7.4: no window: the notice tells the organisation its report is out and when its action plan is due (7.5), however late.
        Add(ProbationSteps.Publication, "Report published: publication notice", publication, leaders, "7.4",
            waitingFor: progress.PublishedOn is null ? Published : null);

        // 7.5: the action plan is sent by OSAG to HMI Probation "at week +15 in England and +19 in Wales": two weeks after the
        // publication week, so a publication date agreed later moves it too. The request goes on the first working day of that week.
        // The email says the plan is due this week: once that week has ended it is no longer true, and chasing a late plan is the
        // lead's to do in their own words.
        var actionPlanWeek = MondayOf(publication).AddDays(7 * _policy.ActionPlanWeeksAfterPublication);
        var actionPlan = FirstWorkingDayOfWeek(actionPlanWeek);
        Add(ProbationSteps.ActionPlan, "Action plan due from OSAG", actionPlan, "OSAG; the organisation copied", "7.5",
            notAfter: LocalInstant.At(actionPlanWeek.AddDays(7), TimeOnly.MinValue, _zone),
            windowReason: $"it says the action plan is due from OSAG in the week beginning {LongDay(actionPlanWeek)}, and that week had ended (Probation manual 7.5)");

        // 7.5: "The lead inspector and head of inspection review the action plan, then sends an acknowledgement letter, noting
        // acceptance of the plan or identifying amendments if required": once it is recorded as received and reviewed. No
        // window: the organisation and OSAG are owed the answer to the plan they sent, however late.
        Add(ProbationSteps.ActionPlanAcknowledgement, "Action plan acknowledged", progress.ActionPlanReceivedOn ?? actionPlan,
            "Lead inspector to OSAG; the organisation and head of inspection copied", "7.5",
            waitingFor: progress.ActionPlanReceivedOn is null ? ActionPlanReceived : null);

        // OrderBy is stable: steps due at the same instant keep the order of the process.
        return steps.OrderBy(s => s.Due).ToList();
    }

    /// <summary>
    /// 6.10: the fieldwork week holding <paramref name="day"/>, from the afternoon of its first working day to the end time on
    /// its Friday, or the last working day before a holiday Friday; as UTC instants.
    /// </summary>
    public (DateTimeOffset Starts, DateTimeOffset Ends) FieldworkWeek(DateOnly day)
    {
        var (first, last) = FieldworkDays(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));
        return (LocalInstant.At(first, _policy.FieldworkStartTime, _zone), LocalInstant.At(last, _policy.FieldworkEndTime, _zone));
    }

    /// <summary>"week -9", "fieldwork week 2", "week +7": where <paramref name="date"/> falls, in the manual's numbering.</summary>
    public static string WeekOf(ProbationFacts facts, DateOnly date)
    {
        if (date < facts.FieldworkStart) return $"week -{(facts.FieldworkStart.DayNumber - date.DayNumber + 6) / 7}";
        if (date < facts.FieldworkStart.AddDays(14)) return $"fieldwork week {(date.DayNumber - facts.FieldworkStart.DayNumber) / 7 + 1}";
        if (date < facts.FieldworkWeekThreeStart) return "between fieldwork weeks";
        var after = (date.DayNumber - facts.FieldworkWeekThreeStart.DayNumber) / 7;
        return after == 0 ? "fieldwork week 3" : $"week +{after}";
    }

    /// <summary>3.3: Thursday of week -9, else Friday; when both are holidays (Christmas), the working day before, still in week -9.</summary>
    private DateOnly AnnouncementCall(ProbationFacts facts) => ThursdayElseFriday(WeekBefore(facts, 9));

    /// <summary>
    /// 7.2: Thursday of week +1, else the Friday, so the panel still has the week's preparation and sits before the Monday
    /// letter; when both are holidays, the working day before.
    /// </summary>
    private DateOnly RatingsPanel(ProbationFacts facts) => ThursdayElseFriday(WeekAfter(facts, 1));

    /// <summary>6.10: a fieldwork week's first working day (a holiday Monday starts it on the next) and last (Good Friday ends it on Thursday).</summary>
    private (DateOnly First, DateOnly Last) FieldworkDays(DateOnly monday) => (FirstWorkingDayOfWeek(monday), LastWorkingDayOnOrBefore(monday.AddDays(4)));

    /// <summary>
    /// 3.9: the three days of local assessor training in week -2 (beginning <paramref name="monday"/>). Local policy: the three
    /// working days from the policy's first day (Monday unless set); a day on a bank holiday gives way to the next working day of
    /// the same week, so Easter Monday's week trains Tuesday to Thursday. When fewer than three working days of the week remain
    /// from the first day (a Wednesday start in a week ending on Good Friday), the training starts on the working days before it
    /// in the same week rather than running into week -1, which the manual does not name. A week of fewer than three working
    /// days (none so far in England and Wales) starts it on the working days before the week.
    /// </summary>
    private DateOnly[] TrainingDays(DateOnly monday)
    {
        var week = Enumerable.Range(0, 5).Select(monday.AddDays).Where(_calendar.IsWorkingDay).ToList();
        var from = monday.AddDays(_policy.LocalAssessorTrainingFirstDay - DayOfWeek.Monday);
        var days = week.Where(d => d >= from).Take(3).ToList();
        days.InsertRange(0, week.Where(d => d < from).TakeLast(3 - days.Count));
        while (days.Count < 3) days.Insert(0, LastWorkingDayOnOrBefore((days.Count > 0 ? days[0] : monday).AddDays(-1)));
        return [.. days];
    }

    private DateOnly ThursdayElseFriday(DateOnly monday)
    {
        var thursday = monday.AddDays(3);
        if (_calendar.IsWorkingDay(thursday)) return thursday;
        var friday = monday.AddDays(4);
        return _calendar.IsWorkingDay(friday) ? friday : LastWorkingDayOnOrBefore(thursday);
    }

    private static string LongDay(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly WeekBefore(ProbationFacts facts, int weeks) => facts.FieldworkStart.AddDays(-7 * weeks);

    private static DateOnly WeekAfter(ProbationFacts facts, int weeks) => facts.FieldworkWeekThreeStart.AddDays(7 * weeks);

    private DateOnly FirstWorkingDayOfWeek(DateOnly monday) => _calendar.NextWorkingDayOnOrAfter(monday);

    // AddWorkingDays counts from the day after its start, so one back from the day after is the date itself when it is a working day.
    private DateOnly LastWorkingDayOnOrBefore(DateOnly date) => _calendar.AddWorkingDays(date.AddDays(1), -1);
}
