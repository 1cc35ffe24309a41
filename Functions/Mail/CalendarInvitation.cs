using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace IrpFlows.Mail;

/// <summary>
/// An all-day event from <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive, sent as an invitation.
/// <see cref="Uid"/> must stay the same for every version of the same event, and <see cref="Sequence"/> must grow with
/// each change to it, so that calendars replace the event rather than add another; <see cref="Stamp"/> is when this
/// version was written.
/// </summary>
public sealed record CalendarInvitation(
    string Uid,
    int Sequence,
    string Summary,
    string Description,
    string Location,
    DateOnly FirstDay,
    DateOnly LastDay,
    EmailAddress Organizer,
    IReadOnlyList<EmailAddress> Attendees,
    DateTimeOffset Stamp)
{
    /// <summary>The MIME type of what <see cref="ToICalendar"/> returns.</summary>
    public const string ContentType = "text/calendar; method=REQUEST; charset=UTF-8";

    /// <summary>
    /// The invitation as an iCalendar (RFC 5545) <c>METHOD:REQUEST</c> object. The days are dates, not times, so the
    /// event covers the same days in every time zone and needs no VTIMEZONE; DTEND is exclusive, so a Monday-to-Wednesday
    /// visit ends on Thursday.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="LastDay"/> is before <see cref="FirstDay"/>.</exception>
    public string ToICalendar()
    {
        if (LastDay < FirstDay)
        {
            throw new ArgumentException("The last day of the event is before its first day.", nameof(LastDay));
        }

        var visit = new CalendarEvent
        {
            Uid = Uid,
            Sequence = Sequence,
            DtStamp = new CalDateTime(Stamp.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(FirstDay),
            DtEnd = new CalDateTime(LastDay.AddDays(1)),
            Status = EventStatus.Confirmed,
            Summary = Summary,
            Description = Description,
            Location = Location,
            Organizer = new Organizer("mailto:" + Organizer.Address) { CommonName = Organizer.Name },
        };
        foreach (var attendee in Attendees)
        {
            visit.Attendees.Add(new Attendee("mailto:" + attendee.Address)
            {
                CommonName = attendee.Name,
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }
        var calendar = new Ical.Net.Calendar { ProductId = "-//HM Inspectorate of Prisons//IrpFlows//EN", Method = CalendarMethods.Request };
        calendar.Events.Add(visit);
        return new CalendarSerializer().SerializeToString(calendar)!; // null only for a null calendar
    }
}
