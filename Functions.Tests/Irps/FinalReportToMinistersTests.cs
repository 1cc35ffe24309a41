using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IrpFlows.Pages;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;
using static IrpFlows.Tests.Support.TestFiles;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Prison guide 14.1 / IRC guide 5.1: "The final report will be sent to the Secretary of State for Justice and published".
/// Visit 15–17 February 2027; the draft is issued on Monday 1 March 2027.
/// </summary>
public sealed partial class FinalReportToMinistersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset DraftDay = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly object Publication = new { date = "2027-03-01", url = "https://www.justiceinspectorates.gov.uk/hmiprisons/elmley-irp" };
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FromThePage_PublicationWaitsForTheFinalReport_WhichGoesOnceTheOfficeIsNamed()
    {
        var id = await DraftIssuedAsync(Elmley());
        using var browser = _app.CreateClient();
        browser.DefaultRequestHeaders.TryAddWithoutValidation(CoordinatorSignIn.PrincipalNameHeader, "Sarah Jones");
        var token = FormToken().Match(await browser.GetStringAsync($"/irps/{id}")).Groups[1].Value;

        using var early = await browser.PostAsync($"/irps/{id}/published", Form(token, ("date", "2027-03-01"), ("url", "https://example.org/elmley")));
        using var file = new ByteArrayContent(Pdf("final report"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var upload = new MultipartFormDataContent { { new StringContent(token), FormTokens.FieldName }, { file, "file", "Elmley final.pdf" } };
        using var uploaded = await browser.PostAsync($"/irps/{id}/final-report", upload);
        using var named = await browser.PostAsync($"/irps/{id}/ministerial-office",
            Form(token, ("name", "Private Office"), ("email", MinisterialOfficeEmail)));
        await _app.MoveClockAsync(DraftDay.AddMinutes(2));
        using var published = await browser.PostAsync($"/irps/{id}/published", Form(token, ("date", "2027-03-01"), ("url", "https://example.org/elmley")));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Final report not sent to ministers", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, named.StatusCode);
        Assert.Equal([MinisterialOfficeEmail], Addresses(await _app.EmailAsync(id, "final-report"), "to"));
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        Assert.Equal("2027-03-01", (await _app.GetIrpAsync(id))["publishedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task SentElsewhere_IsCheckedLikeAnyEvent_RecordedOnce_AndAFinalReportUploadedAfterPublicationIsKeptNotSent()
    {
        var id = await _app.CreateIrpAsync(Elmley());
        await _app.MoveClockAsync(DraftDay);
        var beforeTheDraft = await _app.RaiseAsync(id, "FinalReportSentElsewhere");
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);

        var tomorrow = await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-03-02" });
        var recorded = await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-03-01" });
        var again = await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-03-01" });
        var otherDay = await _app.RaiseAsync(id, "FinalReportSentElsewhere", new { date = "2027-02-26" });
        var published = await _app.RaiseAsync(id, "Published", Publication);
        var afterPublication = await _app.PutReportFileAsync(id, "final-report", "final.pdf", Pdf("final as published"));
        await _app.MoveClockAsync(DraftDay.AddMinutes(2));
        var irp = await _app.GetIrpAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, beforeTheDraft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("must not be in the future", (await tomorrow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherDay.StatusCode);
        Assert.Single(irp["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "FinalReportSentElsewhere");
        Assert.Equal("2027-03-01", irp["finalReportSentElsewhereOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        // Kept as the inspectorate's record of what was published, and not sent again.
        Assert.Equal(HttpStatusCode.OK, afterPublication.StatusCode);
        Assert.Equal("final.pdf", irp["finalReport"]!["fileName"]!.GetValue<string>());
        Assert.DoesNotContain("final-report", await _app.OutboxStepsAsync(id));
        Assert.Equal("skipped", IrpFlowsApp.Step(irp, "final-report")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnceIrpFlowsHasSentIt_NeitherSentElsewhereNorAnotherOfficeCanBeRecorded()
    {
        var id = await DraftIssuedAsync(Elmley().WithReportContacts());
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "final-report", "final.pdf", Pdf("final"))).StatusCode);
        await _app.MoveClockAsync(DraftDay.AddMinutes(2));

        var elsewhere = await _app.RaiseAsync(id, "FinalReportSentElsewhere");
        var office = await _app.RaiseAsync(id, "MinisterialOfficeNamed", new { name = "Another Office", email = "another.office@justice.gov.uk" });
        var published = await _app.RaiseAsync(id, "Published", Publication);

        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, office.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
    }

    private async Task<string> DraftIssuedAsync(System.Text.Json.Nodes.JsonObject request)
    {
        var id = await _app.CreateIrpAsync(request);
        await _app.MoveClockAsync(DraftDay);
        Assert.Equal(HttpStatusCode.OK, (await _app.PutReportFileAsync(id, "draft-report", "draft.pdf", Pdf("draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "DraftIssued")).StatusCode);
        return id;
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([KeyValuePair.Create(FormTokens.FieldName, token), .. fields.Select(f => KeyValuePair.Create(f.Key, f.Value))]);

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
