using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Probation;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Moq;

namespace IrpFlows.Tests.Probation;

/// <summary>The probation kind's plan and emails, on logs built by hand: who is told of a cancellation, and the project plan's table.</summary>
public sealed class ProbationWorkflowTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly ProbationWorkflow Workflow = new(
        new ProbationPlanner(IrpFlows.Calendar.WorkingDayCalendar.EnglandAndWales, new ProbationPolicy()),
        new ProbationMailTemplates(TimeProvider.System), Mock.Of<IMailSender>(MockBehavior.Strict),
        new UploadLinks(new UploadTokens(IrpFlowsApp.UploadSigningKey), new DocumentsOptions(), new IrpPolicy().TimeZone, new Uri("http://localhost/")));

    private static WorkflowInstance Log(params (string Type, JsonObject Data)[] events) => new("p1", ProbationWorkflow.KindName, Created, Created,
        [
            new WorkflowEvent(1, ProbationEvents.Started, EventData.ToData(new ProbationStartedData(ProbationExamples.Facts(new DateOnly(2027, 2, 8)))), Created),
            .. events.Select((e, i) => new WorkflowEvent(i + 2, e.Type, e.Data, Created.AddDays(i + 1))),
        ]);

    private static (string, JsonObject) Done(string step) => (EngineEvents.StepCompleted, new JsonObject { ["stepId"] = step });

    private static (string, JsonObject) Cancelled() => (ProbationEvents.Cancelled, EventData.ToData(new ProbationCancelledData("No longer needed")));

    [Fact]
    public void CancelledBeforeTheAnnouncementCall_TellsNoOne_AndSkipsEverything()
    {
        var plan = Workflow.Plan(Log(Done("preparation"), Cancelled()));

        Assert.True(plan.IsTerminated);
        Assert.DoesNotContain(plan.Steps, s => s.Id == ProbationSteps.Cancellation);
        Assert.All(plan.Steps.Where(s => s.Id != "preparation"), s => Assert.Equal(StepReadiness.Skipped, s.Readiness));
    }

    [Fact]
    public void CancelledAfterTheAnnouncementCall_TellsTheOrganisation()
    {
        var plan = Workflow.Plan(Log(Done("preparation"), Done("announcement-call"), Cancelled()));

        Assert.Equal(StepReadiness.Ready, plan.Steps.Single(s => s.Id == ProbationSteps.Cancellation).Readiness);
    }

    [Fact]
    public void ProjectPlanTable_QuotesFieldsHoldingCommas_AndLeavesOutStepsThatWillNotHappen()
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc);
        var csv = ProjectPlan.Csv(facts, ProbationExamples.Plan(facts));

        Assert.StartsWith("Week,Date,Time,Activity,Who,Source\r\n", csv);
        Assert.Contains("week -3,2028-09-13,16:00,Case sample due back (16:00),Chief executive / divisional director (no senior link manager named yet),Probation manual 4.4\r\n", csv);
        Assert.Contains("\"Director of operations, lead inspector and head of inspection\"", csv);
        Assert.DoesNotContain("Local assessor training", csv); // a CRC trains none (3.9)
        Assert.Equal(22, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // the header and 21 steps
    }

    [Fact]
    public async Task ConfirmingEmail_AfterFieldworkMoved_NamesTheCallAsItWasMade()
    {
        MailMessage? sent = null;
        var mail = new Mock<IMailSender>(MockBehavior.Strict);
        mail.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((message, _) => sent = message)
            .ReturnsAsync((MailMessage message, CancellationToken _) => new SentMail(message.MessageKey, "outbox-id", Created, message.To, message.Cc, message.Subject));
        var workflow = new ProbationWorkflow(new ProbationPlanner(IrpFlows.Calendar.WorkingDayCalendar.EnglandAndWales, new ProbationPolicy()),
            new ProbationMailTemplates(TimeProvider.System), mail.Object,
            new UploadLinks(new UploadTokens(IrpFlowsApp.UploadSigningKey), new DocumentsOptions(), new IrpPolicy().TimeZone, new Uri("http://localhost/")));
        var call = (EngineEvents.StepCompleted, new JsonObject { ["stepId"] = "announcement-call", ["result"] = new JsonObject { ["date"] = "2026-12-10" } });
        var moved = (ProbationEvents.FieldworkRescheduled, EventData.ToData(new FieldworkRescheduledData(new DateOnly(2027, 2, 15), new DateOnly(2027, 3, 1))));

        await workflow.RunStepAsync(Log(call, moved), ProbationSteps.AnnouncementEmail, CancellationToken.None);

        Assert.Contains("Further to my telephone call on Thursday 10 December 2026", sent!.TextBody); // not the 17th the move would plan
        Assert.Contains("three weeks beginning Monday 15 February 2027", sent.TextBody);
    }
}
