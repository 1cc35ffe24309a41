using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IrpFlows.Documents;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Http;

/// <summary>
/// The governor's side of the fact check: the link in the draft-report email opens a page with the draft and a plain form,
/// and a file posted there is stored and recorded as the establishment's comments, as if the coordinator had uploaded it.
/// </summary>
public sealed class FactCheckPageTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _app = await IrpFlowsApp.StartAsync();
        _id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        // Visit Mon 15 – Wed 17 Feb 2027; the draft is issued on Monday 1 March, fact check due Monday 15 March.
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(_id, "draft-report", "Elmley draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(_id, "DraftIssued")).StatusCode);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 1, 10, 1, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Uri> FactCheckLinkAsync(string step) => FactCheckLink(PlainText(await _app.RawEmailAsync(_id, step)));

    private static MultipartFormDataContent Form(string fileName, byte[] bytes, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "comments", fileName } };
    }

    [Fact]
    public async Task GovernorUploadsCommentsFromTheDraftEmailLink_WhichRecordsFactCheckReturned_AndSkipsTheReminder()
    {
        var draftText = PlainText(await _app.RawEmailAsync(_id, "draft-report"));
        Assert.Contains("You can upload your comments here: http://localhost/fact-check/", draftText);
        Assert.Contains("If you prefer, you can send them to me by replying to this email.", draftText);
        var link = FactCheckLink(draftText);
        var draftLink = DraftLink(draftText);

        var page = await _app.Anonymous.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("form-action 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"govuk-heading-l\">Comments on the draft report for HMP Elmley</h1>", html);
        Assert.Contains("by <strong>Monday 15 March 2027</strong>", html);
        Assert.Contains($"<a class=\"govuk-link\" href=\"{draftLink.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal)}\">Read the draft report</a>", html);
        Assert.Contains("No comments have been received yet.", html);
        Assert.Contains("<form method=\"post\" enctype=\"multipart/form-data\">", html);
        Assert.Contains("<input class=\"govuk-file-upload\" type=\"file\" id=\"comments\" name=\"comments\"", html);

        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 3, 14, 30, 0, TimeSpan.Zero));
        var posted = await _app.Anonymous.PostAsync(link.PathAndQuery, Form("Elmley comments.pdf", Pdf("comments"), "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("Thank you. We have received Elmley-comments.pdf.", html);
        Assert.Contains("<span class=\"name\">Elmley-comments.pdf</span>", html);
        Assert.Contains("received 3 Mar 2027, 14:30", html);

        var irp = await _app.GetIrpAsync(_id);
        Assert.Equal("Finalising report", irp["customStatus"]!.GetValue<string>());
        Assert.Equal("Elmley-comments.pdf", irp["factCheckComments"]![0]!["fileName"]!.GetValue<string>());
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("skipped", await _app.StepStatusAsync(_id, "fact-check-reminder-1"));
        Assert.DoesNotContain("fact-check-reminder-1", await _app.OutboxStepsAsync(_id));
    }

    [Fact]
    public async Task ReminderCarriesTheSameUploadLink_WhichExpiresWithTheDraftLink()
    {
        var link = await FactCheckLinkAsync("draft-report");
        await _app.MoveClockAsync(new DateTimeOffset(2027, 3, 10, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(link, await FactCheckLinkAsync("fact-check-reminder-1"));
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(link.AbsolutePath["/fact-check/".Length..].Split('.')[0])).RootElement;
        Assert.Equal("fact-check", payload.GetProperty("purpose").GetString());
        Assert.Equal(_id, payload.GetProperty("irpId").GetString());
        // The draft link's expiry: the end of the tenth day after the deadline (Thu 25 Mar 2027, GMT).
        Assert.Equal(new DateTimeOffset(2027, 3, 26, 0, 0, 0, TimeSpan.Zero), payload.GetProperty("expiresOn").GetDateTimeOffset());
    }

    [Fact]
    public async Task TamperedToken_IsRefusedWith403_AndStoresNothing()
    {
        var token = (await FactCheckLinkAsync("draft-report")).AbsolutePath["/fact-check/".Length..];
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var page = await _app.Anonymous.GetAsync($"/fact-check/{tampered}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This link is not valid or has expired", await page.Content.ReadAsStringAsync());
        var posted = await _app.Anonymous.PostAsync($"/fact-check/{tampered}", Form("comments.pdf", Pdf("comments"), "application/pdf"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Anonymous.GetAsync($"/fact-check/{tampered}/draft")).StatusCode);

        var irp = await _app.GetIrpAsync(_id);
        Assert.Empty(irp["factCheckComments"]!.AsArray());
        Assert.Equal("Fact check", irp["customStatus"]!.GetValue<string>());
        Assert.False((await _app.Blobs.GetBlobContainerClient("irp-" + _id).GetBlobClient("reports/fact-check/1/comments.pdf").ExistsAsync()).Value);
    }

    [Fact]
    public async Task TokensAreForOnePurpose_TheDocumentsTokenCannotOpenTheFactCheckPage_NorTheOtherWayRound()
    {
        // The emailed documents link has expired by now; one signed today, still valid, isolates the purpose.
        var documentsToken = _app.Services.GetRequiredService<UploadTokens>().Sign(
            new UploadTokenPayload(_id, UploadTokenPayload.DocumentsPurpose, new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous.GetAsync($"/upload/{documentsToken}")).StatusCode);
        var factCheckToken = (await FactCheckLinkAsync("draft-report")).AbsolutePath["/fact-check/".Length..];

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Anonymous.GetAsync($"/fact-check/{documentsToken}")).StatusCode);
        var posted = await _app.Anonymous.PostAsync($"/fact-check/{documentsToken}", Form("comments.pdf", Pdf("comments"), "application/pdf"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Anonymous.GetAsync($"/upload/{factCheckToken}")).StatusCode);
        Assert.Empty((await _app.GetIrpAsync(_id))["factCheckComments"]!.AsArray());
    }

    [Fact]
    public async Task FileThatIsNotPdfOrWord_IsRefusedWith400OnThePage_AndNothingIsRecorded()
    {
        var link = await FactCheckLinkAsync("draft-report");

        var posted = await _app.Anonymous.PostAsync(link.PathAndQuery, Form("comments.txt", Utf8("Page 3: wrong date"), "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        // At the top of the page, in the error summary that is announced as it appears.
        var summary = html[html.IndexOf("<div class=\"govuk-error-summary\"", StringComparison.Ordinal)..];
        Assert.StartsWith("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">", summary, StringComparison.Ordinal);
        Assert.Contains("Your file was not uploaded. Comments must be a PDF or Word (.docx) file", summary, StringComparison.Ordinal);
        Assert.Contains("No comments have been received yet.", html);
        Assert.Contains("<form method=\"post\"", html);
        var irp = await _app.GetIrpAsync(_id);
        Assert.Empty(irp["factCheckComments"]!.AsArray());
        Assert.Equal("Fact check", irp["customStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormWithoutAFile_IsRefusedWith400_AskingForOne()
    {
        var link = await FactCheckLinkAsync("draft-report");

        var posted = await _app.Anonymous.PostAsync(link.PathAndQuery, new MultipartFormDataContent { { new StringContent("x"), "other" } });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Choose a file of comments to upload.", await posted.Content.ReadAsStringAsync());
        Assert.Empty((await _app.GetIrpAsync(_id))["factCheckComments"]!.AsArray());
    }
}
