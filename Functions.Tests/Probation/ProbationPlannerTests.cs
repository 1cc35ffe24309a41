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
            ("announcement-email", new(2028, 8, 7)),        // first working day of week -8 (3.3, 3.4)
            ("planning-meeting", new(2028, 8, 10)),         // within a week of the call (3.5)
            ("evidence-in-advance", new(2028, 8, 25)),      // Friday of week -6, read by week -5 (3.6, 3.8)
            ("on-site-planning", new(2028, 8, 29)),         // week -5, whose Monday is the summer bank holiday (3.8)
            ("case-sample-request", new(2028, 9, 4)),       // Monday of week -4 (4.4)
            ("case-sample-reminder", new(2028, 9, 12)),
            ("case-sample-return", new(2028, 9, 13)),       // 16:00 Wednesday of week -3 (4.4)
            ("schedules", new(2028, 9, 18)),                // start of week -2 (5.1)
            ("local-assessor-training", new(2028, 9, 18)),  // week -2, NPS (3.9)
            ("fieldwork-week-1", new(2028, 10, 2)),
            ("fieldwork-week-2", new(2028, 10, 9)),
            ("fieldwork-week-3", new(2028, 10, 16)),
            ("ratings-panel", new(2028, 10, 26)),           // Thursday of week +1 (7.2)
            ("ratings-to-organisation", new(2028, 10, 30)), // 09:00 Monday of week +2 (7.2)
            ("draft-report", new(2028, 12, 4)),             // Monday of week +7 (7.3)
            ("factual-accuracy-reminder", new(2028, 12, 14)),
            ("factual-accuracy-deadline", new(2028, 12, 15)), // Friday of week +8 (2.3)
            ("embargoed-copy", new(2029, 1, 8)),            // five working days before publication (7.4)
            ("publication", new(2029, 1, 15)),              // week +13 in England (7.4)
            ("action-plan", new(2029, 1, 29)),              // week +15 in England (7.5)
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

    [Fact]
    public void WhatHappened_SettlesDatesAndReminders()
    {
        var before = October2028;
        Assert.Equal(ProbationPlanner.RatingsRecorded, before.Step("ratings-to-organisation").WaitingFor);
        Assert.Equal(ProbationPlanner.DraftIssued, before.Step("draft-report").WaitingFor);
        Assert.Equal(ProbationPlanner.Published, before.Step("publication").WaitingFor);

        var after = Plan(Facts(new DateOnly(2028, 10, 2)), new ProbationProgress(
            PlanningMeetingOn: new DateOnly(2028, 8, 8), CaseSampleReturned: true, AllRated: true, DraftIssued: true, CommentsReturned: true,
            PublishedOn: new DateOnly(2029, 1, 17)));

        Assert.Equal(new DateOnly(2028, 8, 8), after.Date("planning-meeting"));
        Assert.False(after.Step("case-sample-reminder").Applicable);
        Assert.False(after.Step("factual-accuracy-reminder").Applicable);
        Assert.Null(after.Step("ratings-to-organisation").WaitingFor);
        Assert.Null(after.Step("draft-report").WaitingFor);
        Assert.Equal(new DateOnly(2029, 1, 17), after.Date("publication"));
        Assert.Equal(new DateOnly(2029, 1, 10), after.Date("embargoed-copy"));
        Assert.Null(after.Step("publication").WaitingFor);
    }
}
