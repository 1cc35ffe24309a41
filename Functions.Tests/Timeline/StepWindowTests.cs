using IrpFlows.Calendar;
using IrpFlows.Irps.Timeline;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Timeline;

/// <summary>
/// Every step's window: the instant from which sending it would be false or pointless, computed by the pure planner. The
/// instants are UTC; England is on GMT in winter and BST (UTC+1) from the last Sunday of March.
/// </summary>
public class StepWindowTests
{
    private static readonly IrpPlanner Planner = new(WorkingDayCalendar.EnglandAndWales, new IrpPolicy());

    private static PlannedStep Step(IReadOnlyList<PlannedStep> plan, string id) => plan.Single(s => s.Id == id);

    private static DateOnly D(string date) => DateOnly.Parse(date);

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant + "Z");

    // HMP Elmley 2023 (visit Mon 13 Feb, documents due Mon 6 Feb, reminders 23 Jan, 30 Jan, Thu 2 Feb).
    [Theory]
    [InlineData("announcement", "2023-02-13T00:00:00", "visit began on 13 February 2023 (Prison guide 6.1)")]
    [InlineData("documents-request", "2023-02-06T00:00:00", "by 6 February 2023, and that day had come (Prison guide 7.4)")]
    [InlineData("documents-reminder-1", "2023-01-30T09:00:00", "the next reminder, due on 30 January 2023, had come")]
    [InlineData("documents-reminder-2", "2023-02-02T09:00:00", "the next reminder, due on 2 February 2023, had come")]
    [InlineData("documents-reminder-3", "2023-02-06T09:00:00", "the deadline, 6 February 2023, had come")]
    [InlineData("documents-deadline", "2023-02-07T00:00:00", "true only on 6 February 2023 (Prison guide 7.4)")]
    [InlineData("documents-overdue", "2023-02-13T00:00:00", "to prepare the visit, and the visit began on 13 February 2023 (Prison guide 7.3)")]
    [InlineData("visit-arrangements", "2023-02-13T00:00:00", "in advance of the visit, and the visit began on 13 February 2023 (Prison guide 7.2)")]
    [InlineData("publication-alert", "2023-03-23T00:00:00", "published by 22 March 2023, and that day had passed (Prison guide 14.1)")]
    public void Elmley2023_LettersCloseWhenTheirDatesStopBeingTrue(string id, string notAfterUtc, string reason)
    {
        var step = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress()), id);

        Assert.Equal(Utc(notAfterUtc), step.NotAfter);
        Assert.Contains(reason, step.WindowReason);
    }

    [Theory]
    [InlineData("visit-start")]
    [InlineData("visit-end")]
    [InlineData("debrief")]
    [InlineData("debrief-document")]
    [InlineData("liaison-feedback")]
    [InlineData("draft-report")]
    [InlineData("fact-check-deadline")]
    [InlineData("final-report")]
    [InlineData("publication-deadline")]
    [InlineData("publication")]
    [InlineData("governor-feedback")]
    [InlineData("material-deletion")]
    [InlineData("material-destruction")]
    public void MilestonesAndWhatMustHappenLate_HaveNoWindow(string id)
    {
        var step = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-03-01"), PublishedOn: D("2023-03-20"))), id);

        Assert.Null(step.NotAfter);
        Assert.Null(step.WindowReason);
    }

    [Fact]
    public void Irc_WindowsCiteTheIrcGuide()
    {
        // Harmondsworth: visit Monday 1 September 2025, a week after the summer bank holiday; documents due Friday 22 August
        // (five working days back, skipping Monday 25 August).
        var plan = Planner.Plan(IrpExamples.Irc(), new IrpProgress());

        Assert.Equal("the letter announces the visit before it takes place, and the visit began on 1 September 2025 (IRC guide 2.4)",
            Step(plan, "announcement").WindowReason);
        Assert.Equal(Utc("2025-08-22T23:00:00"), Step(plan, "documents-deadline").NotAfter);
        Assert.Equal("it says the documents are due today, true only on 22 August 2025 (IRC guide 2.8)", Step(plan, "documents-deadline").WindowReason);
        Assert.Contains("(IRC guide 2.6)", Step(plan, "visit-arrangements").WindowReason);
        Assert.Null(Step(plan, "governor-feedback").NotAfter); // IRC guide 5.3: feedback is still asked for late
    }

    [Fact]
    public void LastDocumentsReminder_ClosesWhenTheDeadlineNoticeIsDue_AfterTheEarlyMayAndCoronationBankHolidays()
    {
        // Visit Wed 10 May 2023: five working days back, skipping Mon 8 May (coronation) and Mon 1 May, documents are due
        // Tue 2 May; the last reminder, two working days before, is Thu 27 April. The "due today" notice is true on 2 May
        // only: its window ends at midnight BST (23:00 UTC on 2 May).
        var plan = Planner.Plan(IrpExamples.Elmley(D("2023-05-10"), D("2023-02-13")), new IrpProgress());

        Assert.Equal(D("2023-04-27"), Step(plan, "documents-reminder-3").Date);
        Assert.Equal(Utc("2023-05-02T08:00:00"), Step(plan, "documents-reminder-3").NotAfter);
        Assert.Equal(Utc("2023-05-02T23:00:00"), Step(plan, "documents-deadline").NotAfter);
        Assert.Equal(Utc("2023-05-09T23:00:00"), Step(plan, "announcement").NotAfter);
    }

    [Fact]
    public void FactCheckReminder_ClosesWhenTheDeadlineComes_AndPublicationStopsIt_WithTheReason()
    {
        // Draft issued Wed 1 Mar 2023: comments due Wed 15 March, the reminder on Fri 10 March.
        var issued = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-03-01")));
        var reminder = Step(issued, "fact-check-reminder-1");
        Assert.True(reminder.Applicable);
        Assert.Equal(Utc("2023-03-15T00:00:00"), reminder.NotAfter);
        Assert.Contains("the comments were due by 15 March 2023, and that day had come (Prison guide 14.1)", reminder.WindowReason);

        var published = Step(Planner.Plan(IrpExamples.Elmley(), new IrpProgress(DraftIssuedOn: D("2023-03-01"), PublishedOn: D("2023-03-08"))),
            "fact-check-reminder-1");
        Assert.False(published.Applicable);
        Assert.Equal("the report was published on 8 March 2023: the fact check is over (Prison guide 14.1)", published.SkipReason);
    }

    [Fact]
    public void NotApplicableSteps_SayWhy_AndApplicableOnesDoNot()
    {
        var plan = Planner.Plan(IrpExamples.Elmley(), new IrpProgress(AllDocumentsReceived: true));

        Assert.Equal("every document requested has arrived", Step(plan, "documents-reminder-1").SkipReason);
        Assert.Equal("every document requested has arrived", Step(plan, "documents-overdue").SkipReason);
        Assert.Null(Step(plan, "documents-request").SkipReason);
    }
}
