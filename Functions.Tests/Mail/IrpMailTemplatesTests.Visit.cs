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
    public void VisitArrangements_GiveTheGateItsAttendanceKeysAndIt_AndNameTheInspectorForEachRecommendation()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison) with
        {
            Recommendations =
            [
                TestIrps.ElmleyRecommendations[0] with { Inspector = "Angus Jones" },
                TestIrps.ElmleyRecommendations[1] with { Inspector = "Esra Sari" },
                TestIrps.ElmleyRecommendations[2] with { Inspector = "Angus Jones" },
                TestIrps.ElmleyRecommendations[3],
            ],
        };

        var message = Render("visit-arrangements", TestIrps.Context(facts));

        // Prison guide 7.2: "provide the attendance/key requirement/IT information for the gate".
        Assert.Contains("Attendance, keys and IT for the gate\n", message.TextBody);
        Assert.Contains("- Sarah Jones, coordinating inspector: keys; laptop\n- Angus Jones, inspector: keys; laptop\n- Esra Sari, inspector: keys; laptop\n\n", message.TextBody);
        // "provide the name of the inspector who will look at each recommendation".
        Assert.Contains("Who will look at each recommendation\n", message.TextBody);
        Assert.Contains("- 1.42 Behaviour management: Angus Jones\n- 1.43 Use of force: Esra Sari\n- 1.44 Governance of safety: Angus Jones\n"
            + "- 1.45 Equality, diversity and faith: to be confirmed by the coordinating inspector\n", message.TextBody);
        Assert.DoesNotContain("I will send the attendance list", message.TextBody);
    }

    [Fact]
    public void VisitArrangements_ListTheTeamAsTheRequestGaveIt()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison) with
        {
            Team = [new("Angus <Jones>", "Team leader", Keys: true, Laptop: true), new("Si Hussain", "Care Quality Commission inspector", Keys: false, Laptop: true)],
        };

        var message = Render("visit-arrangements", TestIrps.Context(facts));

        Assert.Contains("- Angus <Jones>, Team leader: keys; laptop\n- Si Hussain, Care Quality Commission inspector: no keys; laptop\n\n", message.TextBody);
        Assert.Contains("Angus &lt;Jones&gt;, Team leader", message.HtmlBody);
        Assert.DoesNotContain("Sarah Jones, coordinating inspector", message.TextBody);
    }

    [Fact]
    public void VisitArrangements_Irc_NameInspectorsPerConcernOnlyWhenGiven()
    {
        var without = Render("visit-arrangements", TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)));
        var irc = TestIrps.Irc(TestIrps.Liaison);
        var with = Render("visit-arrangements", TestIrps.Context(irc with { Recommendations = [irc.Recommendations[0] with { Inspector = "Esra Sari" }, irc.Recommendations[1]] }));

        Assert.DoesNotContain("Who will look at each concern", without.TextBody);
        Assert.Contains("- C1 Safety: Esra Sari\n- C2: to be confirmed by the coordinating inspector\n", with.TextBody);
    }

    [Fact]
    public void VisitArrangements_WelshPrison_HaveEstynInspectorsConfirmTheirFindings_NotOfsted()
    {
        var facts = TestIrps.Elmley(TestIrps.Liaison, nation: IrpFlows.Calendar.Nation.Wales) with { EducationConcerns = true };

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
    public void VisitMoved_TellsEveryoneTheAnnouncementNamedTheDatesTo_AndReplacesTheInvitationOnceTheArrangementsWent()
    {
        var moved = TestIrps.Elmley(TestIrps.Liaison) with { VisitStart = new DateOnly(2023, 3, 6) };
        var context = TestIrps.Context(moved, visitReschedules: 2) with
        {
            VisitMoves =
            [
                new(1, new(2023, 2, 13), new(2023, 2, 15), new(2023, 2, 27), new(2023, 3, 1), new(2023, 2, 20)),
                new(2, new(2023, 2, 27), new(2023, 3, 1), new(2023, 3, 6), new(2023, 3, 8), new(2023, 2, 27)),
            ],
            VisitArrangementsSent = true,
        };

        var message = Render("visit-moved-2", context);

        Assert.Equal([TestIrps.Governor.Email, TestIrps.ImbChair.Email, TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Equal([TestIrps.Coordinator.Email], Addresses(message.Cc));
        Assert.Equal("Independent review of progress at HMP Elmley: visit moved to 6 to 8 March 2023", message.Subject);
        AssertInBothBodies(message, "which we announced for Monday 27 February 2023 to Wednesday 1 March 2023, will now take place from Monday 6 March 2023 to Wednesday 8 March 2023.");
        AssertInBothBodies(message, "The documents we ask for are now due by Monday 27 February 2023");
        var visit = Assert.Single(Ical.Net.Calendar.Load(Assert.Single(message.Attachments).Content.ToString())!.Events);
        Assert.Equal(("irp-elmley-2023-visit@irpflows", 2, new DateOnly(2023, 3, 6)), (visit.Uid, visit.Sequence, visit.DtStart!.Date));
        Assert.Equal(["David Brown", "Priya Patel", "Margaret Hill"], visit.Attendees.Select(a => a.CommonName));
    }

    [Fact]
    public void VisitMoved_Irc_AlsoTellsTheHomeOffice_AndWithoutArrangementsSentCarriesNoInvitation()
    {
        var context = TestIrps.Context(TestIrps.Irc(TestIrps.Liaison)) with
        {
            VisitMoves = [new(1, new(2025, 5, 12), new(2025, 5, 14), new(2025, 5, 19), new(2025, 5, 21), new(2025, 5, 12))],
        };

        var message = Render("visit-moved-1", context);

        Assert.Equal(["centre.manager@harmondsworth.example", TestIrps.HomeOffice.Email, TestIrps.ImbChair.Email, TestIrps.Liaison.Email], Addresses(message.To));
        Assert.Empty(message.Attachments);
        AssertInBothBodies(message, "The arrangements for the visit, with a calendar invitation, will follow before the visit.");
        Assert.Throws<ArgumentException>(() => Render("visit-moved-2", context));
    }

    [Fact]
    public void VisitArrangements_WithoutALiaisonOfficer_GoToTheGovernorAlone()
    {
        var message = Render("visit-arrangements", TestIrps.Context(TestIrps.Elmley(liaison: null)));

        Assert.Equal([TestIrps.Governor.Email], Addresses(message.To));
    }
}
