using IrpFlows.Irps.Letters;

namespace IrpFlows.Tests.Mail;

public sealed partial class IrpMailTemplatesTests
{
    private static readonly IReadOnlyList<DocumentRequestItem> AllReceived =
        TestIrps.Documents.Select(d => d with { Received = true }).ToList();

    [Fact]
    public void DocumentsRequest_GoesToTheGovernorAndTheLiaisonOfficer_ListingEveryItemWithTheUploadLinkAndDeadline()
    {
        var message = Render("documents-request", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        // Prison guide 7.3: "HMI Prisons will also ask the governor and liaison officer to" provide the documents.
        Assert.Equal([TestIrps.Governor.Email, TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: documents needed by Monday 6 February 2023", message.Subject);
        Assert.StartsWith("Dear David Brown and Priya Patel,", message.TextBody);
        foreach (var document in TestIrps.Documents)
        {
            AssertInBothBodies(message, document.Title);
        }
        Assert.Contains("<a href=\"https://irpflows.example/upload/abc123\"", message.HtmlBody);
        Assert.Contains("Please upload each document using this secure link: https://irpflows.example/upload/abc123", message.TextBody);
        AssertInBothBodies(message, "no later than Monday 6 February 2023, five working days before the visit starts");
        Assert.DoesNotContain("has not yet been appointed", message.TextBody);
        Assert.Contains("Kind regards,\n\nSarah Jones\nCoordinating inspector\nHM Inspectorate of Prisons\nsarah.jones@hmiprisons.gov.uk\n", message.TextBody);
    }

    [Fact]
    public void DocumentsRequest_SuppliesTheManagerProFormaAndTheDataRequest_OneRowPerItemJudged()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison) with
        {
            Recommendations =
            [
                new("1.42", "Behaviour management", "Investigations should be \"thorough\", and timely.") { Inspector = "Angus Jones" },
                Judgements.PublishedReports.HullUseOfForce,
                new("1.45", null, "=HYPERLINK(\"https://evil.example\")"),
            ],
        };

        var message = Render("documents-request", TestIrps.Context(facts));

        AssertInBothBodies(message, "The manager pro forma and the bespoke data request are attached as spreadsheets, with a row for each recommendation we are following up.");
        var (proForma, dataRequest) = (message.Attachments[0], message.Attachments[1]);
        Assert.Equal(("manager-pro-forma-hmp-elmley.csv", "text/csv; charset=utf-8"), (proForma.FileName, proForma.ContentType));
        Assert.Equal(
            "\uFEFF\"Ref\",\"Area\",\"Recommendation\",\"Responsible manager\",\"Job title\",\"Email address\"\r\n"
            + "\"1.42\",\"Behaviour management\",\"Investigations should be \"\"thorough\"\", and timely.\",\"\",\"\",\"\"\r\n"
            + "\"1.34a\",\"Safety\",\"The number of times force is used should be reduced. When used it should be proportionate and undertaken safely.\",\"\",\"\",\"\"\r\n",
            string.Join("\r\n", proForma.Content.ToString().Split("\r\n").Take(3)) + "\r\n");
        Assert.Contains("\"1.34b\",\"Safety\",\"Outcomes for prisoners in the segregation unit", proForma.Content.ToString());
        Assert.Contains("\"1.45\",\"\",\"'=HYPERLINK(\"\"https://evil.example\"\")\"", proForma.Content.ToString()); // never a formula
        Assert.Equal("data-request-hmp-elmley.csv", dataRequest.FileName);
        Assert.StartsWith("\uFEFF\"Ref\",\"Area\",\"Recommendation\",\"Inspector\",\"Data showing progress since the inspection\"", dataRequest.Content.ToString());
        Assert.Contains("\"1.42\",\"Behaviour management\",\"Investigations should be \"\"thorough\"\", and timely.\",\"Angus Jones\"", dataRequest.Content.ToString());
    }

    [Fact]
    public void DocumentsRequest_Irc_FormsAreAboutConcerns()
    {
        var message = Render("documents-request", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)));

        Assert.StartsWith("\uFEFF\"Ref\",\"Area\",\"Concern\",", message.Attachments[0].Content.ToString());
        AssertInBothBodies(message, "with a row for each concern we are following up");
    }

    [Fact]
    public void DocumentsRequest_WithoutALiaisonOfficer_GoesToTheGovernor_AndSaysWhy()
    {
        var message = Render("documents-request", TestIrps.Context(TestIrps.Elmley(liaison: null)));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        AssertInBothBodies(message, "A liaison officer has not yet been appointed for the review, so I am sending this request to you alone.");
    }

    [Fact]
    public void DocumentsRequest_WithoutAnUploadLink_SaysTheLinkWillFollow()
    {
        var message = Render("documents-request", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), withUploadLink: false));

        AssertInBothBodies(message, "The secure link for uploading the documents will follow in a separate email.");
        Assert.DoesNotContain("<a ", message.HtmlBody);
    }

    [Fact]
    public void DocumentsRequest_Irc_GoesToTheCentreManagerAndLiaisonOfficer_CopyingTheHomeOffice_WhichSuppliesDataToo()
    {
        var message = Render("documents-request", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)));

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email, TestIrps.HomeOffice.Email], Addresses(message.Cc));
    }

    [Theory]
    [InlineData("documents-reminder-1")]
    [InlineData("documents-reminder-2")]
    [InlineData("documents-deadline")]
    public void DocumentsChase_GoesToTheGovernorAndLiaisonOfficer_ListingOnlyTheItemsNotYetReceived(string stepId)
    {
        var message = Render(stepId, TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        Assert.Equal([TestIrps.Governor.Email, TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Contains("- Updated action plan\n- Day 1 presentation\n- OSAG reports\n\n", message.TextBody);
        Assert.DoesNotContain("Manager pro forma", message.TextBody);
        Assert.DoesNotContain("Bespoke data request", message.TextBody);
        AssertInBothBodies(message, "Thank you for the documents we have already received.");
        Assert.Contains("https://irpflows.example/upload/abc123", message.TextBody);
        AssertInBothBodies(message, "Monday 6 February 2023");
    }

    [Fact]
    public void DocumentsReminder_AndDeadline_HaveDistinctSubjects()
    {
        var context = TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison));

        Assert.Equal("Independent review of progress at HMP Elmley: reminder, documents due by Monday 6 February 2023", Render("documents-reminder-1", context).Subject);
        Assert.Equal("Independent review of progress at HMP Elmley: documents due today", Render("documents-deadline", context).Subject);
        AssertInBothBodies(Render("documents-deadline", context), "are due today, Monday 6 February 2023.");
    }

    [Theory]
    [InlineData("documents-reminder-1")]
    [InlineData("documents-deadline")]
    [InlineData("documents-overdue")]
    public void DocumentsChase_SendsNothing_WhenEverythingHasArrived(string stepId)
    {
        Assert.Null(RenderOrNull(stepId, TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), AllReceived)));
    }

    [Fact]
    public void DocumentsOverdue_EscalatesToTheGovernor_CopyingCoordinatorAndLiaisonOfficer_WithWhatIsMissing()
    {
        var message = Render("documents-overdue", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email, TestIrps.Liaison.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: documents overdue", message.Subject);
        Assert.Contains("- Updated action plan\n- Day 1 presentation\n- OSAG reports\n\n", message.TextBody);
        Assert.DoesNotContain("Manager pro forma", message.TextBody);
        AssertInBothBodies(message, "were due by Monday 6 February 2023, five working days before the visit starts on Monday 13 February 2023.");
    }

    [Fact]
    public void DocumentTitles_AreHtmlEncoded()
    {
        IReadOnlyList<DocumentRequestItem> documents = [new("x", "Minutes <img src=x onerror=alert(1)>", Received: false)];

        var message = Render("documents-reminder-1", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), documents));

        Assert.DoesNotContain("<img", message.HtmlBody);
        Assert.Contains("Minutes &lt;img src=x onerror=alert(1)&gt;", message.HtmlBody);
    }

    [Fact]
    public void DocumentsRequest_SendsNothing_WhenNoDocumentsAreRequested()
    {
        Assert.Null(RenderOrNull("documents-request", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), documents: [])));
    }
}
