using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Prisons in Wales, run to the end on the real app: Estyn joins only where education, skills and work is a concern (prison
/// guide 5.3), a Welsh prison's themes are Estyn's, and no email or report sentence names Ofsted.
/// </summary>
public sealed class WelshPrisonTests
{
    private static JsonObject Welsh(string name, bool educationConcerns)
    {
        var request = IrpRequests.Elmley(name, liaisonOfficer: true);
        request["establishment"]!["nation"] = "wales";
        request["educationConcerns"] = educationConcerns;
        if (!educationConcerns) request["ofstedThemes"] = new JsonArray();
        return request;
    }

    [Fact]
    public async Task WithEducationConcerns_EstynIsInvited_AndJudgesTheThemes_AndOfstedIsNeverNamed()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(Welsh("HMP Parc", educationConcerns: true));

        var irp = await app.GetIrpAsync(id);
        Assert.EndsWith("partners invited: Estyn", IrpFlowsApp.Step(irp, "announcement")["concerns"]!.GetValue<string>());
        await app.RunUntilAsync(id, "visit-start"); // judgements follow the visit
        foreach (var theme in irp["ofstedThemes"]!.AsArray())
            Assert.Equal(HttpStatusCode.OK, (await app.PutJudgementAsync(id, theme!["ref"]!.GetValue<string>(), new { judgement = "ReasonableProgress" })).StatusCode);
        await app.RunToCompletionAsync(id);

        var letter = Emails.PlainText(await app.RawEmailAsync(id, "announcement"));
        Assert.Contains("Estyn themes", letter);
        Assert.Contains("Estyn, as the inspection raised key concerns about education, skills and work", letter);
        Assert.Contains("Estyn inspectors confirm their key findings", Emails.PlainText(await app.RawEmailAsync(id, "visit-arrangements")));
        await AssertNoEmailNamesAsync(app, id, "Ofsted");

        var summary = await app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{id}/summary");
        Assert.Equal("Estyn judged that there was significant progress in none of the themes, reasonable progress in four themes and insufficient progress in none of the themes.",
            summary.GetProperty("keyFindings").GetProperty("themes").GetString());
        Assert.Contains("Estyn followed up four themes", summary.GetProperty("keyFindings").GetProperty("followedUp").GetString());
        Assert.StartsWith("Progress on Estyn themes", summary.GetProperty("themesChartTitle").GetString());
        Assert.Equal("Estyn themes", summary.GetProperty("summaryOfJudgements").EnumerateArray().Last().GetProperty("heading").GetString());
    }

    [Fact]
    public async Task WithoutEducationConcerns_NeitherEstynNorOfstedIsNamed()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(Welsh("HMP Usk", educationConcerns: false));

        Assert.Equal("Governor; copy to IMB chair", IrpFlowsApp.Step(await app.GetIrpAsync(id), "announcement")["concerns"]!.GetValue<string>());
        await app.RunToCompletionAsync(id);

        await AssertNoEmailNamesAsync(app, id, "Ofsted");
        await AssertNoEmailNamesAsync(app, id, "Estyn");
        var summary = await app.Coordinator.GetFromJsonAsync<JsonElement>($"/api/irps/{id}/summary");
        Assert.DoesNotContain("Ofsted", summary.GetProperty("keyFindings").ToString());
        Assert.DoesNotContain("Estyn", summary.GetProperty("keyFindings").ToString());
    }

    private static async Task AssertNoEmailNamesAsync(IrpFlowsApp app, string id, string name)
    {
        var outbox = await app.OutboxAsync(id);
        Assert.NotEmpty(outbox);
        foreach (var entry in outbox)
        {
            var mime = Emails.Parse(await app.RawEmailAsync(entry));
            Assert.False(mime.TextBody!.Contains(name, StringComparison.Ordinal) || mime.HtmlBody!.Contains(name, StringComparison.Ordinal),
                $"The {entry["step"]} email names {name}.");
        }
    }
}
