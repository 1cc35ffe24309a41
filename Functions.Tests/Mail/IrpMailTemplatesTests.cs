using IrpFlows.Irps;
using IrpFlows.Irps.Letters;
using IrpFlows.Mail;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Mail;

public sealed partial class IrpMailTemplatesTests
{
    private static readonly DateTimeOffset Now = new(2023, 1, 30, 9, 0, 0, TimeSpan.Zero);

    private static MailMessage Render(string stepId, IrpMailContext context) =>
        new IrpMailTemplates(new FakeTimeProvider(Now)).Render(stepId, context)
        ?? throw new Xunit.Sdk.XunitException($"'{stepId}' rendered no email.");

    private static MailMessage? RenderOrNull(string stepId, IrpMailContext context) =>
        new IrpMailTemplates(new FakeTimeProvider(Now)).Render(stepId, context);

    private static string[] Addresses(IEnumerable<EmailAddress> addresses) => addresses.Select(a => a.Address).ToArray();

    private static void AssertInBothBodies(MailMessage message, string expected)
    {
        Assert.Contains(expected, message.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(expected), message.HtmlBody);
    }

    [Theory]
    [InlineData("announcement")]
    [InlineData("documents-request")]
    [InlineData("documents-reminder-1")]
    [InlineData("documents-reminder-3")]
    [InlineData("documents-deadline")]
    [InlineData("documents-overdue")]
    [InlineData("visit-arrangements")]
    [InlineData("debrief-document")]
    [InlineData("liaison-feedback")]
    [InlineData("draft-report")]
    [InlineData("fact-check-reminder-1")]
    [InlineData("publication-alert")]
    [InlineData("final-report")]
    [InlineData("publication")]
    [InlineData("governor-feedback")]
    [InlineData("material-destruction")]
    [InlineData("cancellation")]
    public void EveryEmailStep_IsKeyedByInstanceAndStep_WithHtmlAndTextOfTheSameLetter(string stepId)
    {
        var context = TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison),
            draftReportLink: new Uri("https://irpflows.example/draft/1"), destroyed: new MaterialDestroyedData([new DestroyedFile("action-plan", "plan.pdf", 1200)], 1200));

        var message = Render(stepId, context);

        Assert.Equal($"irp-elmley-2023/{stepId}", message.MessageKey);
        Assert.StartsWith("Independent review of progress at HMP Elmley: ", message.Subject);
        Assert.NotEmpty(message.To);
        Assert.StartsWith("<!DOCTYPE html>", message.HtmlBody);
        Assert.Contains("<html lang=\"en-GB\">", message.HtmlBody);
        var firstLine = message.TextBody.Split('\n')[0];
        Assert.StartsWith("Dear ", firstLine);
        AssertInBothBodies(message, firstLine);
        Assert.Contains("HM Inspectorate of Prisons", message.TextBody);
    }

    [Fact]
    public void Debrief_SendsNoEmail_BecauseTheDebriefDocumentIsHandedOverInPerson_AndSharedByItsOwnStep()
    {
        Assert.Null(RenderOrNull("debrief", TestIrps.Context(TestIrps.Elmley())));
    }

    [Theory]
    [InlineData("announce")]
    [InlineData("documents-reminder-")]
    [InlineData("documents-reminder-x")]
    [InlineData("fact-check-reminder-0")]
    public void UnknownStep_IsRejected_RatherThanSilentlySendingNothing(string stepId)
    {
        var templates = new IrpMailTemplates(new FakeTimeProvider(Now));
        Assert.Throws<ArgumentException>(() => templates.Render(stepId, TestIrps.Context(TestIrps.Elmley())));
    }

    [Fact]
    public void MissingStepDate_IsRejected_NamingTheDate()
    {
        var context = TestIrps.Context(TestIrps.Elmley()) with { StepDates = new Dictionary<string, DateOnly>() };

        var error = Assert.Throws<ArgumentException>(() => Render("announcement", context));

        Assert.Contains("visit-end", error.Message);
    }
}
