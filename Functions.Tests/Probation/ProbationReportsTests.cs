using System.Net;
using System.Net.Http.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// The reports of a probation inspection over HTTP (manual 7.3–7.5): what is refused and why, each refusal naming its field and
/// changing nothing; the publication date agreed in advance moving the embargoed copy and the action plan with it.
/// </summary>
public sealed class ProbationReportsTests
{
    [Fact]
    public async Task ReportsAndTheActionPlan_AreRefusedOutOfOrder_AndTheAgreedPublicationDateMovesWhatFollowsIt()
    {
        // Fieldwork from Monday 8 February 2027, week three from 22 February: the draft goes on Monday 12 April (week +7), comments
        // by Friday 23 April (week +8).
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));

        var (finalFirst, _) = await Answer(app.PutProbationReportAsync(id, "final-report", "report.pdf", TestFiles.Pdf("final")));
        Assert.Equal(HttpStatusCode.Conflict, finalFirst); // the final report follows the factual accuracy check (7.3, 7.4)
        var word = new ByteArrayContent(TestFiles.Pdf("draft"));
        word.Headers.ContentType = new("text/plain");
        var (wrongType, wrongTypeBody) = await Answer(app.Coordinator.PutAsync($"/api/probation-inspections/{id}/draft-report?fileName=draft.txt", word));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType);
        Assert.Contains("application/pdf", Error(wrongTypeBody, "contentType"));
        var (notPublished, _) = await Answer(app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/action-plan",
            new { recommendations = new[] { new { recommendation = "Improve risk assessments.", response = "Agreed" } } }));
        Assert.Equal(HttpStatusCode.Conflict, notPublished); // 7.5: the plan answers the published report
        var (badResponse, badResponseBody) = await Answer(app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/action-plan",
            new { recommendations = new[] { new { recommendation = "Improve risk assessments.", response = "Maybe" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, badResponse);
        Assert.Equal("must be one of Agreed, PartlyAgreed, NotAgreed (manual Appendix 5).", Error(badResponseBody, "recommendations[0].response"));

        // 7.4: "Changes to this publication date may be agreed in advance": a working day, after the comments are due.
        var (saturday, saturdayBody) = await Answer(app.RaiseProbationAsync(id, "PublicationDateAgreed", new { date = "2027-06-05" }));
        Assert.Equal(HttpStatusCode.BadRequest, saturday);
        Assert.Equal("must be a working day; 2027-06-05 is a Saturday.", Error(saturdayBody, "date"));
        var (holiday, holidayBody) = await Answer(app.RaiseProbationAsync(id, "PublicationDateAgreed", new { date = "2027-05-31" }));
        Assert.Equal(HttpStatusCode.BadRequest, holiday);
        Assert.Equal("must be a working day; 2027-05-31 is a bank holiday.", Error(holidayBody, "date")); // the spring bank holiday
        var (beforeComments, beforeCommentsBody) = await Answer(app.RaiseProbationAsync(id, "PublicationDateAgreed", new { date = "2027-04-21" }));
        Assert.Equal(HttpStatusCode.BadRequest, beforeComments);
        Assert.StartsWith("must be after the factual accuracy comments are due on 2027-04-23", Error(beforeCommentsBody, "date"));
        Assert.DoesNotContain((await app.GetProbationAsync(id))["history"]!.AsArray(), e => e!.Text("type") == "PublicationDateAgreed");

        await app.RaiseAcceptedAsync(id, "PublicationDateAgreed", new { date = "2027-06-08" });
        var inspection = await app.GetProbationAsync(id);
        var steps = Steps(inspection);
        Assert.Equal("2027-06-08", inspection.Text("publicationAgreedOn"));
        Assert.Equal("2027-06-08", steps["publication"].Text("date"));
        Assert.Equal("2027-06-01", steps["embargoed-copy"].Text("date")); // five working days before, past the spring bank holiday
        Assert.Equal("2027-06-21", steps["action-plan"].Text("date")); // two weeks after the week of publication (7.5)

        // A report link that was never sent opens nothing.
        var (forged, _) = await Answer(app.Anonymous.GetAsync("/probation-reports/draft/not-a-token"));
        Assert.Equal(HttpStatusCode.Forbidden, forged);
    }
}
