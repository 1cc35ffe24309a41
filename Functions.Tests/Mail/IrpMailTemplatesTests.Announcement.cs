using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

public sealed partial class IrpMailTemplatesTests
{
    [Fact]
    public void Announcement_Prison_IsFromTheChiefInspectorToTheGovernor_CopiedToTheImbChairWithAnInvitationToMeetTheTeam()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley()));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        Assert.Equal([TestIrps.ImbChair.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: visit 13 to 15 February 2023", message.Subject);
        Assert.StartsWith("Dear David Brown,", message.TextBody);
        AssertInBothBodies(message, "I am copying this letter to Margaret Hill, Chair of the Independent Monitoring Board, and I would like to invite the Chair to meet the team, or the team leader, during the visit.");
        Assert.EndsWith("Yours sincerely,\n\nHM Chief Inspector of Prisons\n", message.TextBody);
    }

    [Fact]
    public void Announcement_Prison_ListsAllSevenRecommendationsWithRefAreaAndText()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley()));

        AssertInBothBodies(message, "The review will follow up seven recommendations from our inspection of HMP Elmley, which ended on Friday 4 March 2022.");
        foreach (var recommendation in TestIrps.ElmleyRecommendations)
        {
            Assert.Contains($"- {recommendation.Ref} {recommendation.Area}: {recommendation.Text}\n", message.TextBody);
            Assert.Contains($"<strong>{recommendation.Ref} {System.Net.WebUtility.HtmlEncode(recommendation.Area)}:</strong> {System.Net.WebUtility.HtmlEncode(recommendation.Text)}</li>", message.HtmlBody);
        }
    }

    [Fact]
    public void Announcement_SaysWhichRecommendationsHmppsRejectedOrOnlyPartlyAccepted()
    {
        var recommendations = TestIrps.ElmleyRecommendations;
        var facts = TestIrps.Elmley() with
        {
            Recommendations = [recommendations[0] with { HmppsResponse = HmppsResponse.Rejected }, recommendations[1] with { HmppsResponse = HmppsResponse.PartlyAccepted }, .. recommendations.Skip(2)],
        };

        var message = Render("announcement", TestIrps.Context(facts));

        // Prison guide 6.1: the list "may include recommendations that were rejected or only partly accepted by HMPPS".
        Assert.Contains($"- {recommendations[0].Ref} {recommendations[0].Area}: {recommendations[0].Text} (Rejected by HMPPS.)\n", message.TextBody);
        Assert.Contains($"- {recommendations[1].Ref} {recommendations[1].Area}: {recommendations[1].Text} (Only partly accepted by HMPPS.)\n", message.TextBody);
        Assert.Contains($"- {recommendations[2].Ref} {recommendations[2].Area}: {recommendations[2].Text}\n", message.TextBody);
    }

    [Fact]
    public void Announcement_ListsARecommendationInParts_WithItsPartsUnderIt_AndCountsItOnce()
    {
        var facts = TestIrps.Elmley() with { Recommendations = [TestIrps.ElmleyRecommendations[0], Judgements.PublishedReports.HullUseOfForce] };

        var message = Render("announcement", TestIrps.Context(facts));

        AssertInBothBodies(message, "The review will follow up two recommendations from our inspection");
        Assert.Contains("- 1.34 Safety:\n"
            + "  - 1.34a The number of times force is used should be reduced. When used it should be proportionate and undertaken safely.\n"
            + "  - 1.34b Outcomes for prisoners in the segregation unit should be improved", message.TextBody);
        Assert.Contains("<strong>1.34 Safety:</strong>\n<ul", message.HtmlBody);
        Assert.Contains("<strong>1.34a</strong> The number of times force is used", message.HtmlBody);
    }

    [Fact]
    public void Announcement_StatesTheVisitDatesAndTheDocumentsDeadline()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley()));

        AssertInBothBodies(message, "at HMP Elmley from Monday 13 February 2023 to Wednesday 15 February 2023.");
        AssertInBothBodies(message, "All these documents should reach us no later than Monday 6 February 2023, five working days before the visit starts. "
            + "We will send you and your liaison officer a secure link for uploading them, with the pro forma and the data request.");
    }

    [Fact]
    public void Announcement_Prison_ListsOfstedThemes_AndOfstedAsAPartner()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley()));

        foreach (var theme in TestIrps.ElmleyThemes)
        {
            Assert.Contains($"- {theme.Ref} {theme.Text}\n", message.TextBody);
        }
        AssertInBothBodies(message, "Ofsted will carry out a prison monitoring visit at the same time");
        AssertInBothBodies(message, "Ofsted, which will carry out a prison monitoring visit at the same time to follow up the themes listed above");
        Assert.DoesNotContain("Care Quality Commission", message.TextBody);
        Assert.DoesNotContain("Estyn", message.TextBody);
    }

    [Fact]
    public void Announcement_InvitesCqc_AsTheGuideDoes_WhenItIssuedNotices_WithoutPromisingItWillCome()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley(cqc: true)));

        Assert.Contains("We have invited the following to take part in the review:\n\n"
            + "- the Care Quality Commission (CQC), as it issued notices following the inspection. CQC takes part whenever it can, but may instead arrange a separate follow-up visit\n"
            + "- Ofsted, which will carry out a prison monitoring visit at the same time to follow up the themes listed above\n", message.TextBody);
        Assert.DoesNotContain("Estyn", message.TextBody);
    }

    [Fact]
    public void Announcement_WelshPrisonWithEducationConcerns_HasEstynThemes_AndNeverSaysOfsted()
    {
        var facts = TestIrps.Elmley(nation: Nation.Wales) with { EducationConcerns = true };

        var message = Render("announcement", TestIrps.Context(facts));

        Assert.Contains("Estyn themes\n", message.TextBody);
        AssertInBothBodies(message, "Estyn will follow up the themes below at the same time.");
        AssertInBothBodies(message, "Estyn, as the inspection raised key concerns about education, skills and work. Estyn will follow up the themes listed above");
        foreach (var theme in TestIrps.ElmleyThemes)
        {
            Assert.Contains($"- {theme.Ref} {theme.Text}\n", message.TextBody);
        }
        Assert.DoesNotContain("Ofsted", message.TextBody);
        Assert.DoesNotContain("Ofsted", message.HtmlBody);
    }

    [Fact]
    public void Announcement_WelshPrisonWithoutEducationConcerns_NamesNeitherEstynNorOfsted()
    {
        var facts = TestIrps.Elmley(nation: Nation.Wales) with { OfstedThemes = [], EducationConcerns = false };

        var message = Render("announcement", TestIrps.Context(facts));

        Assert.DoesNotContain("Estyn", message.TextBody);
        Assert.DoesNotContain("Ofsted", message.TextBody);
        Assert.DoesNotContain("Partner inspectorates", message.TextBody);
    }

    [Fact]
    public void Announcement_OfstedInvitedOnTheEducationJudgementAlone_IsToldAsAnIntentionNotACertainty()
    {
        var facts = TestIrps.Elmley() with { OfstedThemes = [], EducationJudgement = EducationJudgement.RequiresImprovement };

        var message = Render("announcement", TestIrps.Context(facts));

        AssertInBothBodies(message, "Ofsted, as education, skills and work was judged to require improvement at the inspection. Ofsted intends to carry out a prison monitoring visit at the same time, but may instead visit separately");
        Assert.DoesNotContain("Ofsted themes", message.TextBody);
    }

    [Fact]
    public void Announcement_Irc_SaysTheIndependentChiefInspectorOfBordersAndImmigrationMayAccompanyTheVisit_WhenInvited()
    {
        var invited = Render("announcement", TestIrps.Context(TestIrps.Irc() with { IcibiInvited = true }));
        var not = Render("announcement", TestIrps.Context(TestIrps.Irc()));

        AssertInBothBodies(invited, "the Independent Chief Inspector of Borders and Immigration, who may accompany the visit");
        Assert.DoesNotContain("Borders and Immigration", not.TextBody);
    }

    [Fact]
    public void Announcement_WithoutOfstedThemesOrPartners_HasNoPartnerSection()
    {
        var facts = TestIrps.Elmley() with { OfstedThemes = [] };

        var message = Render("announcement", TestIrps.Context(facts));

        Assert.DoesNotContain("Ofsted", message.TextBody);
        Assert.DoesNotContain("Partner inspectorates", message.TextBody);
    }

    [Fact]
    public void Announcement_Prison_AsksForALiaisonOfficer_AndEverythingInParagraph7_3()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Elmley()));

        AssertInBothBodies(message, "Please appoint a liaison officer");
        AssertInBothBodies(message, "Appendix A of our guide to independent reviews of progress for prison staff");
        AssertInBothBodies(message, "complete a pro forma identifying the manager responsible for each recommendation we are following up");
        AssertInBothBodies(message, "provide an updated action plan for these recommendations");
        AssertInBothBodies(message, "prepare a presentation of no more than one hour");
        AssertInBothBodies(message, "complete a bespoke data request");
        AssertInBothBodies(message, "provide the prisoner population report ('Adult HMP Establishments Population Breakdown', summary tab only)");
        AssertInBothBodies(message, "operational support and assurance group (OSAG) reports");
        AssertInBothBodies(message, "please contact Sarah Jones, the coordinating inspector, at sarah.jones@hmiprisons.gov.uk.");
    }

    [Fact]
    public void Announcement_Irc_GoesToTheCentreManagerAndTheHomeOffice_CopiedToTheImbChair_AboutConcerns()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Irc(), instanceId: "irp-harmondsworth-2025"));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email], Addresses(message.To));
        Assert.Equal([TestIrps.ImbChair.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at Harmondsworth IRC: visit 19 to 21 May 2025", message.Subject);
        Assert.StartsWith("Dear Alan Reed and Tom Clarke,", message.TextBody);
        AssertInBothBodies(message, "The review will follow up two concerns from our inspection");
        Assert.Contains("Concerns we will follow up", message.TextBody);
        Assert.Contains("- C1 Safety: Detainees at risk of self-harm were not always identified promptly.\n", message.TextBody);
        Assert.Contains("- C2 Too many detainees were held for long periods.\n", message.TextBody);
        Assert.DoesNotContain("recommendation", message.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Announcement_Irc_AsksForAThirtyMinutePresentationAndInternalAuditReports_WithinTwoWeeks()
    {
        var message = Render("announcement", TestIrps.Context(TestIrps.Irc()));

        AssertInBothBodies(message, "prepare a 30-minute presentation");
        AssertInBothBodies(message, "provide copies of any relevant internal audit reports");
        AssertInBothBodies(message, "We will send the request for these documents within two weeks of this letter.");
        AssertInBothBodies(message, "Appendix I of our guide to independent reviews of progress for immigration detention staff");
        AssertInBothBodies(message, "the Care Quality Commission (CQC), as it issued notices following the inspection");
        Assert.DoesNotContain("OSAG", message.TextBody);
        Assert.DoesNotContain("one hour", message.TextBody);
        Assert.DoesNotContain("prisoner population report", message.TextBody);
    }

    [Fact]
    public void Announcement_HtmlEncodesEveryUserSuppliedValue()
    {
        var facts = TestIrps.Elmley() with
        {
            Establishment = new Establishment("HMP <b>Elmley</b>", EstablishmentType.Adult, Nation.England),
            Recommendations = [new("1.42", "Safety & <i>care</i>", "<script>alert(1)</script>")],
            Contacts = TestIrps.Elmley().Contacts with { Governor = new Contact("D \"Dave\" O'Brien", "governor.elmley@justice.gov.uk") },
        };

        var message = Render("announcement", TestIrps.Context(facts));

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<b>Elmley", message.HtmlBody);
        Assert.DoesNotContain("<i>care", message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody);
        Assert.Contains("<strong>1.42 Safety &amp; &lt;i&gt;care&lt;/i&gt;:</strong>", message.HtmlBody);
        Assert.Contains("Dear D &quot;Dave&quot; O&#39;Brien,", message.HtmlBody);
        Assert.Contains("<title>Independent review of progress at HMP &lt;b&gt;Elmley&lt;/b&gt;: visit", message.HtmlBody);
        Assert.Contains("- 1.42 Safety & <i>care</i>: <script>alert(1)</script>\n", message.TextBody);
    }
}
