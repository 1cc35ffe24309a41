using System.Globalization;
using System.Text.Json.Nodes;
using IrpFlows.Digest;
using IrpFlows.Tests.Probation;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using IrpFlows.Writing;
using Microsoft.Extensions.DependencyInjection;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Digest;

/// <summary>
/// The weekly digest on the development clock, against real Azurite: what each person is sent is what their inspections'
/// timelines say, once a week, and nothing when there is nothing to say.
/// </summary>
public sealed class WeeklyDigestTests
{
    /// <summary>Tuesday 24 November 2026, 08:00 UTC: the digests of that week were due the morning before.</summary>
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 30 November 2026, 07:30 in London (GMT): the week's digests are due from 07:00.</summary>
    private static readonly DateTimeOffset NextMondayMorning = new(2026, 11, 30, 7, 30, 0, TimeSpan.Zero);

    private const string OtherCoordinatorEmail = "nora.later@justiceinspectorates.gov.uk";
    private const string OperationsEmail = "irpflows.operations@justiceinspectorates.gov.uk";

    [Fact]
    public async Task MovingTheClockAcrossMondayMorning_SendsEachPersonOneDigest_ListingWhatTheirTimelinesHaveDueInTwoWeeks()
    {
        await using var app = await IrpFlowsApp.StartAsync(clockStart: TuesdayMorning);
        var elmley = await app.CreateIrpAsync(Elmley(announcementDate: "2026-11-24"));
        var hull = await app.CreateIrpAsync(Elmley("HMP Hull", announcementDate: "2026-12-07", visitStart: "2027-03-01"));
        // Nothing of this IRP comes before January: its coordinator has nothing to be told.
        var later = Elmley("HMP Lewes", announcementDate: "2027-01-11", visitStart: "2027-03-15");
        later["contacts"]!["coordinator"] = Contact("Nora Later", OtherCoordinatorEmail);
        await app.CreateIrpAsync(later);
        // Fieldwork from 15 February 2027: preparation is week -11, 30 November (manual 2.3).
        var kent = await app.CreateProbationAsync(ProbationRequests.Inspection("2027-02-15"));

        await app.MoveClockAsync(NextMondayMorning);

        var digests = await app.OutboxAsync("digest-2026-W49");
        Assert.Equal([CoordinatorEmail, ProbationRequests.LeadEmail], digests.SelectMany(d => Emails.Addresses(d, "to")).Order(StringComparer.Ordinal));
        Assert.Empty(await app.OutboxAsync("digest-2026-W48")); // the week the clock jumped over is behind everyone: not sent late
        var today = new DateOnly(2026, 11, 30);

        // One email for both of the coordinator's IRPs, each step as its timeline has it, with the IRP's page.
        var coordinators = Emails.PlainText(await app.RawEmailAsync(Assert.Single(digests, d => Emails.Addresses(d, "to").Contains(CoordinatorEmail))));
        foreach (var id in new[] { elmley, hull })
        {
            var timeline = (await app.GetIrpAsync(id))["timeline"]!.AsArray().Select(s => s!.AsObject()).ToList();
            AssertListsTheTimeline(coordinators, timeline, today);
            Assert.Equal($"/irps/{id}", Emails.Link(coordinators, "/irps/" + id).AbsolutePath);
        }
        Assert.Contains("Independent review of progress at HMP Elmley", coordinators);
        Assert.Contains("Independent review of progress at HMP Hull", coordinators);
        Assert.DoesNotContain("HMP Lewes", coordinators);

        // The lead inspector's own, from HMI Probation's inspection.
        var leads = Emails.PlainText(await app.RawEmailAsync(Assert.Single(digests, d => Emails.Addresses(d, "to").Contains(ProbationRequests.LeadEmail))));
        AssertListsTheTimeline(leads, (await app.GetProbationAsync(kent))["timeline"]!.AsArray().Select(s => s!.AsObject()).ToList(), today);
        Assert.Equal($"/probation-inspections/{kent}", Emails.Link(leads, "/probation-inspections/" + kent).AbsolutePath);

        // Moved on twice within the week: nothing more. The next Monday: the next week's.
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await app.OutboxAsync("digest-2026-W49")).Count);
        Assert.Empty(await app.OutboxAsync("digest-2026-W50"));
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal([CoordinatorEmail, ProbationRequests.LeadEmail],
            (await app.OutboxAsync("digest-2026-W50")).SelectMany(d => Emails.Addresses(d, "to")).Order(StringComparer.Ordinal));

        // Past Elmley's documents deadline (Monday 8 February, five working days before the visit: prison guide 7.4) with
        // nothing received: overdue, as the programme flags it, beside Hull's deadline still to come.
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 10, 8, 0, 0, TimeSpan.Zero));
        var february = Emails.PlainText(await app.RawEmailAsync(Assert.Single(await app.OutboxAsync("digest-2027-W06"), d => Emails.Addresses(d, "to").Contains(CoordinatorEmail))));
        Assert.Contains("Documents from the establishment: some are still missing (due Monday 8 February 2027)", february);
        AssertListsTheTimeline(february, (await app.GetIrpAsync(hull))["timeline"]!.AsArray().Select(s => s!.AsObject()).ToList(), new DateOnly(2027, 2, 10));
    }

    [Fact]
    public async Task AFailedStep_IsToldWithTheOperationsAddressCopied_AndListedAsFailedInTheDigest_WhichGoesOnceWhateverRunsAtOnce()
    {
        var outage = new MailOutage();
        await using var app = await IrpFlowsApp.StartAsync(clockStart: TuesdayMorning, settings: new Dictionary<string, string>
        {
            ["Operations:Address"] = OperationsEmail,
            ["Workflow:MaxStepAttempts"] = "1", // the first failure is the last
        }, services: outage.Install);
        var elmley = await app.CreateIrpAsync(Elmley(announcementDate: "2026-11-24"));

        // This week's digests, due since yesterday 07:00, asked for by three runs at once (two hosts' timers and a clock move):
        // the coordinator gets one.
        var digest = app.Services.GetRequiredService<WeeklyDigest>();
        var sent = await Task.WhenAll(digest.SendDueAsync(CancellationToken.None), digest.SendDueAsync(CancellationToken.None), digest.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sent.Sum());
        Assert.Equal([CoordinatorEmail], Emails.Addresses(Assert.Single(await app.OutboxAsync("digest-2026-W48")), "to"));

        outage.FailFor = elmley + "/announcement";
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)); // after the 09:00 announcement
        await app.CatchUpAsync(); // the notice is due when the failure was recorded, just after the clock's move

        var notice = Assert.Single(await app.OutboxAsync(elmley), e => FailureNotices.IsNotice(e["step"]!.GetValue<string>()));
        Assert.Equal([CoordinatorEmail], Emails.Addresses(notice, "to"));
        Assert.Equal([OperationsEmail], Emails.Addresses(notice, "cc"));
        Assert.Single(await app.OutboxAsync("digest-2026-W48")); // the week's digest went before the failure: not again

        await app.MoveClockAsync(NextMondayMorning);
        var announcement = IrpFlowsApp.Step(await app.GetIrpAsync(elmley), "announcement");
        Assert.Equal("failed", announcement["status"]!.GetValue<string>());
        var text = Emails.PlainText(await app.RawEmailAsync(Assert.Single(await app.OutboxAsync("digest-2026-W49"))));
        Assert.Contains($"Failed: IrpFlows has stopped trying and waits for you to retry it on the page below: - {announcement["title"]!.GetValue<string>()} "
            + $"(planned for {DateWords.LongDate(Date(announcement))})", text);
    }

    /// <summary>
    /// Every step of <paramref name="timeline"/> the person must hear of on <paramref name="today"/> is in <paramref name="text"/>
    /// as the timeline has it: pending within the two weeks as due, pending before today as overdue, failed as failed; and no
    /// step after the two weeks is listed as due.
    /// </summary>
    private static void AssertListsTheTimeline(string text, IReadOnlyList<JsonObject> timeline, DateOnly today)
    {
        var listed = 0;
        foreach (var step in timeline)
        {
            var (title, date, status) = (step["title"]!.GetValue<string>(), Date(step), step["status"]!.GetValue<string>());
            var due = $"{DateWords.LongDate(date)}: {title}";
            var expected = status switch
            {
                "failed" => $"{title} (planned for {DateWords.LongDate(date)})",
                "pending" when date < today => $"{title} (due {DateWords.LongDate(date)})",
                "pending" when date < today.AddDays(14) => due,
                _ => null,
            };
            if (expected is null)
            {
                Assert.DoesNotContain(due, text); // done, skipped, or after the two weeks
                continue;
            }
            Assert.Contains(expected, text);
            listed++;
        }
        Assert.True(listed > 0, "the timeline has nothing in the digest's two weeks: the test proves nothing");
    }

    private static DateOnly Date(JsonObject step) => DateOnly.ParseExact(step["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
