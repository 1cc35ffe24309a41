using IrpFlows.Documents;
using IrpFlows.Irps;

namespace IrpFlows.Tests.Mail;

public sealed partial class IrpMailTemplatesTests
{
    private static readonly Uri DraftLink = new("https://irpflows.example/draft/elmley");
    private static readonly Uri CommentsLink = new("https://irpflows.example/fact-check/elmley-token");
    private static readonly Uri ReportLink = new("https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/hmp-elmley-irp/");

    [Fact]
    public void LiaisonFeedback_Prison_AsksTheLiaisonOfficerAboutTheProcess()
    {
        var message = Render("liaison-feedback", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        Assert.Equal([TestIrps.Liaison.Email], Addresses(message.To));
        AssertInBothBodies(message, "Thank you for your help as liaison officer for our independent review of progress at HMP Elmley from Monday 13 February 2023 to Wednesday 15 February 2023.");
        AssertInBothBodies(message, "Please reply to this email with your comments on:");
    }

    [Fact]
    public void FeedbackRequests_LinkToTheForm_ListItsQuestions_AndStillTakeAReply()
    {
        var form = new Uri("https://irpflows.example/feedback/elmley-token");

        var liaison = Render("liaison-feedback", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)) with { FeedbackLink = form });
        var centre = Render("governor-feedback", TestIrps.Context(TestIrps.Irc()) with { FeedbackLink = form });

        // Prison guide 16.1: "a feedback form".
        AssertInBothBodies(liaison, "Please tell us what you think on our short feedback form:");
        Assert.Contains("Please tell us what you think on our short feedback form: https://irpflows.example/feedback/elmley-token", liaison.TextBody);
        AssertInBothBodies(liaison, "The draft report and the factual accuracy check");
        AssertInBothBodies(liaison, "If you prefer, you can reply to this email instead.");
        Assert.DoesNotContain("Please reply to this email with your comments on:", liaison.TextBody);
        // IRC guide 5.3: asked shortly after the visit, before any draft.
        AssertInBothBodies(centre, "Please tell us what you think on our short feedback form:");
        Assert.DoesNotContain("factual accuracy check", centre.TextBody);
    }

    [Fact]
    public void LiaisonFeedback_Irc_SendsNothing_BecauseTheCentreManagerAndHomeOfficeAreAskedInstead()
    {
        Assert.Null(RenderOrNull("liaison-feedback", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison))));
    }

    [Fact]
    public void DebriefDocument_GoesToHmpps_WithTheTeamsDocumentAttachedAsUploaded()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison);

        var message = Render("debrief-document", TestIrps.Context(facts));

        // Prison guide 13.1: "subsequently shared electronically with various staff in HMPPS".
        Assert.Equal([TestIrps.Hmpps.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: debrief document", message.Subject);
        AssertInBothBodies(message, "The team leader gave the formal debrief of our independent review of progress at HMP Elmley to the governor on Wednesday 15 February 2023.");
        // Prison guide 8.1: the team's document, finalised at the deliberation meeting, not one IrpFlows writes.
        AssertInBothBodies(message, "it is attached (HMP Elmley debrief document.docx).");
        Assert.Equal([TestIrps.TeamsDebriefDocument], message.Attachments);
        Assert.DoesNotContain("judged that", message.TextBody);
        AssertInBothBodies(message, "to be published on our website by Wednesday 22 March 2023");
    }

    [Fact]
    public void DebriefDocument_Irc_GoesToTheContractorAndTheHomeOffice()
    {
        var message = Render("debrief-document", TestIrps.Context(TestIrps.Irc()));

        // IRC guide 4.3: "shared with the contractor and Home Office".
        Assert.Equal([TestIrps.Contractor.Email, TestIrps.HomeOffice.Email], Addresses(message.To));
        Assert.Equal([TestIrps.TeamsDebriefDocument], message.Attachments);
    }

    [Fact]
    public void DebriefDocument_OfAPrisonWithoutAnHmppsContact_IsRefused_RatherThanSentToNobody()
    {
        var facts = TestIrps.Elmley() with { Contacts = TestIrps.Elmley().Contacts with { Hmpps = null } };

        Assert.Throws<ArgumentException>(() => Render("debrief-document", TestIrps.Context(facts)));
    }

    [Fact]
    public void DraftReport_GoesToTheGovernor_WithTheLinkAndTheFactCheckDeadline()
    {
        var message = Render("draft-report", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), draftReportLink: DraftLink));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: draft report for factual accuracy check", message.Subject);
        Assert.Contains("<a href=\"https://irpflows.example/draft/elmley\"", message.HtmlBody);
        AssertInBothBodies(message, "by Wednesday 15 March 2023");
        AssertInBothBodies(message, "The final report will be sent to the Secretary of State for Justice and published on our website by Wednesday 22 March 2023.");
    }

    [Fact]
    public void DraftReport_WithAnUploadLink_OffersTheUploadPage_AndReplyingAsTheAlternative()
    {
        var message = Render("draft-report", TestIrps.Context(TestIrps.Elmley(), draftReportLink: DraftLink, factCheckUploadLink: CommentsLink));

        Assert.Contains("You can upload your comments here: https://irpflows.example/fact-check/elmley-token", message.TextBody);
        Assert.Contains("<a href=\"https://irpflows.example/fact-check/elmley-token\"", message.HtmlBody);
        Assert.Contains(">upload fact-check comments</a>", message.HtmlBody);
        AssertInBothBodies(message, "If you prefer, you can send them to me by replying to this email.");
    }

    [Fact]
    public void DraftReport_WithoutAnUploadLink_AsksForTheCommentsByEmail()
    {
        var message = Render("draft-report", TestIrps.Context(TestIrps.Elmley(), draftReportLink: DraftLink));

        AssertInBothBodies(message, "Please send your comments to me by replying to this email.");
        Assert.DoesNotContain("upload", message.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DraftReport_Irc_GoesToTheCentreManagerAndTheHomeOffice_AndNamesTheHomeSecretary()
    {
        var message = Render("draft-report", TestIrps.Context(TestIrps.Irc(), draftReportLink: DraftLink));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email], Addresses(message.To));
        AssertInBothBodies(message, "sent to the Home Secretary and the Minister");
    }

    [Fact]
    public void DraftReport_WithoutALink_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Render("draft-report", TestIrps.Context(TestIrps.Elmley())));
    }

    [Fact]
    public void FactCheckReminder_RemindsTheGovernorOfTheDeadline()
    {
        var message = Render("fact-check-reminder-1", TestIrps.Context(TestIrps.Elmley(), draftReportLink: DraftLink));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        Assert.Equal("Independent review of progress at HMP Elmley: reminder, factual accuracy comments due by Wednesday 15 March 2023", message.Subject);
        Assert.Contains("https://irpflows.example/draft/elmley", message.TextBody);
    }

    [Fact]
    public void FactCheckReminder_WithAnUploadLink_OffersTheUploadPageAgain()
    {
        var message = Render("fact-check-reminder-1", TestIrps.Context(TestIrps.Elmley(), draftReportLink: DraftLink, factCheckUploadLink: CommentsLink));

        Assert.Contains("You can upload your comments here: https://irpflows.example/fact-check/elmley-token", message.TextBody);
        AssertInBothBodies(message, "If you prefer, you can send them to me by replying to this email.");
        AssertInBothBodies(message, "If you have no corrections, please let me know so that we can finalise the report.");
    }

    [Fact]
    public void PublicationAlert_GoesToTheCoordinatorOnly_WithThePublicationDeadline()
    {
        var message = Render("publication-alert", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.To));
        Assert.Empty(message.Cc);
        AssertInBothBodies(message, "must be published by Wednesday 22 March 2023, 25 working days after the visit ended on Wednesday 15 February 2023. No publication has been recorded for it yet.");
    }

    [Fact]
    public void Publication_GoesToTheGovernorAndImbChair_SayingTheReportWentToTheSecretaryOfStateForJustice_WhenItDid()
    {
        var message = Render("publication", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison),
            publishedOn: new DateOnly(2023, 3, 21), publicationUrl: ReportLink, finalReportSent: true));

        Assert.Equal([TestIrps.Governor.Email, TestIrps.ImbChair.Email], Addresses(message.To));
        Assert.Equal("Independent review of progress at HMP Elmley: report published", message.Subject);
        AssertInBothBodies(message, "has been sent to the Secretary of State for Justice and was published on our website on Tuesday 21 March 2023.");
        Assert.Contains($"<a href=\"{ReportLink.AbsoluteUri}\"", message.HtmlBody);
    }

    [Fact]
    public void Publication_Irc_NamesTheHomeSecretaryAndMinister_AndTellsTheHomeOffice()
    {
        var message = Render("publication", TestIrps.Context(TestIrps.Irc(), publicationUrl: ReportLink, finalReportSent: true));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email, TestIrps.ImbChair.Email], Addresses(message.To));
        AssertInBothBodies(message, "has been sent to the Home Secretary and the Minister and was published on our website.");
    }

    [Fact]
    public void Publication_WithoutTheFinalReportSent_DoesNotSayItWentToMinisters()
    {
        var message = Render("publication", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), publishedOn: new DateOnly(2023, 3, 21)));

        AssertInBothBodies(message, "which took place from Monday 13 February 2023 to Wednesday 15 February 2023, was published on our website on Tuesday 21 March 2023.");
        Assert.DoesNotContain("Secretary of State", message.TextBody);
    }

    [Fact]
    public void FinalReport_GoesToTheMinisterialOffice_WithAReadLink_BeforePublication()
    {
        var message = Render("final-report", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        // Prison guide 14.1: "The final report will be sent to the Secretary of State for Justice and published".
        Assert.Equal([TestIrps.MinisterialOffice.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: final report", message.Subject);
        AssertInBothBodies(message, "is ready for the Secretary of State for Justice.");
        Assert.Contains($"<a href=\"{TestIrps.FinalReportLink.AbsoluteUri}\"", message.HtmlBody);
        AssertInBothBodies(message, "We will publish it on our website by Wednesday 22 March 2023, 25 working days after the visit ended. Please treat it as confidential until then.");
    }

    [Fact]
    public void FinalReport_Irc_IsForTheHomeSecretaryAndTheMinister()
    {
        AssertInBothBodies(Render("final-report", TestIrps.Context(TestIrps.Irc())), "is ready for the Home Secretary and the Minister.");
    }

    [Fact]
    public void PublicationLink_ThatIsNotWeb_IsShownAsTextNotALink()
    {
        var message = Render("publication", TestIrps.Context(TestIrps.Elmley(), publicationUrl: new Uri("javascript:alert(1)")));

        Assert.DoesNotContain("href=\"javascript", message.HtmlBody);
        Assert.DoesNotContain("<a ", message.HtmlBody);
    }

    [Fact]
    public void GovernorFeedback_Prison_GoesToTheGovernorAfterPublication()
    {
        var message = Render("governor-feedback", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), publishedOn: new DateOnly(2023, 3, 21)));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        AssertInBothBodies(message, "Now that the report of our independent review of progress at HMP Elmley has been published, we would welcome your feedback");
        AssertInBothBodies(message, "The draft report and the factual accuracy check");
    }

    [Fact]
    public void GovernorFeedback_Irc_GoesToTheCentreManagerAndTheHomeOffice()
    {
        var message = Render("governor-feedback", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email], Addresses(message.To));
        AssertInBothBodies(message, "Home Office Detention Engagement and Compliance teams");
    }

    [Fact]
    public void GovernorFeedback_Irc_GoesToTheDetentionEngagementAndComplianceTeams_WhenTheirContactIsGiven()
    {
        var teams = new IrpFlows.Mail.Contact("Detention Engagement and Compliance", "dec.teams@homeoffice.gov.uk");
        var facts = TestIrps.Irc(TestIrps.Liaison) with { Contacts = TestIrps.Irc().Contacts with { HomeOfficeDetentionEngagement = teams } };

        var message = Render("governor-feedback", TestIrps.Context(facts));

        // IRC guide 5.3: "an email to the Centre Manager and to the Home Office Detention Engagement and Compliance teams".
        Assert.Equal(["centre.manager@harmondsworth.example", "dec.teams@homeoffice.gov.uk"], Addresses(message.To));
    }

    [Fact]
    public void MaterialDestruction_NamesEachDocumentDeleted_ToTheCoordinator_CopyingTheLiaisonOfficer()
    {
        var destroyed = new MaterialDestroyedData(
            [new DestroyedFile("action-plan", "Action plan <final>.pdf", 2_048), new DestroyedFile("evidence", "Evidence.docx", 1_048_576)], 1_050_624);

        var message = Render("material-destruction", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), destroyed: destroyed));

        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Liaison.Email], Addresses(message.Cc));
        AssertInBothBodies(message, $"We deleted all 2 documents ({UploadRules.Describe(1_050_624)}) the establishment uploaded to IrpFlows for this review. None remain:");
        AssertInBothBodies(message, $"Evidence.docx ({UploadRules.Describe(1_048_576)})");
        Assert.Contains("Action plan &lt;final&gt;.pdf", message.HtmlBody);
        // Prison guide Appendix A: the establishment's material, not the inspectorate's record, is destroyed.
        AssertInBothBodies(message, "HM Inspectorate of Prisons keeps its own files of the review (the draft and final reports, the fact-check comments and the debrief document) as its record.");
        AssertInBothBodies(message, "As liaison officer, Priya Patel is asked to make sure that any material the team requested and used that remains at the establishment is destroyed or returned to the correct departments.");
    }

    [Fact]
    public void MaterialDestruction_WhenNothingWasUploaded_SaysSo()
    {
        var message = Render("material-destruction", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), destroyed: new MaterialDestroyedData([], 0)));

        AssertInBothBodies(message, "The establishment uploaded no documents to IrpFlows for this review, so there were none to delete.");
    }

    [Fact]
    public void MaterialDestruction_WithoutTheRecordOfTheDeletion_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Render("material-destruction", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison))));
    }

    [Fact]
    public void Cancellation_GoesToEveryoneWhoHadTheAnnouncement_AndTheLiaisonOfficer_WithTheReason()
    {
        var message = Render("cancellation", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), cancellationReason: "An outbreak of COVID-19 at the prison."));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        Assert.Equal([TestIrps.ImbChair.Email, TestIrps.Liaison.Email, TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: visit 13 to 15 February 2023 cancelled", message.Subject);
        AssertInBothBodies(message, "planned for Monday 13 February 2023 to Wednesday 15 February 2023, has been cancelled.");
        AssertInBothBodies(message, "The reason for the cancellation is: An outbreak of COVID-19 at the prison.");
        AssertInBothBodies(message, "Any documents already provided through IrpFlows will be deleted on Tuesday 4 April 2023");
    }

    [Fact]
    public void Cancellation_Irc_AlsoGoesToTheHomeOffice_AndOmitsAnAbsentReason()
    {
        var message = Render("cancellation", TestIrps.Context(TestIrps.Irc()));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email], Addresses(message.To));
        Assert.DoesNotContain("reason", message.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
