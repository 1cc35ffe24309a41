using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Http;

/// <summary>
/// The OpenAPI document of the app's HTTP functions, built from their attributes: the route and methods of each
/// <c>[HttpTrigger]</c> (so the document cannot list a route that is not served), path parameters from the route, the
/// function key where the trigger needs one, and the tag and summary of its <see cref="OpenApiOperationAttribute"/>.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public static string Json(Assembly functions, string serverUrl)
    {
        var paths = new JsonObject();
        foreach (var (trigger, operation, method) in HttpFunctions(functions).OrderBy(f => f.Trigger.Route, StringComparer.Ordinal))
        {
            var path = "/" + trigger.Route!.Trim('/');
            var item = paths[path] as JsonObject ?? new JsonObject();
            paths[path] = item;
            foreach (var verb in trigger.Methods ?? ["get"])
                item[verb.ToLowerInvariant()] = Operation(trigger, operation, method, path);
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "IrpFlows", ["version"] = "1.0.0" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-functions-key" },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static IEnumerable<(HttpTriggerAttribute Trigger, OpenApiOperationAttribute? Operation, MethodInfo Method)> HttpFunctions(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where trigger is not null
        select (trigger, method.GetCustomAttribute<OpenApiOperationAttribute>(), method);

    private static JsonObject Operation(HttpTriggerAttribute trigger, OpenApiOperationAttribute? operation, MethodInfo method, string path)
    {
        var parameters = new JsonArray();
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)").Select(m => m.Groups[1].Value))
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        var result = new JsonObject
        {
            ["operationId"] = method.GetCustomAttribute<FunctionAttribute>()!.Name,
            ["tags"] = new JsonArray(operation?.Tag ?? "Other"),
            ["summary"] = operation?.Summary,
            ["description"] = operation?.Description,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { [(operation?.ResponseStatus ?? 200).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["description"] = "Success" } },
        };
        if (trigger.AuthLevel != AuthorizationLevel.Anonymous)
            result["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() });
        return result;
    }
}
