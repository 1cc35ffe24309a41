using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Http;

/// <summary>
/// HMP Elmley's IRP on the day its documents were requested (announcement and documents request sent), with its upload
/// token: what hostile requests aim at.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string IrpId { get; private set; } = null!;
    public string Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        IrpId = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023());
        await App.MoveClockAsync(new DateTimeOffset(2022, 12, 5, 10, 0, 0, TimeSpan.Zero));
        Token = Emails.UploadToken(Emails.UploadLink(await App.RawEmailAsync(IrpId, "documents-request")));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Malformed, oversized and hostile requests against the running app and Azurite. Each is refused with its status and a
/// problem body that names the field (or the problem), and leaves everything as it was: the IRP's log and every other row
/// of the workflow table (IRPs, idempotency keys), the outbox, and the IRP's blobs.
/// </summary>
public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string Json = "application/json";

    /// <summary>One hostile request: where it goes, what it sends, and what the app must answer.</summary>
    /// <param name="Path">May contain {id} (the IRP) and {token} (its upload token).</param>
    /// <param name="Field">The key <c>errors</c> must name; null for a problem without field errors (then <paramref name="Title"/>).</param>
    public sealed record Case(HttpMethod Method, string Path, Func<HttpContent?> Body, HttpStatusCode Status, string? Field,
        bool Anonymous = false, string? IdempotencyKey = null, string? Title = null);

    private static readonly string Nul = "\u0000", Bel = "\u0007", Esc = "\u001B", Rlo = "\u202E", Lro = "\u202D", Lri = "\u2066", Pdi = "\u2069";

    private static JsonObject Create(Action<JsonObject> change)
    {
        var body = IrpRequests.ElmleyIn2023("HMP Elsewhere");
        change(body);
        return body;
    }

    private static Func<HttpContent?> JsonBody(JsonNode body) => () => new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
    private static Func<HttpContent?> Raw(string body, string contentType = Json) => () => new StringContent(body, Encoding.UTF8, contentType);
    private static Func<HttpContent?> CreateWith(Action<JsonObject> change) => JsonBody(Create(change));
    private static Case BadCreate(string field, Action<JsonObject> change) => new(HttpMethod.Post, "/api/irps", CreateWith(change), HttpStatusCode.BadRequest, field);
    private static Case BadEvent(string eventName, object body, string field) =>
        new(HttpMethod.Post, $"/api/irps/{{id}}/events/{eventName}", JsonBody(JsonSerializerNode(body)), HttpStatusCode.BadRequest, field);
    private static JsonNode JsonSerializerNode(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body)!;
    private static JsonObject Governor(JsonObject body) => body["contacts"]!["governor"]!.AsObject();
    private static JsonObject FirstRecommendation(JsonObject body) => body["recommendations"]![0]!.AsObject();

    /// <summary>A body of about <paramref name="bytes"/> bytes: a valid create padded with a property no one reads.</summary>
    private static Func<HttpContent?> Padded(int bytes) => CreateWith(b => b["padding"] = new string('x', bytes));

    /// <summary>Over the limit, sent without Content-Length (chunked), so the app must measure it as it reads.</summary>
    private static Func<HttpContent?> Chunked(int bytes) => () =>
    {
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(Create(b => b["padding"] = new string('x', bytes)).ToJsonString())));
        content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        return content;
    };

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // Create: text fields over their length or with forbidden characters.
        ["create: 40,000-character establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = new string('A', 40_000)),
        ["create: establishment name of 121 characters"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP " + new string('A', 117)),
        ["create: NUL in establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP Elm" + Nul + "ley"),
        ["create: BEL in establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP Elmley" + Bel),
        ["create: right-to-left override in establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP " + Rlo + "yelmlE"),
        ["create: left-to-right isolate in establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP " + Lri + "Elmley" + Pdi),
        ["create: line break in establishment name"] = BadCreate("establishment.name", b => b["establishment"]!["name"] = "HMP Elmley\nBcc: someone@example.com"),
        ["create: CR LF in governor's name (header injection)"] = BadCreate("contacts.governor.name", b => Governor(b)["name"] = "Grace\r\nBcc: attacker@example.com"),
        ["create: governor's email of 300 characters"] = BadCreate("contacts.governor.email", b => Governor(b)["email"] = new string('g', 280) + "@justice.gov.uk"),
        ["create: governor's email with CR LF"] = BadCreate("contacts.governor.email", b => Governor(b)["email"] = "governor@justice.gov.uk\r\nBcc: x@example.com"),
        ["create: coordinator's name of 121 characters"] = BadCreate("contacts.coordinator.name", b => b["contacts"]!["coordinator"]!["name"] = new string('C', 121)),
        ["create: recommendation ref of 21 characters"] = BadCreate("recommendations[0].ref", b => FirstRecommendation(b)["ref"] = "1." + new string('9', 19)),
        ["create: recommendation text of 2,001 characters"] = BadCreate("recommendations[0].text", b => FirstRecommendation(b)["text"] = new string('t', 2001)),
        ["create: escape character in recommendation text"] = BadCreate("recommendations[0].text", b => FirstRecommendation(b)["text"] = "Prisoners " + Esc + "[31mshould"),
        ["create: NUL in a recommendation part"] = BadCreate("recommendations[0].parts[1].text", b => FirstRecommendation(b)["parts"] = new JsonArray(
            new JsonObject { ["ref"] = "9.1a", ["text"] = "First part" }, new JsonObject { ["ref"] = "9.1b", ["text"] = "Second" + Nul })),
        ["create: left-to-right override in an Ofsted theme"] = BadCreate("ofstedThemes[0].text", b => b["ofstedThemes"]![0]!["text"] = Lro + "Leaders should"),
        ["create: team member's name of 500 characters"] = BadCreate("team[0].name", b => b["team"] = new JsonArray(new JsonObject { ["name"] = new string('T', 500) })),
        ["create: kind of 1,000 characters"] = BadCreate("kind", b => b["kind"] = new string('k', 1000)),
        ["create: NUL after the visit date"] = BadCreate("visitStart", b => b["visitStart"] = "2023-02-13" + Nul),
        ["create: visit date as a number"] = new(HttpMethod.Post, "/api/irps", CreateWith(b => b["visitStart"] = 20230213), HttpStatusCode.BadRequest, "visitStart"),
        // Create: bodies that are not a create request, or too big to read.
        ["create: 200 KB body with Content-Length"] = new(HttpMethod.Post, "/api/irps", Padded(200_000), HttpStatusCode.RequestEntityTooLarge, "body"),
        ["create: 5 MB body with Content-Length"] = new(HttpMethod.Post, "/api/irps", Padded(5_000_000), HttpStatusCode.RequestEntityTooLarge, "body"),
        ["create: 1 MB body, chunked"] = new(HttpMethod.Post, "/api/irps", Chunked(1_000_000), HttpStatusCode.RequestEntityTooLarge, "body"),
        ["create: truncated JSON"] = new(HttpMethod.Post, "/api/irps", Raw("{ \"kind\": \"prison\", "), HttpStatusCode.BadRequest, "body"),
        ["create: a JSON array"] = new(HttpMethod.Post, "/api/irps", Raw("[1, 2, 3]"), HttpStatusCode.BadRequest, "body"),
        ["create: JSON nested 1,000 deep"] = new(HttpMethod.Post, "/api/irps",
            Raw("{\"padding\":" + new string('[', 1000) + new string(']', 1000) + "}"), HttpStatusCode.BadRequest, "padding"),
        ["create: plain text"] = new(HttpMethod.Post, "/api/irps", Raw("kind=prison", "text/plain"), HttpStatusCode.BadRequest, "body"),
        ["create: Idempotency-Key of 300 characters"] = new(HttpMethod.Post, "/api/irps", CreateWith(_ => { }), HttpStatusCode.BadRequest, "Idempotency-Key",
            IdempotencyKey: new string('k', 300)),
        ["create: Idempotency-Key with a space"] = new(HttpMethod.Post, "/api/irps", CreateWith(_ => { }), HttpStatusCode.BadRequest, "Idempotency-Key",
            IdempotencyKey: "key with space"),
        ["create: a second active IRP of the same establishment and visit"] = new(HttpMethod.Post, "/api/irps",
            CreateWith(b => (b["establishment"]!["name"], b["announcementDate"]) = ("hmp  ELMLEY", "2022-12-05")), HttpStatusCode.Conflict, null, Title: "This IRP exists already"),
        ["create: without the function key"] = new(HttpMethod.Post, "/api/irps", CreateWith(_ => { }), HttpStatusCode.Unauthorized, null, Anonymous: true),
        ["preview: 40,000-character establishment name"] = new(HttpMethod.Post, "/api/irps/preview",
            CreateWith(b => b["establishment"]!["name"] = new string('A', 40_000)), HttpStatusCode.BadRequest, "establishment.name"),
        // Events.
        ["event: liaison officer's name of 121 characters"] = BadEvent("LiaisonOfficerAppointed", new { name = new string('L', 121), email = "lia@justice.gov.uk" }, "name"),
        ["event: BEL in liaison officer's name"] = BadEvent("LiaisonOfficerAppointed", new { name = "Lia" + Bel, email = "lia@justice.gov.uk" }, "name"),
        ["event: liaison officer's email of 255 characters"] = BadEvent("LiaisonOfficerAppointed", new { name = "Lia", email = new string('l', 240) + "@justice.gov.uk" }, "email"),
        ["event: liaison officer's email with CR LF"] = BadEvent("LiaisonOfficerAppointed", new { name = "Lia", email = "lia@justice.gov.uk\r\nBcc: x@example.com" }, "email"),
        ["event: published URL of 3,000 characters"] = BadEvent("Published", new { date = "2022-12-05", url = "https://example.org/" + new string('u', 3000) }, "url"),
        ["event: visit moved to 9999-12-31"] = BadEvent("VisitRescheduled", new { visitStart = "9999-12-31" }, "visitStart"),
        ["event: 200 KB body"] = new(HttpMethod.Post, "/api/irps/{id}/events/LiaisonOfficerAppointed",
            JsonBody(JsonSerializerNode(new { name = "Lia", email = "lia@justice.gov.uk", padding = new string('x', 200_000) })), HttpStatusCode.RequestEntityTooLarge, "body"),
        ["event: unknown event name"] = BadEvent("GovernorReplaced", new { name = "Someone" }, "eventName"),
        ["terminate: reason of 501 characters"] = new(HttpMethod.Post, "/api/irps/{id}/terminate?reason=" + new string('r', 501), () => null, HttpStatusCode.BadRequest, "reason"),
        ["terminate: NUL in reason"] = new(HttpMethod.Post, "/api/irps/{id}/terminate?reason=Operational%00emergency", () => null, HttpStatusCode.BadRequest, "reason"),
        // Judgements.
        ["judgement: text of 2,001 characters"] = new(HttpMethod.Put, "/api/irps/{id}/judgements/1.42",
            JsonBody(JsonSerializerNode(new { judgement = "GoodProgress", text = new string('j', 2001) })), HttpStatusCode.BadRequest, "text"),
        ["judgement: right-to-left override in text"] = new(HttpMethod.Put, "/api/irps/{id}/judgements/1.42",
            JsonBody(JsonSerializerNode(new { judgement = "GoodProgress", text = "Good " + Rlo + "ssergorp" })), HttpStatusCode.BadRequest, "text"),
        ["judgement: value of 1,000 characters"] = new(HttpMethod.Put, "/api/irps/{id}/judgements/1.42",
            JsonBody(JsonSerializerNode(new { judgement = new string('G', 1000) })), HttpStatusCode.BadRequest, "judgement"),
        // The report's glossary.
        ["glossary: term of 121 characters"] = new(HttpMethod.Put, "/api/irps/{id}/glossary",
            JsonBody(JsonSerializerNode(new { entries = new[] { new { term = new string('t', 121), definition = "Text." } } })), HttpStatusCode.BadRequest, "entries[0].term"),
        ["glossary: CR LF in a term"] = new(HttpMethod.Put, "/api/irps/{id}/glossary",
            JsonBody(JsonSerializerNode(new { entries = new[] { new { term = "CSIP\r\nBcc: x@example.com", definition = "Text." } } })), HttpStatusCode.BadRequest, "entries[0].term"),
        ["glossary: NUL in a definition"] = new(HttpMethod.Put, "/api/irps/{id}/glossary",
            JsonBody(JsonSerializerNode(new { entries = new[] { new { term = "CSIP", definition = "Used by" + Nul } } })), HttpStatusCode.BadRequest, "entries[0].definition"),
        ["glossary: 31 entries"] = new(HttpMethod.Put, "/api/irps/{id}/glossary",
            JsonBody(JsonSerializerNode(new { entries = Enumerable.Range(1, 31).Select(i => new { term = $"Term {i}", definition = "Text." }) })), HttpStatusCode.BadRequest, "entries"),
        ["glossary: unknown IRP"] = new(HttpMethod.Put, "/api/irps/no-such-irp/glossary",
            JsonBody(JsonSerializerNode(new { entries = new[] { new { term = "CSIP", definition = "Text." } } })), HttpStatusCode.NotFound, null, Title: "Not found"),
        // The establishment's uploads, authorised by the token alone.
        ["upload: file name of 300 characters"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}",
            JsonBody(JsonSerializerNode(new { fileName = new string('f', 296) + ".pdf", size = 10, contentType = "application/pdf" })), HttpStatusCode.BadRequest, "fileName", Anonymous: true),
        ["upload: NUL in file name"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}",
            JsonBody(JsonSerializerNode(new { fileName = "plan.pdf" + Nul + ".exe", size = 10, contentType = "application/pdf" })), HttpStatusCode.BadRequest, "fileName", Anonymous: true),
        ["upload: content type of 200 characters"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}",
            JsonBody(JsonSerializerNode(new { fileName = "plan.pdf", size = 10, contentType = "application/" + new string('p', 188) })), HttpStatusCode.BadRequest, "contentType", Anonymous: true),
        ["upload: 200 KB begin body"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}",
            JsonBody(JsonSerializerNode(new { fileName = "plan.pdf", size = 10, contentType = "application/pdf", padding = new string('x', 200_000) })), HttpStatusCode.RequestEntityTooLarge, "body", Anonymous: true),
        ["upload: complete with a blob name of 400 characters"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}/complete",
            JsonBody(JsonSerializerNode(new { blobName = "documents/action-plan/" + new string('b', 378) })), HttpStatusCode.BadRequest, "blobName", Anonymous: true),
        ["upload: complete with a bidi isolate in the blob name"] = new(HttpMethod.Post, $"/api/uploads/{{token}}/{DocumentChecklist.ActionPlan}/complete",
            JsonBody(JsonSerializerNode(new { blobName = "documents/action-plan/" + Lri + "x.pdf" })), HttpStatusCode.BadRequest, "blobName", Anonymous: true),
        // The development clock.
        ["dev clock: 9999-12-31"] = new(HttpMethod.Post, "/api/dev/clock", Raw("{\"now\":\"9999-12-31T00:00:00Z\"}"), HttpStatusCode.BadRequest, "now"),
        ["dev clock: 2036-01-01, past the calendar"] = new(HttpMethod.Post, "/api/dev/clock", Raw("{\"now\":\"2036-01-01T00:00:00Z\"}"), HttpStatusCode.BadRequest, "now"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task HostileRequest_IsRefusedWithAProblemNamingIt_AndWritesNothing(string name)
    {
        var hostile = Cases[name];
        var before = await SnapshotAsync();

        using var request = new HttpRequestMessage(hostile.Method, hostile.Path.Replace("{id}", fixture.IrpId).Replace("{token}", fixture.Token)) { Content = hostile.Body() };
        if (hostile.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", hostile.IdempotencyKey);
        using var response = await (hostile.Anonymous ? fixture.App.Anonymous : fixture.App.Coordinator).SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(hostile.Status == response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)hostile.Status, problem["status"]!.GetValue<int>());
        if (hostile.Field is not null) Assert.True(problem["errors"]?.AsObject().ContainsKey(hostile.Field) == true, text);
        if (hostile.Title is not null) Assert.Equal(hostile.Title, problem["title"]!.GetValue<string>());
        if (hostile.Status == HttpStatusCode.Conflict) Assert.Contains(fixture.IrpId, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Everything a request could have written: the workflow table's rows (the IRP's log by version), the outbox, the IRP's blobs.</summary>
    private async Task<string> SnapshotAsync()
    {
        var rows = new List<string>();
        var table = new TableClient(fixture.App.ConnectionString, fixture.App.Names.Instances);
        await foreach (var row in table.QueryAsync<TableEntity>())
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.GetInt64("Version")}");
        var outbox = (await fixture.App.Coordinator.GetFromJsonAsync<JsonArray>("/api/outbox"))!.Select(e => e!["id"]!.GetValue<string>());
        var blobs = new List<string>();
        var container = fixture.App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.IrpId));
        if (await container.ExistsAsync())
            await foreach (var blob in container.GetBlobsAsync()) blobs.Add(blob.Name);
        return string.Join("\n", rows.Order(StringComparer.Ordinal)) + "\n--\n" + string.Join("\n", outbox.Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join("\n", blobs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSuiteHasAtLeastFortyCases() => Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");

    [Fact]
    public async Task DevClock_MovedTo9999_IsRefused_AndTheAppStillWorks()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        using var refused = await app.Coordinator.PostAsJsonAsync("/api/dev/clock", new { now = "9999-12-31T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var id = await app.CreateIrpAsync(IrpRequests.Elmley());
        await app.MoveClockAsync(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("done", await app.StepStatusAsync(id, "announcement"));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/api/health")).StatusCode);
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
