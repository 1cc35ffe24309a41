using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Http;

/// <summary>
/// Issue 19's edges, each tried as an attacker (or an unlucky establishment) would, on the real app and Azurite: a cancelled
/// IRP's material and late files, secrets in request lines, the local sign-in stand-in, a case sample "returned" before it
/// was asked for, and the upload link of an IRP whose documents request a clock jump skipped.
/// </summary>
public sealed partial class HostileInputEdgesTests
{
    // Finding 4. Cancelled on Thursday 22 December 2022; ten working days on, past Boxing Day, Tuesday 27 December (the
    // substitute for Christmas Day) and Monday 2 January (for New Year's Day), is Tuesday 10 January 2023.
    [Fact]
    public async Task CancelledIrp_DestroysItsMaterialTenWorkingDaysAfterTheCancel_AndDeletesWhatArrivesThroughOldLinks()
    {
        await using var app = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        var id = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Cancelled"));
        await app.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var token = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(id, "documents-request")));
        var kept = await app.UploadDocumentAsync(token, DocumentChecklist.ActionPlan, "plan.pdf", TestFiles.Pdf("plan"));
        // Two links handed out before the cancel: one completed afterwards, one left for the reconciler.
        var (completedUrl, completedBlob) = await GrantAsync(app, token, "late.pdf");
        var (abandonedUrl, abandonedBlob) = await GrantAsync(app, token, "abandoned.pdf");

        await app.MoveClockAsync(new DateTimeOffset(2022, 12, 22, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await app.TerminateAsync(id, "Operational emergency")).StatusCode);
        await app.CatchUpAsync();
        // A SAS cannot be revoked: storage still takes the bytes.
        await IrpFlowsApp.PutBlobAsync(completedUrl, TestFiles.Pdf("late"));
        await IrpFlowsApp.PutBlobAsync(abandonedUrl, TestFiles.Pdf("abandoned"));

        using var page = await app.Anonymous.GetAsync($"/upload/{token}");
        using var begin = await app.BeginUploadAsync(token, DocumentChecklist.ActionPlan, new { fileName = "more.pdf", size = 10, contentType = "application/pdf" });
        using var complete = await app.Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{DocumentChecklist.ActionPlan}/complete", new { blobName = completedBlob });
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("was cancelled", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, begin.StatusCode);
        Assert.DoesNotContain("sig=", await begin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, complete.StatusCode);
        Assert.Equal("application/problem+json", complete.Content.Headers.ContentType!.MediaType);
        await app.ReconcileUploadsAsync();

        Assert.Equal([kept], await BlobsAsync(app, id));
        var irp = await app.GetIrpAsync(id);
        var destruction = IrpFlowsApp.Step(irp, "material-destruction");
        Assert.Equal("pending", destruction["status"]!.GetValue<string>());
        Assert.Equal("2023-01-10", destruction["date"]!.GetValue<string>());
        Assert.StartsWith("Local policy: 10 working days after the cancellation on 22 December 2022", destruction["source"]!.GetValue<string>());
        Assert.Equal("skipped", IrpFlowsApp.Step(irp, "documents-deadline")["status"]!.GetValue<string>());
        Assert.Equal(2, irp["history"]!.AsArray().Count(h => h!["type"]!.GetValue<string>() == "UploadDeletedAfterCancellation"));
        Assert.Contains("will be deleted on Tuesday 10 January 2023", Emails.PlainText(await app.RawEmailAsync(id, "cancellation")), StringComparison.Ordinal);
        Assert.Equal(["plan.pdf"], irp["documents"]!.AsArray().SelectMany(d => d!["files"]!.AsArray()).Select(f => f!["name"]!.GetValue<string>()));

        await app.MoveClockAsync(new DateTimeOffset(2023, 1, 10, 9, 30, 0, TimeSpan.Zero));

        Assert.Empty(await BlobsAsync(app, id));
        Assert.Equal("done", await app.StepStatusAsync(id, "material-destruction"));
        Assert.Contains("which was cancelled", Emails.PlainText(await app.RawEmailAsync(id, "material-destruction")), StringComparison.Ordinal);
        Assert.Equal("Terminated", (await app.GetIrpAsync(id))["runtimeStatus"]!.GetValue<string>());
    }

    private static async Task<(Uri Url, string BlobName)> GrantAsync(IrpFlowsApp app, string token, string fileName)
    {
        using var begin = await app.BeginUploadAsync(token, DocumentChecklist.ActionPlan, new { fileName, size = TestFiles.Pdf("late").Length, contentType = "application/pdf" });
        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        return (new Uri(grant["uploadUrl"]!.GetValue<string>()), grant["blobName"]!.GetValue<string>());
    }

    private static async Task<List<string>> BlobsAsync(IrpFlowsApp app, string id)
    {
        var names = new List<string>();
        await foreach (var blob in app.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(id)).GetBlobsAsync(new GetBlobsOptions())) names.Add(blob.Name);
        return names;
    }

    // Finding 5: as Redact sees the text of a request line.
    [Theory]
    [InlineData("/UPLOAD/abc.def", "/UPLOAD/***")]
    [InlineData("/Fact-Check/abc.def/draft", "/Fact-Check/***/draft")]
    [InlineData("/API/Uploads/abc.def/action-plan/complete", "/API/Uploads/***/action-plan/complete")]
    [InlineData("/api/irps?code=the-key", "/api/irps?code=***")]
    [InlineData("/api/irps/1?x=1&CODE=the-key&y=2", "/api/irps/1?x=1&CODE=***&y=2")]
    [InlineData("/calendar.ics?Token=secret", "/calendar.ics?Token=***")]
    [InlineData("/.auth/login/aad?post_login_redirect_uri=%2Fcalendar.ics%3Ftoken%3Dsecret", "/.auth/login/aad?post_login_redirect_uri=%2Fcalendar.ics%3Ftoken%3D***")]
    [InlineData("/.auth/login/aad?post_login_redirect_uri=%2Fupload%2Fabc.def", "/.auth/login/aad?post_login_redirect_uri=%2Fupload%2F***")]
    public void Redact_MasksTokensInAnyCase_TheFunctionKey_AndEncodedRedirects(string text, string redacted) =>
        Assert.Equal(redacted, Secrets.Redact(text));

    [Fact]
    public async Task EveryTokenBearingPath_InMixedCase_AndTheFunctionKeyAsCode_NeverReachTheLog()
    {
        var log = new CapturedLog();
        await using var app = await IrpFlowsApp.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(log));
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var upload = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(id, "documents-request")));
        var tokens = new UploadTokens(IrpFlowsApp.UploadSigningKey);
        var factCheck = tokens.Sign(new UploadTokenPayload(id, UploadTokenPayload.FactCheckPurpose, new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var finalReport = tokens.Sign(new UploadTokenPayload(id, UploadTokenPayload.FinalReportPurpose, new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        const string calendar = "calendar-feed-token-0123456789";
        var key = IrpFlowsApp.CoordinatorKey;
        var pdf = new { fileName = "plan.pdf", size = 10, contentType = "application/pdf" };

        // Routes ignore case: each of these reaches its function (none answers 5xx), and the function key is taken from code=.
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/UPLOAD/{upload}", null),
            (HttpMethod.Get, $"/Upload/{upload}?code={key}", null),
            (HttpMethod.Post, $"/API/Uploads/{upload}/{DocumentChecklist.ActionPlan}", pdf),
            (HttpMethod.Post, $"/api/UPLOADS/{upload}/{DocumentChecklist.ActionPlan}/complete", new { blobName = "documents/action-plan/none.pdf" }),
            (HttpMethod.Get, $"/FACT-CHECK/{factCheck}", null),
            (HttpMethod.Get, $"/Fact-Check/{factCheck}/Draft", null),
            (HttpMethod.Get, $"/FINAL-REPORT/{finalReport}", null),
            (HttpMethod.Get, $"/CALENDAR.ICS?TOKEN={calendar}", null),
            (HttpMethod.Get, $"/api/irps?code={key}", null),
            (HttpMethod.Get, $"/API/IRPS/{id}?CODE={key}", null),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await app.Anonymous.SendAsync(request);
            Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{path}: {response.StatusCode}");
            if (path.StartsWith("/UPLOAD/", StringComparison.Ordinal) || path.Contains("code=", StringComparison.OrdinalIgnoreCase))
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
        await app.CatchUpAsync(); // the last response has completed, and with it its log line

        var logged = log.Text;
        var lines = logged.Split('\n').Where(l => l.Contains("Request finished", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= requests.Length, logged);
        foreach (var secret in new[] { upload, factCheck, finalReport, calendar, key })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), logged, StringComparison.Ordinal);
        }
        foreach (var masked in new[] { "/UPLOAD/***", "/API/Uploads/***/", "/FACT-CHECK/***", "/Fact-Check/***/Draft", "/FINAL-REPORT/***", "TOKEN=***", "?code=***", "?CODE=***" })
            Assert.Contains(masked, logged, StringComparison.Ordinal);
    }

    // Finding 8: the local host's sign-in stand-in.
    [Fact]
    public async Task SignIn_SendsBackOnlyToASameSitePath_NeverOffSiteNorA500()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        string[] offSite =
        [
            "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example",
            "/%2F/evil.example", "/%5Cevil.example", "https://evil.example/", "javascript:alert(1)", "/irps/é", " /irps", "",
        ];
        foreach (var back in offSite)
        {
            using var client = app.CreateClient();
            using var page = await client.GetAsync("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(back));
            using var signIn = await client.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["name"] = "Cora Ordinator", ["post_login_redirect_uri"] = back }));

            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{back}: {page.StatusCode}");
            Assert.Contains("name=\"post_login_redirect_uri\" value=\"/\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{back}: {signIn.StatusCode}");
            Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task SignIn_SendsBackToThePageAsked_WithItsQuery()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var client = app.CreateClient();

        using var signIn = await client.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["name"] = "Cora Ordinator", ["post_login_redirect_uri"] = "/irps/abc?done=started" }));

        Assert.Equal("/irps/abc?done=started", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AMalformedPrincipalHeader_IsNobodySignedIn_NeverA500()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        string[] principals =
        [
            "[]", "\"Cora\"", "42", "null", "{\"claims\":[{\"typ\":\"name\",\"val\":5}]}", "{\"claims\":[{\"typ\":[\"name\"],\"val\":\"Cora\"}]}",
            "{\"claims\":[\"name\",1,null]}", "{\"claims\":{\"typ\":\"name\"}}",
        ];
        foreach (var principal in principals)
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

            using var response = await client.GetAsync("/");

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{principal}: {response.StatusCode}");
            Assert.StartsWith("/.auth/login/aad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignOut_IsAPostWithTheFormToken_AGetOnlyShowsTheButton()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var client = app.CreateClient(); // keeps cookies, as a browser
        using var signIn = await client.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["name"] = "Cora Ordinator", ["post_login_redirect_uri"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // A link or image on another site is a GET: it shows the button, and the person stays signed in.
        using var confirm = await client.GetAsync("/.auth/logout");
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("frame-ancestors 'none'", confirm.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // A forged post carries no token.
        using var forged = await client.PostAsync("/.auth/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var token = FormToken().Match(html).Groups[1].Value;
        using var signOut = await client.PostAsync("/.auth/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/.auth/login/aad", signOut.Headers.Location!.OriginalString);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    // Finding 9: manual 4.4, the case sample is identified on Monday week -4; fieldwork from Monday 1 March 2027 asks for it on
    // Monday 1 February 2027, so on Monday 23 November 2026 it cannot have come back.
    [Fact]
    public async Task CaseSampleReturned_BeforeItWasRequested_IsRefusedNamingTheDate_AndTheReminderStays()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-03-01"));

        using var withDate = await app.RaiseProbationAsync(id, "CaseSampleReturned", new { date = "2026-11-23" });
        using var today = await app.RaiseProbationAsync(id, "CaseSampleReturned");

        foreach (var response in new[] { withDate, today })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.Contains("requested on 2027-02-01", Assert.Single(errors, e => e.Key == "date").Value![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var inspection = await app.GetProbationAsync(id);
        Assert.Null(inspection["caseSampleReturnedOn"]);
        var steps = ProbationRequests.Steps(inspection);
        Assert.Equal("pending", steps["case-sample-reminder"].Text("status"));
        Assert.Equal("pending", steps["case-sample-request"].Text("status"));
    }

    // Finding 9: the clock jumps from the announcement of HMP Elmley's 2023 IRP to its documents deadline, Monday 6 February
    // 2023: the request's window has closed (prison guide 7.4), the deadline's email goes, and it carries the link.
    [Fact]
    public async Task ARequestSkippedByAClockJump_LeavesTheUploadLinkTheDeadlineEmailCarried_ShownToTheCoordinator()
    {
        await using var app = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        var id = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023());

        await app.MoveClockAsync(new DateTimeOffset(2023, 2, 6, 10, 0, 0, TimeSpan.Zero));

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("skipped", IrpFlowsApp.Step(irp, "documents-request")["status"]!.GetValue<string>());
        Assert.Equal("done", IrpFlowsApp.Step(irp, "documents-deadline")["status"]!.GetValue<string>());
        var sent = Emails.UploadLink(await app.RawEmailAsync(id, "documents-deadline"));
        Assert.Equal(sent.ToString(), irp["uploadLink"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(sent.PathAndQuery)).StatusCode);
    }
}
