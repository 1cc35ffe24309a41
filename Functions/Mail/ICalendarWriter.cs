using System.Globalization;
using System.Text;

namespace IrpFlows.Mail;

/// <summary>
/// An all-day event from <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive, sent as an invitation.
/// <see cref="Uid"/> must stay the same for every version of the same event so calendars update it rather than add another;
/// <see cref="Stamp"/> is when this version was written (later stamps win between versions).
/// </summary>
public sealed record CalendarInvitation(
    string Uid,
    string Summary,
    string Description,
    string Location,
    DateOnly FirstDay,
    DateOnly LastDay,
    EmailAddress Organizer,
    IReadOnlyList<EmailAddress> Attendees,
    DateTimeOffset Stamp);

/// <summary>Writes an iCalendar (RFC 5545) <c>METHOD:REQUEST</c> object for one all-day event.</summary>
public static class ICalendarWriter
{
    /// <summary>The MIME type of what <see cref="Write"/> returns.</summary>
    public const string ContentType = "text/calendar; method=REQUEST; charset=UTF-8";

    private const int MaxLineOctets = 75;

    /// <summary>
    /// Returns the calendar object with CRLF line endings, TEXT values escaped and lines folded at 75 octets.
    /// DTEND is exclusive, so a Monday-to-Wednesday visit ends on Thursday.
    /// </summary>
    public static string Write(CalendarInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.LastDay < invitation.FirstDay)
        {
            throw new ArgumentException("The last day of the event is before its first day.", nameof(invitation));
        }

        var output = new StringBuilder();
        void Line(string content) => AppendFolded(output, content);

        Line("BEGIN:VCALENDAR");
        Line("PRODID:-//HM Inspectorate of Prisons//IrpFlows//EN");
        Line("VERSION:2.0");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:REQUEST");
        Line("BEGIN:VEVENT");
        Line("UID:" + EscapeText(invitation.Uid));
        Line("DTSTAMP:" + invitation.Stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line("DTSTART;VALUE=DATE:" + FormatDate(invitation.FirstDay));
        Line("DTEND;VALUE=DATE:" + FormatDate(invitation.LastDay.AddDays(1)));
        Line("SEQUENCE:0");
        Line("STATUS:CONFIRMED");
        Line("SUMMARY:" + EscapeText(invitation.Summary));
        Line("DESCRIPTION:" + EscapeText(invitation.Description));
        Line("LOCATION:" + EscapeText(invitation.Location));
        Line("ORGANIZER;CN=" + QuoteParameter(invitation.Organizer.Name) + ":mailto:" + invitation.Organizer.Address);
        foreach (var attendee in invitation.Attendees)
        {
            Line("ATTENDEE;CN=" + QuoteParameter(attendee.Name)
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee.Address);
        }
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return output.ToString();
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma are escaped; line breaks become <c>\n</c>.</summary>
    internal static string EscapeText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value is quoted; it cannot contain a double quote or control characters, so those are dropped.</summary>
    private static string QuoteParameter(string value) =>
        "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>RFC 5545 3.1: lines longer than 75 octets continue on the next line after a single space, never inside a UTF-8 character.</summary>
    private static void AppendFolded(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space counts towards the continuation line
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
