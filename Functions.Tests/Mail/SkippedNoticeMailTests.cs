using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

/// <summary>The one notice per catch-up of steps not sent because their moment had passed, shared by every kind of inspection.</summary>
public sealed class SkippedNoticeMailTests
{
    private static readonly EmailAddress Coordinator = new("Cora Ordinator", "cora.ordinator@hmiprisons.example");
    private static readonly Uri Page = new("https://irpflows.example/irps/irp-elmley-2023");

    private static SkippedNoticeContent Elmley(params SkippedStep[] steps) => new(
        "irp-elmley-2023", "skipped-notice-1", Coordinator, "Independent review of progress at HMP Elmley",
        "the independent review of progress at HMP Elmley", steps, Page, "HM Inspectorate of Prisons");

    [Fact]
    public void TellsThePersonWhoRunsTheInspectionAlone_OfEachStepItsDateAndWhy_WithTheInspectionsPage()
    {
        var message = SkippedNoticeMail.Render(Elmley(
            new SkippedStep("Announcement letter", new DateOnly(2022, 11, 28), "the visit began on 13 February 2023 (Prison guide 6.1)"),
            new SkippedStep("Documents due today", new DateOnly(2023, 2, 6), "true only on 6 February 2023 (Prison guide 7.4)")));

        Assert.Equal("irp-elmley-2023/skipped-notice-1", message.MessageKey);
        Assert.Equal([Coordinator], message.To);
        Assert.Empty(message.Cc);
        Assert.Equal("Independent review of progress at HMP Elmley: two steps not sent because their moment had passed", message.Subject);
        AssertInBothBodies(message, "Dear Cora Ordinator,");
        AssertInBothBodies(message, "IrpFlows reached these steps of the independent review of progress at HMP Elmley only after their moment had passed");
        AssertInBothBodies(message, "Announcement letter (planned for Monday 28 November 2022): the visit began on 13 February 2023 (Prison guide 6.1).");
        AssertInBothBodies(message, "Documents due today (planned for Monday 6 February 2023): true only on 6 February 2023 (Prison guide 7.4).");
        Assert.Contains(Page.ToString(), message.TextBody);
        Assert.Contains($"href=\"{Page}\"", message.HtmlBody);
        Assert.EndsWith("HM Inspectorate of Prisons", message.TextBody.TrimEnd());
    }

    [Fact]
    public void OneStep_IsNamedInTheSingular()
    {
        var message = SkippedNoticeMail.Render(Elmley(new SkippedStep("Announcement letter", new DateOnly(2022, 11, 28), "the visit had begun (Prison guide 6.1)")));

        Assert.Equal("Independent review of progress at HMP Elmley: one step not sent because its moment had passed", message.Subject);
        AssertInBothBodies(message, "IrpFlows reached a step of the independent review of progress at HMP Elmley only after its moment had passed, so it was not sent");
    }

    [Fact]
    public void WithNothingSkipped_IsRefused_RatherThanSentEmpty()
    {
        Assert.Throws<ArgumentException>(() => SkippedNoticeMail.Render(Elmley()));
    }

    private static void AssertInBothBodies(MailMessage message, string expected)
    {
        Assert.Contains(expected, message.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(expected), message.HtmlBody);
    }
}
