using System.Text;
using Ical.Net.CalendarComponents;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

/// <summary>The visit invitation as Ical.Net itself reads it back, the way a calendar client would.</summary>
public sealed class CalendarInvitationTests
{
    private static CalendarInvitation Invitation(string summary = "Independent review of progress at HMP Elmley", string description = "Visit") => new(
        "irp-elmley-2023-visit@irpflows", Sequence: 2, summary, description, "HMP Elmley",
        new DateOnly(2023, 2, 13), new DateOnly(2023, 2, 15),
        new EmailAddress("Sarah Jones", "sarah.jones@hmiprisons.gov.uk"),
        [new EmailAddress("David \"Dave\" Brown", "governor.elmley@justice.gov.uk"), new EmailAddress("Siân Öztürk", "sian@justice.gov.uk")],
        new DateTimeOffset(2023, 1, 30, 9, 0, 0, TimeSpan.FromHours(1)));

    private static (Ical.Net.Calendar Calendar, CalendarEvent Event) Load(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics)!;
        return (calendar, Assert.Single(calendar.Events));
    }

    [Fact]
    public void Invitation_IsARequest_ForOneAllDayEvent_EndingTheDayAfterItsLastDay_BecauseDtendIsExclusive()
    {
        var ics = Invitation().ToICalendar();
        var (calendar, visit) = Load(ics);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("irp-elmley-2023-visit@irpflows", visit.Uid);
        Assert.Equal(2, visit.Sequence);
        Assert.True(visit.IsAllDay);
        Assert.Equal(new DateOnly(2023, 2, 13), visit.DtStart!.Date);
        Assert.Equal(new DateOnly(2023, 2, 16), visit.DtEnd!.Date);
        Assert.Contains("DTSTART;VALUE=DATE:20230213\r\n", ics);
        Assert.Contains("DTEND;VALUE=DATE:20230216\r\n", ics);
        Assert.Equal(new DateTime(2023, 1, 30, 8, 0, 0, DateTimeKind.Utc), visit.DtStamp!.AsUtc);
        Assert.Equal("Independent review of progress at HMP Elmley", visit.Summary);
        Assert.Equal("HMP Elmley", visit.Location);
    }

    [Fact]
    public void Invitation_NamesTheOrganizer_AndAsksEveryAttendeeToReply()
    {
        var (_, visit) = Load(Invitation().ToICalendar());

        Assert.Equal(new Uri("mailto:sarah.jones@hmiprisons.gov.uk"), visit.Organizer!.Value);
        Assert.Equal("Sarah Jones", visit.Organizer.CommonName);
        Assert.Equal(["mailto:governor.elmley@justice.gov.uk", "mailto:sian@justice.gov.uk"], visit.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal(["David Dave Brown", "Siân Öztürk"], visit.Attendees.Select(a => a.CommonName)); // a parameter value cannot hold a double quote
        Assert.All(visit.Attendees, a =>
        {
            Assert.Equal("REQ-PARTICIPANT", a.Role);
            Assert.Equal("NEEDS-ACTION", a.ParticipationStatus);
            Assert.True(a.Rsvp);
        });
    }

    [Fact]
    public void TextValues_WithSemicolonsCommasBackslashesAndLineBreaks_ReadBackAsWritten()
    {
        var (_, visit) = Load(Invitation(description: "Day 1; noon, briefing\\room\nDay 2").ToICalendar());

        Assert.Equal("Day 1; noon, briefing\\room\nDay 2", visit.Description);
    }

    [Fact]
    public void Lines_EndInCrlf_AndAreFoldedAt75Octets_WithoutSplittingACharacter()
    {
        var summary = string.Concat(Enumerable.Repeat("Révision indépendante – ", 10));

        var ics = Invitation(summary: summary).ToICalendar();

        Assert.Matches("^(?:[^\r\n]*\r\n)+$", ics);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line of {Encoding.UTF8.GetByteCount(line)} octets: {line}");
        }
        Assert.Equal(summary, Load(ics).Event.Summary);
    }

    [Fact]
    public void LastDayBeforeFirstDay_IsRejected()
    {
        var invitation = Invitation() with { LastDay = new DateOnly(2023, 2, 12) };

        Assert.Throws<ArgumentException>(invitation.ToICalendar);
    }
}
