using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Probation;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Probation.ProbationRequests;

namespace IrpFlows.Tests.Probation;

/// <summary>
/// <c>/api/probation-inspections</c> over HTTP on the real app and Azurite: the IRPs' contract (function key, 202 with URLs,
/// problem details naming the field, nothing half-written), the list, the ratings summary, and IRPs kept apart.
/// </summary>
public sealed class ProbationApiTests
{
    [Fact]
    public async Task WithoutTheKey_Gets401()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/probation-inspections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BadRequest_Gets400NamingEachField_AndNothingIsWritten()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var request = Inspection("2027-02-10", type: "yot");
        request["contacts"]!["chiefExecutive"]!["email"] = "not an address";

        using var response = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["contacts.chiefExecutive.email", "fieldworkStart", "organisation.type"], errors.Select(e => e.Key).Order());
        Assert.Contains("must be a Monday", errors["fieldworkStart"]![0]!.GetValue<string>());
        Assert.Empty((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/probation-inspections"))!);
    }

    [Fact]
    public async Task HostileText_Gets400NamingTheField_AsForIrps_AndNothingIsWritten()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var huge = Inspection("2027-02-08");
        huge["organisation"]!["name"] = new string('N', 40_000); // more than a Table storage property holds
        var bell = Inspection("2027-02-08");
        bell["contacts"]!["leadInspector"]!["name"] = "Lead\u0007Inspector";
        foreach (var (body, field) in new[] { (huge, "organisation.name"), (bell, "contacts.leadInspector.name") })
        {
            using var response = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field), field);
        }
        Assert.Empty((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/probation-inspections"))!);

        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));
        using var rightToLeft = await app.RaiseProbationAsync(id, "SeniorLinkManagerNamed", new { name = "Sam \u202ELink", email = "sam.link@justice.example" });
        Assert.Equal(HttpStatusCode.BadRequest, rightToLeft.StatusCode);
        Assert.True((await rightToLeft.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("name"));
        using var longReason = await app.Coordinator.PostAsync($"/api/probation-inspections/{id}/terminate?reason={new string('r', 501)}", null);
        Assert.Equal(HttpStatusCode.BadRequest, longReason.StatusCode);
        var inspection = await app.GetProbationAsync(id);
        Assert.NotEqual("Terminated", inspection.Text("runtimeStatus"));
        Assert.Null(inspection["contacts"]!["seniorLinkManager"]);
    }

    [Fact]
    public async Task FieldworkTooSoonForANineWeekAnnouncement_Gets400()
    {
        await using var app = await IrpFlowsApp.StartAsync(); // Monday 23 November 2026

        using var response = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections", Inspection("2027-01-04"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["fieldworkStart"]![0]!.GetValue<string>();
        Assert.Equal("is too soon: the announcement call falls on 2026-11-05 (Thursday of week -9, manual 3.3), before today (2026-11-23)", error);
    }

    [Fact]
    public async Task Create_Returns202WithUrls_IsListed_AndKeptApartFromIrps()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var created = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections", Inspection("2027-02-08", type: "crc", nation: "wales"));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body.Text("id");
        Assert.Equal(created.Headers.Location!.ToString(), body.Text("statusQueryGetUri"));
        Assert.EndsWith($"/api/probation-inspections/{id}/events/{{eventName}}", body.Text("sendEventPostUri"));

        var listed = Assert.Single((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/probation-inspections"))!)!.AsObject();
        Assert.Equal((id, "2027-02-08", "preparation"), (listed.Text("id"), listed.Text("fieldworkStart"), listed["nextStep"]!.Text("id")));
        Assert.Equal("crc", listed["organisation"]!.Text("type"));
        Assert.Empty((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Coordinator.GetAsync($"/api/irps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Coordinator.GetAsync("/api/probation-inspections/no-such-id")).StatusCode);

        var inspection = await app.GetProbationAsync(id);
        var steps = Steps(inspection);
        Assert.Equal("skipped", steps["local-assessor-training"].Text("status")); // CRC: no local assessors (3.9)
        Assert.Equal("local assessors take part in NPS inspections only (manual 3.9)", steps["local-assessor-briefing"].Text("skippedReason"));
        Assert.Equal("pending", steps["nps-division-notice"].Text("status")); // CRC: the NPS division is told (6.1)
        // 6.10: fieldwork week one from Monday 8 February 2027 13:00 to Friday 12 February 14:00 (GMT); a moment has no end.
        Assert.Equal(("13:00", new DateTimeOffset(2027, 2, 8, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 12, 14, 0, 0, TimeSpan.Zero)),
            (steps["fieldwork-week-1"].Text("time"), steps["fieldwork-week-1"]["due"]!.GetValue<DateTimeOffset>(), steps["fieldwork-week-1"]["endsAt"]!.GetValue<DateTimeOffset>()));
        Assert.Null(steps["announcement-call"]["endsAt"]);
        Assert.Equal(("2027-06-21", "week +17", "Probation manual 7.4"),
            (steps["publication"].Text("date"), steps["publication"].Text("week"), steps["publication"].Text("source"))); // Wales
        Assert.Equal(["Unpaid work", "Through the Gate"],
            inspection["ratings"]!["standards"]!.AsArray().Where(s => s!["domain"]!.GetValue<int>() == 3).Select(s => s!.Text("title")));
    }

    [Fact]
    public async Task EventsAndRatings_RefusedWithTheRightStatus_AndTheSummaryShowsWhatIsRated()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));

        async Task<(HttpStatusCode, JsonObject)> Answer(Task<HttpResponseMessage> call)
        {
            using var response = await call;
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }

        var (unknown, unknownBody) = await Answer(app.RaiseProbationAsync(id, "VisitRescheduled", new { }));
        Assert.Equal((HttpStatusCode.BadRequest, true), (unknown, unknownBody["errors"]!.AsObject().ContainsKey("eventName")));
        var (tuesday, tuesdayBody) = await Answer(app.RaiseProbationAsync(id, "FieldworkRescheduled", new { fieldworkStart = "2027-02-16" }));
        Assert.Equal((HttpStatusCode.BadRequest, true), (tuesday, tuesdayBody["errors"]!.AsObject().ContainsKey("fieldworkStart")));
        var (beforeCall, beforeCallBody) = await Answer(app.RaiseProbationAsync(id, "PlanningMeetingHeld", new { date = "2026-11-20" }));
        Assert.Equal((HttpStatusCode.BadRequest, true), (beforeCall, beforeCallBody["errors"]!.AsObject().ContainsKey("date"))); // the call is on 10 December
        var (early, _) = await Answer(app.RaiseProbationAsync(id, "DraftIssued"));
        Assert.Equal(HttpStatusCode.Conflict, early); // before fieldwork
        var (badLink, badLinkBody) = await Answer(app.RaiseProbationAsync(id, "SeniorLinkManagerNamed", new { name = "Sam Link", email = "sam" }));
        Assert.Equal((HttpStatusCode.BadRequest, true), (badLink, badLinkBody["errors"]!.AsObject().ContainsKey("email")));

        var (offScale, offScaleBody) = await Answer(app.RateAsync(id, "1.1", "Excellent"));
        Assert.Equal((HttpStatusCode.BadRequest, true), (offScale, offScaleBody["errors"]!.AsObject().ContainsKey("rating")));
        var (noSuchStandard, _) = await Answer(app.RateAsync(id, "4.1", "Good"));
        Assert.Equal(HttpStatusCode.NotFound, noSuchStandard);
        var (beforeFieldwork, beforeFieldworkBody) = await Answer(app.RateAsync(id, "2.3", "RequiresImprovement"));
        Assert.Equal((HttpStatusCode.Conflict, true), (beforeFieldwork, beforeFieldworkBody["errors"]!.AsObject().ContainsKey("rating")));
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 8, 9, 0, 0, TimeSpan.Zero)); // fieldwork week one: ratings are drafted from now (2.3)
        using var rated = await app.RateAsync(id, "2.3", "RequiresImprovement");
        Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);

        var ratings = (await app.GetProbationAsync(id))["ratings"]!.AsObject();
        Assert.Equal("RequiresImprovement", ratings["standards"]!.AsArray().Single(s => s!.Text("standard") == "2.3")!.Text("rating"));
        Assert.Null(ratings["overall"]); // not until all ten are rated (manual 7.1)
        Assert.Equal(
            ProbationPlanner.RatingsRecorded,
            Steps(await app.GetProbationAsync(id))["ratings-to-organisation"].Text("waitingFor"));
    }

    [Fact]
    public async Task TheCaseSamples_ArriveThroughTheUploadLinkOfTheConfirmingEmail_EachItsOwnItem_AndNeedNoReminder()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateProbationAsync(Inspection("2027-02-08"));
        await app.MoveClockAsync(new DateTimeOffset(2026, 12, 14, 12, 0, 0, TimeSpan.Zero)); // the confirming email (week -8)

        var link = Emails.Link(Emails.PlainText(await app.RawEmailAsync(id, "announcement-email")), "/upload/");
        Assert.Equal(link, new Uri((await app.GetProbationAsync(id)).Text("uploadLink")));
        using var page = await app.Anonymous.GetAsync(link.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<span class=\"moj-header__link moj-header__link--organisation-name\">HM Inspectorate of Probation</span>", html);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Evidence and case samples for the inspection of Kent, Surrey and Sussex NPS division</h1>", html);
        Assert.Contains("by <strong>Wednesday 20 January 2027</strong>", html); // the domain three samples' deadline (4.4)
        // Local policy: the Friday of week -7 (4.4), Christmas Day, so the working day before.
        Assert.Contains("The domain two long list is due by Thursday 24 December 2026", html);

        var token = link.Segments[^1];
        await app.UploadDocumentAsync(token, "domain-two-long-list", "long-list.xlsx.pdf", TestFiles.Pdf("long list"));
        await app.UploadDocumentAsync(token, "case-sample", "court-reports.pdf", TestFiles.Pdf("court reports"));
        Assert.Equal("pending", Steps(await app.GetProbationAsync(id))["case-sample-reminder"].Text("status")); // victim work still to come
        await app.RaiseAcceptedAsync(id, "SampleReturned", new { sample = "victim-work-sample" }); // sent by secure email instead
        using var crcSample = await app.RaiseProbationAsync(id, "SampleReturned", new { sample = "unpaid-work-sample" });
        Assert.Equal(HttpStatusCode.BadRequest, crcSample.StatusCode); // a CRC's sample (4.1)
        using var irpItem = await app.BeginUploadAsync(token, "manager-pro-forma", new { fileName = "pro-forma.pdf", size = 10, contentType = "application/pdf" });
        Assert.Equal(HttpStatusCode.NotFound, irpItem.StatusCode); // an IRP's document is not asked of a probation provider

        var inspection = await app.GetProbationAsync(id);
        var documents = inspection["documents"]!.AsArray().ToDictionary(d => d!.Text("key"), d => d!.Text("status"));
        Assert.Equal(["evidence-in-advance", "domain-two-long-list", "domain-two-provisional-list", "case-sample", "victim-work-sample"], documents.Keys);
        Assert.Equal(("missing", "received", "received"), (documents["evidence-in-advance"], documents["domain-two-long-list"], documents["case-sample"]));
        await app.CatchUpAsync();
        var steps = Steps(await app.GetProbationAsync(id));
        Assert.Equal("skipped", steps["case-sample-reminder"].Text("status"));
        Assert.Equal("skipped", steps["domain-two-long-list-reminder"].Text("status"));
    }
}
