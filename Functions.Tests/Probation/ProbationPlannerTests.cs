using IrpFlows.Calendar;
using IrpFlows.Probation;
using IrpFlows.Workflow;
using static IrpFlows.Tests.Probation.ProbationExamples;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// The probation manual's week-numbered timeline on real dates: an ordinary inspection first, then each rule meeting a bank
/// holiday, where a start-of-week date moves to the next working day and a deadline to the working day before.
/// </summary>
public sealed class ProbationPlannerTests
{
    /// <summary>Fieldwork from Monday 2 October 2028, the third week following the second.</summary>
    private static readonly IReadOnlyList<PlannedStep> October2028 = Plan(Facts(new DateOnly(2028, 10, 2)));

    [Fact]
    public void OrdinaryInspection_GetsEveryWeekOfTheManual_FromWeekMinus11ToWeekPlus15()
    {
        var expected = new (string Id, DateOnly Date)[]
        {
            ("preparation", new(2028, 7, 17)),              // week -11 (3.2)
            ("announcement-call", new(2028, 8, 3)),         // Thursday of week -9 (3.3)
            ("partner-letters", new(2028, 8, 3)),           // on completion of the call (3.3); none named here, so not applicable
            ("announcement-email", new(2028, 8, 7)),        // first working day of week -8 (3.3, 3.4)
            ("outline-schedule", new(2028, 8, 7)),          // following the announcement (5.2); with the email: local policy
            ("planning-meeting", new(2028, 8, 10)),         // within a week of the call (3.5)
            ("planning-meeting-minutes", new(2028, 8, 10)), // sent when uploaded (3.5); none yet, so not applicable
            ("local-assessor-hotel-booking", new(2028, 8, 14)), // week -7 (3.9)
            ("domain-two-long-list-reminder", new(2028, 8, 17)),
            ("domain-two-long-list", new(2028, 8, 18)),     // domain two long list: Friday of week -7, local policy (4.4)
            ("local-assessor-training-cases", new(2028, 8, 21)), // by week -6 (3.9)
            ("evidence-in-advance", new(2028, 8, 25)),      // Friday of week -6, read by week -5 (3.6, 3.8)
            ("local-assessor-nominations", new(2028, 8, 25)), // by week -5, whose Monday is the summer bank holiday (3.9)
            ("domain-two-provisional-list", new(2028, 8, 25)), // sent by week -5, likewise (3.8, 4.4)
            ("on-site-planning", new(2028, 8, 29)),         // week -5, whose Monday is the summer bank holiday (3.8)
            ("domain-two-sample-reminder", new(2028, 9, 1)),
            ("domain-two-sample-return", new(2028, 9, 4)),  // back by week -4, checked in it (4.4 stage 4)
            ("case-sample-request", new(2028, 9, 4)),       // Monday of week -4 (4.4)
            ("domain-two-final-sample", new(2028, 9, 8)),   // fixed in week -4 (4.4 stage 4)
            ("case-sample-reminder", new(2028, 9, 12)),
            ("case-sample-return", new(2028, 9, 13)),       // 16:00 Wednesday of week -3 (4.4)
            ("schedules", new(2028, 9, 18)),                // start of week -2 (5.1)
            ("nps-division-notice", new(2028, 9, 18)),      // prior to fieldwork, CRC only (6.1); with the schedules: local policy
            ("local-assessor-hotel-check", new(2028, 9, 18)), // week -2 (3.9)
            ("local-assessor-training", new(2028, 9, 18)),  // three days of week -2, NPS (3.9); Monday to Wednesday: local policy
            ("local-assessor-training-day-2", new(2028, 9, 19)),
            ("local-assessor-training-day-3", new(2028, 9, 20)),
            ("local-assessor-briefing", new(2028, 9, 28)),  // Thursday of the week before the inspection (3.9)
            ("fieldwork-week-1", new(2028, 10, 2)),         // Monday afternoon to Friday (6.10)
            ("fieldwork-week-2", new(2028, 10, 9)),
            ("fieldwork-week-3", new(2028, 10, 16)),
            ("verified-data", new(2028, 10, 20)),           // end of the third fieldwork week (7.2)
            ("ratings-panel", new(2028, 10, 26)),           // Thursday of week +1 (7.2)
            ("ratings-to-organisation", new(2028, 10, 30)), // 09:00 Monday of week +2 (7.2)
            ("draft-report", new(2028, 12, 4)),             // Monday of week +7 (7.3)
            ("factual-accuracy-reminder", new(2028, 12, 14)),
            ("factual-accuracy-deadline", new(2028, 12, 15)), // Friday of week +8 (2.3)
            ("osag-response", new(2028, 12, 18)),           // ten working days after the draft (7.3)
            ("embargoed-copy", new(2029, 1, 8)),            // five working days before publication (7.4)
            ("publication", new(2029, 1, 15)),              // week +13 in England (7.4)
            ("action-plan", new(2029, 1, 29)),              // week +15 in England (7.5)
            ("action-plan-acknowledgement", new(2029, 1, 29)), // once the plan is received and reviewed (7.5)
        };

        Assert.Equal(expected, October2028.Select(s => (s.Id, s.Date)));
        Assert.All(October2028, s => Assert.StartsWith("Probation manual ", s.Source));
    }

    [Fact]
    public void TimedSteps_FireAtTheManualsTimes_InLocalTime()
    {
        // 16:00 on Wednesday 13 September 2028 (BST) and 09:00 on Monday 30 October 2028, the day after the clocks go back.
        Assert.Equal(new DateTimeOffset(2028, 9, 13, 15, 0, 0, TimeSpan.Zero), October2028.Step("case-sample-return").Due);
        Assert.Equal(new DateTimeOffset(2028, 10, 30, 9, 0, 0, TimeSpan.Zero), October2028.Step("ratings-to-organisation").Due);
    }

    [Fact]
    public void WeekNumbers_CountBackFromFieldworkWeekOne_AndOnFromTheLastFieldworkWeek()
    {
        var facts = Facts(new DateOnly(2028, 10, 2));
        Assert.Equal("week -11", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 7, 17)));
        Assert.Equal("week -9", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 8, 3)));
        Assert.Equal("week -8", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 8, 7)));
        Assert.Equal("fieldwork week 2", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 10, 13)));
        Assert.Equal("fieldwork week 3", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 10, 16)));
        Assert.Equal("week +1", ProbationPlanner.WeekOf(facts, new DateOnly(2028, 10, 26)));
        Assert.Equal("week +13", ProbationPlanner.WeekOf(facts, new DateOnly(2029, 1, 15)));
    }

    [Fact]
    public void ThirdFieldworkWeekHeldApart_MovesEveryWeekPlusDate_AndNoWeekMinusDate_DraftMondayNewYearsDayGoesTuesday()
    {
        var plan = Plan(Facts(new DateOnly(2028, 10, 2), weekThree: new DateOnly(2028, 11, 13)));

        Assert.Equal(new DateOnly(2028, 7, 17), plan.Date("preparation"));
        Assert.Equal(new DateOnly(2028, 8, 3), plan.Date("announcement-call"));
        Assert.Equal(new DateOnly(2028, 11, 13), plan.Date("fieldwork-week-3"));
        Assert.Equal(new DateOnly(2028, 11, 23), plan.Date("ratings-panel"));
        Assert.Equal(new DateOnly(2028, 11, 27), plan.Date("ratings-to-organisation"));
        // Week +7 begins on Monday 1 January 2029, New Year's Day: the draft arrives on the next working day.
        Assert.Equal(new DateOnly(2029, 1, 2), plan.Date("draft-report"));
        Assert.Equal(new DateOnly(2029, 1, 12), plan.Date("factual-accuracy-deadline"));
        Assert.Equal(new DateOnly(2029, 2, 12), plan.Date("publication"));
    }

    [Fact]
    public void RatingsMonday_IsEasterMonday2028_SoTheRatingsArriveAt0900OnTuesday()
    {
        var plan = Plan(Facts(new DateOnly(2028, 3, 20)));

        Assert.Equal(new DateOnly(2028, 4, 3), plan.Date("fieldwork-week-3"));
        Assert.Equal(new DateOnly(2028, 4, 13), plan.Date("ratings-panel")); // the Thursday before Good Friday
        Assert.Equal(new DateTimeOffset(2028, 4, 18, 8, 0, 0, TimeSpan.Zero), plan.Step("ratings-to-organisation").Due); // 09:00 BST
    }

    [Fact]
    public void AnnouncementThursday_IsNewYearsDay2026_SoTheCallIsOnFriday()
    {
        var plan = Plan(Facts(new DateOnly(2026, 3, 2)));

        Assert.Equal(new DateOnly(2026, 1, 2), plan.Date("announcement-call"));
        Assert.Equal(new DateOnly(2026, 1, 5), plan.Date("announcement-email"));
        Assert.Equal(new DateOnly(2026, 1, 9), plan.Date("planning-meeting"));
    }

    [Fact]
    public void AnnouncementThursdayAndFriday_AreChristmasAndBoxingDay2025_SoTheCallIsOnWednesdayOfWeekMinus9()
    {
        var plan = Plan(Facts(new DateOnly(2026, 2, 23)));

        Assert.Equal(new DateOnly(2025, 12, 24), plan.Date("announcement-call"));
        Assert.Equal(new DateOnly(2025, 12, 29), plan.Date("announcement-email"));
        Assert.Equal(new DateOnly(2025, 12, 31), plan.Date("planning-meeting"));
    }

    [Fact]
    public void AnnouncementFriday_IsGoodFriday2027_SoTheCallStaysOnThursday_AndTheEmailWaitsForTuesdayAfterEasterMonday()
    {
        var plan = Plan(Facts(new DateOnly(2027, 5, 24)));

        Assert.Equal(new DateOnly(2027, 3, 25), plan.Date("announcement-call"));
        Assert.Equal(new DateOnly(2027, 3, 30), plan.Date("announcement-email"));
        Assert.Equal(new DateOnly(2027, 4, 1), plan.Date("planning-meeting"));
    }

    [Fact]
    public void CaseSampleWednesday_IsChristmasDay2030_SoItIsDueByTuesday1600_NeverLater()
    {
        var plan = Plan(Facts(new DateOnly(2031, 1, 13)));

        Assert.Equal(new DateOnly(2030, 12, 16), plan.Date("case-sample-request"));
        Assert.Equal(new DateTimeOffset(2030, 12, 24, 16, 0, 0, TimeSpan.Zero), plan.Step("case-sample-return").Due);
        Assert.Equal(new DateOnly(2030, 12, 23), plan.Date("case-sample-reminder"));
    }

    [Fact]
    public void FactualAccuracyFriday_IsGoodFriday2029_SoCommentsAreDueOnThursday_NeverLater()
    {
        var plan = Plan(Facts(new DateOnly(2029, 1, 15)));

        Assert.Equal(new DateOnly(2029, 3, 19), plan.Date("draft-report"));
        Assert.Equal(new DateOnly(2029, 3, 29), plan.Date("factual-accuracy-deadline"));
        Assert.Equal(new DateOnly(2029, 3, 28), plan.Date("factual-accuracy-reminder"));
    }

    [Fact]
    public void DraftMonday_IsTheEarlyMayBankHoliday2029_AndRatingsMondayEasterMonday_BothGoOnTuesday()
    {
        var plan = Plan(Facts(new DateOnly(2029, 3, 5)));

        Assert.Equal(new DateOnly(2029, 4, 3), plan.Date("ratings-to-organisation"));
        Assert.Equal(new DateOnly(2029, 5, 8), plan.Date("draft-report"));
        Assert.Equal(new DateOnly(2029, 5, 18), plan.Date("factual-accuracy-deadline"));
    }

    [Fact]
    public void WelshInspection_PublishesInWeekPlus17_AfterChristmas2026_WithTheEmbargoedCopyFiveWorkingDaysBefore()
    {
        var welsh = Plan(Facts(new DateOnly(2026, 8, 17), nation: Nation.Wales));
        var english = Plan(Facts(new DateOnly(2026, 8, 17)));

        // Week three begins on the summer bank holiday, Monday 31 August 2026.
        Assert.Equal(new DateOnly(2026, 9, 1), welsh.Date("fieldwork-week-3"));
        // Week +17 begins on Monday 28 December, the substitute Boxing Day holiday: publication on Tuesday 29 December.
        Assert.Equal(new DateOnly(2026, 12, 29), welsh.Date("publication"));
        // Five working days back over Christmas Day and the weekend: Friday 18 December.
        Assert.Equal(new DateOnly(2026, 12, 18), welsh.Date("embargoed-copy"));
        Assert.Equal(new DateOnly(2027, 1, 11), welsh.Date("action-plan")); // week +19
        Assert.Equal(new DateOnly(2026, 11, 30), english.Date("publication")); // week +13
        Assert.Equal(new DateOnly(2026, 12, 14), english.Date("action-plan")); // week +15
    }

    [Fact]
    public void CrcInspection_TrainsNoLocalAssessors()
    {
        var plan = Plan(Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc));

        Assert.False(plan.Step("local-assessor-training").Applicable);
        Assert.True(October2028.Step("local-assessor-training").Applicable);
    }

    // 3.9: every local assessor step is an NPS inspection's; 6.1: the notice to the NPS division is a CRC inspection's.
    [Fact]
    public void CrcInspection_SkipsEveryLocalAssessorStep_CitingTheManual_AndNotifiesTheNpsDivision_WhichAnNpsInspectionDoesNot()
    {
        var crc = Plan(Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc));
        string[] localAssessors =
        [
            "local-assessor-hotel-booking", "local-assessor-training-cases", "local-assessor-nominations", "local-assessor-hotel-check",
            "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3", "local-assessor-briefing",
        ];

        Assert.All(localAssessors, id =>
        {
            Assert.False(crc.Step(id).Applicable);
            Assert.Equal("local assessors take part in NPS inspections only (manual 3.9)", crc.Step(id).SkipReason);
            Assert.True(October2028.Step(id).Applicable);
            Assert.Null(October2028.Step(id).SkipReason);
        });
        Assert.True(crc.Step("nps-division-notice").Applicable);
        Assert.Equal(new DateOnly(2028, 9, 18), crc.Date("nps-division-notice"));
        Assert.Equal("Administrator to the relevant NPS division", crc.Step("nps-division-notice").Concerns);
        Assert.False(October2028.Step("nps-division-notice").Applicable);
        Assert.Contains("(manual 6.1)", October2028.Step("nps-division-notice").SkipReason);
        Assert.True(crc.Step("verified-data").Applicable); // 7.2: every inspection
        Assert.True(crc.Step("outline-schedule").Applicable); // 5.2: every inspection
    }

    [Fact]
    public void LocalPolicyDates_SayTheyAreLocalPolicy_NeverTheManuals()
    {
        Assert.Equal("Probation manual 5.2; the week: local policy", October2028.Step("outline-schedule").Source);
        Assert.Equal("Probation manual 6.1; the week: local policy", October2028.Step("nps-division-notice").Source);
        Assert.Equal("Probation manual 3.9; the days of week -2: local policy", October2028.Step("local-assessor-training-day-2").Source);
        Assert.Equal("Probation manual 2.3, 5.1, 6.10; the start and end times: local policy", October2028.Step("fieldwork-week-1").Source);
        Assert.Equal("Probation manual 3.9", October2028.Step("local-assessor-briefing").Source);
        Assert.Equal("Probation manual 7.2", October2028.Step("verified-data").Source);
    }

    // 3.9: hotel booking at week -7, whose Monday is Easter Monday 2028 (the start of work: Tuesday); nominations by week -5,
    // whose Monday is the early May bank holiday 2028 (a deadline: the Friday before).
    [Fact]
    public void HotelBookingWeek_StartsOnEasterMonday2028_SoItIsBookedOnTuesday_AndNominationsDueByEarlyMayBankHoliday_AreDueTheFridayBefore()
    {
        var plan = Plan(Facts(new DateOnly(2028, 6, 5)));

        Assert.Equal(new DateOnly(2028, 4, 18), plan.Date("local-assessor-hotel-booking"));
        Assert.Equal(new DateOnly(2028, 4, 24), plan.Date("local-assessor-training-cases"));
        Assert.Equal(new DateOnly(2028, 4, 28), plan.Date("local-assessor-nominations"));
    }

    // 3.9: the training cases are due by week -6, whose Monday is Easter Monday 2028: the working day before is Thursday, Good
    // Friday being a holiday too. Fieldwork (6.10) then begins on the spring bank holiday, so on Tuesday afternoon (BST).
    [Fact]
    public void TrainingCasesDueByEasterMonday2028_AreDueOnMaundyThursday_AndFieldworkFromTheSpringBankHolidayStartsTuesdayAfternoon()
    {
        var plan = Plan(Facts(new DateOnly(2028, 5, 29)));

        Assert.Equal(new DateOnly(2028, 4, 13), plan.Date("local-assessor-training-cases"));
        Assert.Equal(new DateOnly(2028, 4, 10), plan.Date("local-assessor-hotel-booking"));
        Assert.Equal(new DateOnly(2028, 4, 24), plan.Date("local-assessor-nominations"));
        Assert.Equal(new DateTimeOffset(2028, 5, 30, 12, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-1").Due);
        Assert.Equal(new DateTimeOffset(2028, 6, 2, 13, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-1").Ends);
    }

    // 3.9: the training's week -2 holds Easter Monday 2028: the three days are Tuesday to Thursday, with the hotel follow-up on
    // Tuesday; day 1 runs 11:00 to 17:00, days 2 and 3 09:00 to 17:00 (BST).
    [Fact]
    public void TrainingWeek_HoldsEasterMonday2028_SoTheThreeDaysAreTuesdayToThursday_AtTheManualsTimes()
    {
        var plan = Plan(Facts(new DateOnly(2028, 5, 1)));

        Assert.Equal(new DateOnly(2028, 4, 18), plan.Date("local-assessor-hotel-check"));
        var days = new[] { "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3" }.Select(plan.Step).ToList();
        Assert.Equal([new DateOnly(2028, 4, 18), new DateOnly(2028, 4, 19), new DateOnly(2028, 4, 20)], days.Select(d => d.Date));
        Assert.Equal([new TimeOnly(11, 0), new TimeOnly(9, 0), new TimeOnly(9, 0)], days.Select(d => d.Time!.Value));
        Assert.All(days, d => Assert.Equal((d.Date, new TimeOnly(17, 0)), (d.EndDate!.Value, d.EndTime!.Value)));
        Assert.Equal(new DateTimeOffset(2028, 4, 18, 10, 0, 0, TimeSpan.Zero), days[0].Due);
        Assert.Equal(new DateTimeOffset(2028, 4, 18, 16, 0, 0, TimeSpan.Zero), days[0].Ends);
        Assert.Equal(new DateTimeOffset(2028, 4, 19, 8, 0, 0, TimeSpan.Zero), days[1].Due);
    }

    [Theory]
    [InlineData("2028-06-12", "2028-05-30", "2028-05-31", "2028-06-01")] // week -2 begins on the spring bank holiday 2028
    [InlineData("2028-09-11", "2028-08-29", "2028-08-30", "2028-08-31")] // week -2 begins on the summer bank holiday 2028
    public void TrainingWeek_BeginsOnABankHoliday_SoTheThreeDaysStartOnTuesday(string fieldwork, string day1, string day2, string day3)
    {
        var plan = Plan(Facts(DateOnly.Parse(fieldwork)));

        Assert.Equal([DateOnly.Parse(day1), DateOnly.Parse(day2), DateOnly.Parse(day3)],
            new[] { "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3" }.Select(plan.Date));
    }

    // 3.9 names week -2. Local policy starting on Wednesday in the week of Good Friday 2028 leaves two working days: the training
    // starts on Tuesday instead, staying in week -2 rather than running into week -1.
    [Fact]
    public void TrainingFromWednesday_InTheWeekOfGoodFriday2028_StartsTuesday_StayingInWeekMinus2()
    {
        var policy = new ProbationPolicy { LocalAssessorTrainingFirstDay = DayOfWeek.Wednesday };
        var wednesday = new ProbationPlanner(WorkingDayCalendar.EnglandAndWales, policy);
        var ordinary = wednesday.Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress());
        var goodFriday = wednesday.Plan(Facts(new DateOnly(2028, 4, 24)), new ProbationProgress());

        Assert.Equal([new DateOnly(2028, 9, 20), new DateOnly(2028, 9, 21), new DateOnly(2028, 9, 22)],
            new[] { "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3" }.Select(ordinary.Date));
        Assert.Equal([new DateOnly(2028, 4, 11), new DateOnly(2028, 4, 12), new DateOnly(2028, 4, 13)],
            new[] { "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3" }.Select(goodFriday.Date));
        Assert.Equal(new TimeOnly(11, 0), goodFriday.Step("local-assessor-training").Time); // the first of the three is day 1
    }

    // 3.9: the briefing goes on the Thursday of the week before the inspection; Thursday 1 January 2026 is New Year's Day, so
    // it goes on Wednesday 31 December.
    [Fact]
    public void BriefingThursday_IsNewYearsDay2026_SoTheLocalAssessorsAreBriefedOnWednesday()
    {
        var plan = Plan(Facts(new DateOnly(2026, 1, 5)));

        Assert.Equal(new DateOnly(2025, 12, 31), plan.Date("local-assessor-briefing"));
        Assert.Equal(new DateOnly(2028, 9, 28), October2028.Date("local-assessor-briefing"));
    }

    // 6.10: fieldwork starts on Monday afternoon (13:00, local policy) and ends on Friday between 12:00 and 14:00 (14:00, local
    // policy), in local time: BST in October 2028 until the clocks go back on 29 October, GMT in November.
    [Fact]
    public void FieldworkWeeks_RunFromMonday1300ToFriday1400_LocalTime_InSummerAndWinterTime()
    {
        var plan = Plan(Facts(new DateOnly(2028, 10, 2), weekThree: new DateOnly(2028, 11, 13)));

        var weekOne = plan.Step("fieldwork-week-1");
        Assert.Equal((new TimeOnly(13, 0), new DateOnly(2028, 10, 6), new TimeOnly(14, 0)), (weekOne.Time!.Value, weekOne.EndDate!.Value, weekOne.EndTime!.Value));
        Assert.Equal(new DateTimeOffset(2028, 10, 2, 12, 0, 0, TimeSpan.Zero), weekOne.Due);   // 13:00 BST
        Assert.Equal(new DateTimeOffset(2028, 10, 6, 13, 0, 0, TimeSpan.Zero), weekOne.Ends);  // 14:00 BST
        Assert.Equal(new DateTimeOffset(2028, 10, 13, 13, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-2").Ends);
        Assert.Equal(new DateTimeOffset(2028, 11, 13, 13, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-3").Due);  // 13:00 GMT
        Assert.Equal(new DateTimeOffset(2028, 11, 17, 14, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-3").Ends); // 14:00 GMT
        // 7.2: the verified data as the third week ends.
        Assert.Equal(new DateTimeOffset(2028, 11, 17, 14, 0, 0, TimeSpan.Zero), plan.Step("verified-data").Due);
        Assert.All(plan.Where(s => !s.Id.StartsWith("fieldwork-week-", StringComparison.Ordinal) && !s.Id.StartsWith("local-assessor-training", StringComparison.Ordinal)),
            s => Assert.Null(s.Ends)); // only what lasts has an end
    }

    // 6.10 and 7.2: the third fieldwork week's Friday is Good Friday 2028, so it ends on Thursday at 14:00 (BST), when the
    // verified data and indicative ratings are issued.
    [Fact]
    public void ThirdFieldworkFriday_IsGoodFriday2028_SoFieldworkEndsAndTheVerifiedDataIsIssuedOnThursday()
    {
        var plan = Plan(Facts(new DateOnly(2028, 3, 27)));

        Assert.Equal(new DateOnly(2028, 4, 13), plan.Step("fieldwork-week-3").EndDate);
        Assert.Equal(new DateTimeOffset(2028, 4, 13, 13, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-3").Ends);
        Assert.Equal(new DateOnly(2028, 4, 13), plan.Date("verified-data"));
        Assert.Equal(new DateTimeOffset(2028, 4, 13, 13, 0, 0, TimeSpan.Zero), plan.Step("verified-data").Due);
        // Week one began the day after the clocks went forward (26 March 2028): 13:00 BST.
        Assert.Equal(new DateTimeOffset(2028, 3, 27, 12, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-1").Due);
    }

    // 5.2 (outline schedule, with the confirming email: local policy) and 6.1 (the NPS division's notice, with the schedules: local
    // policy) on a week whose Monday is Easter Monday 2028: each goes on Tuesday, the start of that week's work.
    [Fact]
    public void OutlineScheduleAndNpsDivisionNotice_InWeeksBeginningOnEasterMonday2028_GoOnTuesday()
    {
        var outline = Plan(Facts(new DateOnly(2028, 6, 12)));
        var notice = Plan(Facts(new DateOnly(2028, 5, 1), type: OrganisationType.Crc));

        Assert.Equal(new DateOnly(2028, 4, 18), outline.Date("outline-schedule"));
        Assert.Equal(outline.Date("announcement-email"), outline.Date("outline-schedule"));
        Assert.Equal(new DateOnly(2028, 4, 18), notice.Date("nps-division-notice"));
        Assert.Equal(notice.Date("schedules"), notice.Date("nps-division-notice"));
    }

    [Fact]
    public void LocalPolicySettings_MoveTheirSteps()
    {
        var policy = new ProbationPolicy
        {
            OutlineScheduleWeeksBeforeFieldwork = 6, NpsDivisionNoticeWeeksBeforeFieldwork = 4, FieldworkStartTime = new TimeOnly(14, 0),
            FieldworkEndTime = new TimeOnly(12, 0),
        };
        var plan = new ProbationPlanner(WorkingDayCalendar.EnglandAndWales, policy).Plan(Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc), new ProbationProgress());

        Assert.Equal(new DateOnly(2028, 8, 21), plan.Date("outline-schedule"));    // week -6
        Assert.Equal(new DateOnly(2028, 9, 4), plan.Date("nps-division-notice"));  // week -4
        Assert.Equal(new DateTimeOffset(2028, 10, 2, 13, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-1").Due);   // 14:00 BST
        Assert.Equal(new DateTimeOffset(2028, 10, 6, 11, 0, 0, TimeSpan.Zero), plan.Step("fieldwork-week-1").Ends);  // 12:00 BST
        Assert.Equal(new DateTimeOffset(2028, 10, 20, 11, 0, 0, TimeSpan.Zero), plan.Step("verified-data").Due);
    }

    [Fact]
    public void TheInspectoratesOwnTasks_SendNoEmail_AndLettersBeforeFieldworkCloseWhenItStarts()
    {
        // Tasks of HMI Probation's own staff (3.9, 3.8, 4.4, 7.2), and the briefing to local assessors, whose addresses IrpFlows does not hold.
        Assert.All(["local-assessor-hotel-booking", "local-assessor-training-cases", "local-assessor-nominations", "local-assessor-hotel-check",
                "local-assessor-training-day-2", "local-assessor-training-day-3", "local-assessor-briefing", "verified-data", "domain-two-provisional-list",
                "domain-two-final-sample"],
            id => Assert.DoesNotContain(id, ProbationMailTemplates.EmailSteps));
        // 3.3, 5.2, 6.1: what is sent to prepare the fieldwork is pointless once it has begun (Monday 2 October 2028, 13:00 BST).
        var fieldwork = new DateTimeOffset(2028, 10, 2, 12, 0, 0, TimeSpan.Zero);
        var crc = Plan(Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc));
        Assert.All(["partner-letters", "outline-schedule", "nps-division-notice"], id => Assert.Equal(fieldwork, crc.Step(id).NotAfter));
    }

    [Fact]
    public void WhatHappened_SettlesDatesAndReminders()
    {
        var before = October2028;
        Assert.Equal(ProbationPlanner.RatingsRecorded, before.Step("ratings-to-organisation").WaitingFor);
        Assert.Equal(ProbationPlanner.DraftIssued, before.Step("draft-report").WaitingFor);
        Assert.Equal(ProbationPlanner.Published, before.Step("publication").WaitingFor);

        Assert.Equal(ProbationPlanner.DraftIssued, before.Step("embargoed-copy").WaitingFor);
        Assert.Equal(ProbationPlanner.ActionPlanReceived, before.Step("action-plan-acknowledgement").WaitingFor);

        var after = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress(
            PlanningMeetingOn: new DateOnly(2028, 8, 8), CaseSampleReturned: true, AllRated: true, DraftIssued: true, CommentsReturned: true,
            PublishedOn: new DateOnly(2029, 1, 17)) { DraftReportUploaded = true, FinalReportUploaded = true, ActionPlanReceivedOn = new DateOnly(2029, 1, 26) });

        Assert.Equal(new DateOnly(2028, 8, 8), after.Date("planning-meeting"));
        Assert.False(after.Step("case-sample-reminder").Applicable);
        Assert.False(after.Step("factual-accuracy-reminder").Applicable);
        Assert.Null(after.Step("ratings-to-organisation").WaitingFor);
        Assert.Null(after.Step("draft-report").WaitingFor);
        Assert.Equal(new DateOnly(2029, 1, 17), after.Date("publication"));
        Assert.Equal(new DateOnly(2029, 1, 10), after.Date("embargoed-copy"));
        Assert.Null(after.Step("publication").WaitingFor);
        Assert.Null(after.Step("embargoed-copy").WaitingFor);
        Assert.False(after.Step("osag-response").Applicable); // the response arrived (7.3)
        Assert.Equal(new DateOnly(2029, 1, 29), after.Date("action-plan")); // two weeks after the week it was published in (7.5)
        Assert.Equal((new DateOnly(2029, 1, 26), null), (after.Date("action-plan-acknowledgement"), after.Step("action-plan-acknowledgement").WaitingFor));
    }

    [Fact]
    public void DraftIssuedWithoutAFile_WaitsForTheDraft_AndTheEmbargoedCopyForTheFinalReport()
    {
        // 7.3: the draft email links to the draft; 7.4: the embargoed copy is the final report.
        var issued = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress(DraftIssued: true));

        Assert.Equal(ProbationPlanner.DraftReportUploaded, issued.Step("draft-report").WaitingFor);
        Assert.Equal(ProbationPlanner.FinalReportUploaded, issued.Step("embargoed-copy").WaitingFor);
    }

    [Fact]
    public void PublishedWithoutAFinalReportUploaded_TheEmbargoedCopyWaitsNoLonger_AndItsWindowClosedAtPublication()
    {
        // 7.4: the embargoed copy goes before publication; once the report is out (its final version sent outside IrpFlows), the
        // copy would wait for an upload that will never come, and the inspection would never end.
        var published = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress(DraftIssued: true, PublishedOn: new DateOnly(2029, 1, 17)) { DraftReportUploaded = true });

        var copy = published.Step("embargoed-copy");
        Assert.Null(copy.WaitingFor);
        Assert.Equal(new DateTimeOffset(2029, 1, 17, 9, 0, 0, TimeSpan.Zero), copy.NotAfter); // 09:00 GMT on the day it was published
        Assert.Contains("the report was published on", copy.WindowReason);
    }

    [Fact]
    public void PublicationDateAgreed_MovesTheEmbargoedCopyAndTheActionPlan()
    {
        // 7.4: "Changes to this publication date may be agreed in advance": Tuesday 3 April 2029, the day after Easter Monday.
        var agreed = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress() { PublicationAgreedOn = new DateOnly(2029, 4, 3) });

        Assert.Equal(new DateOnly(2029, 4, 3), agreed.Date("publication"));
        // Five working days before, not counting Easter Monday and Good Friday (2 April, 30 March 2029): 29, 28, 27, 26 and 23 March.
        Assert.Equal(new DateOnly(2029, 3, 23), agreed.Date("embargoed-copy"));
        // 7.5: two weeks after the publication week: Monday 16 April 2029.
        Assert.Equal(new DateOnly(2029, 4, 16), agreed.Date("action-plan"));
    }

    [Fact]
    public void CaseSamples_AreTheKindsOwn_EachReturnSkippingItsReminder()
    {
        // 4.1: an NPS division's domain three samples are court reports and allocation, and victim work; a CRC's unpaid work and
        // Through the Gate. A CRC's take the NPS court reports sample's dates: local policy, labelled so.
        var nps = October2028;
        var crc = Plan(Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc));
        Assert.Equal("Domain three samples request: court reports and allocation; victim work", nps.Step("case-sample-request").Title);
        Assert.Equal("Probation manual 4.1, 4.4", nps.Step("case-sample-request").Source);
        Assert.Equal("Domain three samples request: unpaid work; Through the Gate", crc.Step("case-sample-request").Title);
        Assert.Equal("Probation manual 4.1, 4.4; the dates, those of the NPS court reports sample: local policy", crc.Step("case-sample-request").Source);
        Assert.Equal("Probation manual 4.4; the date: local policy", nps.Step("domain-two-long-list").Source);

        var longListIn = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress() { SamplesReturned = new HashSet<string> { "domain-two-long-list" } });
        Assert.False(longListIn.Step("domain-two-long-list-reminder").Applicable);
        Assert.True(longListIn.Step("domain-two-sample-reminder").Applicable);
    }

    [Fact]
    public void DomainTwoSample_OnChristmasAndEaster_DueTheWorkingDayBefore()
    {
        // Fieldwork from 8 February 2027: week -7's Friday is Christmas Day 2026, so the long list is due on Christmas Eve (local policy, 4.4).
        var christmas = Plan(Facts(new DateOnly(2027, 2, 8)));
        Assert.Equal(new DateOnly(2026, 12, 24), christmas.Date("domain-two-long-list"));
        // Fieldwork from 15 May 2028: week -4 begins on Easter Monday (17 April 2028), so the provisional list is due back on the
        // working day before, Thursday 13 April (Good Friday is a holiday too), and the court reports sample is identified on Tuesday.
        var easter = Plan(Facts(new DateOnly(2028, 5, 15)));
        Assert.Equal(new DateOnly(2028, 4, 13), easter.Date("domain-two-sample-return"));
        Assert.Equal(new DateOnly(2028, 4, 18), easter.Date("case-sample-request"));
        Assert.Equal(new DateOnly(2028, 4, 21), easter.Date("domain-two-final-sample"));
    }

    [Fact]
    public void Reminders_CloseWhenTheirDeadlineComes()
    {
        // 4.4: the domain three samples are due at 16:00 on Wednesday 13 September 2028 (BST): their reminder is pointless after.
        var reminder = October2028.Step("case-sample-reminder");
        Assert.Equal(new DateTimeOffset(2028, 9, 13, 15, 0, 0, TimeSpan.Zero), reminder.NotAfter);
        Assert.Equal("it reminds of a deadline, 13 September 2028, that had come: a reminder then is pointless (Probation manual 4.4)", reminder.WindowReason);
        Assert.All(["domain-two-long-list-reminder", "domain-two-sample-reminder", "factual-accuracy-reminder"], id => Assert.NotNull(October2028.Step(id).NotAfter));
    }

    /// <summary>The letters that go however late, each saying why where it is planned; every other letter has a window.</summary>
    private static readonly string[] LettersThatGoLate =
        ["planning-meeting-minutes", "ratings-to-organisation", "draft-report", "embargoed-copy", "publication", "action-plan-acknowledgement"];

    [Fact]
    public void EveryLetter_ClosesAfterItIsDue_WithAReasonCitingTheManual_ButThoseThatMustGoLate()
    {
        var letters = October2028.Where(s => ProbationMailTemplates.EmailSteps.Contains(s.Id)).ToList();
        Assert.Equal(17, letters.Count); // every email of the timeline (the cancellation is not on it)
        foreach (var letter in letters)
        {
            if (LettersThatGoLate.Contains(letter.Id))
            {
                Assert.Null(letter.NotAfter);
                continue;
            }
            Assert.True(letter.NotAfter > letter.Due, letter.Id);
            Assert.Matches(@"\(Probation manual \d\.\d(, \d\.\d)*\)$", letter.WindowReason);
        }
    }

    [Fact]
    public void LettersPreparingTheFieldwork_CloseWhenItBegins_AndTheActionPlansNoticeWhenItsWeekEnds()
    {
        // Fieldwork from 13:00 on Monday 2 October 2028 (BST) (6.10).
        var fieldwork = new DateTimeOffset(2028, 10, 2, 12, 0, 0, TimeSpan.Zero);
        Assert.All(["announcement-email", "partner-letters", "outline-schedule", "schedules", "nps-division-notice"],
            id => Assert.Equal(fieldwork, October2028.Step(id).NotAfter));
        Assert.Equal("it confirms the inspection and the dates of the work before fieldwork, and fieldwork began on 2 October 2028 (Probation manual 3.3, 3.4)",
            October2028.Step("announcement-email").WindowReason);
        // 4.4: the request asks for the samples by 16:00 on Wednesday of week -3.
        Assert.Equal(new DateTimeOffset(2028, 9, 13, 15, 0, 0, TimeSpan.Zero), October2028.Step("case-sample-request").NotAfter);
        // 7.5: the plan is due in the week beginning Monday 29 January 2029 (week +15); the notice says so until that week ends.
        var actionPlan = October2028.Step("action-plan");
        Assert.Equal((new DateOnly(2029, 1, 29), new DateTimeOffset(2029, 2, 5, 0, 0, 0, TimeSpan.Zero)), (actionPlan.Date, actionPlan.NotAfter));
    }

    [Fact]
    public void EmbargoedCopy_GoesHoweverLate_UntilTheReportIsRecordedPublished()
    {
        // 7.4: the publication date may be moved, so none planned closes the window; the publication recorded does.
        var published = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress(AllRated: true, DraftIssued: true, PublishedOn: new DateOnly(2029, 1, 2)));

        var copy = published.Step("embargoed-copy");
        Assert.Equal(new DateTimeOffset(2029, 1, 2, 9, 0, 0, TimeSpan.Zero), copy.NotAfter);
        Assert.Equal("it gives the organisation the report before formal publication, and the report was published on 2 January 2029 (Probation manual 7.4)",
            copy.WindowReason);
    }
}
