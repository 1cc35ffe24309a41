using IrpFlows.Calendar;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Timeline;

public class IrcPlannerTests
{
    private static readonly IReadOnlyList<PlannedStep> Plan =
        new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy()).Plan(IrpExamples.Irc(), new IrpProgress());

    private static PlannedStep Step(string id) => Plan.Single(s => s.Id == id);

    [Fact]
    public void Announcement_GoesToCentreManagerAndHomeOffice_CopiedToImbChair()
    {
        Assert.Equal("Centre manager and Home Office; copy to IMB chair", Step("announcement").Concerns);
        Assert.Equal("IRC guide 2.4", Step("announcement").Source);
    }

    [Fact]
    public void DocumentsDeadline_IsFiveWorkingDaysBeforeVisit_SkippingTheSummerBankHoliday()
    {
        Assert.Equal(new DateOnly(2025, 8, 22), Step("documents-deadline").Date);
        Assert.Equal("IRC guide 2.8", Step("documents-deadline").Source);
    }

    [Fact]
    public void DocumentsRequest_IsWithinTwoWeeksOfTheAnnouncement_AndCopiesTheHomeOffice()
    {
        Assert.Equal(new DateOnly(2025, 6, 9), Step("documents-request").Date);
        Assert.Contains("Home Office", Step("documents-request").Concerns);

        var slowPolicy = new IrpPolicy { DocumentsRequestWorkingDaysAfterAnnouncement = 15 };
        var plan = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, slowPolicy).Plan(IrpExamples.Irc(), new IrpProgress());
        Assert.Equal(new DateOnly(2025, 6, 16), plan.Single(s => s.Id == "documents-request").Date); // capped at ten working days
    }

    [Fact]
    public void FinalReport_GoesToTheHomeSecretaryAndMinister()
    {
        Assert.Equal("Coordinator", Step("publication-deadline").Concerns);
        Assert.Equal("Home Secretary and Minister: no ministerial office contact yet (record MinisterialOfficeNamed)", Step("final-report").Concerns);
        Assert.Equal("IRC guide 5.1", Step("final-report").Source);
        Assert.Equal(new DateOnly(2025, 10, 8), Step("publication-deadline").Date); // visit ends Wed 3 Sep + 25 working days
        Assert.Equal("IRC guide 5.1", Step("publication-deadline").Source);
    }

    [Fact]
    public void Feedback_GoesToCentreManagerAndHomeOfficeTeams_ShortlyAfterTheVisit_WithoutWaitingForPublication()
    {
        var feedback = Step("governor-feedback");

        Assert.Equal("Centre manager; Home Office Detention Engagement and Compliance teams", feedback.Concerns);
        Assert.Equal("IRC guide 5.3", feedback.Source);
        Assert.Equal(new DateOnly(2025, 9, 5), feedback.Date);
        Assert.Null(feedback.WaitingFor);
        Assert.False(Step("liaison-feedback").Applicable);
    }

    [Fact]
    public void DebriefDocument_IsSharedWithTheContractorAndHomeOffice_OnceUploaded()
    {
        var contractor = new Contact("Centre contractor", "contract@contractor.example");
        var facts = IrpExamples.Irc() with { Contacts = IrpExamples.Irc().Contacts with { Contractor = contractor } };
        var step = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy()).Plan(facts, new IrpProgress()).Single(s => s.Id == "debrief-document");

        Assert.Equal(("Contractor and Home Office", "IRC guide 4.3", "DebriefDocumentUploaded"), (step.Concerns, step.Source, step.WaitingFor));
        Assert.Equal(new DateOnly(2025, 9, 4), step.Date); // the visit ends Wednesday 3 September
        Assert.Equal("Home Office (no contractor contact given)", Step("debrief-document").Concerns);
        Assert.True(Step("debrief-document").Applicable);
        Assert.Equal("IRC guide 3.1, 4.3", Step("debrief").Source);
        Assert.Equal("IRC guide Appendix I", Step("material-destruction").Source);
    }
}
