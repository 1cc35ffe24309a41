using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Timeline;
using IrpFlows.Probation;
using IrpFlows.Workflow;

namespace IrpFlows.Programme;

/// <summary>
/// The programme as an iCalendar feed (<c>GET /calendar.ics?token=…</c>) for Outlook to subscribe to: calendar clients
/// cannot sign in, so the token is the authority. A token is a random id and its HMAC; only the id stored now is accepted,
/// so replacing it revokes the old one. The id lives in the workflow table, in a partition no IRP can have.
/// </summary>
public sealed class CalendarFeed(TableServiceClient tables, WorkflowOptions workflow, IConfiguration configuration, TimeProvider time, ProbationPlanner planner)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Partition = "~calendar-feed";
    private const string Row = "token";

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("irpflows-calendar-feed\n" + configuration[UploadTokens.SigningKeySetting]));
    private TableClient Table => tables.GetTableClient(workflow.InstancesTable);

    /// <summary>The feed's token now, made on first use.</summary>
    public async Task<string> TokenAsync(CancellationToken ct)
    {
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (stored.HasValue && stored.Value!.GetString("Id") is { } id) return Token(id);
        var fresh = NewId();
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, Row) { ["Id"] = fresh }, ct);
            return Token(fresh);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another request made it first: use that one.
            return Token((await Table.GetEntityAsync<TableEntity>(Partition, Row, cancellationToken: ct)).Value.GetString("Id")!);
        }
    }

    /// <summary>Replaces the token: the old one stops working at once.</summary>
    public async Task<string> ReplaceTokenAsync(CancellationToken ct)
    {
        var id = NewId();
        await Table.UpsertEntityAsync(new TableEntity(Partition, Row) { ["Id"] = id }, TableUpdateMode.Replace, ct);
        return Token(id);
    }

    public async Task<bool> IsValidAsync(string? token, CancellationToken ct)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0) return false;
        var id = token[..dot];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(id)), Encoding.ASCII.GetBytes(token))) return false;
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return stored.HasValue && stored.Value!.GetString("Id") == id;
    }

    /// <summary>
    /// Every IRP's visit (one event over its days) and its deadlines (all-day events), and every probation inspection's
    /// fieldwork weeks (Monday afternoon to Friday each, timed as the planner times them, manual 6.10) and key dates, from the lists alone. A cancelled one's events stay, marked
    /// cancelled, so subscribers see them go rather than vanish.
    /// </summary>
    public string Render(IEnumerable<IrpListItem> irps, IEnumerable<ProbationListItem> inspections)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//HM Inspectorate of Prisons//IrpFlows//EN" };
        calendar.AddProperty("X-WR-CALNAME", "IRP programme");
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        foreach (var irp in irps)
        {
            var cancelled = irp.RuntimeStatus == nameof(RuntimeStatus.Terminated);
            var name = irp.Establishment.Name;
            var visitEnd = irp.Milestones.GetValueOrDefault(IrpSteps.VisitEnd, irp.VisitStart);
            calendar.Events.Add(Event($"{irp.Id}-visit", $"IRP visit: {name}", irp.VisitStart, visitEnd, cancelled, stamp));
            foreach (var (step, title) in Deadlines)
            {
                if (irp.Milestones.TryGetValue(step, out var date))
                    calendar.Events.Add(Event($"{irp.Id}-{step}", $"{title}: {name}", date, date, cancelled, stamp));
            }
        }
        foreach (var inspection in inspections)
        {
            var cancelled = inspection.RuntimeStatus == nameof(RuntimeStatus.Terminated);
            var name = inspection.Organisation.Name;
            foreach (var (step, title) in ProbationDates)
            {
                if (!inspection.Milestones.TryGetValue(step, out var date)) continue;
                var uid = $"{inspection.Id}-{step}";
                if (step is ProbationSteps.FieldworkWeek1 or ProbationSteps.FieldworkWeek2 or ProbationSteps.FieldworkWeek3)
                {
                    // A fieldwork week's step falls on its first working day; the team is on site from its afternoon to the Friday's (6.10).
                    var (starts, ends) = planner.FieldworkWeek(date);
                    calendar.Events.Add(Timed(Event(uid, $"{title}: {name}", date, date, cancelled, stamp), starts, ends));
                }
                else
                {
                    calendar.Events.Add(Event(uid, $"{title}: {name}", date, date, cancelled, stamp));
                }
            }
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static readonly (string Step, string Title)[] ProbationDates =
    [
        (ProbationSteps.AnnouncementCall, "Probation announcement call"), (ProbationSteps.CaseSampleReturn, "Probation case sample due"),
        (ProbationSteps.FieldworkWeek1, "Probation fieldwork week 1"), (ProbationSteps.FieldworkWeek2, "Probation fieldwork week 2"),
        (ProbationSteps.FieldworkWeek3, "Probation fieldwork week 3"), (ProbationSteps.RatingsToOrganisation, "Probation ratings to the organisation"),
        (ProbationSteps.DraftReport, "Probation draft report due"), (ProbationSteps.FactualAccuracyDeadline, "Probation factual accuracy deadline"),
        (ProbationSteps.Publication, "Probation publication"),
    ];

    private static readonly (string Step, string Title)[] Deadlines =
    [
        (IrpSteps.Announcement, "IRP announcement"), (IrpSteps.PreparationVisit, "IRP preparation visit"), (IrpSteps.DocumentsDeadline, "IRP documents due"),
        (IrpSteps.DraftReport, "IRP draft report due"), (IrpSteps.FactCheckDeadline, "IRP fact check due"),
        (IrpSteps.PublicationDeadline, "IRP publication deadline"),
    ];

    private static CalendarEvent Event(string uid, string summary, DateOnly first, DateOnly last, bool cancelled, CalDateTime stamp) => new()
    {
        Uid = uid + "@irpflows",
        DtStamp = stamp,
        DtStart = new CalDateTime(first),
        DtEnd = new CalDateTime(last.AddDays(1)),
        Summary = cancelled ? "Cancelled: " + summary : summary,
        Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        Transparency = TransparencyType.Transparent,
    };

    // In UTC, which every client shows in its own zone.
    private static CalendarEvent Timed(CalendarEvent allDay, DateTimeOffset starts, DateTimeOffset ends)
    {
        allDay.DtStart = new CalDateTime(starts.UtcDateTime, CalDateTime.UtcTzId);
        allDay.DtEnd = new CalDateTime(ends.UtcDateTime, CalDateTime.UtcTzId);
        return allDay;
    }

    private string Token(string id) => id + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(id)));

    private static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
