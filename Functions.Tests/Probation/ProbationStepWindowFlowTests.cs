using System.Net;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// One NPS inspection, fieldwork from Monday 8 February 2027, taken through three jumps of the development clock from Monday
/// 23 November 2026 (its domain two long list recorded returned first, so that reminder is not due):
/// <list type="number">
/// <item>to Thursday 21 January 2027, noon: past the domain two provisional list reminder (its deadline Monday 11 January), the
/// domain three samples request (Monday 11 January, the samples due 16:00 Wednesday 20 January) and that request's reminder;
/// the confirming email and the outline schedule are late but still before fieldwork, so they go;</item>
/// <item>to Tuesday 9 February, noon: fieldwork has begun, so the final schedules (start of week -2) are skipped; then every
/// standard is rated;</item>
/// <item>to Wednesday 17 March, noon: past the ratings letter's Monday 8 March, which must go however late.</item>
/// </list>
/// </summary>
public sealed class ProbationStepWindowFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string Id { get; private set; } = null!;
    public JsonObject AfterFirstJump { get; private set; } = null!;
    public IReadOnlyList<string> SentByFirstJump { get; private set; } = [];
    public JsonObject AfterSecondJump { get; private set; } = null!;
    public IReadOnlyList<string> SentBySecondJump { get; private set; } = [];
    public JsonObject AfterThirdJump { get; private set; } = null!;
    public IReadOnlyList<string> SentByThirdJump { get; private set; } = [];

    public static readonly DateTimeOffset ThirdJump = Noon(2027, 3, 17);

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync();
        Id = await App.CreateProbationAsync(Inspection("2027-02-08"));
        await App.RaiseAcceptedAsync(Id, "SampleReturned", new { sample = "domain-two-long-list" });

        await App.MoveClockAsync(Noon(2027, 1, 21));
        (AfterFirstJump, SentByFirstJump) = (await App.GetProbationAsync(Id), await App.OutboxStepsAsync(Id));

        await App.MoveClockAsync(Noon(2027, 2, 9));
        (AfterSecondJump, SentBySecondJump) = (await App.GetProbationAsync(Id), await App.OutboxStepsAsync(Id));
        foreach (var standard in new[] { "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2" })
        {
            using var rated = await App.RateAsync(Id, standard, "Good");
            Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        }

        await App.MoveClockAsync(ThirdJump);
        (AfterThirdJump, SentByThirdJump) = (await App.GetProbationAsync(Id), await App.OutboxStepsAsync(Id));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Noon UTC: after a day's 09:00 steps, before its 16:00 deadline, in winter time.</summary>
    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Every probation letter has a window, as an IRP's has: after an outage or a jump of the clock, a letter whose moment has
/// passed is recorded skipped with its reason, the lead inspector gets one notice per catch-up, and what must happen late
/// still does.
/// </summary>
public sealed class ProbationStepWindowFlowTests(ProbationStepWindowFixture fixture) : IClassFixture<ProbationStepWindowFixture>
{
    private static readonly string[] SkippedByFirstJump = ["domain-two-sample-reminder", "case-sample-request", "case-sample-reminder"];

    [Fact]
    public void AJumpPastThreeLetters_RecordsEachSkippedWithItsReasonFromTheManual()
    {
        var steps = Steps(fixture.AfterFirstJump);

        Assert.All(SkippedByFirstJump, step => Assert.Equal("skipped", steps[step].Text("status")));
        Assert.Equal("it reminds of a deadline, 11 January 2027, that had come: a reminder then is pointless (Probation manual 4.4)",
            steps["domain-two-sample-reminder"].Text("skippedReason"));
        Assert.Equal("it asks for the samples by 16:00 on 20 January 2027, and that time had come (Probation manual 4.4)",
            steps["case-sample-request"].Text("skippedReason"));
        Assert.Equal("it reminds of a deadline, 20 January 2027, that had come: a reminder then is pointless (Probation manual 4.4)",
            steps["case-sample-reminder"].Text("skippedReason"));
    }

    [Fact]
    public async Task AJumpPastThreeLetters_TellsTheLeadInspectorOnce_NamingEachWithItsDateAndReason_AndLinksTheInspection()
    {
        // The confirming email and the outline schedule, late but before fieldwork, went; of the skipped letters, one notice.
        Assert.Equal(["announcement-email", "outline-schedule", "skipped-notice-1"], fixture.SentByFirstJump.Order(StringComparer.Ordinal));
        var notice = await fixture.App.EmailAsync(fixture.Id, "skipped-notice-1");
        Assert.Equal([LeadEmail], Emails.Addresses(notice, "to"));
        Assert.Empty(Emails.Addresses(notice, "cc"));
        Assert.Equal("Inspection of Kent, Surrey and Sussex NPS division: three steps not sent because their moment had passed", notice.Text("subject"));
        var text = Emails.PlainText(await fixture.App.RawEmailAsync(notice));
        Assert.Contains("Domain two provisional list reminder (planned for Friday 8 January 2027): it reminds of a deadline, 11 January 2027, that had come: "
            + "a reminder then is pointless (Probation manual 4.4).", text);
        Assert.Contains("Domain three samples request: court reports and allocation; victim work (planned for Monday 11 January 2027): "
            + "it asks for the samples by 16:00 on 20 January 2027, and that time had come (Probation manual 4.4).", text);
        Assert.Contains("Domain three samples reminder (planned for Tuesday 19 January 2027): it reminds of a deadline, 20 January 2027, that had come: "
            + "a reminder then is pointless (Probation manual 4.4).", text);
        Assert.Contains($"/probation-inspections/{fixture.Id}", text);
        Assert.Contains("HM Inspectorate of Probation", text);
        // Under HMI Probation's own sender (the ProbationMail settings), not HMI Prisons' (Mail).
        var from = Emails.Parse(await fixture.App.RawEmailAsync(notice)).From.Mailboxes.Single();
        Assert.Equal(("HM Inspectorate of Probation", "probation@hmiprobation.example"), (from.Name, from.Address));
        Assert.Equal("done", Steps(fixture.AfterFirstJump)["skipped-notice-1"].Text("status"));
    }

    [Fact]
    public void TheNextCatchUp_SkipsTheFinalSchedulesOnceFieldworkHasBegun_WithANoticeOfItsOwn()
    {
        var schedules = Steps(fixture.AfterSecondJump)["schedules"];
        Assert.Equal(("skipped", "it issues the interview schedules for those taking part to be told before fieldwork, and fieldwork began on 8 February 2027 (Probation manual 5.1)"),
            (schedules.Text("status"), schedules.Text("skippedReason")));
        Assert.Equal(["skipped-notice-2"], fixture.SentBySecondJump.Except(fixture.SentByFirstJump));
    }

    [Fact]
    public async Task TheRatingsLetter_DueDuringAJump_StillGoesAfterIt_WithNoFurtherNotice()
    {
        // 7.2: the organisation is owed the ratings however late; fieldwork and the panel send nothing.
        Assert.Equal(["ratings-to-organisation"], fixture.SentByThirdJump.Except(fixture.SentBySecondJump));
        var steps = Steps(fixture.AfterThirdJump);
        Assert.Equal(("done", "2027-03-08"), (steps["ratings-to-organisation"].Text("status"), steps["ratings-to-organisation"].Text("date")));
        var letter = await fixture.App.EmailAsync(fixture.Id, "ratings-to-organisation");
        Assert.True(letter["sentAt"]!.GetValue<DateTimeOffset>() >= ProbationStepWindowFixture.ThirdJump.AddHours(-1), letter.ToJsonString());
        Assert.Equal("probation@hmiprobation.example", Emails.Parse(await fixture.App.RawEmailAsync(letter)).From.Mailboxes.Single().Address);
        Assert.DoesNotContain(steps.Keys, id => id == "skipped-notice-3");
    }
}
