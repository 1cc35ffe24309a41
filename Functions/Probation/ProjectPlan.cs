using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>
/// The external project plan (manual 3.4): the inspection's key dates from pre-fieldwork to post-fieldwork, generated from
/// its timeline, as a table the senior link manager can check (CSV) and as calendar entries to record in an electronic diary
/// (iCalendar), which 3.4 suggests.
/// </summary>
public static class ProjectPlan
{
    public static IReadOnlyList<MailAttachment> Attachments(string instanceId, ProbationFacts facts, IReadOnlyList<PlannedStep> timeline, DateTimeOffset stamp) =>
    [
        new("project-plan.csv", "text/csv; charset=utf-8", BinaryData.FromString(Csv(facts, timeline))),
        new("project-plan.ics", "text/calendar; method=PUBLISH; charset=UTF-8", BinaryData.FromString(ICalendar(instanceId, facts, timeline, stamp))),
    ];

    /// <summary>
    /// One row per step that will happen, in date order: week, date, time, activity, who, the manual's section, and for a step
    /// that lasts (a fieldwork week, a training day) the date and time it ends.
    /// </summary>
    public static string Csv(ProbationFacts facts, IReadOnlyList<PlannedStep> timeline)
    {
        var csv = new StringBuilder("Week,Date,Time,Activity,Who,Source,End date,End time\r\n");
        foreach (var step in Planned(timeline))
        {
            csv.AppendJoin(',', new[]
            {
                ProbationPlanner.WeekOf(facts, step.Date), step.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                step.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "", step.Title, step.Concerns, step.Source,
                step.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", step.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            }.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// An event per step: from its start to its end for a step that lasts (a fieldwork week from Monday afternoon to Friday, a
    /// training day), all-day otherwise. Each event's UID is the inspection and step, so a later plan replaces the earlier one's.
    /// </summary>
    public static string ICalendar(string instanceId, ProbationFacts facts, IReadOnlyList<PlannedStep> timeline, DateTimeOffset stamp)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//HM Inspectorate of Probation//IrpFlows//EN", Method = "PUBLISH" };
        foreach (var step in Planned(timeline))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{instanceId}-{step.Id}@irpflows",
                DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId),
                // Timed events in UTC, which every client shows in its own zone; no VTIMEZONE to get wrong.
                DtStart = step.Ends is null ? new CalDateTime(step.Date) : new CalDateTime(step.Due.UtcDateTime, CalDateTime.UtcTzId),
                DtEnd = step.Ends is { } ends ? new CalDateTime(ends.UtcDateTime, CalDateTime.UtcTzId) : new CalDateTime(step.Date.AddDays(1)),
                Summary = $"{facts.Organisation.Name}: {step.Title}",
                Description = $"{ProbationPlanner.WeekOf(facts, step.Date)}{When(step)}. {step.Concerns}. {step.Source}.",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!; // null only for a null calendar
    }

    // ", 16:00"; ", 13:00 until Friday 6 October 2028, 14:00" for a step that lasts.
    private static string When(PlannedStep step) =>
        (step.Time is { } t ? $", {t:HH\\:mm}" : "")
        + (step.EndDate is { } end && step.EndTime is { } until
            ? $" until {(end == step.Date ? "" : end.ToString("dddd d MMMM yyyy, ", CultureInfo.InvariantCulture))}{until:HH\\:mm}"
            : "");

    private static IEnumerable<PlannedStep> Planned(IReadOnlyList<PlannedStep> timeline) => timeline.Where(s => s.Applicable).OrderBy(s => s.Date);

    // RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes.
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
