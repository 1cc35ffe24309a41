using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Http;

/// <summary>
/// <c>PUT /api/irps/{id}/draft-report</c>, <c>/fact-check-comments</c> and <c>/final-report</c>: what is accepted, what replaces what, and every
/// refusal. The size limit is set to 1 KiB here (setting Reports:MaxFileSizeBytes).
/// </summary>
public sealed class ReportUploadEndpointsTests : IAsyncLifetime
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private IrpFlowsApp _app = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _app = await IrpFlowsApp.StartAsync(settings: new Dictionary<string, string> { ["Reports:MaxFileSizeBytes"] = "1024" });
        _id = await _app.CreateIrpAsync(Elmley());
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FinalReport_WithoutAMinisterialOfficeContact_IsKept_AndWaitsForTheOfficeToBeNamed()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);

        var response = await _app.PutReportFileAsync(_id, "final-report", "final.pdf", Pdf("final"));
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 2, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var irp = await _app.GetIrpAsync(_id);
        Assert.Equal("final.pdf", irp["finalReport"]!["fileName"]!.GetValue<string>());
        Assert.Equal("MinisterialOfficeNamed", IrpFlowsApp.Step(irp, "final-report")["waitingFor"]!.GetValue<string>());
        Assert.DoesNotContain("final-report", await _app.OutboxStepsAsync(_id));
    }

    [Fact]
    public async Task DraftIssued_WithoutADraftUploaded_Is409_AndTheDraftEmailWaits()
    {
        var response = await _app.RaiseAsync(_id, "DraftIssued");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Upload the draft report first", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 5, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("pending", await _app.StepStatusAsync(_id, "draft-report"));
        Assert.DoesNotContain("draft-report", await _app.OutboxStepsAsync(_id));
    }

    [Fact]
    public async Task Draft_IsReplacedByANewUpload_UntilIssued_Then409()
    {
        var first = await _app.PutReportFileAsync(_id, "draft-report", "../secret/Elmley draft (v1).docx", WordDocument("v1"), Docx);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var recorded = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Elmley-draft-v1.docx", recorded.GetProperty("fileName").GetString());
        Assert.Equal(WordDocument("v1").Length, recorded.GetProperty("size").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "Elmley draft (v1).docx", WordDocument("v2"), Docx)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);
        var late = await _app.PutReportFileAsync(_id, "draft-report", "v3.pdf", Pdf("v3"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("issued for fact check on 2027-03-01", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var draft = (await _app.GetIrpAsync(_id))["draftReport"]!;
        Assert.Equal(WordDocument("v2").Length, draft["size"]!.GetValue<long>());
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 1, 0, TimeSpan.Zero));
        using var sent = await _app.GetThroughStorageAsync(DraftLink(PlainText(await _app.RawEmailAsync(_id, "draft-report"))));
        Assert.Equal(WordDocument("v2"), await sent.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("draft.pdf", "text/plain", "contentType")]
    [InlineData("draft.docx", "application/pdf", "fileName")]
    [InlineData("", "application/pdf", "fileName")]
    [InlineData(".pdf", "application/pdf", "fileName")]
    public async Task FileOfTheWrongKindOrName_Is400NamingTheField(string fileName, string contentType, string field)
    {
        var response = await _app.PutReportFileAsync(_id, "draft-report", fileName, Pdf("draft"), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        JsonAssert.NullProperty(await _app.GetIrpAsync(_id), "draftReport");
    }

    [Theory]
    [InlineData(0, "is empty")]
    [InlineData(1025, "files may be at most 1,024 bytes")]
    public async Task EmptyOrOversizedFile_Is400NamingTheBody(int size, string message)
    {
        var response = await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", new byte[size]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task FactCheckComments_BeforeTheDraftIsIssued_Are409()
    {
        var response = await _app.PutReportFileAsync(_id, "fact-check-comments", "comments.pdf", Pdf("comments"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await _app.GetIrpAsync(_id))["factCheckComments"]!.AsArray());
    }

    [Fact]
    public async Task FactCheckComments_MarkTheCheckReturned_AndKeepEveryFile()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 4, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "fact-check-comments", "comments.pdf", Pdf("first"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "fact-check-comments", "comments.pdf", Pdf("more"))).StatusCode);

        var irp = await _app.GetIrpAsync(_id);
        Assert.Equal(2, irp["factCheckComments"]!.AsArray().Count);
        Assert.Equal("Finalising report", irp["customStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownIrp_Is404_AndNoKey_Is401()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.PutReportFileAsync("no-such-irp", "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        var body = new ByteArrayContent(Pdf("draft"));
        body.Headers.ContentType = new("application/pdf");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.PutAsync($"/api/irps/{_id}/draft-report?fileName=draft.pdf", body)).StatusCode);
    }

    [Fact]
    public async Task Uploads_OnATerminatedIrp_Are409()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.TerminateAsync(_id)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await _app.PutReportFileAsync(_id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheAfterTheVisitEndpoints()
    {
        var paths = (await _app.Coordinator.GetFromJsonAsync<JsonElement>("/api/openapi.json")).GetProperty("paths");

        Assert.Contains("draft report", paths.GetProperty("/api/irps/{id}/draft-report").GetProperty("put").GetProperty("summary").GetString());
        Assert.True(paths.GetProperty("/api/irps/{id}/fact-check-comments").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/irps/{id}/judgements/{ref}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/irps/{id}/summary").TryGetProperty("get", out _));
    }
}
