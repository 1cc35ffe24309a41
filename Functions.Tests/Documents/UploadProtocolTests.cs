using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IrpFlows.Tests.Documents;

/// <summary>
/// HMP Elmley's IRP on the day its documents were requested (Monday 5 December 2022), with the upload link taken from the
/// real documents-request email; plus a second IRP that has been cancelled.
/// </summary>
public sealed class UploadProtocolFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string IrpId { get; private set; } = null!;
    public Uri Link { get; private set; } = null!;
    public string Token => Emails.UploadToken(Link);
    public string CancelledToken { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        IrpId = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Elmley <b>&</b> \"Sheppey\""));
        var cancelled = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Cancelled"));
        await App.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        Link = Emails.UploadLink(await App.RawEmailAsync(IrpId, "documents-request"));
        CancelledToken = Emails.UploadToken(Emails.UploadLink(await App.RawEmailAsync(cancelled, "documents-request")));
        (await App.TerminateAsync(cancelled, "test")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class UploadProtocolTests(UploadProtocolFixture fixture) : IClassFixture<UploadProtocolFixture>
{
    private IrpFlowsApp App => fixture.App;

    [Fact]
    public void DocumentsRequestLink_IsThePublicUploadPage_SignedUntilTenDaysAfterTheEndOfTheDeadlineDay()
    {
        var links = App.Services.GetRequiredService<UploadLinks>();
        // Deadline Monday 6 February 2023 (five working days before the visit); its end is midnight GMT, then ten days' grace.
        Assert.Equal(links.For(fixture.IrpId, new DateOnly(2023, 2, 6)), fixture.Link);
        var (payload, fault) = new UploadTokens(IrpFlowsApp.UploadSigningKey).Verify(fixture.Token, "documents", new DateTimeOffset(2022, 12, 5, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(UploadTokenFault.None, fault);
        Assert.Equal(new DateTimeOffset(2023, 2, 17, 0, 0, 0, TimeSpan.Zero), payload!.ExpiresOn);
        Assert.Equal(fixture.IrpId, payload.IrpId);
    }

    [Fact]
    public async Task CoordinatorSeesTheSameUploadLink_OnceTheDocumentsRequestHasGone()
    {
        var irp = await App.GetIrpAsync(fixture.IrpId);
        Assert.Equal(fixture.Link.ToString(), irp["uploadLink"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDocumentsLink_OpensNeitherTheDraftNorTheFinalReport()
    {
        foreach (var path in new[] { $"/final-report/{fixture.Token}", $"/fact-check/{fixture.Token}", $"/fact-check/{fixture.Token}/draft" })
        {
            using var response = await App.Anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
    }

    [Fact]
    public async Task BadTokens_AreRefused_ForbiddenOrNotFound_AndNeverGetASas()
    {
        var tokens = new UploadTokens(IrpFlowsApp.UploadSigningKey);
        var now = new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero);
        var tampered = fixture.Token[..^2] + (fixture.Token[^2] == 'A' ? "BA" : "AA");
        var expired = tokens.Sign(new UploadTokenPayload(fixture.IrpId, "documents", now.AddDays(-1)));
        var otherKey = new UploadTokens(new string('k', 40)).Sign(new UploadTokenPayload(fixture.IrpId, "documents", now.AddDays(30)));
        var unknownIrp = tokens.Sign(new UploadTokenPayload("0123456789abcdef0123456789abcdef", "documents", now.AddDays(30)));
        // Genuine links of this IRP, but for the governor's fact check and the ministers' final report: not for documents.
        var factCheck = tokens.Sign(new UploadTokenPayload(fixture.IrpId, UploadTokenPayload.FactCheckPurpose, now.AddDays(30)));
        var finalReport = tokens.Sign(new UploadTokenPayload(fixture.IrpId, UploadTokenPayload.FinalReportPurpose, now.AddDays(30)));
        var body = new { fileName = "plan.pdf", size = 10, contentType = "application/pdf" };

        foreach (var (token, status) in new[] { (tampered, 403), (expired, 403), (otherKey, 403), ("not-a-token", 403), (factCheck, 403), (finalReport, 403), (unknownIrp, 404) })
        {
            using var begin = await App.BeginUploadAsync(token, DocumentChecklist.ActionPlan, body);
            var text = await begin.Content.ReadAsStringAsync();
            Assert.Equal(status, (int)begin.StatusCode);
            Assert.Equal("application/problem+json", begin.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("sig=", text, StringComparison.Ordinal);
            using var page = await App.Anonymous.GetAsync($"/upload/{token}");
            Assert.Equal(status, (int)page.StatusCode);
            Assert.Contains(status == 403 ? "not valid or has expired" : "no longer exists", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FilesTooLargeEmptyOrOfADisallowedType_Get400NamingTheField_AndNoSas()
    {
        var cases = new (object Body, string Field)[]
        {
            (new { fileName = "plan.pdf", size = 100L * 1024 * 1024 + 1, contentType = "application/pdf" }, "size"),
            (new { fileName = "plan.pdf", size = 0, contentType = "application/pdf" }, "size"),
            (new { fileName = "setup.exe", size = 10, contentType = "application/octet-stream" }, "fileName"),
            (new { fileName = "plan.pdf", size = 10, contentType = "text/html" }, "contentType"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await App.BeginUploadAsync(fixture.Token, DocumentChecklist.ActionPlan, body);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
            Assert.False(problem.TryGetProperty("uploadUrl", out _));
        }
        using var unknownItem = await App.BeginUploadAsync(fixture.Token, "passport-photos", new { fileName = "a.pdf", size = 1, contentType = "application/pdf" });
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
    }

    [Fact]
    public async Task CancelledIrp_RefusesUploadsWith410Gone()
    {
        using var response = await App.BeginUploadAsync(fixture.CancelledToken, DocumentChecklist.ActionPlan, new { fileName = "a.pdf", size = 1, contentType = "application/pdf" });
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.DoesNotContain("sig=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadSas_CreatesOnlyItsOwnNewBlob_Once_AndCannotReadListOrWriteAnother()
    {
        using var begin = await App.BeginUploadAsync(fixture.Token, DocumentChecklist.DataRequest, new { fileName = "data.csv", size = 5, contentType = "application/vnd.ms-excel" });
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        var url = new Uri(grant["uploadUrl"]!.GetValue<string>());
        var blobName = grant["blobName"]!.GetValue<string>();
        Assert.Matches(@"^documents/data-request/\d{14}-[0-9a-f]{8}-data\.csv$", blobName);
        Assert.Contains("sp=c&", url.Query, StringComparison.Ordinal);
        Assert.Equal("application/vnd.ms-excel", grant["contentType"]!.GetValue<string>());
        Assert.True(grant["expiresOn"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow.AddMinutes(31));

        await IrpFlowsApp.PutBlobAsync(url, TestFiles.Utf8("a,b\n1"), "text/csv");
        using var http = new HttpClient();
        using var again = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(TestFiles.Utf8("overwritten")) };
        again.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var overwrite = await http.SendAsync(again);
        using var read = await http.GetAsync(url);
        var containerUrl = url.GetLeftPart(UriPartial.Path)[..url.GetLeftPart(UriPartial.Path).IndexOf("/documents/", StringComparison.Ordinal)];
        using var list = await http.GetAsync($"{containerUrl}?restype=container&comp=list&{url.Query.TrimStart('?')}");
        using var other = new HttpRequestMessage(HttpMethod.Put, url.GetLeftPart(UriPartial.Path).Replace("data.csv", "other.csv", StringComparison.Ordinal) + url.Query)
        {
            Content = new ByteArrayContent(TestFiles.Utf8("x")),
        };
        other.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var otherPut = await http.SendAsync(other);

        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherPut.StatusCode);
        var stored = await App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId)).GetBlobClient(blobName).DownloadContentAsync();
        Assert.Equal("a,b\n1", stored.Value.Content.ToString());
    }

    [Fact]
    public async Task PathInFileName_IsNeutralised_TheFileLandsInItsItemsFolderUnderItsOwnName()
    {
        var blobName = await App.UploadDocumentAsync(fixture.Token, DocumentChecklist.Evidence, "../../outbox/..\\x.pdf", TestFiles.Utf8("%PDF-evidence"));

        Assert.Matches(@"^documents/evidence/\d{14}-[0-9a-f]{8}-x\.pdf$", blobName);
        var evidence = await App.DocumentAsync(fixture.IrpId, DocumentChecklist.Evidence);
        Assert.Contains(evidence["files"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "x.pdf");
    }

    [Fact]
    public async Task CompletedUpload_ShowsTheItemReceived_ToTheCoordinator_OnceEvenIfCompletedTwice_WithTheSameBytes()
    {
        var bytes = TestFiles.Utf8("%PDF-1.7 Elmley action plan " + Guid.NewGuid());
        var blobName = await App.UploadDocumentAsync(fixture.Token, DocumentChecklist.ActionPlan, "Action plan – Elmley.pdf", bytes);
        using var again = await App.Anonymous.PostAsJsonAsync($"/api/uploads/{fixture.Token}/{DocumentChecklist.ActionPlan}/complete", new { blobName });
        var item = (await again.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("received", item["status"]!.GetValue<string>());
        var status = await App.DocumentAsync(fixture.IrpId, DocumentChecklist.ActionPlan);
        Assert.Equal("received", status["status"]!.GetValue<string>());
        var file = Assert.Single(status["files"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Action plan – Elmley.pdf")!;
        Assert.Equal(bytes.Length, file["size"]!.GetValue<long>());
        var stored = await App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId)).GetBlobClient(blobName).DownloadContentAsync();
        Assert.Equal(bytes, stored.Value.Content.ToArray());
    }

    [Fact]
    public async Task Complete_RefusesABlobOutsideTheItemsFolder_AndOneNeverUploaded()
    {
        var complete = $"/api/uploads/{fixture.Token}/{DocumentChecklist.Presentation}/complete";
        using var outside = await App.Anonymous.PostAsJsonAsync(complete, new { blobName = "documents/presentation/../../outbox/x.eml" });
        using var otherItem = await App.Anonymous.PostAsJsonAsync(complete, new { blobName = "documents/evidence/20221205100000-00000000-x.pdf" });
        using var never = await App.Anonymous.PostAsJsonAsync(complete, new { blobName = "documents/presentation/20221205100000-00000000-slides.pptx" });

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherItem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
        Assert.Equal("missing", (await App.DocumentAsync(fixture.IrpId, DocumentChecklist.Presentation))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconciliation_RecordsAFileThatWasPutButNeverCompleted()
    {
        using var begin = await App.BeginUploadAsync(fixture.Token, DocumentChecklist.OsagReports, new { fileName = "OSAG report.pdf", size = 9, contentType = "application/pdf" });
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        await IrpFlowsApp.PutBlobAsync(new Uri(grant["uploadUrl"]!.GetValue<string>()), TestFiles.Utf8("%PDF-osag"));
        Assert.Equal("missing", (await App.DocumentAsync(fixture.IrpId, DocumentChecklist.OsagReports))["status"]!.GetValue<string>());

        var recorded = await App.ReconcileUploadsAsync();

        Assert.True(recorded >= 1, "the OSAG report was not recorded"); // other tests here may leave uncompleted uploads too
        var osag = await App.DocumentAsync(fixture.IrpId, DocumentChecklist.OsagReports);
        Assert.Equal("received", osag["status"]!.GetValue<string>());
        Assert.Equal("OSAG report.pdf", Assert.Single(osag["files"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(0, await App.ReconcileUploadsAsync());
    }

    [Fact]
    public async Task CoordinatorDownload_NeedsTheKey_AndRedirectsToAReadLinkForThatFileOnly_ServedAsAnAttachment()
    {
        var bytes = TestFiles.Utf8("%PDF-pro-forma");
        await App.UploadDocumentAsync(fixture.Token, DocumentChecklist.ManagerProForma, "pro forma.pdf", bytes);
        var path = $"/api/irps/{fixture.IrpId}/documents/{DocumentChecklist.ManagerProForma}/files/{Uri.EscapeDataString("pro forma.pdf")}";

        using var anonymous = await App.Anonymous.GetAsync(path);
        using var redirect = await App.Coordinator.GetAsync(path);
        using var unknown = await App.Coordinator.GetAsync(path.Replace("pro%20forma", "nothing", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.Contains("sp=r&", location.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var download = await http.GetAsync(location);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("pro forma.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UploadPage_ListsEveryRequestedItemWithItsStatus_WithoutJavaScript_AndEncodesWhatPeopleTyped()
    {
        await App.UploadDocumentAsync(fixture.Token, DocumentChecklist.PopulationReport, "<img src=x onerror=alert(1)>.pdf", TestFiles.Utf8("%PDF-pop"));

        using var response = await App.Anonymous.GetAsync(fixture.Link.PathAndQuery);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("HMP Elmley &lt;b&gt;&amp;&lt;/b&gt; &quot;Sheppey&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&</b>", html, StringComparison.Ordinal);
        // The file name a person typed never becomes markup (the page's own header has an image of its own: the MOJ logo).
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("Monday 6 February 2023", html, StringComparison.Ordinal);
        Assert.Contains(IrpRequests.CoordinatorEmail, html, StringComparison.Ordinal);
        foreach (var item in new[] { "Manager pro forma", "Updated action plan", "Day 1 presentation", "Bespoke data request", "Evidence documentation", "Adult HMP Establishments Population Breakdown", "OSAG reports" })
            Assert.Contains($">{item}</h2>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"status-population-report\">Received<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"status-presentation\">Missing<", html, StringComparison.Ordinal);
    }
}
