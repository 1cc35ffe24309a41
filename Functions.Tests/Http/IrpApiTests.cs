using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Http;

/// <summary>The coordinator API over HTTP on the real app and real Azurite: contract, errors, durability, the dev clock.</summary>
public sealed class IrpApiTests
{
    [Fact]
    public async Task Health_IsAnonymous()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var response = await app.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task CoordinatorEndpoints_WithoutTheRightKey_Get401Problem_WithNoHintOfTheKey(string? key)
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var client = app.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("x-functions-key", key);

        foreach (var path in new[] { "/api/irps", "/api/outbox", "/api/dev/clock" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(IrpFlowsApp.CoordinatorKey, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Preview_ReturnsTheDatesOfTheTimeline_AndCreatesNothing()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var response = await app.Coordinator.PostAsJsonAsync("/api/irps/preview", IrpRequests.Elmley());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var dates = preview["timeline"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["date"]!.GetValue<string>());
        Assert.Equal("2026-11-23", dates["announcement"]);
        Assert.Equal("2027-02-08", dates["documents-deadline"]); // five working days before Monday 15 February 2027
        Assert.Equal("2027-02-17", dates["visit-end"]);
        Assert.Equal("2027-03-03", dates["draft-report"]);          // ten working days after the visit
        Assert.Equal("2027-03-24", dates["publication-deadline"]);  // 25 working days after the visit
        Assert.Equal("Prison guide 7.4", preview["timeline"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "documents-deadline")!["source"]!.GetValue<string>());
        Assert.Empty((await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!);
    }

    [Fact]
    public async Task Create_Returns202_WithDurableStyleUrls_AndTheIrpIsListedAndReadable()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var response = await app.Coordinator.PostAsJsonAsync("/api/irps", IrpRequests.Elmley());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(created["statusQueryGetUri"]!.GetValue<string>(), response.Headers.Location!.ToString());
        Assert.EndsWith($"/api/irps/{id}", created["statusQueryGetUri"]!.GetValue<string>());
        Assert.EndsWith($"/api/irps/{id}/events/{{eventName}}", created["sendEventPostUri"]!.GetValue<string>());
        Assert.Contains($"/api/irps/{id}/terminate", created["terminatePostUri"]!.GetValue<string>());

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("prison", irp["kind"]!.GetValue<string>());
        Assert.Equal("Pending", irp["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("2027-02-17", irp["visitEnd"]!.GetValue<string>());
        foreach (var step in new[] { "announcement", "documents-request", "documents-deadline", "visit-start", "visit-end", "debrief",
                     "liaison-feedback", "draft-report", "publication-deadline", "governor-feedback", "material-destruction", "documents-reminder-1" })
            Assert.Equal("pending", IrpFlowsApp.Step(irp, step)["status"]!.GetValue<string>());
        // No upload link to show before the documents request has gone with it.
        Assert.Null(irp["uploadLink"]);

        var list = (await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!;
        var item = Assert.Single(list)!;
        Assert.Equal(id, item["id"]!.GetValue<string>());
        Assert.Equal("HMP Elmley", item["establishment"]!["name"]!.GetValue<string>());
        Assert.Equal("announcement", item["nextStep"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_InPages_FollowsTheNextLink_ToEveryIrpOnce_ByVisitDate_WithFiltersDoneAsAsked()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var visits = new[] { "2027-03-08", "2027-02-15", "2028-01-10", "2027-02-22", "2027-06-07" };
        var ids = new List<string>();
        for (var i = 0; i < visits.Length; i++) ids.Add(await app.CreateIrpAsync(IrpRequests.Elmley($"HMP Paging {i}", visitStart: visits[i])));
        Assert.Equal(HttpStatusCode.Accepted, (await app.Coordinator.PostAsync($"/api/irps/{ids[0]}/terminate", null)).StatusCode);

        async Task<List<string>> AllPagesAsync(string first)
        {
            var listed = new List<string>();
            for (string? next = first; next is not null;)
            {
                var page = await app.Coordinator.GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var items = (await page.Content.ReadFromJsonAsync<JsonArray>())!;
                Assert.InRange(items.Count, 0, 2);
                listed.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
                next = page.Headers.TryGetValues("Link", out var links)
                    ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value
                    : null;
            }
            return listed;
        }

        var byVisit = visits.Select((v, i) => (v, ids[i])).OrderBy(x => x.v, StringComparer.Ordinal).Select(x => x.Item2).ToList();
        Assert.Equal(byVisit, await AllPagesAsync("/api/irps?top=2"));
        Assert.Equal(byVisit.Where(id => id != ids[0] && id != ids[2]), await AllPagesAsync("/api/irps?top=2&year=2027&status=pending&kind=prison"));
        Assert.Equal([ids[0]], await AllPagesAsync("/api/irps?top=2&status=Terminated"));
        Assert.Empty(await AllPagesAsync("/api/irps?top=2&kind=immigration"));
        // Without top, every IRP at once, as the list always answered.
        var all = await app.Coordinator.GetAsync("/api/irps");
        Assert.False(all.Headers.Contains("Link"));
        Assert.Equal(byVisit, (await all.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => i!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("top=501", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("year=27", "year")]
    [InlineData("status=Sleeping", "status")]
    [InlineData("status=1", "status")]
    [InlineData("kind=probation", "kind")]
    [InlineData("top=5&continuation=%F0%9F%92%A5", "continuation")]
    public async Task List_WithAParameterItCannotRead_Gets400NamingIt(string query, string field)
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var response = await app.Coordinator.GetAsync("/api/irps?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
    }

    public static TheoryData<string, string, string> BadCreateBodies => new()
    {
        { "{ \"kind\": \"prison\", ", "application/json", "body" },
        { "{ \"kind\": \"prison\", \"visitStart\": 20270215 }", "application/json", "visitStart" },
        { "{ \"kind\": \"prison\" }", "application/json", "establishment" },
        { "", "application/json", "body" },
        { "kind=prison", "application/x-www-form-urlencoded", "body" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task BadCreateRequest_Gets400NamingTheField_AndLeavesNoTraceInStorage(string body, string contentType, string field)
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var response = await app.Coordinator.PostAsync("/api/irps", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task Create_WithAVisitOnABankHoliday_Gets400OnVisitStart_AndAnAnnouncementInThePast_Gets400OnAnnouncementDate()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var holiday = await app.Coordinator.PostAsJsonAsync("/api/irps", IrpRequests.Elmley(visitStart: "2027-03-29")); // Easter Monday 2027
        var past = await app.Coordinator.PostAsJsonAsync("/api/irps", IrpRequests.Elmley(announcementDate: "2026-11-20"));

        Assert.Equal(HttpStatusCode.BadRequest, holiday.StatusCode);
        Assert.Contains("Easter Monday", (await holiday.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["visitStart"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("announcementDate"));
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task UnknownId_Gets404_UnknownEvent_Gets400_BadEventBody_Gets400NamingTheField()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Coordinator.GetAsync("/api/irps/no-such-irp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.RaiseAsync("no-such-irp", "FactCheckReturned")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TerminateAsync("no-such-irp")).StatusCode);

        var unknown = await app.RaiseAsync(id, "VisitCancelled");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("eventName"));

        var badDate = await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "15/03/2027" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("visitStart"));

        var badEmail = await app.RaiseAsync(id, "LiaisonOfficerAppointed", new { name = "Pat", email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True((await badEmail.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("email"));

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("2027-02-15", irp["visitStart"]!.GetValue<string>()); // nothing changed
        Assert.Null(irp["contacts"]!["liaisonOfficer"]);
    }

    [Fact]
    public async Task History_NamesApiForKeyAuthenticatedCalls_AndSystemForSteps()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        (await app.RaiseAsync(id, "LiaisonOfficerAppointed", new { name = "Sam Liaison", email = "sam.liaison@justice.gov.uk" })).EnsureSuccessStatusCode();
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        var history = (await app.GetIrpAsync(id))["history"]!.AsArray()
            .Select(e => (Type: e!["type"]!.GetValue<string>(), By: e["by"]!.GetValue<string>(), Step: e["step"]?.GetValue<string>())).ToList();
        Assert.Equal(("IrpStarted", "api", null), history[0]);
        Assert.Equal(("LiaisonOfficerAppointed", "api", null), history[1]);
        Assert.Contains(("StepCompleted", "system", "announcement"), history);
    }

    [Fact]
    public async Task DocumentsMissingAfterTheirDeadline_AreFlaggedOverdue_InTheListAndOnTheProgramme()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        static async Task<List<string>> FlagsAsync(IrpFlowsApp app, string id) =>
            (await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!.Single(i => i!["id"]!.GetValue<string>() == id)!["flags"]!
                .AsArray().Select(f => f!.GetValue<string>()).ToList();

        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 8, 12, 0, 0, TimeSpan.Zero)); // the deadline day itself
        Assert.Empty(await FlagsAsync(app, id));

        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 9, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(["documents-overdue"], await FlagsAsync(app, id));
        using var page = app.CreateClient();
        page.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-NAME", "Cora Ordinator"); // the local host takes this as the person
        var programme = await page.GetStringAsync("/?year=2027");
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Documents overdue</strong>", programme);
    }

    [Fact]
    public async Task MovingTheDevClockPastAStep_RunsItOnce_AndItsEmailIsInTheOutbox()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());

        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("done", IrpFlowsApp.Step(irp, "announcement")["status"]!.GetValue<string>());
        Assert.Equal("pending", IrpFlowsApp.Step(irp, "documents-request")["status"]!.GetValue<string>());
        Assert.Equal("Running", irp["runtimeStatus"]!.GetValue<string>());
        var outbox = await app.OutboxAsync(id);
        var announcement = Assert.Single(outbox)!;
        Assert.Equal("announcement", announcement["step"]!.GetValue<string>());
        Assert.Equal([IrpRequests.GovernorEmail], Emails.Addresses(announcement, "to"));
        Assert.Equal([IrpRequests.ImbChairEmail], Emails.Addresses(announcement, "cc"));
        var email = Assert.Single(irp["emails"]!.AsArray())!;
        Assert.Equal(announcement["subject"]!.GetValue<string>(), email["subject"]!.GetValue<string>());

        var raw = await app.Coordinator.GetAsync($"/api/outbox/{announcement["id"]!.GetValue<string>()}");
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType!.MediaType);
        var mime = await raw.Content.ReadAsStringAsync();
        Assert.Contains("To: ", mime);
        Assert.Contains("X-IrpFlows-MessageKey: " + id + "/announcement", mime);
    }

    [Fact]
    public async Task TheDevClock_NeverGoesBack()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        await app.MoveClockAsync(IrpFlowsApp.MondayMorning.AddDays(1));

        var back = await app.Coordinator.PostAsJsonAsync("/api/dev/clock", new { now = IrpFlowsApp.MondayMorning });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        var now = (await app.Coordinator.GetFromJsonAsync<JsonObject>("/api/dev/clock"))!["now"]!.GetValue<DateTimeOffset>();
        Assert.True(now >= IrpFlowsApp.MondayMorning.AddDays(1));
    }

    [Fact]
    public async Task AnIrp_SurvivesARestartOfTheApp_SameTimeline_DoneStaysDone_NothingRunsTwice()
    {
        var names = IrpFlowsApp.StorageNames.Fresh();
        string id;
        JsonObject before;
        await using (var first = await IrpFlowsApp.StartAsync(names: names))
        {
            id = await first.CreateIrpAsync(IrpRequests.Elmley());
            await first.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
            before = await first.GetIrpAsync(id);
        }

        await using var restarted = await IrpFlowsApp.StartAsync(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), names);
        await restarted.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));
        var after = await restarted.GetIrpAsync(id);

        Assert.Equal(before["timeline"]!.AsArray().Select(s => (s!["id"]!.GetValue<string>(), s["due"]!.GetValue<string>())),
            after["timeline"]!.AsArray().Select(s => (s!["id"]!.GetValue<string>(), s["due"]!.GetValue<string>())));
        Assert.Equal("done", IrpFlowsApp.Step(after, "announcement")["status"]!.GetValue<string>());
        Assert.Equal(IrpFlowsApp.Step(before, "announcement")["completedAt"]!.GetValue<string>(),
            IrpFlowsApp.Step(after, "announcement")["completedAt"]!.GetValue<string>());
        Assert.Single(await restarted.OutboxAsync(id));
    }

    [Fact]
    public async Task VisitRescheduled_MovesEveryPendingDate_DoneStepsStayDone()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        var moved = await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-03-08" });
        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("2027-03-08", irp["visitStart"]!.GetValue<string>());
        Assert.Equal("2027-03-01", IrpFlowsApp.Step(irp, "documents-deadline")["date"]!.GetValue<string>());
        Assert.Equal("2027-03-10", IrpFlowsApp.Step(irp, "visit-end")["date"]!.GetValue<string>());
        Assert.Equal("2027-04-16", IrpFlowsApp.Step(irp, "publication-deadline")["date"]!.GetValue<string>()); // skips Good Friday and Easter Monday 2027
        Assert.Equal("done", IrpFlowsApp.Step(irp, "announcement")["status"]!.GetValue<string>());
        Assert.Equal("2026-11-23", IrpFlowsApp.Step(irp, "announcement")["date"]!.GetValue<string>());
        // Moving the visit re-sends nothing already sent; the only new email is the notice of the move (visit-moved-1).
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero));
        Assert.Equal(["announcement", "visit-moved-1"], await app.OutboxStepsAsync(id));
    }

    [Fact]
    public async Task VisitRescheduled_TooSoonForTheDocuments_Gets400OnVisitStart_AndChangesNothing()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());

        // Documents are due five working days before the visit: a visit on Monday 30 November 2026 would make them due
        // on the announcement day itself.
        var response = await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2026-11-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("visitStart"));
        Assert.Equal("2027-02-15", (await app.GetIrpAsync(id))["visitStart"]!.GetValue<string>());
    }

    [Fact]
    public async Task FactCheckReturned_BeforeTheDraftIsIssued_Gets409()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());

        var response = await app.RaiseAsync(id, "FactCheckReturned");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("No draft issued", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_WritesEnumsAsTheRequestDoes()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());

        var establishment = (await app.GetIrpAsync(id))["establishment"]!;
        Assert.Equal("adult", establishment["type"]!.GetValue<string>());
        Assert.Equal("england", establishment["nation"]!.GetValue<string>());
    }

    // A jump of the clock past a step's window records it skipped; the programme must not show it as what comes next.
    [Fact]
    public async Task List_NextStep_IsAStepStillToCome_NotOneSkippedWhenItsWindowClosed()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        await app.MoveClockAsync(new DateTimeOffset(2027, 2, 16, 10, 0, 0, TimeSpan.Zero)); // the visit's second day: reminders and the visit's arrangements are long past

        var irp = await app.GetIrpAsync(id);
        Assert.Contains(irp["timeline"]!.AsArray(), s => s!["status"]!.GetValue<string>() == "skipped");
        var next = (await app.Coordinator.GetFromJsonAsync<JsonArray>("/api/irps"))!.Single()!["nextStep"]!["id"]!.GetValue<string>();
        Assert.Equal("pending", IrpFlowsApp.Step(irp, next)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Terminate_SkipsPendingStepsButTheDestructionOfMaterial_TellsTheEstablishment_AndNothingMoreCanBeRecorded()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        var terminated = await app.TerminateAsync(id, "Operational emergency at the prison");
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        await app.MoveClockAsync(new DateTimeOffset(2027, 4, 30, 10, 0, 0, TimeSpan.Zero));

        var irp = await app.GetIrpAsync(id);
        Assert.Equal("Terminated", irp["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("done", IrpFlowsApp.Step(irp, "announcement")["status"]!.GetValue<string>());
        foreach (var step in new[] { "documents-request", "visit-start", "draft-report" })
            Assert.Equal("skipped", IrpFlowsApp.Step(irp, step)["status"]!.GetValue<string>());
        // Local policy: the establishment's material is still destroyed, ten working days after the cancel.
        Assert.Equal("done", IrpFlowsApp.Step(irp, "material-deletion")["status"]!.GetValue<string>());
        Assert.Equal("done", IrpFlowsApp.Step(irp, "material-destruction")["status"]!.GetValue<string>());
        Assert.Equal(["announcement", "cancellation", "material-destruction"], await app.OutboxStepsAsync(id));

        Assert.Equal(HttpStatusCode.Conflict, (await app.RaiseAsync(id, "FactCheckReturned")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.TerminateAsync(id)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheIrpEndpoints()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var document = (await app.Anonymous.GetFromJsonAsync<JsonObject>("/api/openapi.json"))!;
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/irps"));
        Assert.True(paths.ContainsKey("/api/irps/preview"));
        Assert.True(paths.ContainsKey("/api/irps/{id}/events/{eventName}"));
        Assert.True(paths.ContainsKey("/api/irps/{id}/final-report"));
    }

    private static async Task AssertNothingStoredAsync(IrpFlowsApp app)
    {
        var tables = new TableServiceClient(app.ConnectionString);
        // The development clock keeps its setting beside the log; nothing else may be there.
        var rows = await tables.GetTableClient(app.Names.Instances).QueryAsync<TableEntity>().ToListAsync();
        Assert.DoesNotContain(rows, r => r.PartitionKey != "!devclock");
    }
}
