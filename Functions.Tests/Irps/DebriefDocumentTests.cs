using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Prison guide 8.1: on day 3 the team leader "prepares draft debrief document", which the deliberation meeting finalises;
/// 13.1: it is then "shared electronically with various staff in HMPPS". Visit Monday 15 – Wednesday 17 February 2027.
/// </summary>
public sealed class DebriefDocumentTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheTeamsDocument_IsAcceptedFromTheVisit_ReplacedUntilShared_SharedAsUploaded_ThenFixed()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true).WithReportContacts());
        var beforeTheVisit = await _app.PutReportFileAsync(id, "debrief-document", "debrief.pdf", Pdf("too soon"));
        await _app.MoveClockAsync(VisitFirstMorning);
        var tooBig = await _app.PutReportFileAsync(id, "debrief-document", "debrief.pdf", [.. Pdf("big"), .. new byte[3 * 1024 * 1024]]);
        var first = await _app.PutReportFileAsync(id, "debrief-document", "debrief v1.pdf", Pdf("first"));
        var second = await _app.PutReportFileAsync(id, "debrief-document", "debrief v2.pdf", Pdf("finalised at the deliberation meeting"));
        // The working day after the visit, 09:00 in London.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 18, 9, 1, 0, TimeSpan.Zero));
        var afterItWent = await _app.PutReportFileAsync(id, "debrief-document", "debrief v3.pdf", Pdf("too late"));

        Assert.Equal(HttpStatusCode.Conflict, beforeTheVisit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.True((await tooBig.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var email = await _app.EmailAsync(id, "debrief-document");
        Assert.Equal([HmppsEmail], Emails.Addresses(email, "to"));
        var (fileName, content) = Emails.SingleAttachment(await _app.RawEmailAsync(email));
        Assert.Equal("debrief-v2.pdf", fileName);
        Assert.Equal(Pdf("finalised at the deliberation meeting"), content);
        Assert.Equal(HttpStatusCode.Conflict, afterItWent.StatusCode);
        Assert.Equal("debrief-v2.pdf", (await _app.GetIrpAsync(id))["debriefDocument"]!["fileName"]!.GetValue<string>());
    }
}
