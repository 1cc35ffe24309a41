using System.Net;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Mail;

/// <summary>
/// When the visit moves, on the real app: those the announcement named the old dates to are told, once per move, and the
/// calendar invitation keeps one UID per IRP with a SEQUENCE that counts the moves, so a calendar replaces the event.
/// </summary>
public sealed class VisitInvitationTests
{
    [Fact]
    public async Task VisitMovedBeforeTheAnnouncement_SendsNoNotice_TheAnnouncementCarriesTheNewDates()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley(liaisonOfficer: true));

        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-02-22" })).StatusCode);
        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddHours(2));

        Assert.Equal(["announcement"], await app.OutboxStepsAsync(id));
        Assert.Contains("from Monday 22 February 2027 to Wednesday 24 February 2027", Emails.PlainText(await app.RawEmailAsync(id, "announcement")));
        Assert.DoesNotContain((await app.GetIrpAsync(id))["timeline"]!.AsArray(), s => s!["id"]!.GetValue<string>().StartsWith("visit-moved-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VisitMovedAfterTheAnnouncement_BeforeTheArrangements_IsNoticedToEveryoneItNamedTheDatesTo_AndTheInvitationIsForTheNewDaysAsVersionOne()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley(liaisonOfficer: true));
        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddHours(2)); // the announcement went for 15 February

        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-02-22" })).StatusCode);
        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddHours(2).AddMinutes(1));

        var notice = await app.EmailAsync(id, "visit-moved-1");
        Assert.Equal([IrpRequests.GovernorEmail, IrpRequests.ImbChairEmail, IrpRequests.LiaisonEmail], Emails.Addresses(notice, "to"));
        Assert.Equal("Independent review of progress at HMP Elmley: visit moved to 22 to 24 February 2027", notice["subject"]!.GetValue<string>());
        var text = Emails.PlainText(await app.RawEmailAsync(notice));
        Assert.Contains("which we announced for Monday 15 February 2027 to Wednesday 17 February 2027, will now take place from Monday 22 February 2027 to Wednesday 24 February 2027.", text);
        Assert.Contains("now due by Monday 15 February 2027", text);
        Assert.Contains("The arrangements for the visit, with a calendar invitation, will follow before the visit.", text);
        Assert.Empty(Emails.Parse(await app.RawEmailAsync(notice)).Attachments);

        await app.MoveClockAsync(DueOf(await app.GetIrpAsync(id), "visit-arrangements"));
        var invitation = Emails.Invitation(Emails.Parse(await app.RawEmailAsync(id, "visit-arrangements")));
        Assert.Equal($"{id}-visit@irpflows", invitation.Uid);
        Assert.Equal(1, invitation.Sequence);
        Assert.True(invitation.IsAllDay);
        Assert.Equal(new DateOnly(2027, 2, 22), invitation.DtStart!.Date);
        Assert.Equal(new DateOnly(2027, 2, 25), invitation.DtEnd!.Date);
        Assert.Equal(["mailto:" + IrpRequests.GovernorEmail, "mailto:" + IrpRequests.LiaisonEmail, "mailto:" + IrpRequests.ImbChairEmail],
            invitation.Attendees.Select(a => a.Value!.ToString()));
    }

    [Fact]
    public async Task EachMoveAfterTheArrangementsWent_SendsOneNotice_WithTheInvitationUnderItsUid_ItsSequenceCountingTheMoves()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley(liaisonOfficer: true));
        var arrangementsDue = DueOf(await app.GetIrpAsync(id), "visit-arrangements");
        await app.MoveClockAsync(arrangementsDue);
        var sent = Emails.Invitation(Emails.Parse(await app.RawEmailAsync(id, "visit-arrangements")));
        Assert.Equal(0, sent.Sequence);
        Assert.Equal(new DateOnly(2027, 2, 15), sent.DtStart!.Date);

        // A minute on, so the notice is stamped later than the arrangements: DTSTAMP counts whole seconds, and on an idle
        // machine both could go within one.
        await app.MoveClockAsync(arrangementsDue.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-03-01" })).StatusCode);
        await app.MoveClockAsync(arrangementsDue.AddDays(1));
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-03-08" })).StatusCode);
        await app.MoveClockAsync(arrangementsDue.AddDays(2));

        await app.EmailAsync(id, "visit-arrangements"); // still the one sent before the moves: a step done stays done
        var first = Emails.Parse(await app.RawEmailAsync(id, "visit-moved-1"));
        var second = Emails.Parse(await app.RawEmailAsync(id, "visit-moved-2"));
        Assert.Equal(2, (await app.OutboxStepsAsync(id)).Count(s => s.StartsWith("visit-moved-", StringComparison.Ordinal)));
        var (one, two) = (Emails.Invitation(first), Emails.Invitation(second));
        Assert.Equal((sent.Uid, 1, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 4)), (one.Uid, one.Sequence, one.DtStart!.Date, one.DtEnd!.Date));
        Assert.Equal((sent.Uid, 2, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 11)), (two.Uid, two.Sequence, two.DtStart!.Date, two.DtEnd!.Date));
        Assert.True(one.DtStamp!.AsUtc > sent.DtStamp!.AsUtc);
        Assert.Contains("which we announced for Monday 1 March 2027 to Wednesday 3 March 2027, will now take place from Monday 8 March 2027", second.TextBody);
        Assert.Contains("The calendar invitation attached replaces the one sent with the arrangements for the visit.", first.TextBody);
        Assert.Equal("done", IrpFlowsApp.Step(await app.GetIrpAsync(id), "visit-moved-2")["status"]!.GetValue<string>());
    }

    private static DateTimeOffset DueOf(JsonObject irp, string stepId) =>
        IrpFlowsApp.Step(irp, stepId)["due"]!.GetValue<DateTimeOffset>();
}
