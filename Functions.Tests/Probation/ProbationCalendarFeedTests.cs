using Azure.Data.Tables;
using IrpFlows.Calendar;
using IrpFlows.Probation;
using IrpFlows.Programme;
using IrpFlows.Workflow;
using Microsoft.Extensions.Configuration;

namespace IrpFlows.Tests.Probation;

/// <summary>The programme's calendar feed draws a probation inspection's fieldwork weeks as the planner times them (manual 6.10).</summary>
public sealed class ProbationCalendarFeedTests
{
    private static readonly CalendarFeed Feed = new(new TableServiceClient("UseDevelopmentStorage=true"), new WorkflowOptions(),
        new ConfigurationBuilder().Build(), TimeProvider.System, new ProbationPlanner(WorkingDayCalendar.EnglandAndWales, new ProbationPolicy()));

    // 6.10: from Monday 13:00 to Friday 14:00, local time; the third week's Friday is Good Friday 2028, so it ends on Thursday.
    [Fact]
    public void CalendarFeed_ShowsEachFieldworkWeekFromMondayAfternoonToFriday_EndingBeforeGoodFriday()
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 3, 27));
        var timeline = ProbationExamples.Plan(facts);
        var inspection = new ProbationListItem("p1", facts.Organisation, facts.FieldworkStart, "Pending", "Pre-fieldwork", null)
        {
            Milestones = timeline.Where(s => ProbationWorkflow.Milestones.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Date),
        };

        var calendar = Ical.Net.Calendar.Load(Feed.Render([], [inspection]))!;

        var weeks = new[] { 1, 2, 3 }.Select(n => Assert.Single(calendar.Events, e => e.Uid == $"p1-fieldwork-week-{n}@irpflows")).ToList();
        Assert.All(weeks, w => Assert.False(w.IsAllDay));
        // Week one begins the day after the clocks go forward (26 March 2028): 13:00 BST is 12:00 UTC.
        Assert.Equal(new DateTime(2028, 3, 27, 12, 0, 0, DateTimeKind.Utc), weeks[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 3, 31, 13, 0, 0, DateTimeKind.Utc), weeks[0].DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2028, 4, 10, 12, 0, 0, DateTimeKind.Utc), weeks[2].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 4, 13, 13, 0, 0, DateTimeKind.Utc), weeks[2].DtEnd!.AsUtc); // Thursday: Good Friday is a holiday
        // The feed and the timeline agree on each week's ends.
        Assert.Equal(timeline.Step("fieldwork-week-3").Ends!.Value.UtcDateTime, weeks[2].DtEnd!.AsUtc);
        var call = Assert.Single(calendar.Events, e => e.Uid == "p1-announcement-call@irpflows");
        Assert.True(call.IsAllDay); // a key date stays all-day
    }

    // 6.10: a week whose Monday is a bank holiday (the early May bank holiday 2028) starts on Tuesday afternoon.
    [Fact]
    public void CalendarFeed_FieldworkWeekBeginningOnABankHoliday_StartsOnTuesdayAfternoon()
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 5, 1));
        var inspection = new ProbationListItem("p2", facts.Organisation, facts.FieldworkStart, "Pending", "Pre-fieldwork", null)
        {
            Milestones = ProbationExamples.Plan(facts).Where(s => ProbationWorkflow.Milestones.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Date),
        };

        var week = Assert.Single(Ical.Net.Calendar.Load(Feed.Render([], [inspection]))!.Events, e => e.Uid == "p2-fieldwork-week-1@irpflows");

        Assert.Equal(new DateTime(2028, 5, 2, 12, 0, 0, DateTimeKind.Utc), week.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 5, 5, 13, 0, 0, DateTimeKind.Utc), week.DtEnd!.AsUtc);
    }
}
