using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using IrpFlows.Http;
using IrpFlows.Irps.Material;
using IrpFlows.Telemetry;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Http;

/// <summary>
/// No bearer secret reaches the log or the telemetry: every token and storage signature a whole IRP hands out is used, and
/// none is in what was logged, nor in any span's name, tag, event or status (captured as Azure Monitor would get them).
/// </summary>
public sealed class SecretsInLogsTests
{
    [Theory]
    [InlineData("/upload/abc.def?x=1", "/upload/***?x=1")]
    [InlineData("GET http://localhost/fact-check/eyJ.sig/draft", "GET http://localhost/fact-check/***/draft")]
    [InlineData("/final-report/tok-en_1", "/final-report/***")]
    [InlineData("POST http://localhost/FEEDBACK/eyJ.sig", "POST http://localhost/FEEDBACK/***")]
    [InlineData("/api/uploads/tok.en/action-plan/complete", "/api/uploads/***/action-plan/complete")]
    [InlineData("https://a.blob/c/b?sv=2025&sp=c&sig=abc%2Bdef%3D&se=x", "https://a.blob/c/b?sv=2025&sp=c&sig=***&se=x")]
    [InlineData("/calendar.ics?token=secret", "/calendar.ics?token=***")]
    [InlineData("/api/irps/abc/documents/action-plan/files/plan.pdf", "/api/irps/abc/documents/action-plan/files/plan.pdf")]
    public void Redact_HidesTokensInPaths_AndSignatures(string text, string redacted) => Assert.Equal(redacted, Secrets.Redact(text));

    [Fact]
    public async Task AWholeIrpsTokensAndSignatures_AreNeverLogged_NorTraced()
    {
        var log = new CapturedLog();
        var spans = new List<Activity>();
        await using var app = await IrpFlowsApp.StartAsync(
            settings: new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Debug" },
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(log);
                s.AddOpenTelemetry().WithTracing(t => TelemetryRegistration.Tracing(t).AddInMemoryExporter(spans));
            });
        var secrets = new List<string>();
        var id = await app.CreateIrpAsync(Elmley(liaisonOfficer: true).WithReportContacts());

        // The documents request: the upload page, a file through its create-only link, and the coordinator's download.
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var uploadToken = Emails.UploadToken(Emails.UploadLink(await app.RawEmailAsync(id, "documents-request")));
        secrets.Add(uploadToken);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync($"/upload/{uploadToken}")).StatusCode);
        using var begin = await app.BeginUploadAsync(uploadToken, DocumentChecklist.ActionPlan, new { fileName = "plan.pdf", size = TestFiles.Pdf("plan").Length, contentType = "application/pdf" });
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        var uploadUrl = new Uri(grant["uploadUrl"]!.GetValue<string>());
        secrets.Add(Signature(uploadUrl));
        await IrpFlowsApp.PutBlobAsync(uploadUrl, TestFiles.Pdf("plan"));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.PostAsJsonAsync($"/api/uploads/{uploadToken}/{DocumentChecklist.ActionPlan}/complete", new { blobName = grant["blobName"]!.GetValue<string>() })).StatusCode);
        secrets.Add(Signature(await RedirectAsync(app.Coordinator, $"/api/irps/{id}/documents/{DocumentChecklist.ActionPlan}/files/plan.pdf")));

        // After the visit: the draft for fact check, and the final report to ministers, each opened through its link.
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 18, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await app.PutReportFileAsync(id, "draft-report", "draft.pdf", TestFiles.Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "DraftIssued")).StatusCode);
        await app.CatchUpAsync();
        var draftEmail = Emails.PlainText(await app.RawEmailAsync(id, "draft-report"));
        var factCheck = Emails.FactCheckLink(draftEmail);
        secrets.Add(factCheck.AbsolutePath["/fact-check/".Length..]);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(factCheck.PathAndQuery)).StatusCode);
        secrets.Add(Signature(await RedirectAsync(app.Anonymous, Emails.DraftLink(draftEmail).PathAndQuery)));
        Assert.Equal(HttpStatusCode.OK, (await app.PutReportFileAsync(id, "final-report", "final.pdf", TestFiles.Pdf("final"))).StatusCode);
        await app.CatchUpAsync();
        var finalReport = Emails.Link(Emails.PlainText(await app.RawEmailAsync(id, "final-report")), "/final-report/");
        secrets.Add(finalReport.AbsolutePath["/final-report/".Length..]);
        secrets.Add(Signature(await RedirectAsync(app.Anonymous, finalReport.PathAndQuery)));
        // The liaison officer's feedback form, opened and sent.
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 19, 10, 0, 0, TimeSpan.Zero));
        var feedback = Emails.Link(Emails.PlainText(await app.RawEmailAsync(id, "liaison-feedback")), "/feedback/");
        secrets.Add(feedback.AbsolutePath["/feedback/".Length..]);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(feedback.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.PostAsync(feedback.PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Lia Officer", ["role"] = "liaison-officer", ["answer-visit"] = "Fine." }))).StatusCode);

        Hosting.TelemetryTests.StopCollecting(app);
        var logged = log.Text;
        var traced = string.Join("\n", spans.Select(Described));
        // The requests were logged and traced, with their secrets masked...
        foreach (var masked in new[] { "/upload/***", "/api/uploads/***/action-plan", "/fact-check/***", "/fact-check/***/draft", "/final-report/***", "/feedback/***" })
        {
            Assert.Contains(masked, logged, StringComparison.Ordinal);
            Assert.Contains(masked, traced, StringComparison.Ordinal);
        }
        // ...with the storage calls that used the signed links' blobs among the spans...
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Storage.Blobs", StringComparison.Ordinal));
        // ...and no secret is anywhere, as it was or URL-encoded.
        Assert.Equal(8, secrets.Distinct().Count());
        foreach (var secret in secrets)
        {
            Assert.True(secret.Length >= 16, secret);
            foreach (var written in new[] { logged, traced })
            {
                Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
                Assert.DoesNotContain(Uri.EscapeDataString(secret), written, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Everything a span carries to an exporter, as text: its name, status, tags, events and baggage.</summary>
    private static string Described(Activity span) => string.Join(" ",
        [span.DisplayName, span.OperationName, span.StatusDescription ?? "", span.TraceStateString ?? "",
         .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
         .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
         .. span.Baggage.Select(b => $"{b.Key}={b.Value}")]);

    private static async Task<Uri> RedirectAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
        return response.Headers.Location!;
    }

    private static string Signature(Uri sas) => HttpUtility.ParseQueryString(sas.Query)["sig"] ?? throw new Xunit.Sdk.XunitException($"No sig in {sas}");
}
