using System.Net;
using System.Net.Http.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// An NPS division rated as the manual rates it (7.1, 7.2), over HTTP on the development clock: domain one judged directly,
/// domains two and three from their key questions, the panel deciding the ratings near a boundary, and the week +2 letter
/// saying what was decided.
/// </summary>
public sealed class ProbationRatingsFromEvidenceTests
{
    private static Task<HttpResponseMessage> KeyQuestions(IrpFlowsApp app, string id, string standard, params (string Question, int Yes, int Cases)[] questions) =>
        app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/ratings/{standard}/key-questions",
            new { keyQuestions = questions.Select(q => new { question = q.Question, yes = q.Yes, cases = q.Cases }) });

    private static Task<HttpResponseMessage> Panel(IrpFlowsApp app, string id, string standard, string rating) =>
        app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/ratings/{standard}/panel",
            new { rating, reason = "The sub-sample was small and the other key questions were strong.", chair = "Dora Director" });

    [Fact]
    public async Task AnNpsDivision_RatedFromKeyQuestionsThroughThePanel_GetsTheLetterOfWhatWasDecided()
    {
        // Fieldwork from Monday 8 February 2027, week three from 22 February: the panel sits on Thursday 4 March, the letter goes at
        // 09:00 on Monday 8 March (week +2).
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 26, 12, 0, 0, TimeSpan.Zero));

        foreach (var standard in new[] { "1.1", "1.2", "1.3", "1.4" })
            Assert.Equal(HttpStatusCode.Accepted, (await app.RateAsync(id, standard, "Good")).StatusCode); // domain one: judged directly (7.1)
        var (domainOne, domainOneBody) = await Answer(KeyQuestions(app, id, "1.1", ("Leadership", 8, 10)));
        Assert.Equal(HttpStatusCode.BadRequest, domainOne);
        Assert.Contains("judged directly", Error(domainOneBody, "standard"));

        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "2.1", ("Desistance", 90, 100), ("Keeping other people safe", 92, 100))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "2.2", ("Desistance", 72, 100), ("Keeping other people safe", 74, 100))).StatusCode);
        // 7.1's example: implementation and delivery's three key questions; one at 63% makes it "requires improvement", two points from good.
        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "2.3", ("Engagement", 85, 100), ("Desistance", 63, 100), ("Keeping other people safe", 90, 100))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "2.4", ("Desistance", 40, 100), ("Keeping other people safe", 30, 100))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "3.1", ("Court reports", 60, 100))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await KeyQuestions(app, id, "3.2", ("Victim contact", 8, 10))).StatusCode);

        // 7.2: the panel decides only near a boundary; a standard rated from its key questions is not typed in.
        var (notNear, notNearBody) = await Answer(Panel(app, id, "2.1", "Good"));
        Assert.Equal(HttpStatusCode.Conflict, notNear);
        Assert.Contains("within five percentage points", Error(notNearBody, "rating"));
        var (typed, _) = await Answer(app.RateAsync(id, "2.3", "Good"));
        Assert.Equal(HttpStatusCode.Conflict, typed);
        Assert.Equal(HttpStatusCode.Accepted, (await Panel(app, id, "2.3", "Good")).StatusCode);                // changed
        Assert.Equal(HttpStatusCode.Accepted, (await Panel(app, id, "3.1", "RequiresImprovement")).StatusCode); // confirmed

        var ratings = (await app.GetProbationAsync(id))["ratings"]!;
        var standards = ratings["standards"]!.AsArray().ToDictionary(s => s!.Text("standard"), s => s!);
        Assert.Equal(("Good", "RequiresImprovement", true, "Dora Director"),
            (standards["2.3"].Text("rating"), standards["2.3"].Text("fromEvidence"), standards["2.3"]["nearBoundary"]!.GetValue<bool>(), standards["2.3"]["panel"]!.Text("chair")));
        Assert.Equal("Outstanding", standards["3.2"].Text("rating")); // 8 of 10: near (one case), but the panel left it
        Assert.True(standards["3.2"]["nearBoundary"]!.GetValue<bool>());
        Assert.False(standards["2.2"]["nearBoundary"]!.GetValue<bool>());
        Assert.Equal(63m, standards["2.3"]["keyQuestions"]![1]!["percentage"]!.GetValue<decimal>());
        // 4 × good (8), outstanding (3), good (2), good (2), inadequate (0), requires improvement (1), outstanding (3): 19 of 30, good (7.1).
        Assert.Equal((19, "Good"), (ratings["score"]!.GetValue<int>(), ratings.Text("overall")));

        await app.MoveClockAsync(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.Zero));
        var letter = Emails.PlainText(await app.RawEmailAsync(id, "ratings-to-organisation"));
        Assert.Contains("2.3 Implementation and delivery: Good", letter);
        Assert.Contains("2.4 Reviewing: Inadequate", letter);
        Assert.Contains("2.3 Implementation and delivery: near a boundary, the panel chaired by Dora Director used its discretion to rate it good rather than requires improvement.", letter);
        Assert.Contains("3.1 Court reports and case allocation: near a boundary, the panel chaired by Dora Director confirmed requires improvement.", letter);
        Assert.Contains("Overall, Kent, Surrey and Sussex NPS division is rated good.", letter);
    }
}
