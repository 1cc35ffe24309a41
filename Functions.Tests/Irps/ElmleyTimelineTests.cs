using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// HMP Elmley's IRP on its real dates (announced 28 November 2022, visit 13–15 February 2023), run by the development
/// clock from step to step as a coordinator would watch it: every email goes out at its step's due time, once.
/// </summary>
public sealed class ElmleyTimelineTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task EveryNotice_GoesOnItsDate_AndTheAnnouncementListsAllSevenRecommendations()
    {
        await using var app = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        var id = await app.CreateIrpAsync(IrpRequests.ElmleyIn2023());

        await app.RunToCompletionAsync(id);

        var final = await app.GetIrpAsync(id);
        Assert.Equal("Completed", final["runtimeStatus"]!.GetValue<string>());
        var timeline = final["timeline"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!.AsObject());
        Assert.Equal("2023-02-06", timeline["documents-deadline"]["date"]!.GetValue<string>());
        Assert.Equal("2023-03-01", timeline["draft-report"]["date"]!.GetValue<string>());
        Assert.Equal("2023-03-22", timeline["publication-deadline"]["date"]!.GetValue<string>());

        var outbox = await app.OutboxAsync(id);
        Assert.Equal(outbox.Count, outbox.Select(m => m["step"]!.GetValue<string>()).Distinct().Count()); // one email per step
        foreach (var email in outbox)
        {
            // The dev clock runs on at real speed from where it was moved, so "at its due time" means within the minute.
            var step = timeline[email["step"]!.GetValue<string>()];
            var due = step["due"]!.GetValue<DateTimeOffset>();
            Assert.InRange(email["sentAt"]!.GetValue<DateTimeOffset>(), due, due.AddMinutes(1));
            Assert.Equal(step["date"]!.GetValue<string>(), TimeZoneInfo.ConvertTime(due, London).ToString("yyyy-MM-dd"));
        }
        Assert.Subset(outbox.Select(m => m["step"]!.GetValue<string>()).ToHashSet(), new HashSet<string>
        {
            "announcement", "documents-request", "documents-reminder-1", "documents-deadline", "documents-overdue", "visit-arrangements",
            "liaison-feedback", "draft-report", "fact-check-reminder-1", "publication-alert", "publication", "governor-feedback", "material-destruction",
        });

        var announcement = await app.EmailAsync(id, "announcement");
        Assert.Equal([IrpRequests.GovernorEmail], Emails.Addresses(announcement, "to"));
        Assert.Equal([IrpRequests.ImbChairEmail], Emails.Addresses(announcement, "cc"));
        var letter = Emails.PlainText(await app.RawEmailAsync(announcement));
        Assert.Contains("from Monday 13 February 2023 to Wednesday 15 February 2023", letter);
        Assert.Contains("follow up seven recommendations", letter);
        foreach (var recommendation in PublishedReports.ElmleyRecommendations)
            Assert.Contains($"{recommendation.Recommendation.Ref} Safety: {recommendation.Recommendation.Text}", letter);
        Assert.Contains("Monday 6 February 2023", letter);
    }
}
