using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace IrpFlows.Http;

/// <summary>
/// The OpenAPI 3.1 document of the app's HTTP functions, built with Microsoft.OpenApi from their attributes: each
/// <c>[HttpTrigger]</c>'s route and methods (so the document lists exactly the routes served), path parameters and whether
/// it needs the function key; each <see cref="OpenApiOperationAttribute"/>'s text, bodies and errors, and its
/// <see cref="OpenApiQueryParameterAttribute"/>s and <see cref="OpenApiHeaderParameterAttribute"/>s. Body schemas are generated from the .NET types (<see cref="OpenApiSchemas"/>).
/// </summary>
public static class OpenApiDocumentBuilder
{
    private const string FunctionKeyScheme = "functionKey";
    private const string JsonMediaType = "application/json";
    private const string ProblemMediaType = "application/problem+json";

    /// <summary>The document as JSON.</summary>
    /// <param name="functions">The assembly whose HTTP functions to describe.</param>
    /// <param name="serverUrl">The app's address (scheme and host), the document's one server.</param>
    /// <exception cref="InvalidOperationException">An HTTP function has no <see cref="OpenApiOperationAttribute"/> or names no methods.</exception>
    public static string Json(Assembly functions, string serverUrl)
    {
        using var json = new StringWriter(CultureInfo.InvariantCulture);
        Build(functions, serverUrl).SerializeAsV31(new OpenApiJsonWriter(json));
        return json.ToString();
    }

    private static OpenApiDocument Build(Assembly assembly, string serverUrl)
    {
        var functions = HttpFunctions(assembly).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "IrpFlows",
                Version = "1.0.0",
                Description = "Independent Reviews of Progress run as durable workflows. Coordinator endpoints need the function key in "
                    + "the x-functions-key header; upload and fact-check links are authorised by the token in their URL alone. "
                    + "Errors are RFC 7807 problems. A response carries every property of its schema, null where the schema allows it.",
            },
            Servers = [new OpenApiServer { Url = serverUrl }],
            Paths = new OpenApiPaths(),
            Tags = functions.Select(f => f.About.Tag).Distinct().Order(StringComparer.Ordinal).Select(tag => new OpenApiTag { Name = tag }).ToHashSet(),
            Components = new OpenApiComponents
            {
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [FunctionKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = "x-functions-key",
                        Description = "The function key (locally, the setting CoordinatorApiKey).",
                    },
                },
            },
        };
        var schemas = new OpenApiSchemas(document);
        foreach (var path in functions.GroupBy(f => f.Path))
        {
            var item = new OpenApiPathItem();
            foreach (var function in path)
                foreach (var method in function.Methods) item.AddOperation(method, Operation(function, document, schemas));
            document.Paths.Add(path.Key, item);
        }
        return document;
    }

    /// <summary>One HTTP function as the document describes it.</summary>
    /// <param name="Path">The OpenAPI path: the route template without constraints, e.g. "/api/irps/{id}/summary/charts/{chart}.svg".</param>
    /// <param name="IsPage">Served outside <c>api/</c>: a page for people, which answers its own errors with a page.</param>
    private sealed record HttpFunction(
        string Name, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<HttpMethod> Methods, bool RequiresKey, bool IsPage,
        OpenApiOperationAttribute About, IReadOnlyList<OpenApiQueryParameterAttribute> Query, IReadOnlyList<OpenApiHeaderParameterAttribute> Headers);

    private static IEnumerable<HttpFunction> HttpFunctions(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where trigger is not null
        select Describe(function.Name, trigger, method);

    private static HttpFunction Describe(string name, HttpTriggerAttribute trigger, MethodInfo method)
    {
        var route = RoutePatternFactory.Parse(trigger.Route ?? name);
        var path = OpenApiPath(route);
        var methods = trigger.Methods?.Select(m => new HttpMethod(m.ToUpperInvariant())).ToList()
            ?? throw new InvalidOperationException($"Function {name} answers every method: name its methods, so the document can list them.");
        var about = method.GetCustomAttribute<OpenApiOperationAttribute>()
            ?? throw new InvalidOperationException($"Function {name} has no [OpenApiOperation]: say what it does, for the OpenAPI document.");
        return new HttpFunction(name, path, route.Parameters.Where(p => !AlwaysEmpty(p)).Select(p => p.Name).ToList(), methods,
            trigger.AuthLevel != AuthorizationLevel.Anonymous, !path.StartsWith("/api/", StringComparison.Ordinal),
            about, method.GetCustomAttributes<OpenApiQueryParameterAttribute>().ToList(), method.GetCustomAttributes<OpenApiHeaderParameterAttribute>().ToList());
    }

    /// <summary>
    /// The route as an OpenAPI path: "api/irps/{id:guid}" is "/api/irps/{id}"; a segment such as "{chart}.svg" keeps its
    /// literal; a parameter that can only be empty (the site's root, "{root:maxlength(0)?}") is no segment at all.
    /// </summary>
    private static string OpenApiPath(RoutePattern route) =>
        "/" + string.Join('/', route.PathSegments.Where(s => !(s.Parts is [RoutePatternParameterPart only] && AlwaysEmpty(only))).Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new NotSupportedException($"Route part {part.GetType().Name} in '{route.RawText}'."),
        }))));

    private static bool AlwaysEmpty(RoutePatternParameterPart parameter) =>
        parameter.IsOptional && parameter.ParameterPolicies.Any(p => p.Content == "maxlength(0)");

    private static OpenApiOperation Operation(HttpFunction function, OpenApiDocument document, OpenApiSchemas schemas)
    {
        var about = function.About;
        var operation = new OpenApiOperation
        {
            OperationId = function.Name,
            Tags = new HashSet<OpenApiTagReference> { new(about.Tag, document) },
            Summary = about.Summary,
            Description = about.Description,
            Parameters =
            [
                .. function.PathParameters.Select(name => Parameter(name, ParameterLocation.Path, required: true)),
                .. function.Query.Select(query => Parameter(query.Name, ParameterLocation.Query, query.Required, query.Description)),
                .. function.Headers.Select(header => Parameter(header.Name, ParameterLocation.Header, required: false, header.Description)),
            ],
            RequestBody = RequestBody(about, schemas),
            Responses = new OpenApiResponses { [Status(about.ResponseStatus)] = Success(about, schemas) },
        };
        if (function.RequiresKey)
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FunctionKeyScheme, document)] = [] }];
        int[] errors = function.RequiresKey ? [.. about.ErrorStatuses, StatusCodes.Status401Unauthorized] : about.ErrorStatuses;
        foreach (var status in errors.Order())
        {
            operation.Responses[Status(status)] = function.IsPage
                ? Response(ReasonPhrases.GetReasonPhrase(status), "text/html")
                : Problem(status, schemas);
        }
        operation.Responses["default"] = Response("An unexpected error (500), or 503 while storage is not ready or the IRP is busy: try again shortly.",
            ProblemMediaType, schemas.For(typeof(ProblemDetails)));
        return operation;
    }

    private static OpenApiParameter Parameter(string name, ParameterLocation location, bool required, string? description = null) => new()
    {
        Name = name,
        In = location,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiRequestBody? RequestBody(OpenApiOperationAttribute about, OpenApiSchemas schemas)
    {
        var content = new Dictionary<string, IOpenApiMediaType>();
        foreach (var media in about.RequestContentTypes) content[media] = new OpenApiMediaType();
        if (about.RequestBody is { } type) content[JsonMediaType] = new OpenApiMediaType { Schema = schemas.For(type) };
        return content.Count == 0 ? null : new OpenApiRequestBody { Required = true, Content = content };
    }

    private static OpenApiResponse Success(OpenApiOperationAttribute about, OpenApiSchemas schemas)
    {
        var description = ReasonPhrases.GetReasonPhrase(about.ResponseStatus);
        return about.Response is { } type
            ? Response(description, JsonMediaType, schemas.For(type))
            : Response(description, about.ResponseContentType);
    }

    /// <summary>An RFC 7807 problem response; a 400 is a validation problem, whose <c>errors</c> name each field and the rule it breaks.</summary>
    private static OpenApiResponse Problem(int status, OpenApiSchemas schemas) => status == StatusCodes.Status400BadRequest
        ? Response("Not valid: errors names each field and the rule it breaks. Nothing was changed.",
            ProblemMediaType, schemas.For(typeof(HttpValidationProblemDetails)))
        : Response(ReasonPhrases.GetReasonPhrase(status), ProblemMediaType, schemas.For(typeof(ProblemDetails)));

    /// <summary>A response with that media type, described by <paramref name="schema"/> when given; with no body when <paramref name="mediaType"/> is null.</summary>
    private static OpenApiResponse Response(string description, string? mediaType = null, IOpenApiSchema? schema = null) => new()
    {
        Description = description,
        Content = mediaType is null ? null : new Dictionary<string, IOpenApiMediaType> { [mediaType] = new OpenApiMediaType { Schema = schema } },
    };

    private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);
}
