using IrpFlows.Irps.Letters;
using IrpFlows.Mail;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Mail;

// Letters written late state no date as still to come once it has passed.
public sealed partial class IrpMailTemplatesTests
{
    /// <summary>Monday 27 March 2023, 09:00 BST: after Elmley's fact-check (15 March) and publication (22 March) deadlines.</summary>
    private static readonly DateTimeOffset AfterThePublicationDeadline = new(2023, 3, 27, 8, 0, 0, TimeSpan.Zero);

    private static MailMessage RenderOn(DateTimeOffset now, string stepId, IrpMailContext context) =>
        new IrpMailTemplates(new FakeTimeProvider(now)).Render(stepId, context)
        ?? throw new Xunit.Sdk.XunitException($"'{stepId}' rendered no email.");

    [Fact]
    public void DraftReport_WrittenAfterBothDeadlines_AsksForCommentsSoon_AndSaysThePublicationDeadlineHasPassed()
    {
        var message = RenderOn(AfterThePublicationDeadline, "draft-report", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), draftReportLink: DraftLink));

        AssertInBothBodies(message, "Please let us have any corrections of fact, with supporting evidence where possible, as soon as possible.");
        AssertInBothBodies(message, "published on our website as soon as it is ready; the deadline of 25 working days after the visit, Wednesday 22 March 2023, has passed.");
        Assert.DoesNotContain("by Wednesday 15 March 2023", message.TextBody);
        Assert.DoesNotContain("published on our website by", message.TextBody);
    }

    [Fact]
    public void DraftReport_OnThePublicationDeadlineItself_StillGivesIt()
    {
        var message = RenderOn(new DateTimeOffset(2023, 3, 22, 9, 0, 0, TimeSpan.Zero), "draft-report",
            TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison), draftReportLink: DraftLink));

        AssertInBothBodies(message, "published on our website by Wednesday 22 March 2023.");
    }

    [Fact]
    public void FinalReportAndDebriefDocument_WrittenAfterThePublicationDeadline_DoNotPromiseIt()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison);

        var final = RenderOn(AfterThePublicationDeadline, "final-report", TestIrps.Context(facts));
        var debrief = RenderOn(AfterThePublicationDeadline, "debrief-document", TestIrps.Context(facts));

        AssertInBothBodies(final, "We will publish it on our website shortly. Please treat it as confidential until then.");
        AssertInBothBodies(debrief, "to be published on our website as soon as it is ready, will be the final record of its findings.");
        Assert.All(new[] { final, debrief }, m => Assert.DoesNotContain("22 March 2023", m.TextBody));
    }

    [Fact]
    public void VisitMoved_ToDaysWhoseDocumentsDeadlineHasPassed_AsksForWhatIsMissingAsSoonAsPossible()
    {
        // Written Tuesday 28 February 2023, moving the visit to Monday 6 March: documents were due Monday 27 February.
        var moved = TestIrps.Elmley(TestIrps.Liaison) with { VisitStart = new DateOnly(2023, 3, 6) };
        var context = TestIrps.Context(moved, visitReschedules: 1) with
        {
            VisitMoves = [new(1, new(2023, 2, 13), new(2023, 2, 15), new(2023, 3, 6), new(2023, 3, 8), new(2023, 2, 27))],
        };

        var message = RenderOn(new DateTimeOffset(2023, 2, 28, 9, 0, 0, TimeSpan.Zero), "visit-moved-1", context);

        AssertInBothBodies(message, "The documents we ask for were therefore due by Monday 27 February 2023, five working days before the visit starts: please provide any still missing as soon as possible.");
        Assert.DoesNotContain("are now due by", message.TextBody);
    }
}
