using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Timeline;

public class IrpPlannerTests
{
    private static readonly IrpPlanner Planner = new(WorkingDayCalendar.EnglandAndWales, new IrpPolicy());

    private static PlannedStep Step(IReadOnlyList<PlannedStep> plan, string id) => plan.Single(s => s.Id == id);

    private static DateOnly Date(IrpFacts facts, string id, IrpProgress? progress = null) =>
        Step(Planner.Plan(facts, progress ?? new IrpProgress()), id).Date;

    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory]
    [InlineData("documents-deadline", "2023-02-06")] // five working days before Mon 13 Feb (7.4)
    [InlineData("visit-start", "2023-02-13")]
    [InlineData("visit-end", "2023-02-15")]
    [InlineData("debrief", "2023-02-15")]
    [InlineData("debrief-document", "2023-02-16")] // shared electronically after the debrief (13.1)
    [InlineData("draft-report", "2023-03-01")] // ten working days after the visit (14.1)
    [InlineData("publication-deadline", "2023-03-22")] // 25 working days after the visit (14.1)
    [InlineData("announcement", "2022-11-28")]
    [InlineData("documents-request", "2022-12-05")]
    [InlineData("documents-reminder-1", "2023-01-23")]
    [InlineData("documents-reminder-2", "2023-01-30")]
    [InlineData("documents-reminder-3", "2023-02-02")]
    [InlineData("documents-overdue", "2023-02-07")]
    [InlineData("visit-arrangements", "2023-01-30")] // two weeks before, for gate passes and keys (7.2, Appendix A)
    [InlineData("liaison-feedback", "2023-02-17")]
    [InlineData("fact-check-reminder-1", "2023-03-10")]
    [InlineData("fact-check-deadline", "2023-03-15")]
    [InlineData("publication-alert", "2023-03-15")]
    [InlineData("final-report", "2023-03-20")] // before publication (14.1), until it is uploaded
    public void Elmley2023_DatesFollowThePrisonGuide(string id, string expected)
    {
        Assert.Equal(D(expected), Date(IrpExamples.Elmley(), id));
    }

    [Theory]
    [InlineData("documents-deadline", "2022-03-07")]
    [InlineData("visit-end", "2022-03-16")]
    [InlineData("draft-report", "2022-03-30")]
    [InlineData("publication-deadline", "2022-04-22")] // skips Good Friday 15 Apr and Easter Monday 18 Apr
    public void Hull2022_DatesFollowThePrisonGuide_AcrossEaster(string id, string expected)
    {
        Assert.Equal(D(expected), Date(IrpExamples.Hull(), id));
    }

    [Fact]
    public void Plan_HasEveryRequiredStep_WithItsSource()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        string[] required =
        [
            "announcement", "documents-request", "documents-reminder-1", "documents-reminder-2", "documents-reminder-3",
            "documents-deadline", "documents-overdue", "visit-arrangements", "visit-start", "visit-end", "debrief", "debrief-document",
            "liaison-feedback", "draft-report", "fact-check-reminder-1", "fact-check-deadline", "publication-alert",
            "final-report", "publication-deadline", "publication", "governor-feedback", "material-deletion", "material-destruction",
        ];
        Assert.Equal(required.Order(), plan.Select(s => s.Id).Order());
        Assert.Equal("Prison guide 7.4", Step(plan, "documents-deadline").Source);
        Assert.Equal("Prison guide 14.1", Step(plan, "publication-deadline").Source);
        Assert.Equal("Prison guide 16.1", Step(plan, "governor-feedback").Source);
        Assert.Equal("Prison guide Appendix A", Step(plan, "material-deletion").Source);
        Assert.Equal("Prison guide Appendix A", Step(plan, "material-destruction").Source);
    }

    [Fact]
    public void RulesTheGuidesDoNotGive_AreLabelledLocalPolicy_NamingTheirSetting_NotCreditedToAGuide()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-02-27")));

        // Prison guide 7.3 asks for the documents, 7.2 for the arrangements, 14.1 for a fact check: none gives a date or period.
        Assert.Equal("Local policy: 5 working days after the announcement (setting DocumentsRequestWorkingDaysAfterAnnouncement); prison guide 7.3 asks for the documents but gives no date",
            Step(plan, "documents-request").Source);
        Assert.StartsWith("Local policy: 10 working days before the visit (setting VisitArrangementsWorkingDaysBeforeVisit)", Step(plan, "visit-arrangements").Source);
        foreach (var step in new[] { "fact-check-reminder-1", "fact-check-deadline" })
            Assert.StartsWith("Local policy: 10 working days for the comments (setting FactCheckWorkingDays)", Step(plan, step).Source);
        Assert.DoesNotContain(plan, s => s.Source.Contains("probation manual", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Plan_IsOrderedByDue_ThenByProcessOrder()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        Assert.Equal(plan.OrderBy(s => s.Due).Select(s => s.Id), plan.Select(s => s.Id));
        var ids = plan.Select(s => s.Id).ToList();
        // Same day and time (2023-03-15 09:00): the fact-check deadline comes before the publication alert.
        Assert.True(ids.IndexOf("fact-check-deadline") < ids.IndexOf("publication-alert"));
        Assert.True(ids.IndexOf("visit-end") < ids.IndexOf("debrief"));
    }

    [Fact]
    public void Due_InWinter_IsLocalTimeAsUtc_GmtOffsetZero()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        Assert.Equal(new TimeOnly(16, 0), Step(plan, "debrief").Time);
        Assert.Equal(new DateTimeOffset(2023, 2, 15, 16, 0, 0, TimeSpan.Zero), Step(plan, "debrief").Due);
        Assert.Equal(new DateTimeOffset(2023, 2, 13, 12, 30, 0, TimeSpan.Zero), Step(plan, "visit-start").Due);
        Assert.Null(Step(plan, "documents-deadline").Time);
        Assert.Equal(new DateTimeOffset(2023, 2, 6, 9, 0, 0, TimeSpan.Zero), Step(plan, "documents-deadline").Due);
    }

    [Fact]
    public void Due_InSummerTime_IsOneHourEarlierInUtc()
    {
        var plan = Planner.Plan(IrpExamples.Hull(), new IrpProgress());

        // 30 March 2022 is after the clocks went forward on 27 March: 09:00 BST is 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2022, 3, 30, 8, 0, 0, TimeSpan.Zero), Step(plan, "draft-report").Due);
        // 16 March 2022 is still GMT.
        Assert.Equal(new DateTimeOffset(2022, 3, 16, 16, 0, 0, TimeSpan.Zero), Step(plan, "debrief").Due);
    }

    [Fact]
    public void Due_AtATimeSkippedWhenClocksGoForward_FiresAnHourLater()
    {
        var planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy { StepTimeOfDay = new TimeOnly(1, 30) });

        var plan = planner.Plan(IrpExamples.Elmley(announcement: D("2023-03-26")) with { VisitStart = D("2023-06-05") }, new IrpProgress());

        Assert.Equal(new DateTimeOffset(2023, 3, 26, 1, 30, 0, TimeSpan.Zero), Step(plan, "announcement").Due);
    }

    [Theory]
    [InlineData("2023-01-09", "documents-deadline", "2022-12-30")] // back over the New Year substitute day 2 Jan 2023
    [InlineData("2022-12-21", "draft-report", "2023-01-11")] // visit-end 23 Dec; skips 26, 27 Dec and 2 Jan
    [InlineData("2022-06-07", "documents-deadline", "2022-05-27")] // skips 2 and 3 June 2022; 30 May is a working day
    [InlineData("2022-09-15", "visit-end", "2022-09-20")] // the visit pauses for the State funeral on 19 Sep 2022
    [InlineData("2023-05-15", "documents-deadline", "2023-05-05")] // skips the Coronation, 8 May 2023
    [InlineData("2020-05-14", "documents-deadline", "2020-05-06")] // skips VE day, 8 May 2020
    [InlineData("2020-04-27", "visit-end", "2020-04-29")]
    [InlineData("2020-04-27", "draft-report", "2020-05-14")] // 4 May 2020 was a working day, 8 May was not
    public void Dates_SkipOneOffAndChristmasHolidays(string visitStart, string id, string expected)
    {
        var facts = IrpExamples.Elmley(D(visitStart), D(visitStart).AddMonths(-2));

        Assert.Equal(D(expected), Date(facts, id));
    }

    [Fact]
    public void VisitArrangements_GoTenWorkingDaysBefore_SkippingEaster()
    {
        // Visit Tuesday 19 April 2022: back over Easter Monday and Good Friday to Friday 1 April.
        Assert.Equal(D("2022-04-01"), Date(IrpExamples.Elmley(D("2022-04-19"), D("2022-02-01")), "visit-arrangements"));
    }

    [Fact]
    public void VisitArrangements_AtShortNotice_GoWithTheAnnouncement_NeverBeforeIt()
    {
        // Announced Wednesday 1 February 2023 for Monday 13 February: ten working days before is 30 January.
        var plan = Planner.Plan(IrpExamples.Elmley(announcement: D("2023-02-01")), new IrpProgress());

        Assert.Equal(D("2023-02-01"), Step(plan, "visit-arrangements").Date);
        Assert.True(plan.ToList().FindIndex(s => s.Id == "announcement") < plan.ToList().FindIndex(s => s.Id == "visit-arrangements"));
    }

    [Fact]
    public void DebriefDocument_GoesToHmpps_TheWorkingDayAfterTheVisit_SkippingEaster_OnceTheTeamsDocumentIsUploaded()
    {
        // Visit Tuesday 12 – Thursday 14 April 2022: Good Friday and Easter Monday follow.
        var facts = IrpExamples.WithHmpps(IrpExamples.Elmley(D("2022-04-12"), D("2022-02-01")));

        var waiting = Step(Planner.Plan(facts, new IrpProgress()), "debrief-document");
        var judged = Step(Planner.Plan(facts, new IrpProgress { DebriefDocumentUploaded = true }), "debrief-document");

        Assert.Equal((D("2022-04-19"), "DebriefDocumentUploaded", true, "HMPPS", "Prison guide 13.1"),
            (waiting.Date, waiting.WaitingFor, waiting.Applicable, waiting.Concerns, waiting.Source));
        Assert.Null(judged.WaitingFor);
        Assert.Equal(D("2022-04-19"), judged.Date);
    }

    [Fact]
    public void DebriefDocument_WithoutAnHmppsContact_IsNotSent()
    {
        var step = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress { DebriefDocumentUploaded = true }), "debrief-document");

        Assert.False(step.Applicable);
        Assert.Equal("HMPPS: no contact given, so not sent", step.Concerns);
    }

    [Fact]
    public void DebriefDocument_NotSentByPublication_IsNoLongerSent_TheReportHavingSupersededIt()
    {
        var facts = IrpExamples.WithHmpps(IrpExamples.Elmley());

        Assert.False(Step(Planner.Plan(facts, new IrpProgress(PublishedOn: D("2023-03-20"))), "debrief-document").Applicable);
        Assert.False(Step(Planner.Plan(facts, new IrpProgress(PublishedOn: D("2023-03-20")) { DebriefDocumentUploaded = true }), "debrief-document").Applicable);
        Assert.True(Step(Planner.Plan(facts, new IrpProgress { DebriefDocumentUploaded = true }), "debrief-document").Applicable);
    }

    [Fact]
    public void FinalReport_WaitsForItsUpload_ThenGoesTheMomentItIsUploaded()
    {
        var facts = IrpExamples.WithMinisterialOffice(IrpExamples.Hull());
        var uploaded = new DateTimeOffset(2022, 4, 14, 15, 12, 0, TimeSpan.FromHours(1)); // Thursday before Good Friday, BST

        var waiting = Step(Planner.Plan(facts, new IrpProgress(DraftIssuedOn: D("2022-03-30"))), "final-report");
        var sent = Step(Planner.Plan(facts, new IrpProgress(DraftIssuedOn: D("2022-03-30")) { FinalReportUploadedAt = uploaded }), "final-report");

        // Hull's deadline is Friday 22 April 2022 (past Easter); until uploaded the step shows two working days before it.
        Assert.Equal((D("2022-04-20"), "FinalReportUploaded", "Secretary of State for Justice", "Prison guide 14.1"),
            (waiting.Date, waiting.WaitingFor, waiting.Concerns, waiting.Source));
        Assert.Equal((D("2022-04-14"), uploaded, (string?)null, true), (sent.Date, sent.Due, sent.WaitingFor, sent.Applicable));
    }

    [Fact]
    public void FinalReport_WithoutAMinisterialOfficeContact_WaitsForOne_AndSentElsewhere_IsNotSentByIrpFlows()
    {
        var uploaded = new DateTimeOffset(2023, 3, 14, 10, 0, 0, TimeSpan.Zero);
        var withOffice = IrpExamples.WithMinisterialOffice(IrpExamples.Elmley());

        // Prison guide 14.1: the report goes to ministers before it is published, whoever the office turns out to be.
        var noContact = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress()), "final-report");
        var uploadedNoContact = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress { FinalReportUploadedAt = uploaded }), "final-report");
        var elsewhere = Step(Planner.Plan(withOffice, new IrpProgress { FinalReportUploadedAt = uploaded, FinalReportSentElsewhereOn = D("2023-03-13") }), "final-report");

        Assert.Equal((true, "FinalReportUploaded"), (noContact.Applicable, noContact.WaitingFor));
        Assert.Equal("Secretary of State for Justice: no ministerial office contact yet (record MinisterialOfficeNamed)", noContact.Concerns);
        Assert.Equal((true, "MinisterialOfficeNamed", uploaded), (uploadedNoContact.Applicable, uploadedNoContact.WaitingFor, uploadedNoContact.Due));
        Assert.Equal((false, D("2023-03-13")), (elsewhere.Applicable, elsewhere.Date));
        Assert.Equal("the coordinator recorded that it was sent outside IrpFlows on 13 March 2023", elsewhere.SkipReason);
        // A log from before publication was refused without it: not sent after the report is out.
        Assert.False(Step(Planner.Plan(withOffice, new IrpProgress(PublishedOn: D("2023-03-20"))), "final-report").Applicable);
        Assert.Equal("Coordinator", Step(Planner.Plan(withOffice, new IrpProgress()), "publication-deadline").Concerns);
    }

    [Fact]
    public void VisitMovedAfterTheAnnouncement_GetsANoticeOfItsOwn_DueTheMomentItWasRecorded()
    {
        var first = new DateTimeOffset(2022, 12, 21, 14, 5, 0, TimeSpan.Zero);
        var second = new DateTimeOffset(2023, 1, 3, 11, 0, 0, TimeSpan.Zero); // the day after the New Year substitute holiday
        var progress = new IrpProgress(LiaisonOfficerAppointed: true)
        {
            VisitMoves =
            [
                new(1, new DateTimeOffset(2022, 11, 25, 9, 0, 0, TimeSpan.Zero), D("2023-02-06"), D("2023-02-13"), AfterAnnouncement: false),
                new(2, first, D("2023-02-13"), D("2023-02-20"), AfterAnnouncement: true),
                new(3, second, D("2023-02-20"), D("2023-02-27"), AfterAnnouncement: true),
            ],
        };

        var plan = Planner.Plan(IrpExamples.Elmley(D("2023-02-27")), progress);

        Assert.DoesNotContain(plan, s => s.Id == "visit-moved-1"); // before the announcement: it carried the new dates
        var notice = Step(plan, "visit-moved-2");
        Assert.Equal((D("2022-12-21"), first, "Governor, IMB chair and liaison officer", "Prison guide 6.1"),
            (notice.Date, notice.Due, notice.Concerns, notice.Source));
        Assert.Equal("Visit moved from 13 February 2023 to 20 February 2023: notice and updated invitation", notice.Title);
        Assert.Equal(second, Step(plan, "visit-moved-3").Due);
        Assert.True(notice.Applicable);
        Assert.False(Step(Planner.Plan(IrpExamples.Elmley(D("2023-02-27")), progress with { VisitStarted = true }), "visit-moved-2").Applicable);
        Assert.Equal(D("2023-02-20"), Date(IrpExamples.Elmley(D("2023-02-27")), "documents-deadline", progress));
    }

    [Fact]
    public void RescheduledVisit_MovesEveryDateAfterIt()
    {
        var moved = IrpExamples.Elmley(D("2023-02-20"));

        Assert.Equal(D("2023-02-13"), Date(moved, "documents-deadline"));
        Assert.Equal(D("2023-02-22"), Date(moved, "visit-end"));
        Assert.Equal(D("2023-03-29"), Date(moved, "publication-deadline"));
        Assert.Equal(D("2022-11-28"), Date(moved, "announcement"));
    }

    [Fact]
    public void DraftNotIssued_FactCheckStepsWaitForIt_AtTheTargetDate()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        Assert.All(new[] { "draft-report", "fact-check-reminder-1", "fact-check-deadline" },
            id => Assert.Equal("DraftIssued", Step(plan, id).WaitingFor));
    }

    [Fact]
    public void DraftIssuedLater_MovesFactCheckDates_AndStopsWaiting()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-03-03")));

        Assert.Equal(D("2023-03-03"), Step(plan, "draft-report").Date);
        Assert.Null(Step(plan, "draft-report").WaitingFor);
        Assert.Equal(D("2023-03-15"), Step(plan, "fact-check-deadline").Date); // ten working days would be 17 March: shortened
        Assert.Equal(D("2023-03-10"), Step(plan, "fact-check-reminder-1").Date);
        Assert.Null(Step(plan, "fact-check-deadline").WaitingFor);
        Assert.Equal(D("2023-03-22"), Step(plan, "publication-deadline").Date); // publication still counts from the visit
    }

    [Theory]
    [InlineData("2022-03-30", "2022-04-13", "Fact-check comments due")] // on time: ten working days
    [InlineData("2022-04-01", "2022-04-13", "Fact-check comments due (period shortened to keep the publication deadline)")]
    [InlineData("2022-04-06", "2022-04-13", "Fact-check comments due (period shortened to keep the publication deadline)")] // five days left
    [InlineData("2022-04-08", "2022-04-19", "Fact-check comments due: too late to finalise the report by the publication deadline")]
    public void FactCheck_EndsFiveWorkingDaysBeforeHullsPublicationDeadline_ButNeverLastsUnderFiveWorkingDays(string issued, string deadline, string title)
    {
        // HMP Hull: publication by Friday 22 April 2022; five working days before it, past Easter, is Wednesday 13 April.
        var progress = new IrpProgress(DraftIssuedOn: D(issued));

        var step = Step(Planner.Plan(IrpExamples.Hull(), progress), "fact-check-deadline");

        Assert.Equal((D(deadline), title), (step.Date, step.Title));
    }

    [Fact]
    public void DraftTooLateForTheShortestFactCheck_WarnsTheCoordinator_CitingTheGuide()
    {
        var onTime = Planner.Warnings(IrpExamples.Hull(), new IrpProgress(DraftIssuedOn: D("2022-04-01")));
        var late = Planner.Warnings(IrpExamples.Hull(), new IrpProgress(DraftIssuedOn: D("2022-04-08")));

        Assert.Empty(onTime);
        var warning = Assert.Single(late);
        Assert.Equal(("fact-check-past-publication-deadline", "fact-check-deadline"), (warning.Code, warning.Field));
        Assert.Equal("the draft was issued on 2022-04-08: even a fact check of 5 working days ends on 2022-04-19, later than the 5 working days needed to finalise the report by the publication deadline, 2022-04-22 (prison guide 14.1): agree a shorter check with the establishment or expect to publish late",
            warning.Message);
        Assert.Empty(Planner.Warnings(IrpExamples.Elmley(), new IrpProgress()));
    }

    [Fact]
    public void FactCheckReminder_FallingBeforeAShortenedFactCheckBegan_IsNotApplicable()
    {
        // With a two-day minimum, Hull's draft on Monday 11 April 2022 is checked by 13 April; a reminder three working days
        // before that would fall on 8 April, before the draft went.
        var planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy { FactCheckMinimumWorkingDays = 2 });

        var plan = planner.Plan(IrpExamples.Hull(), new IrpProgress(DraftIssuedOn: D("2022-04-11")));

        Assert.Equal(D("2022-04-13"), Step(plan, "fact-check-deadline").Date);
        Assert.Equal(D("2022-04-08"), Step(plan, "fact-check-reminder-1").Date);
        Assert.False(Step(plan, "fact-check-reminder-1").Applicable);
        Assert.True(Step(Planner.Plan(IrpExamples.Hull(), new IrpProgress(DraftIssuedOn: D("2022-04-06"))), "fact-check-reminder-1").Applicable);
    }

    [Fact]
    public void FactCheckReturned_MakesTheReminderNotApplicable()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-03-01"), FactCheckReturnedOn: D("2023-03-06")));

        Assert.False(Step(plan, "fact-check-reminder-1").Applicable);
        Assert.True(Step(plan, "fact-check-deadline").Applicable);
    }

    [Fact]
    public void NotPublished_PublicationStepsWaitForIt()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        Assert.Equal("Published", Step(plan, "publication").WaitingFor);
        Assert.Equal(D("2023-03-22"), Step(plan, "publication").Date);
        Assert.Equal("Published", Step(plan, "governor-feedback").WaitingFor);
        Assert.Equal(D("2023-03-29"), Step(plan, "governor-feedback").Date);
        Assert.Equal("Published", Step(plan, "material-destruction").WaitingFor);
        Assert.True(Step(plan, "publication-alert").Applicable);
    }

    [Fact]
    public void Published_MovesFeedbackAndDestruction_AndDropsTheAlert()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(PublishedOn: D("2023-03-20")));

        Assert.Equal(D("2023-03-20"), Step(plan, "publication").Date);
        Assert.Null(Step(plan, "publication").WaitingFor);
        Assert.Equal(D("2023-03-27"), Step(plan, "governor-feedback").Date);
        Assert.Null(Step(plan, "governor-feedback").WaitingFor);
        Assert.Equal(D("2023-04-03"), Step(plan, "material-destruction").Date);
        Assert.False(Step(plan, "publication-alert").Applicable);
    }

    [Fact]
    public void AllDocumentsReceived_MakesDocumentChasingNotApplicable()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(AllDocumentsReceived: true));

        Assert.All(plan.Where(s => s.Id.StartsWith("documents-reminder") || s.Id is "documents-deadline" or "documents-overdue"),
            s => Assert.False(s.Applicable, s.Id));
        Assert.True(Step(plan, "documents-request").Applicable);
        Assert.True(Step(plan, "visit-arrangements").Applicable);
    }

    [Fact]
    public void ReminderFallingOnOrBeforeTheDocumentsRequest_IsNotApplicable()
    {
        // Announced Mon 16 Jan 2023, documents asked for on Mon 23 Jan: the ten-day reminder would also fall on 23 Jan.
        var plan = Planner.Plan(IrpExamples.Elmley(announcement: D("2023-01-16")), new IrpProgress());

        Assert.Equal(D("2023-01-23"), Step(plan, "documents-request").Date);
        Assert.False(Step(plan, "documents-reminder-1").Applicable);
        Assert.True(Step(plan, "documents-reminder-2").Applicable);
    }

    [Fact]
    public void ShortNotice_DocumentsAreRequestedOnTheAnnouncementDay()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(announcement: D("2023-01-31")), new IrpProgress());

        Assert.Equal(D("2023-01-31"), Step(plan, "documents-request").Date);
    }

    [Fact]
    public void DocumentsChasing_GoesToTheGovernor_AndTheLiaisonOfficerOnceAppointed()
    {
        Assert.Equal("Governor (no liaison officer appointed yet)",
            Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress()), "documents-reminder-1").Concerns);
        Assert.Equal("Governor and liaison officer",
            Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress(LiaisonOfficerAppointed: true)), "documents-reminder-1").Concerns);
        Assert.Equal("Governor and liaison officer; copy to IMB chair",
            Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress(LiaisonOfficerAppointed: true)), "visit-arrangements").Concerns);
    }

    [Fact]
    public void Announcement_GoesToTheGovernor_CopiedToImbChair_NamingInvitedPartners()
    {
        var withCqc = IrpExamples.Elmley() with { CqcIssuedNotices = true };

        Assert.Equal("Governor; copy to IMB chair; partners invited: Ofsted",
            Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress()), "announcement").Concerns);
        Assert.Equal("Governor; copy to IMB chair; partners invited: CQC, Ofsted",
            Step(Planner.Plan(withCqc, new IrpProgress()), "announcement").Concerns);
    }

    [Theory]
    [InlineData(null, 4, "Governor; copy to IMB chair; partners invited: Estyn")] // Estyn themes listed: concerns (5.3)
    [InlineData(true, 0, "Governor; copy to IMB chair; partners invited: Estyn")]
    [InlineData(false, 0, "Governor; copy to IMB chair")] // no concerns about education: no Estyn, and never Ofsted
    [InlineData(null, 0, "Governor; copy to IMB chair")]
    public void WelshPrison_InvitesEstyn_OnlyWhereEducationIsAConcern_AndNeverOfsted(bool? educationConcerns, int themes, string concerns)
    {
        var welsh = IrpExamples.Welsh(themes) with { EducationConcerns = educationConcerns };

        Assert.Equal(concerns, Step(Planner.Plan(welsh, new IrpProgress()), "announcement").Concerns);
    }

    [Theory]
    [InlineData(EducationJudgement.RequiresImprovement, "Governor; copy to IMB chair; partners invited: Ofsted")]
    [InlineData(EducationJudgement.Inadequate, "Governor; copy to IMB chair; partners invited: Ofsted")]
    [InlineData(EducationJudgement.Good, "Governor; copy to IMB chair")]
    public void EnglishPrisonWithoutThemes_InvitesOfsted_WhenEducationWasInadequateOrRequiresImprovement(EducationJudgement judgement, string concerns)
    {
        var facts = IrpExamples.Elmley() with { OfstedThemes = [], EducationJudgement = judgement };

        Assert.Equal(concerns, Step(Planner.Plan(facts, new IrpProgress()), "announcement").Concerns);
    }

    [Fact]
    public void Policy_ChangesTheDates()
    {
        var planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales,
            new IrpPolicy { PublicationWorkingDaysAfterVisit = 30, DocumentsReminderWorkingDaysBeforeDeadline = [3] });

        var plan = planner.Plan(IrpExamples.Elmley(), new IrpProgress());

        Assert.Equal(D("2023-03-29"), Step(plan, "publication-deadline").Date);
        Assert.Equal(D("2023-02-01"), Step(plan, "documents-reminder-1").Date);
        Assert.DoesNotContain(plan, s => s.Id == "documents-reminder-2");
    }

    [Fact]
    public void TimelineRunningPastTheCalendar_Throws()
    {
        var facts = IrpExamples.Elmley(D("2035-12-03"), D("2035-09-03"));

        Assert.Throws<CalendarRangeException>(() => Planner.Plan(facts, new IrpProgress()));
    }

    [Fact]
    public void InvalidPolicy_IsRejectedByThePlanner()
    {
        Assert.Throws<InvalidOperationException>(() => new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy { FactCheckWorkingDays = -1 }));
    }
}
