using System.Reflection;
using System.Text.Json.Nodes;
using IrpFlows.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace IrpFlows.Tests.Http;

/// <summary>
/// <c>GET /api/openapi.json</c>: every HTTP function at its route, read back with Microsoft.OpenApi's own reader; body
/// schemas generated from the .NET types with the app's JSON conventions; the function key only where a function needs it.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string JsonMediaType = "application/json";
    private const string ProblemMediaType = "application/problem+json";

    private static readonly string Json = OpenApiDocumentBuilder.Json(typeof(HostFunctions).Assembly, "https://irpflows.example");
    private static readonly ReadResult Read = OpenApiDocument.Parse(Json, OpenApiConstants.Json);
    private static OpenApiDocument Document => Read.Document!;

    /// <summary>Every HTTP function, found the way the Functions SDK finds them: a [Function] method with an [HttpTrigger] parameter.</summary>
    private static readonly IReadOnlyList<(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions =
    [
        .. from type in typeof(HostFunctions).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)
           where function is not null && trigger is not null
           select (function.Name, method, trigger),
    ];

    [Fact]
    public void Document_IsOpenApi31_AndReadsWithNoErrorsOrWarnings()
    {
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, Read.Diagnostic!.SpecificationVersion);
        Assert.Empty(Read.Diagnostic.Errors);
        Assert.Empty(Read.Diagnostic.Warnings); // among them, any reference to a schema the components lack
        Assert.Equal("https://irpflows.example", Assert.Single(Document.Servers!).Url);
    }

    [Fact]
    public void EveryHttpFunction_IsDocumented_AtItsRouteAndMethods_AndNothingElseIs()
    {
        Assert.NotEmpty(HttpFunctions);
        foreach (var (name, method, trigger) in HttpFunctions)
        {
            Assert.True(method.GetCustomAttribute<OpenApiOperationAttribute>() is not null, $"{name} has no [OpenApiOperation].");
            var path = DocumentPath(trigger.Route!);
            Assert.True(Document.Paths.TryGetValue(path, out var item), $"{name}: {path} is not in the document.");
            foreach (var verb in trigger.Methods!)
            {
                Assert.True(item!.Operations!.TryGetValue(new HttpMethod(verb.ToUpperInvariant()), out var operation), $"{name}: {verb} {path} is not in the document.");
                Assert.Equal(name, operation!.OperationId);
            }
        }
        Assert.Equal(HttpFunctions.Sum(f => f.Trigger.Methods!.Length), Document.Paths.Values.Sum(p => p.Operations!.Count));
    }

    [Fact]
    public void EveryOperation_HasATag_ASummary_AndADefaultProblemResponse()
    {
        foreach (var (path, method, operation) in Operations())
        {
            Assert.True(operation.Tags is { Count: 1 } && operation.Summary is { Length: > 0 }, $"{method} {path} has no tag or summary.");
            Assert.Equal("ProblemDetails", Reference(operation.Responses!["default"].Content![ProblemMediaType].Schema!));
        }
    }

    [Fact]
    public void EverySchemaReference_PointsIntoTheComponents()
    {
        var references = Descendants(JsonNode.Parse(Json)!).OfType<JsonObject>().Select(o => o["$ref"]).OfType<JsonValue>().Select(r => (string)r!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("#/components/schemas/", r));
    }

    [Fact]
    public void CreateIrp_RequestBody_NamesItsFields()
    {
        var body = Operation("/api/irps", HttpMethod.Post).RequestBody!;

        Assert.True(body.Required);
        var request = body.Content![JsonMediaType].Schema!;
        Assert.Equal("CreateIrpRequest", Reference(request));
        AssertHasProperties(request, "kind", "establishment", "sourceInspectionEnd", "visitStart", "announcementDate", "contacts", "recommendations", "ofstedThemes");
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, request.Properties!["kind"].Type);
        var contacts = NonNull(request.Properties["contacts"]);
        Assert.Equal("ContactsRequest", Reference(contacts));
        AssertHasProperties(contacts, "coordinator", "governor", "imbChair", "liaisonOfficer", "homeOffice");
        Assert.Equal(new[] { "name", "email" }, NonNull(contacts.Properties!["governor"]).Properties!.Keys);
        Assert.Equal("RecommendationRequest", Reference(request.Properties["recommendations"].Items!));
        // Preview takes the same body.
        Assert.Equal("CreateIrpRequest", Reference(Operation("/api/irps/preview", HttpMethod.Post).RequestBody!.Content![JsonMediaType].Schema!));
    }

    [Fact]
    public void IrpStatus_Response_HasTimelineDocumentsAndEmails_InTheAppsJsonConventions()
    {
        var status = Operation("/api/irps/{id}", HttpMethod.Get).Responses!["200"].Content![JsonMediaType].Schema!;

        Assert.Equal("IrpView", Reference(status));
        AssertHasProperties(status, "id", "runtimeStatus", "customStatus", "visitStart", "visitEnd", "timeline", "documents", "emails", "warnings");
        var step = status.Properties!["timeline"].Items!;
        Assert.Equal("TimelineEntry", Reference(step));
        AssertHasProperties(step, "id", "title", "date", "due", "status", "completedAt", "source");
        Assert.Equal("date", step.Properties!["date"].Format);
        Assert.Equal("date-time", step.Properties["due"].Format);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, step.Properties["completedAt"].Type);
        AssertHasProperties(status.Properties["documents"].Items!, "key", "title", "status", "files");
        Assert.Equal("EmailRecord", Reference(status.Properties["emails"].Items!));
        // Enums are camelCase strings, as the app writes them.
        var establishment = status.Properties["establishment"];
        Assert.Equal(new[] { "adult", "yoi", "split", "irc" }, establishment.Properties!["type"].Enum!.Select(v => (string)v!));
        Assert.Equal(new[] { "england", "wales" }, establishment.Properties["nation"].Enum!.Select(v => (string)v!));
    }

    [Fact]
    public void FunctionLevelRoutes_RequireTheKey_WhileHealthPagesAndUploadsDoNot()
    {
        var scheme = Document.Components!.SecuritySchemes!["functionKey"];
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "x-functions-key"), (scheme.Type!.Value, scheme.In!.Value, scheme.Name));
        foreach (var (name, _, trigger) in HttpFunctions)
        {
            var operation = Operation(DocumentPath(trigger.Route!), new HttpMethod(trigger.Methods![0].ToUpperInvariant()));
            var needsKey = trigger.AuthLevel != AuthorizationLevel.Anonymous;
            Assert.True(needsKey == RequiresKey(operation), $"{name}: the document says the key is {(needsKey ? "not " : "")}required.");
            Assert.True(needsKey == operation.Responses!.ContainsKey("401"), $"{name}: 401 is {(needsKey ? "missing" : "listed")}.");
        }

        Assert.True(RequiresKey(Operation("/api/irps", HttpMethod.Post)));
        Assert.True(RequiresKey(Operation("/api/dev/clock", HttpMethod.Post)));
        Assert.False(RequiresKey(Operation("/api/health", HttpMethod.Get)));
        Assert.False(RequiresKey(Operation("/upload/{token}", HttpMethod.Get)));
        Assert.False(RequiresKey(Operation("/", HttpMethod.Get))); // the programme: App Service Authentication signs people in
        Assert.False(RequiresKey(Operation("/api/uploads/{token}/{key}", HttpMethod.Post)));
        Assert.False(RequiresKey(Operation("/api/uploads/{token}/{key}/complete", HttpMethod.Post)));
    }

    [Theory]
    [InlineData("/api/irps/{id}/summary", "GET", "style", false)]
    [InlineData("/api/irps/{id}/draft-report", "PUT", "fileName", true)]
    [InlineData("/api/irps/{id}/fact-check-comments", "PUT", "fileName", true)]
    [InlineData("/api/irps/{id}/terminate", "POST", "reason", false)]
    [InlineData("/api/outbox", "GET", "irpId", false)]
    public void QueryParameters_AreListed(string path, string method, string name, bool required)
    {
        var parameter = Assert.Single(Operation(path, new HttpMethod(method)).Parameters!, p => p.In == ParameterLocation.Query);

        Assert.Equal((name, required), (parameter.Name, parameter.Required));
        Assert.False(string.IsNullOrWhiteSpace(parameter.Description));
    }

    [Fact]
    public void PathParameters_ComeFromTheRoute_IncludingOneFollowedByALiteral()
    {
        var chart = Operation("/api/irps/{id}/summary/charts/{chart}.svg", HttpMethod.Get);

        Assert.Equal(new[] { "id", "chart" }, chart.Parameters!.Select(p => p.Name));
        Assert.All(chart.Parameters!, p => Assert.True(p.In == ParameterLocation.Path && p.Required));
        Assert.True(chart.Responses!["200"].Content!.ContainsKey("image/svg+xml"));
    }

    [Fact]
    public void Errors_AreProblems_AValidationProblemNamingFields_OrPagesOnPageRoutes()
    {
        var create = Operation("/api/irps", HttpMethod.Post).Responses!;
        var invalid = create["400"].Content![ProblemMediaType].Schema!;
        Assert.Equal("HttpValidationProblemDetails", Reference(invalid));
        AssertHasProperties(invalid, "title", "status", "detail", "errors");
        Assert.Equal(JsonSchemaType.Array, invalid.Properties!["errors"].AdditionalProperties!.Type);

        var notFound = Operation("/api/irps/{id}", HttpMethod.Get).Responses!["404"].Content![ProblemMediaType].Schema!;
        Assert.Equal("ProblemDetails", Reference(notFound));
        AssertHasProperties(notFound, "type", "title", "status", "detail");
        Assert.True(Operation("/api/irps/{id}/events/{eventName}", HttpMethod.Post).Responses!.ContainsKey("409"));

        Assert.True(Operation("/upload/{token}", HttpMethod.Get).Responses!["403"].Content!.ContainsKey("text/html"));
    }

    [Fact]
    public void FileUploads_DescribeTheirRawBody()
    {
        var draft = Operation("/api/irps/{id}/draft-report", HttpMethod.Put).RequestBody!;

        Assert.Equal(new[] { "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, draft.Content!.Keys);
        Assert.Equal("ReportFileView", Reference(Operation("/api/irps/{id}/draft-report", HttpMethod.Put).Responses!["200"].Content![JsonMediaType].Schema!));
    }

    [Fact]
    public void Schemas_RequireOnlyWhatTheReaderEnforces_AndKeepWhereAnObjectMayBeNull()
    {
        var document = new OpenApiDocument();
        var schemas = new OpenApiSchemas(document);

        Assert.Equal("Parcel", Reference(schemas.For(typeof(Parcel))));
        var parcel = document.Components!.Schemas!["Parcel"];
        Assert.Equal(new[] { "sender" }, parcel.Required!);
        Assert.Equal(JsonSchemaType.String, parcel.Properties!["label"].Type);
        Assert.Equal("Contents", Reference(parcel.Properties["inside"].AnyOf![0]));
        Assert.Equal(JsonSchemaType.Null, parcel.Properties["inside"].AnyOf![1].Type);
        Assert.Equal("Contents", Reference(parcel.Properties["items"].Items!));
        Assert.Equal(JsonSchemaType.Integer, document.Components.Schemas["Contents"].Properties!["weightGrams"].Type);
    }

    [Fact]
    public void TwoBodyTypesWithOneName_AreRefused()
    {
        var schemas = new OpenApiSchemas(new OpenApiDocument());
        schemas.For(typeof(IrpFlows.Workflow.NextStep));

        Assert.Throws<InvalidOperationException>(() => schemas.For(typeof(NextStep)));
    }

    private sealed record Parcel(string Label, Contents? Inside, IReadOnlyList<Contents> Items)
    {
        public required string Sender { get; init; }
    }

    private sealed record Contents(string What, int WeightGrams);

    private sealed record NextStep(string Id);

    private static void AssertHasProperties(IOpenApiSchema schema, params string[] names) =>
        Assert.All(names, name => Assert.Contains(name, schema.Properties!.Keys));

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations() =>
        from path in Document.Paths
        from operation in path.Value.Operations!
        select (path.Key, operation.Key, operation.Value);

    [Fact]
    public void EveryTextFieldOfEveryRequestBody_HasAMaxLengthAndACharacterPattern()
    {
        var document = JsonNode.Parse(Json)!;
        var components = document["components"]!["schemas"]!.AsObject();
        var bodies = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Select(o => o.Value!["requestBody"]?["content"]?[JsonMediaType]?["schema"]?["$ref"]?.GetValue<string>())
            .OfType<string>().Distinct().ToList();
        var seen = new HashSet<string>();
        var textFields = new List<string>();
        foreach (var body in bodies) Walk(body["#/components/schemas/".Length..]);

        Assert.Contains("CreateIrpRequest", seen);
        Assert.Contains("IrpEventRequest", seen);
        Assert.Contains("EstablishmentRequest.name", textFields);
        Assert.True(textFields.Count > 30, string.Join(", ", textFields));

        void Walk(string component)
        {
            if (!seen.Add(component)) return;
            foreach (var (name, property) in components[component]!["properties"]?.AsObject() ?? [])
            {
                foreach (var reference in Descendants(property!).OfType<JsonObject>().Select(o => o["$ref"]?.GetValue<string>()).OfType<string>())
                    Walk(reference["#/components/schemas/".Length..]);
                var types = property!["type"] is JsonArray array ? array.Select(t => t!.GetValue<string>()) : [property["type"]?.GetValue<string>() ?? ""];
                if (!types.Contains("string") || property["format"] is not null) continue;
                textFields.Add($"{component}.{name}");
                Assert.True(property["maxLength"]?.GetValue<int>() > 0, $"{component}.{name} has no maxLength");
                Assert.Contains("[^\\u0000-", property["pattern"]?.GetValue<string>() ?? "", StringComparison.Ordinal); // no control characters, and more for names
            }
        }
    }

    // The site's root is routed by a parameter that can only be empty (the Functions host's idiom); the document says "/".
    // A catch-all parameter ("assets/{*path}") is a parameter like any other to OpenAPI.
    private static string DocumentPath(string route) => route == "{root:maxlength(0)?}" ? "/" : "/" + route.Replace("{*", "{", StringComparison.Ordinal);

    private static OpenApiOperation Operation(string path, HttpMethod method) => Document.Paths[path].Operations![method];

    private static bool RequiresKey(OpenApiOperation operation) =>
        operation.Security?.SelectMany(requirement => requirement.Keys).Any(scheme => scheme.Reference.Id == "functionKey") == true;

    /// <summary>The component a schema refers to, or null when it is not a reference.</summary>
    private static string? Reference(IOpenApiSchema schema) => (schema as OpenApiSchemaReference)?.Reference.Id;

    /// <summary>A nullable object property is "anyOf: [the object, null]": the object.</summary>
    private static IOpenApiSchema NonNull(IOpenApiSchema schema) =>
        schema.AnyOf?.Single(s => s.Type != JsonSchemaType.Null) ?? schema;

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };
}
