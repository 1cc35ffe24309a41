using System.Net;
using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;
using IrpFlows.Irps;
using IrpFlows.Mail;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IrpFlows.Tests.Mail;

/// <summary>
/// The visit's calendar invitation when the visit moves, on the real app: one UID per IRP, so a calendar replaces the
/// event, and a SEQUENCE that counts the moves, so it knows which version is newer.
/// </summary>
public sealed class VisitInvitationTests
{
    [Fact]
    public async Task VisitMovedBeforeTheArrangementsGo_TheInvitationIsForTheNewDays_AsVersionOne()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley(liaisonOfficer: true));
        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddHours(2)); // the announcement went for 15 February

        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-02-22" })).StatusCode);
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
    public async Task VisitMovedAfterTheArrangementsWent_TheInvitationKeepsItsUid_WithAHigherSequenceAndTheNewDays()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley(liaisonOfficer: true));
        var arrangementsDue = DueOf(await app.GetIrpAsync(id), "visit-arrangements");
        await app.MoveClockAsync(arrangementsDue);
        var sent = Emails.Invitation(Emails.Parse(await app.RawEmailAsync(id, "visit-arrangements")));
        Assert.Equal(0, sent.Sequence);
        Assert.Equal(new DateOnly(2027, 2, 15), sent.DtStart!.Date);

        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-03-01" })).StatusCode);
        var dayAfter = arrangementsDue.AddDays(1);
        await app.MoveClockAsync(dayAfter);

        await app.EmailAsync(id, "visit-arrangements"); // still the one sent before the move: a step done stays done
        var moved = await InvitationAsRenderedNowAsync(app, id, dayAfter);
        Assert.Equal(sent.Uid, moved.Uid);
        Assert.True(moved.Sequence > sent.Sequence, $"SEQUENCE {moved.Sequence} is not above {sent.Sequence}");
        Assert.Equal(new DateOnly(2027, 3, 1), moved.DtStart!.Date);
        Assert.Equal(new DateOnly(2027, 3, 4), moved.DtEnd!.Date);
        Assert.True(moved.DtStamp!.AsUtc > sent.DtStamp!.AsUtc);
    }

    private static DateTimeOffset DueOf(JsonObject irp, string stepId) =>
        IrpFlowsApp.Step(irp, stepId)["due"]!.GetValue<DateTimeOffset>();

    /// <summary>
    /// The visit-arrangements email as the app would render it for the IRP's state now, written as MIME. No step sends
    /// it again after a move (yet), so this is the invitation a "visit moved" notice would carry.
    /// </summary>
    private static async Task<CalendarEvent> InvitationAsRenderedNowAsync(IrpFlowsApp app, string id, DateTimeOffset now)
    {
        var status = (await app.Services.GetRequiredService<WorkflowEngine>().GetAsync(id, CancellationToken.None))!;
        var context = app.Services.GetRequiredService<IrpWorkflow>().MailContext(id, IrpState.From(status.Instance));
        var message = app.Services.GetRequiredService<IrpMailTemplates>().Render("visit-arrangements", context)!;
        var eml = MimeMail.ToEml(message, new EmailAddress("HM Inspectorate of Prisons", "irp@hmiprisons.example"), now);
        return Emails.Invitation(MimeMessage.Load(eml.ToStream()));
    }
}
