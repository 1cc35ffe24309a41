using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Documents;

/// <summary>HMP Elmley's IRP on the day its documents were requested, with uploads limited to 64 bytes.</summary>
public sealed class UploadCompletionFixture : IAsyncLifetime
{
    public const long MaxFileSizeBytes = 64;

    internal IrpFlowsApp App { get; private set; } = null!;
    public string IrpId { get; private set; } = null!;
    public string Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning,
            settings: new Dictionary<string, string> { ["Documents:MaxFileSizeBytes"] = MaxFileSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        IrpId = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023());
        await App.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        Token = Emails.UploadToken(Emails.UploadLink(await App.RawEmailAsync(IrpId, "documents-request")));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Completing an upload checks the file as stored, not as declared: a client can begin with an honest description and PUT
/// something else, since a SAS cannot limit what is PUT.
/// </summary>
public sealed class UploadCompletionTests(UploadCompletionFixture fixture) : IClassFixture<UploadCompletionFixture>
{
    private IrpFlowsApp App => fixture.App;

    /// <summary>Begins an upload honestly (a small PDF), then PUTs <paramref name="bytes"/> as <paramref name="contentType"/>.</summary>
    private async Task<string> BeginThenPutAsync(string key, byte[] bytes, string contentType)
    {
        using var begin = await App.BeginUploadAsync(fixture.Token, key, new { fileName = "plan.pdf", size = 10, contentType = "application/pdf" });
        Assert.True(begin.StatusCode == HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, grant["uploadUrl"]!.GetValue<string>()) { Content = new ByteArrayContent(bytes) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(put)).StatusCode);
        return grant["blobName"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CompleteAsync(string key, string blobName)
    {
        using var response = await App.Anonymous.PostAsJsonAsync($"/api/uploads/{fixture.Token}/{key}/complete", new { blobName });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<bool> StoredAsync(string blobName) =>
        (await App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId)).GetBlobClient(blobName).ExistsAsync()).Value;

    private async Task AssertRefusedAndDeletedAsync(string key, string blobName, string field, string says)
    {
        var (status, problem) = await CompleteAsync(key, blobName);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(says, StringComparison.Ordinal) && m.EndsWith("It has been deleted.", StringComparison.Ordinal));
        Assert.False(await StoredAsync(blobName));
        Assert.Equal("missing", (await App.DocumentAsync(fixture.IrpId, key))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnHtmlPageStoredAsHtml_UnderAPdfName_IsDeletedAndRefused_NamingContentType()
    {
        var blobName = await BeginThenPutAsync(DocumentChecklist.ActionPlan, TestFiles.Utf8("<script>alert(1)</script>"), "text/html");

        await AssertRefusedAndDeletedAsync(DocumentChecklist.ActionPlan, blobName, "contentType", "'text/html'");
    }

    [Fact]
    public async Task AnHtmlPageStoredAsAPdf_IsDeletedAndRefused_NamingContent()
    {
        var blobName = await BeginThenPutAsync(DocumentChecklist.Presentation, TestFiles.Utf8("<html>not a pdf</html>"), "application/pdf");

        await AssertRefusedAndDeletedAsync(DocumentChecklist.Presentation, blobName, "content", "not a PDF");
    }

    [Fact]
    public async Task AFileLargerThanDeclaredAndThanTheLimit_IsDeletedAndRefused_NamingSize()
    {
        var blobName = await BeginThenPutAsync(DocumentChecklist.Evidence, TestFiles.Utf8("%PDF-" + new string('x', 100)), "application/pdf");

        await AssertRefusedAndDeletedAsync(DocumentChecklist.Evidence, blobName, "size", "over the limit of 64 bytes");
    }

    [Fact]
    public async Task ARealPdf_IsRecorded()
    {
        var blobName = await BeginThenPutAsync(DocumentChecklist.ManagerProForma, TestFiles.Utf8("%PDF-1.7 pro forma"), "application/pdf");

        var (status, item) = await CompleteAsync(DocumentChecklist.ManagerProForma, blobName);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("received", item.GetProperty("status").GetString());
        Assert.True(await StoredAsync(blobName));
    }

    [Fact]
    public async Task ARecordedFile_CannotBeOverwritten_ThroughItsUploadUrl_AndStaysAsRecorded()
    {
        var original = TestFiles.Utf8("%PDF-1.7 recorded");
        using var begin = await App.BeginUploadAsync(fixture.Token, DocumentChecklist.PopulationReport, new { fileName = "population.pdf", size = original.Length, contentType = "application/pdf" });
        Assert.True(begin.StatusCode == HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        var url = new Uri(grant["uploadUrl"]!.GetValue<string>());
        var blobName = grant["blobName"]!.GetValue<string>();
        await IrpFlowsApp.PutBlobAsync(url, original);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(DocumentChecklist.PopulationReport, blobName)).Status);

        using var http = new HttpClient();
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(TestFiles.Utf8("%PDF-" + new string('x', 60))) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        overwrite.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var refused = await http.SendAsync(overwrite);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stored = await App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId)).GetBlobClient(blobName).DownloadContentAsync();
        Assert.Equal(original, stored.Value.Content.ToArray());
        var file = Assert.Single((await App.DocumentAsync(fixture.IrpId, DocumentChecklist.PopulationReport))["files"]!.AsArray())!;
        Assert.Equal(original.Length, file["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reconciliation_DeletesAnUncompletedFileThatBreaksTheRules_AndRecordsNothing()
    {
        var blobName = await BeginThenPutAsync(DocumentChecklist.OsagReports, TestFiles.Utf8("<svg onload=alert(1)>"), "image/svg+xml");

        await App.ReconcileUploadsAsync();

        Assert.False(await StoredAsync(blobName));
        Assert.Equal("missing", (await App.DocumentAsync(fixture.IrpId, DocumentChecklist.OsagReports))["status"]!.GetValue<string>());
    }
}
