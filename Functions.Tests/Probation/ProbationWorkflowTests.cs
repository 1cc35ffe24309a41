using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Probation;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.Configuration;
using Moq;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// The probation kind's plan and emails, on logs built by hand: who is told of a cancellation, the notices of letters skipped,
/// and the project plan's table.
/// </summary>
public sealed class ProbationWorkflowTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly UploadLinks Links =
        new(new UploadTokens(IrpFlowsApp.UploadSigningKey), new DocumentsOptions(), new IrpPolicy().TimeZone, new Uri("http://localhost/"));

    private static readonly ProbationPlanner Planner = new(IrpFlows.Calendar.WorkingDayCalendar.EnglandAndWales, new ProbationPolicy());

    // Never read here: only the minutes' email reads a file, and these tests send none.
    private static readonly ReportFileStore Files =
        new(new Azure.Storage.Blobs.BlobServiceClient(new Uri("https://storage.invalid")), Mock.Of<IrpFlows.Storage.BlobSasSigner>(), new ReportOptions(), TimeProvider.System);

    private static readonly ProbationWorkflow Workflow = new(Planner,
        new ProbationMailTemplates(TimeProvider.System), Mock.Of<IMailSender>(MockBehavior.Strict),
        Links, new ProbationReportLinks(Links, Planner, new ReportOptions()), Files, new ProbationMailOptions(), new OperationsOptions());

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

    private static (string, JsonObject) SkippedLate(string step) =>
        (EngineEvents.StepSkipped, new JsonObject { ["stepId"] = step, ["reason"] = "its moment had passed" });

    [Fact]
    public void LettersSkippedTogether_GetOneNoticeToTheLeadInspector_DueAtOnce_AndTheNextCatchUpItsOwn()
    {
        var plan = Workflow.Plan(Log(Done("preparation"), SkippedLate("case-sample-request"), SkippedLate("schedules"),
            Done("skipped-notice-1"), SkippedLate("action-plan")));

        var notices = plan.Steps.Where(s => SkippedNotices.IsNotice(s.Id)).ToList();
        Assert.Equal(["skipped-notice-1", "skipped-notice-2"], notices.Select(s => s.Id));
        Assert.All(notices, n => Assert.Equal(StepReadiness.Ready, n.Readiness));
        // Due when the first letter it tells of was: at once in the catch-up that skipped it.
        Assert.Equal(plan.Steps.Single(s => s.Id == "case-sample-request").Due, notices[0].Due);
        Assert.Equal(plan.Steps.Single(s => s.Id == "action-plan").Due, notices[1].Due);
    }

    [Fact]
    public void AStepRecordedSkipped_IsBehindTheInspection_NotItsNextStep()
    {
        var plan = Workflow.Plan(Log(Done("preparation"), SkippedLate("announcement-call")));

        Assert.Equal("announcement-email", plan.Summary["nextStep"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void CancelledWithANoticeOfSkippedLettersUnsent_SkipsTheNotice()
    {
        var plan = Workflow.Plan(Log(Done("preparation"), Done("announcement-call"), SkippedLate("case-sample-request"), Cancelled()));

        var notice = plan.Steps.Single(s => s.Id == "skipped-notice-1");
        Assert.Equal((StepReadiness.Skipped, "the inspection was cancelled"), (notice.Readiness, notice.SkipReason));
    }

    [Fact]
    public void ProjectPlanTable_QuotesFieldsHoldingCommas_AndLeavesOutStepsThatWillNotHappen()
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 10, 2), type: OrganisationType.Crc);
        var csv = ProjectPlan.Csv(facts, ProbationExamples.Plan(facts));

        Assert.StartsWith("Week,Date,Time,Activity,Who,Source,End date,End time\r\n", csv);
        Assert.Contains("week -3,2028-09-13,16:00,Domain three samples due back (16:00),Chief executive / divisional director (no senior link manager named yet),"
            + "\"Probation manual 4.4; the dates, those of the NPS court reports sample: local policy\",,\r\n", csv);
        Assert.Contains("\"Director of operations, lead inspector and head of inspection\"", csv);
        Assert.DoesNotContain("ocal assessor", csv); // a CRC has none (3.9)
        Assert.Contains("week -2,2028-09-18,,Notice to the NPS division: unpaid work inspected in some of its cases,", csv); // 6.1, a CRC's
        Assert.Equal(33, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // the header and 32 steps
    }

    // 6.10: each fieldwork week from Monday 13:00 to Friday 14:00; 3.9: the three training days at their times (11:00, then
    // 09:00, each until 17:00); in the table and as timed calendar events (UTC: BST is an hour ahead in September and October).
    [Fact]
    public void ProjectPlan_ShowsFieldworkWeeksFromMondayAfternoonToFriday_AndTheThreeTrainingDays_InTheTableAndTheCalendar()
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 10, 2));
        var timeline = ProbationExamples.Plan(facts);
        var csv = ProjectPlan.Csv(facts, timeline);
        var calendar = Ical.Net.Calendar.Load(ProjectPlan.ICalendar("p1", facts, timeline, Created))!;

        Assert.Contains("fieldwork week 1,2028-10-02,13:00,Fieldwork week one,Inspection team,\"Probation manual 2.3, 5.1, 6.10; the start and end times: local policy\",2028-10-06,14:00\r\n", csv);
        Assert.Contains("fieldwork week 3,2028-10-16,13:00,Fieldwork week three,", csv);
        Assert.Contains("fieldwork week 3,2028-10-20,14:00,Verified data (domains two and three) and indicative ratings issued,", csv);
        Assert.Contains("week -2,2028-09-18,11:00,\"Local assessor training, day 1 of 3 (11:00 to 17:00)\",", csv);
        Assert.Contains(",2028-09-18,17:00\r\n", csv);
        Assert.Contains("week -2,2028-09-19,09:00,\"Local assessor training, day 2 of 3 (09:00 to 17:00)\",", csv);
        Assert.Contains("week -2,2028-09-20,09:00,\"Local assessor training, day 3 of 3 (09:00 to 17:00)\",", csv);
        Assert.Contains(",2028-09-20,17:00\r\n", csv);

        var weekOne = Assert.Single(calendar.Events, e => e.Uid == "p1-fieldwork-week-1@irpflows");
        Assert.False(weekOne.IsAllDay);
        Assert.Equal(new DateTime(2028, 10, 2, 12, 0, 0, DateTimeKind.Utc), weekOne.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 10, 6, 13, 0, 0, DateTimeKind.Utc), weekOne.DtEnd!.AsUtc);
        Assert.Contains("13:00 until Friday 6 October 2028, 14:00", weekOne.Description);
        var training = new[] { "local-assessor-training", "local-assessor-training-day-2", "local-assessor-training-day-3" }
            .Select(id => Assert.Single(calendar.Events, e => e.Uid == $"p1-{id}@irpflows")).ToList();
        Assert.Equal([new DateTime(2028, 9, 18, 10, 0, 0, DateTimeKind.Utc), new DateTime(2028, 9, 19, 8, 0, 0, DateTimeKind.Utc), new DateTime(2028, 9, 20, 8, 0, 0, DateTimeKind.Utc)],
            training.Select(e => e.DtStart!.AsUtc));
        Assert.Equal([new DateTime(2028, 9, 18, 16, 0, 0, DateTimeKind.Utc), new DateTime(2028, 9, 19, 16, 0, 0, DateTimeKind.Utc), new DateTime(2028, 9, 20, 16, 0, 0, DateTimeKind.Utc)],
            training.Select(e => e.DtEnd!.AsUtc));
        var call = Assert.Single(calendar.Events, e => e.Uid == "p1-announcement-call@irpflows");
        Assert.True(call.IsAllDay); // a step that does not last stays all-day
        Assert.Equal(39, calendar.Events.Count); // every step that will happen: an NPS inspection sends no notice to itself (6.1)
    }

    /// <summary>Renders the confirming email (manual 3.3, 3.4) of the inspection whose log is <paramref name="events"/> after its start.</summary>
    private static async Task<MailMessage> ConfirmingEmail(params (string Type, JsonObject Data)[] events)
    {
        MailMessage? sent = null;
        var mail = new Mock<IMailSender>(MockBehavior.Strict);
        mail.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((message, _) => sent = message)
            .ReturnsAsync((MailMessage message, CancellationToken _) => new SentMail(message.MessageKey, "outbox-id", Created, message.To, message.Cc, message.Subject));
        var workflow = new ProbationWorkflow(Planner, new ProbationMailTemplates(TimeProvider.System), mail.Object,
            Links, new ProbationReportLinks(Links, Planner, new ReportOptions()), Files,
            new ProbationMailOptions { SenderName = "HM Inspectorate of Probation (inspections)", SenderAddress = "inspections@hmiprobation.example" },
            new OperationsOptions());
        await workflow.RunStepAsync(Log(events), ProbationSteps.AnnouncementEmail, CancellationToken.None);
        return sent!;
    }

    private static (string, JsonObject) CallMade(DateOnly date, string by = ProbationRoles.LeadInspector) =>
        (ProbationEvents.AnnouncementCallMade, EventData.ToData(new AnnouncementCallMadeData(date, by, null)));

    [Fact]
    public async Task ConfirmingEmail_AfterFieldworkMoved_NamesTheCallAsItWasRecorded()
    {
        // Fieldwork from 8 February 2027: week -9's Thursday is 10 December 2026, when the call is made; fieldwork then moves a week.
        var moved = (ProbationEvents.FieldworkRescheduled, EventData.ToData(new FieldworkRescheduledData(new DateOnly(2027, 2, 15), new DateOnly(2027, 3, 1))));

        var sent = await ConfirmingEmail(CallMade(new DateOnly(2026, 12, 10)), moved);

        Assert.Contains("Further to my telephone call on Thursday 10 December 2026", sent.TextBody); // not the 17th the move would plan
        Assert.Contains("three weeks beginning Monday 15 February 2027", sent.TextBody);
        Assert.Equal(["lena.lead@hmiprobation.example"], sent.ReplyTo.Select(a => a.Address));
    }

    [Fact]
    public async Task ConfirmingEmail_ForACallTheDeputyMade_NamesTheDeputy()
    {
        var deputy = (ProbationEvents.ContactNamed, EventData.ToData(new ContactNamedData(ProbationRoles.DeputyLead, "Dee Deputy", "dee.deputy@hmiprobation.example")));

        var sent = await ConfirmingEmail(deputy, CallMade(new DateOnly(2026, 12, 11), ProbationRoles.DeputyLead));

        // 3.3: the deputy announces "if the lead inspector is not available"; the lead still signs the confirmation.
        Assert.Contains("Further to the telephone call from Dee Deputy, deputy lead inspector, on Friday 11 December 2026, I confirm that", sent.TextBody);
        Assert.Contains("Lena Lead\nLead inspector", sent.TextBody);
    }

    [Fact]
    public async Task ConfirmingEmail_WithNoCallRecorded_ClaimsNoCall()
    {
        // The call's step ran on its planned Thursday, but nobody recorded that the call was made.
        var planned = (EngineEvents.StepCompleted, new JsonObject { ["stepId"] = "announcement-call", ["result"] = new JsonObject { ["date"] = "2026-12-10" } });

        var sent = await ConfirmingEmail(planned);

        Assert.Contains("I am writing to confirm that HM Inspectorate of Probation will inspect Example NPS division.", sent.TextBody);
        Assert.DoesNotContain("telephone call", sent.TextBody);
    }

    [Fact]
    public async Task ProbationEmails_GoUnderHmiProbationsSenderSetting_WhileReplyToStaysTheLeadInspector()
    {
        var sent = await ConfirmingEmail();

        Assert.Equal(new EmailAddress("HM Inspectorate of Probation (inspections)", "inspections@hmiprobation.example"), sent.From);
        Assert.Equal(["lena.lead@hmiprobation.example"], sent.ReplyTo.Select(a => a.Address));
        Assert.DoesNotContain("Prisons", sent.TextBody);
    }

    [Theory]
    [InlineData("SenderName", "", "ProbationMail:SenderName must not be empty")]
    [InlineData("SenderAddress", "not an address", "ProbationMail:SenderAddress must be one email address")]
    [InlineData("SenderAddress", "HMI Probation <probation@hmiprobation.example>", "ProbationMail:SenderAddress must be one email address")]
    public void SenderSettings_ThatNameNoOneOrNoMailbox_AreRefusedAtStartup(string setting, string value, string message)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"ProbationMail:{setting}"] = value }).Build()
            .GetSection(ProbationMailOptions.SectionName);

        Assert.StartsWith(message, Assert.Throws<InvalidOperationException>(() => ProbationMailOptions.FromConfiguration(section)).Message);
    }

    [Fact]
    public void SenderSettings_DefaultToHmiProbationAtAnExampleAddress()
    {
        var section = new ConfigurationBuilder().Build().GetSection(ProbationMailOptions.SectionName);

        Assert.Equal(new EmailAddress("HM Inspectorate of Probation", "probation@hmiprobation.example"), ProbationMailOptions.FromConfiguration(section).Sender);
    }
}

/// <summary>Who each probation email goes from and to (manual 3.3, 7.2, 7.3, 7.5, Appendix 1), rendered from a state built by hand.</summary>
public sealed class ProbationMailPeopleTests
{
    private static readonly ProbationPlanner Planner = new(IrpFlows.Calendar.WorkingDayCalendar.EnglandAndWales, new ProbationPolicy());

    private static MailMessage Render(string step, ProbationContacts contacts, ProbationPack? pack = null, OrganisationType type = OrganisationType.Nps)
    {
        var facts = ProbationExamples.Facts(new DateOnly(2028, 10, 2), type: type) with { Contacts = contacts };
        var standards = ProbationStandards.For(OrganisationType.Nps);
        var state = new ProbationState(facts, new ProbationProgress(AllRated: true, DraftIssued: true))
            { Ratings = standards.ToDictionary(s => s.Ref, _ => ProbationRating.Good) };
        var timeline = Planner.Plan(state.Facts, state.Progress);
        return new ProbationMailTemplates(TimeProvider.System, pack).Render(step,
            new ProbationMailContext("p1", state, timeline, new Uri("http://localhost/upload"), new Dictionary<string, DateOnly>())
                { DraftLink = new Uri("http://localhost/draft") });
    }

    private static readonly ProbationContacts Named = ProbationExamples.Facts(new DateOnly(2028, 10, 2)).Contacts with
    {
        Administrator = new Contact("Ada Admin", "ada.admin@hmiprobation.example"),
        HeadOfInspection = new Contact("Hal Head", "hal.head@hmiprobation.example"),
        Osag = new Contact("OSAG", "osag@justice.example"),
    };

    [Fact]
    public void RatingsLetter_GoesFromTheAdministrator_AndTheLeadTelephones()
    {
        var letter = Render(ProbationSteps.RatingsToOrganisation, Named);

        // 7.2: "The administrator sends the host organisation a copy of the agreed ratings"; "the lead inspector telephones".
        Assert.Equal(["ada.admin@hmiprobation.example"], letter.ReplyTo.Select(a => a.Address));
        Assert.Equal(["ada.admin@hmiprobation.example", "lena.lead@hmiprobation.example"], letter.Cc.Select(a => a.Address));
        Assert.Contains("Ada Admin\nAdministrator (operations)\nHM Inspectorate of Probation", letter.TextBody);
        Assert.Contains("Lena Lead, the lead inspector, will telephone you today", letter.TextBody);
    }

    [Fact]
    public void RatingsLetter_BeforeAnAdministratorIsNamed_GoesFromTheLead()
    {
        var letter = Render(ProbationSteps.RatingsToOrganisation, Named with { Administrator = null });

        Assert.Equal(["lena.lead@hmiprobation.example"], letter.ReplyTo.Select(a => a.Address));
        Assert.Contains("Lena Lead\nLead inspector", letter.TextBody);
    }

    [Fact]
    public void DraftReport_IsCopiedToOsagAndTheHeadOfInspection_AndNamesOsagOnlyWhenItIsCopied()
    {
        var copied = Render(ProbationSteps.DraftReport, Named);
        var notCopied = Render(ProbationSteps.DraftReport, Named with { Osag = null });

        // 7.3: the draft goes "with copy to Operational and Systems Assurance Group (OSAG)"; comments "to the lead inspector and head of inspection".
        Assert.Equal(["osag@justice.example", "hal.head@hmiprobation.example", "lena.lead@hmiprobation.example"], copied.Cc.Select(a => a.Address));
        Assert.Contains("with a copy to the Operational and Systems Assurance Group (OSAG).", copied.TextBody);
        Assert.Contains("to me and Hal Head, the head of inspection, by", copied.TextBody);
        Assert.DoesNotContain("OSAG", notCopied.TextBody);
        Assert.DoesNotContain(notCopied.Cc, a => a.Address == "osag@justice.example");
    }

    [Fact]
    public void ConfirmingEmail_LinksThePackTheInspectorateConfigured_WithTheEvidenceGuidanceOfTheKind()
    {
        // 3.3: the email comes with "instructions for submitting evidence in advance, case sample specifications, external project
        // plan, inspection guidance manual, template schedules and leaflets for staff"; 3.6: the NPS and CRC evidence lists differ.
        var pack = ProbationPack.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EvidenceGuidanceNps"] = "https://www.justiceinspectorates.gov.uk/hmiprobation/evidence-nps/",
            ["EvidenceGuidanceCrc"] = "https://www.justiceinspectorates.gov.uk/hmiprobation/evidence-crc/",
            ["InspectionManual"] = "https://www.justiceinspectorates.gov.uk/hmiprobation/manual/",
        }).Build());

        var crc = Render(ProbationSteps.AnnouncementEmail, Named, pack, OrganisationType.Crc).TextBody;
        var bare = Render(ProbationSteps.AnnouncementEmail, Named).TextBody;

        Assert.Contains("https://www.justiceinspectorates.gov.uk/hmiprobation/evidence-crc/", crc);
        Assert.DoesNotContain("evidence-nps", crc);
        Assert.Contains("The inspection guidance manual:", crc);
        Assert.DoesNotContain("Template schedules", crc); // not configured: not claimed
        Assert.DoesNotContain("Documents for the inspection", bare);
        Assert.Throws<InvalidOperationException>(() => ProbationPack.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StaffLeaflet"] = "http://example.org/leaflet" }).Build()));
    }

    [Fact]
    public void ActionPlan_IsAskedOfOsag_WithTheOrganisationCopied()
    {
        var request = Render(ProbationSteps.ActionPlan, Named);

        // 7.5: "The action plan is sent by OSAG to HMI Probation".
        Assert.Equal(["osag@justice.example"], request.To.Select(a => a.Address));
        Assert.Equal(["chris.chief@probation.example", "hal.head@hmiprobation.example", "lena.lead@hmiprobation.example"], request.Cc.Select(a => a.Address));
    }
}
