using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

public sealed partial class IrpMailTemplatesTests
{
    [Fact]
    public void VisitArrangements_GoToGovernorAndLiaisonOfficer_CopyingTheImbChairAndCoordinator_WithTheIndicativeSchedule()
    {
        var message = Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        Assert.Equal([TestIrps.Governor.Email, TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Equal([TestIrps.ImbChair.Email, TestIrps.Coordinator.Email], Addresses(message.Cc));
        // Prison guide 7.2 and 8.1: the team arranges to meet the IMB, and the team leader meets its chair on day 1.
        AssertInBothBodies(message, "I am copying this email to Margaret Hill, Chair of the Independent Monitoring Board. The team leader would like to meet the Chair and representatives of the Board during the visit, and I will confirm a time.");
        Assert.Equal("Independent review of progress at HMP Elmley: arrangements for the visit, 13 to 15 February 2023", message.Subject);
        Assert.StartsWith("Dear David Brown and Priya Patel,", message.TextBody);
        AssertInBothBodies(message, "Day 1: Monday 13 February 2023");
        AssertInBothBodies(message, "Day 2: Tuesday 14 February 2023");
        AssertInBothBodies(message, "Day 3: Wednesday 15 February 2023");
        AssertInBothBodies(message, "12.30pm: presentation by the governor and senior management team (no more than one hour)");
        AssertInBothBodies(message, "2.30pm: the team leader gives feedback to the governor");
        AssertInBothBodies(message, "About 4pm: feedback to the governor");
        AssertInBothBodies(message, "Morning: Ofsted inspectors confirm their key findings");
        AssertInBothBodies(message, "a base room large enough for about six people");
        AssertInBothBodies(message, "gate passes, keys, car parking and laptop permissions for the team");
    }

    [Fact]
    public void VisitArrangements_WelshPrison_HaveEstynInspectorsConfirmTheirFindings_NotOfsted()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison, nation: IrpFlows.Timeline.Nation.Wales) with { EducationConcerns = true };

        var message = Render("visit-arrangements", TestIrps.Context(facts));

        AssertInBothBodies(message, "Morning: Estyn inspectors confirm their key findings");
        Assert.DoesNotContain("Ofsted", message.TextBody);
    }

    [Fact]
    public void VisitArrangements_Irc_FollowTheIrcSchedule_AndCopyTheHomeOffice()
    {
        var message = Render("visit-arrangements", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)));

        Assert.Equal([TestIrps.ImbChair.Email, TestIrps.Coordinator.Email, TestIrps.HomeOffice.Email], Addresses(message.Cc));
        AssertInBothBodies(message, "12.30pm: 30-minute presentation by the centre manager, senior leadership team and Home Office leaders");
        Assert.DoesNotContain("Ofsted", message.TextBody);
        Assert.DoesNotContain("one hour", message.TextBody);
    }

    [Fact]
    public void VisitArrangements_AttachAnAllDayInvitationSpanningTheThreeDays()
    {
        var message = Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(TestIrps.Liaison)));

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("irp-visit-hmp-elmley.ics", attachment.FileName);
        Assert.StartsWith("text/calendar; method=REQUEST", attachment.ContentType);
        var calendar = Ical.Net.Calendar.Load(attachment.Content.ToString())!;
        Assert.Equal("REQUEST", calendar.Method);
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("irp-elmley-2023-visit@irpflows", visit.Uid);
        Assert.Equal(0, visit.Sequence);
        Assert.True(visit.IsAllDay);
        Assert.Equal(new DateOnly(2023, 2, 13), visit.DtStart!.Date);
        Assert.Equal(new DateOnly(2023, 2, 16), visit.DtEnd!.Date);
        Assert.Equal(Now.UtcDateTime, visit.DtStamp!.AsUtc);
        Assert.Equal("Independent review of progress at HMP Elmley", visit.Summary);
        Assert.Equal("Sarah Jones", visit.Organizer!.CommonName);
        Assert.Equal(new Uri("mailto:sarah.jones@hmiprisons.gov.uk"), visit.Organizer.Value);
        Assert.Equal(["David Brown", "Priya Patel", "Margaret Hill"], visit.Attendees.Select(a => a.CommonName));
        Assert.Equal(["mailto:governor.elmley@justice.gov.uk", "mailto:priya.patel@justice.gov.uk", "mailto:imb.elmley@imb.org.uk"], visit.Attendees.Select(a => a.Value!.ToString()));
    }

    [Fact]
    public void VisitArrangements_AfterTheVisitMovedTwice_InviteToTheNewDays_UnderTheSameUid_WithSequenceTwo()
    {
        var moved = TestIrps.Elmley(TestIrps.Liaison) with { VisitStart = new DateOnly(2023, 3, 6) };

        var message = Render("visit-arrangements", TestIrps.Context(moved, visitReschedules: 2));

        var visit = Assert.Single(Ical.Net.Calendar.Load(Assert.Single(message.Attachments).Content.ToString())!.Events);
        Assert.Equal("irp-elmley-2023-visit@irpflows", visit.Uid);
        Assert.Equal(2, visit.Sequence);
        Assert.Equal(new DateOnly(2023, 3, 6), visit.DtStart!.Date);
        Assert.Equal(new DateOnly(2023, 3, 9), visit.DtEnd!.Date);
    }

    [Fact]
    public void VisitArrangements_WithoutALiaisonOfficer_GoToTheGovernorAlone()
    {
        var message = Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(liaison: null)));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
    }
}
