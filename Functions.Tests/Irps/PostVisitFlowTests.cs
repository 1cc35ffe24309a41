using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Irps.PostVisitIrps;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// One IRP at a time, from announcement to Completed, on the development clock: what the coordinator sees on the timeline
/// and who gets which email after the visit.
/// </summary>
public sealed class PostVisitFlowTests : IAsyncLifetime
{
    private IrpFlowsHost _host = null!;

    public async Task InitializeAsync() => _host = await IrpFlowsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PrisonIrp_RunsToCompleted_WithDraftLink_FactCheckReminder_PublicationAlert_AndPublicationNotice()
    {
        var id = await _host.CreateIrpAsync(Elmley());

        // Visit Mon 15 – Wed 17 Feb 2027; nothing can be published before it is over.
        Assert.Equal(HttpStatusCode.Conflict, (await _host.RaiseAsync(id, "Published", new { date = "2026-11-23", url = "https://example.org/r" })).StatusCode);
        await _host.MoveClockAsync(AfterDebrief);
        Assert.Equal("done", await _host.StepStatusAsync(id, "debrief"));
        await _host.MoveClockAsync("2027-02-19T10:00:00Z");
        var feedback = (await _host.EmailsAsync(id))["liaison-feedback"];
        Assert.Equal([LiaisonEmail], Addresses(feedback, "to"));

        // Draft uploaded twice (the second replaces the first), then issued on Monday 1 March.
        await _host.MoveClockAsync("2027-03-01T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await _host.PutFileAsync(id, "draft-report", "Elmley draft.pdf", Pdf("first draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PutFileAsync(id, "draft-report", "Elmley draft v2.pdf", Pdf("second draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.RaiseAsync(id, "DraftIssued")).StatusCode);
        await _host.MoveClockAsync("2027-03-01T10:01:00Z");

        var draftEmail = (await _host.EmailsAsync(id))["draft-report"];
        Assert.Equal([GovernorEmail], Addresses(draftEmail, "to"));
        var draftText = PlainText(await _host.RawEmailAsync(draftEmail));
        Assert.Contains("by Monday 15 March 2027", draftText); // fact check: ten working days
        var link = Link(draftText, "/reports/draft/");
        // Read-only, until the end of the tenth day after the fact-check deadline (Thu 25 Mar 2027, GMT).
        Assert.Contains("sp=r&", link.Query);
        Assert.Contains("se=2027-03-26T00%3A00%3A00Z", link.Query);
        using (var anonymous = new HttpClient())
        {
            Assert.Equal(Pdf("second draft"), await anonymous.GetByteArrayAsync(link));
        }

        // No comments by Wednesday 10 March (three working days before the deadline): a reminder, with the same link.
        await _host.MoveClockAsync("2027-03-10T10:00:00Z");
        var reminder = (await _host.EmailsAsync(id))["fact-check-reminder-1"];
        Assert.Equal([GovernorEmail], Addresses(reminder, "to"));
        Assert.Equal(link, Link(PlainText(await _host.RawEmailAsync(reminder)), "/reports/draft/"));

        await _host.MoveClockAsync("2027-03-11T10:00:00Z");
        var comments = await _host.PutFileAsync(id, "fact-check-comments", "comments.docx", Pdf("comments"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.Equal(HttpStatusCode.OK, comments.StatusCode);
        var irp = await _host.GetIrpAsync(id);
        Assert.Equal("Finalising report", irp.GetProperty("customStatus").GetString());
        Assert.Equal("comments.docx", irp.GetProperty("factCheckComments")[0].GetProperty("fileName").GetString());
        Assert.Equal("Elmley-draft-v2.pdf", irp.GetProperty("draftReport").GetProperty("fileName").GetString());

        // Not published five working days before the deadline (Wed 24 Mar): the coordinator is alerted.
        await _host.MoveClockAsync("2027-03-17T10:00:00Z");
        var alert = (await _host.EmailsAsync(id))["publication-alert"];
        Assert.Equal([CoordinatorEmail], Addresses(alert, "to"));

        await _host.MoveClockAsync("2027-03-18T10:00:00Z");
        var url = "https://hmiprisons.justiceinspectorates.gov.uk/reports/elmley-irp-2027";
        Assert.Equal(HttpStatusCode.Accepted, (await _host.RaiseAsync(id, "Published", new { date = "2027-03-18", url })).StatusCode);
        await _host.MoveClockAsync("2027-03-18T10:01:00Z");
        var publication = (await _host.EmailsAsync(id))["publication"];
        Assert.Equal([GovernorEmail, ImbChairEmail], Addresses(publication, "to"));
        var publicationText = PlainText(await _host.RawEmailAsync(publication));
        Assert.Contains("Secretary of State for Justice", publicationText);
        Assert.Contains(url, publicationText);

        // Feedback five working days after publication; material ten (past Easter 2027).
        await _host.MoveClockAsync("2027-04-06T10:00:00Z");
        irp = await _host.GetIrpAsync(id);
        Assert.Equal("Completed", irp.GetProperty("runtimeStatus").GetString());
        var emails = await _host.EmailsAsync(id);
        Assert.Equal([GovernorEmail], Addresses(emails["governor-feedback"], "to"));
        Assert.Contains("material-destruction", emails.Keys);
        Assert.All(irp.GetProperty("timeline").EnumerateArray(), step => Assert.Equal("done", step.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task CommentsReturnedAndReportPublishedEarly_SkipTheFactCheckReminderAndThePublicationAlert()
    {
        var id = await _host.CreateIrpAsync(Elmley());
        await _host.MoveClockAsync("2027-03-01T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await _host.PutFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.RaiseAsync(id, "DraftIssued")).StatusCode);

        await _host.MoveClockAsync("2027-03-03T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await _host.PutFileAsync(id, "fact-check-comments", "comments.pdf", Pdf("comments"))).StatusCode);
        await _host.MoveClockAsync("2027-03-12T10:00:00Z");
        Assert.Equal("skipped", await _host.StepStatusAsync(id, "fact-check-reminder-1"));

        Assert.Equal(HttpStatusCode.Accepted,
            (await _host.RaiseAsync(id, "Published", new { date = "2027-03-12", url = "https://example.org/elmley" })).StatusCode);
        await _host.MoveClockAsync("2027-03-18T10:00:00Z");
        Assert.Equal("skipped", await _host.StepStatusAsync(id, "publication-alert"));

        await _host.MoveClockAsync("2027-04-10T10:00:00Z");
        var irp = await _host.GetIrpAsync(id);
        Assert.Equal("Completed", irp.GetProperty("runtimeStatus").GetString());
        var emails = await _host.EmailsAsync(id);
        Assert.DoesNotContain("fact-check-reminder-1", emails.Keys);
        Assert.DoesNotContain("publication-alert", emails.Keys);
        Assert.Contains("publication", emails.Keys);
        Assert.Equal(new DateOnly(2027, 3, 12).ToString("yyyy-MM-dd"), irp.GetProperty("publishedOn").GetString());
    }

    [Fact]
    public async Task Irc_DraftGoesToCentreManagerAndHomeOffice_AndPublicationNamesTheHomeSecretaryAndMinister()
    {
        var id = await _host.CreateIrpAsync(Irc());
        await _host.MoveClockAsync("2027-03-01T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await _host.PutFileAsync(id, "draft-report", "draft.pdf", Pdf("irc draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.RaiseAsync(id, "DraftIssued")).StatusCode);
        await _host.MoveClockAsync("2027-03-01T10:01:00Z");
        Assert.Equal([HomeOfficeEmail, GovernorEmail], Addresses((await _host.EmailsAsync(id))["draft-report"], "to"));

        Assert.Equal(HttpStatusCode.Accepted,
            (await _host.RaiseAsync(id, "Published", new { date = "2027-03-01", url = "https://example.org/irc" })).StatusCode);
        await _host.MoveClockAsync("2027-03-01T10:02:00Z");
        var publication = (await _host.EmailsAsync(id))["publication"];
        Assert.Equal([HomeOfficeEmail, GovernorEmail, ImbChairEmail], Addresses(publication, "to"));
        Assert.Contains("the Home Secretary and the Minister", PlainText(await _host.RawEmailAsync(publication)));
    }

    [Fact]
    public async Task Published_IsRefusedBeforeTheDebrief_AndItsDateMayNotPrecedeTheVisitsLastDay()
    {
        var id = await _host.CreateIrpAsync(Elmley());
        await _host.MoveClockAsync("2027-02-17T12:00:00Z"); // last day of the visit, before the debrief
        var early = await _host.RaiseAsync(id, "Published", new { date = "2027-02-17", url = "https://example.org/r" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("debrief", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await _host.MoveClockAsync("2027-02-19T10:00:00Z");
        var backdated = await _host.RaiseAsync(id, "Published", new { date = "2027-02-16", url = "https://example.org/r" });
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        var errors = (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("2027-02-17", errors.GetProperty("date")[0].GetString());
        Assert.Equal("pending", await _host.StepStatusAsync(id, "publication"));
    }
}
