using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// The announcement as the manual runs it (3.3–3.5), over HTTP on the development clock: the people named, the call recorded as
/// it was made (by the lead or the deputy, any day, with a warning outside week -9), the planning meeting agreed within a week
/// of it, and the confirming email saying what was recorded and nothing more.
/// </summary>
public sealed class ProbationAnnouncementTests
{
    private static DateTimeOffset Noon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CallByTheDeputy_AndTheMeetingAgreedOnIt_AreWhatTheConfirmingEmailSays()
    {
        // Fieldwork from Monday 8 February 2027: week -9 runs from Monday 7 December 2026. The clock starts on 23 November.
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));

        var (unknownRole, unknownRoleBody) = await Answer(app.RaiseProbationAsync(id, "ContactNamed", new { role = "governor", name = "Gus", email = "gus@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole);
        Assert.StartsWith("must be one of leadInspector, chiefExecutive, seniorLinkManager, deputyLead,", Error(unknownRoleBody, "role"));
        // 6.1: an NPS division is told of unpaid work cases when a CRC is inspected; this is the division itself.
        var (division, divisionBody) = await Answer(app.RaiseProbationAsync(id, "ContactNamed", new { role = "npsDivision", name = "Nia", email = "nia@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, division);
        Assert.Contains("manual 6.1", Error(divisionBody, "role"));
        // A call cannot be recorded before it is made, nor by a deputy nobody named.
        var (future, futureBody) = await Answer(app.RaiseProbationAsync(id, "AnnouncementCallMade", new { date = "2026-12-10" }));
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.Equal("must not be in the future (today is 2026-11-23).", Error(futureBody, "date"));
        var (noDeputy, noDeputyBody) = await Answer(app.RaiseProbationAsync(id, "AnnouncementCallMade", new { date = "2026-11-23", by = "deputyLead" }));
        Assert.Equal(HttpStatusCode.Conflict, noDeputy);
        Assert.Contains("ContactNamed with role deputyLead", Error(noDeputyBody, "by"));
        var (lateMeeting, lateMeetingBody) = await Answer(app.RaiseProbationAsync(id, "PlanningMeetingAgreed", new { at = "2026-12-18 10:00" }));
        Assert.Equal(HttpStatusCode.BadRequest, lateMeeting);
        Assert.Contains("yyyy-MM-ddTHH:mm", Error(lateMeetingBody, "at"));
        var (minutesFirst, _) = await Answer(app.PutProbationReportAsync(id, "planning-meeting-minutes", "minutes.pdf", TestFiles.Pdf("minutes")));
        Assert.Equal(HttpStatusCode.Conflict, minutesFirst); // no call, no meeting to minute (3.5)
        Assert.Single((await app.GetProbationAsync(id))["history"]!.AsArray()); // the start, and nothing refused

        // Friday 11 December: the lead is away; the deputy, named now, makes the call (3.3).
        await app.MoveClockAsync(Noon(2026, 12, 11));
        await app.RaiseAcceptedAsync(id, "ContactNamed", new { role = "deputyLead", name = "Dee Deputy", email = "dee.deputy@hmiprobation.example" });
        var (made, madeBody) = await Answer(app.RaiseProbationAsync(id, "AnnouncementCallMade", new { date = "2026-12-11", by = "deputyLead" }));
        Assert.Equal((HttpStatusCode.Accepted, null), (made, madeBody)); // in week -9: no warning
        await app.RaiseAcceptedAsync(id, "AnnouncementCallMade", new { date = "2026-12-11", by = "deputyLead" }); // the same again records nothing

        // 3.5: "within one week of the announcement": the 19th is eight days after the call; the 16th is agreed.
        var (tooLate, tooLateBody) = await Answer(app.RaiseProbationAsync(id, "PlanningMeetingAgreed", new { at = "2026-12-19T10:00" }));
        Assert.Equal(HttpStatusCode.BadRequest, tooLate);
        Assert.StartsWith("must be within one week of the announcement call on 2026-12-11, from 2026-12-11 to 2026-12-18 (manual 3.5", Error(tooLateBody, "at"));
        await app.RaiseAcceptedAsync(id, "PlanningMeetingAgreed", new { at = "2026-12-16T10:00" });

        var inspection = await app.GetProbationAsync(id);
        var steps = Steps(inspection);
        Assert.Equal(("2026-12-11", "Announcement telephone call made"), (steps["announcement-call"].Text("date"), steps["announcement-call"].Text("title")));
        Assert.Equal(("2026-12-16", "10:00", "Telephone planning meeting (agreed)"),
            (steps["planning-meeting"].Text("date"), steps["planning-meeting"].Text("time"), steps["planning-meeting"].Text("title")));
        Assert.Equal("dee.deputy@hmiprobation.example", inspection["contacts"]!["deputyLead"]!.Text("email"));
        Assert.Equal(3, inspection["history"]!.AsArray().Count(e => e!.Text("type") is "ContactNamed" or "AnnouncementCallMade" or "PlanningMeetingAgreed"));

        // Week -8, Monday 14 December: the confirming email names the call as recorded and the meeting as agreed.
        await app.MoveClockAsync(Noon(2026, 12, 14));
        var text = Emails.Parse(await app.RawEmailAsync(id, "announcement-email")).TextBody;
        Assert.Contains("Further to the telephone call from Dee Deputy, deputy lead inspector, on Friday 11 December 2026, I confirm that", text);
        Assert.Contains("Telephone planning meeting: Wednesday 16 December 2026 at 10:00, as agreed on the call.", text);

        // 3.5: the lead's minutes of the meeting go at once, attached, to the senior link manager (here still the director) and the administrator.
        await app.MoveClockAsync(Noon(2026, 12, 16).AddHours(4));
        await app.RaiseAcceptedAsync(id, "ContactNamed", new { role = "administrator", name = "Ada Admin", email = AdminEmail });
        var (minutes, _) = await Answer(app.PutProbationReportAsync(id, "planning-meeting-minutes", "minutes.pdf", TestFiles.Pdf("minutes")));
        Assert.Equal(HttpStatusCode.OK, minutes);
        await app.CatchUpAsync();
        var sent = await app.EmailAsync(id, "planning-meeting-minutes");
        Assert.Equal([ChiefEmail], Emails.Addresses(sent, "to"));
        Assert.Equal([AdminEmail, LeadEmail], Emails.Addresses(sent, "cc").Order(StringComparer.Ordinal));
        var (attachedName, attached) = Emails.SingleAttachment(await app.RawEmailAsync(sent));
        Assert.Equal("minutes.pdf", attachedName);
        Assert.Equal(TestFiles.Pdf("minutes"), attached);
        var (again, _) = await Answer(app.PutProbationReportAsync(id, "planning-meeting-minutes", "minutes-2.pdf", TestFiles.Pdf("minutes 2")));
        Assert.Equal(HttpStatusCode.Conflict, again); // they have gone

        // Once confirmed, the call it followed can no longer change.
        var (changed, _) = await Answer(app.RaiseProbationAsync(id, "AnnouncementCallMade", new { date = "2026-12-10" }));
        Assert.Equal(HttpStatusCode.Conflict, changed);
    }

    [Fact]
    public async Task CallOutsideWeekMinus9_IsRecordedWithAWarning_AndTheConfirmingEmailFollowsIt()
    {
        // Fieldwork from Monday 1 March 2027: week -9 begins on 28 December 2026, but the call is made today, Monday 23 November (week -14).
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-03-01"));

        var (made, body) = await Answer(app.RaiseProbationAsync(id, "AnnouncementCallMade", new { date = "2026-11-23" }));

        Assert.Equal(HttpStatusCode.Accepted, made);
        Assert.StartsWith("The call on 2026-11-23 is in week -14, not week -9 (from 2026-12-28) as the manual expects (3.3)", body!["warnings"]![0]!.GetValue<string>());
        var steps = Steps(await app.GetProbationAsync(id));
        // 3.3: the email comes "on the first working day of the week following the call".
        Assert.Equal("2026-11-30", steps["announcement-email"].Text("date"));
        Assert.Equal("2026-11-30", steps["planning-meeting"].Text("date")); // 3.5: within a week of the call
    }

    [Fact]
    public async Task Create_TakesEveryPersonTheManualNames_AndTheNpsDivisionOnlyForACrc()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        JsonObject Person(string name) => new() { ["name"] = name, ["email"] = name.ToLowerInvariant().Replace(' ', '.') + "@example.org" };
        var nps = Inspection("2027-02-08");
        nps["contacts"]!["npsDivision"] = Person("Nia Division");

        var (refused, body) = await Answer(app.Coordinator.PostAsJsonAsync("/api/probation-inspections", nps));

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("manual 6.1", Error(body, "contacts.npsDivision"));
        var crc = Inspection("2027-02-08", type: "crc");
        foreach (var (role, name) in new[] { ("deputyLead", "Dee Deputy"), ("administrator", "Ada Admin"), ("headOfInspection", "Hal Head"), ("osag", "Os Ag"), ("npsDivision", "Nia Division") })
            crc["contacts"]![role] = Person(name);
        var contacts = (await app.GetProbationAsync(await app.CreateProbationAsync(crc)))["contacts"]!;
        Assert.Equal(["Dee Deputy", "Ada Admin", "Hal Head", "Os Ag", "Nia Division"],
            new[] { "deputyLead", "administrator", "headOfInspection", "osag", "npsDivision" }.Select(role => contacts[role]!.Text("name")));
    }

    [Fact]
    public async Task LocalAssessors_BeyondTheManualsNumbers_AreRecordedWithWarnings_AndOnlyForAnNpsDivision()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var nps = await app.CreateProbationAsync(Inspection("2027-02-08"));
        var crc = await app.CreateProbationAsync(Inspection("2027-02-08", type: "crc", name: "Kent, Surrey and Sussex CRC"));

        // 3.9: "Up to a maximum of ten people can be trained"; "Four to six Local Assessors will be used".
        var (withinStatus, within) = await Answer(app.RaiseProbationAsync(nps, "LocalAssessorsNominated", new { trained = 8, deployed = 5 }));
        Assert.Equal((HttpStatusCode.Accepted, null), (withinStatus, within));
        var (beyondStatus, beyond) = await Answer(app.RaiseProbationAsync(nps, "LocalAssessorsNominated", new { trained = 12, deployed = 3 }));
        Assert.Equal(HttpStatusCode.Accepted, beyondStatus);
        Assert.Equal(["12 are to be trained; the manual allows up to a maximum of ten (3.9).", "3 are to be deployed; the manual uses four to six on each NPS inspection (3.9)."],
            beyond!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal(12, (await app.GetProbationAsync(nps))["localAssessors"]!["trained"]!.GetValue<int>());

        var (tooMany, tooManyBody) = await Answer(app.RaiseProbationAsync(nps, "LocalAssessorsNominated", new { trained = 4, deployed = 5 }));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.StartsWith("must not be more than the 4 trained", Error(tooManyBody, "deployed"));
        var (onCrc, _) = await Answer(app.RaiseProbationAsync(crc, "LocalAssessorsNominated", new { trained = 8, deployed = 5 }));
        Assert.Equal(HttpStatusCode.Conflict, onCrc);
    }
}
