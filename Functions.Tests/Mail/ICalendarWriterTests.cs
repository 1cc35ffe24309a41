using System.Text;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

public sealed class ICalendarWriterTests
{
    private static CalendarInvitation Invitation(string summary = "Independent review of progress at HMP Elmley", string description = "Visit") => new(
        "irp-elmley-2023-visit@irpflows", summary, description, "HMP Elmley",
        new DateOnly(2023, 2, 13), new DateOnly(2023, 2, 15),
        new EmailAddress("Sarah Jones", "sarah.jones@hmiprisons.gov.uk"),
        [new EmailAddress("David \"Dave\" Brown", "governor.elmley@justice.gov.uk")],
        new DateTimeOffset(2023, 1, 30, 9, 0, 0, TimeSpan.FromHours(1)));

    /// <summary>Undoes RFC 5545 folding: a line starting with a space continues the previous one.</summary>
    internal static List<string> Unfold(string calendar)
    {
        Assert.DoesNotContain("\r\n\r\n", calendar);
        Assert.Matches("^(?:[^\r\n]*\r\n)+$", calendar);
        var lines = new List<string>();
        foreach (var line in calendar.Split("\r\n")[..^1])
        {
            if (line.StartsWith(' '))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    [Fact]
    public void AllDayEvent_EndsTheDayAfterItsLastDay_BecauseDtendIsExclusive()
    {
        var lines = Unfold(ICalendarWriter.Write(Invitation()));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("DTSTART;VALUE=DATE:20230213", lines);
        Assert.Contains("DTEND;VALUE=DATE:20230216", lines);
        Assert.Contains("DTSTAMP:20230130T080000Z", lines);
        Assert.Contains("UID:irp-elmley-2023-visit@irpflows", lines);
    }

    [Fact]
    public void TextValues_EscapeBackslashSemicolonCommaAndNewline()
    {
        var lines = Unfold(ICalendarWriter.Write(Invitation(description: "Day 1; noon, briefing\\room\nDay 2")));

        Assert.Contains(@"DESCRIPTION:Day 1\; noon\, briefing\\room\nDay 2", lines);
    }

    [Fact]
    public void ParameterValues_AreQuoted_WithoutTheDoubleQuotesTheyCannotHold()
    {
        var lines = Unfold(ICalendarWriter.Write(Invitation()));

        Assert.Contains(lines, l => l.StartsWith("ATTENDEE;CN=\"David Dave Brown\";", StringComparison.Ordinal));
    }

    [Fact]
    public void LongLines_AreFoldedAt75Octets_WithoutSplittingACharacter()
    {
        var summary = string.Concat(Enumerable.Repeat("Révision indépendante – ", 10));

        var calendar = ICalendarWriter.Write(Invitation(summary: summary));

        foreach (var line in calendar.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line of {Encoding.UTF8.GetByteCount(line)} octets: {line}");
        }
        Assert.Contains("SUMMARY:" + summary.Replace(",", "\\,", StringComparison.Ordinal), Unfold(calendar));
    }

    [Fact]
    public void LastDayBeforeFirstDay_IsRejected()
    {
        var invitation = Invitation() with { LastDay = new DateOnly(2023, 2, 12) };

        Assert.Throws<ArgumentException>(() => ICalendarWriter.Write(invitation));
    }
}
