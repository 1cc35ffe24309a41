using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Irps;
using IrpFlows.Programme;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Prison guide 7.1 and Appendix A: "Arrange a half-day preparation visit by the coordinating inspector to include a one-hour
/// meeting with the governor"; IRC guide 2.5: the coordinating inspector contacts the centre in advance. HMP Elmley is
/// announced on Monday 23 November 2026 for a visit from Monday 15 February 2027.
/// </summary>
public sealed class PreparationVisitTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ArrangedBeforeTheAnnouncement_IsOnTheTimeline_NamedInTheLetter_AndInTheCalendarFeed()
    {
        var id = await _app.CreateIrpAsync(Elmley());

        var arranged = await _app.RaiseAsync(id, "PreparationVisitArranged", new { date = "2027-01-11" });
        await _app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.Accepted, arranged.StatusCode);
        var step = IrpFlowsApp.Step(await _app.GetIrpAsync(id), "preparation-visit");
        Assert.Equal(("2027-01-11", "Prison guide 7.1, Appendix A"), (step["date"]!.GetValue<string>(), step["source"]!.GetValue<string>()));
        Assert.Contains("will make a preparation visit on Monday 11 January 2027, of half a day with a one-hour meeting with you",
            Emails.PlainText(await _app.RawEmailAsync(id, "announcement")));
        var irps = await _app.Services.GetRequiredService<IrpService>().InYearsAsync([2027], CancellationToken.None);
        var feed = Ical.Net.Calendar.Load(_app.Services.GetRequiredService<CalendarFeed>().Render(irps, []))!;
        var visit = Assert.Single(feed.Events, e => e.Summary == "IRP preparation visit: HMP Elmley");
        Assert.Equal("2027-01-11", visit.DtStart!.Date.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("2027-01-09", "must be a working day")] // a Saturday
    [InlineData("2027-02-15", "to the day before the visit starts (2027-02-15)")] // the visit's first day
    [InlineData("2026-11-20", "must be from the announcement (2026-11-23)")]
    [InlineData("11 January", "must be a date in the form yyyy-MM-dd")]
    public async Task ADayThatCannotBeAPreparationVisit_Is400NamingTheDate_AndNothingIsRecorded(string date, string message)
    {
        var id = await _app.CreateIrpAsync(Elmley());

        var refused = await _app.RaiseAsync(id, "PreparationVisitArranged", new { date });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.DoesNotContain((await _app.GetIrpAsync(id))["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "PreparationVisitArranged");
    }
}
