using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Serves the app's HTTP-triggered functions on Kestrel as the Functions host does: route = host.json's route prefix +
/// the trigger's route, the trigger's methods, and its authorization level (a function key in <c>x-functions-key</c> or
/// <c>?code=</c> for anything above anonymous). Functions take ASP.NET Core's <see cref="HttpRequest"/> and return an
/// <see cref="IResult"/> or <see cref="IActionResult"/> (the Functions ASP.NET Core integration), so both hosts run them alike.
/// Each invocation runs inside the app's worker middleware (the <c>middleware</c> given to <c>Map</c>), as the worker runs it in Azure,
/// and its result is written as the response afterwards, as the ASP.NET Core integration's own middleware does there.
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string FunctionKeyHeader = "x-functions-key";

    /// <param name="functionKey">The key function-level triggers require; null refuses every such request.</param>
    public static void MapHttpFunctions(this IEndpointRouteBuilder routes, FunctionCatalogue functions, LocalWorkerMiddleware middleware,
        string routePrefix, string? functionKey)
    {
        foreach (var function in functions.OfTrigger(TriggerKind.Http))
        {
            var pattern = RoutePatternFactory.Parse(Combine(routePrefix, function.Route!));
            var bind = Binder(function, pattern);
            var invoke = middleware.Around(async invocation =>
            {
                var local = (LocalFunctionContext)invocation;
                var http = invocation.GetHttpContext()!;
                local.Result = await FunctionInvoker.InvokeAsync(function.Method, invocation.InstanceServices, p => bind(p, http));
            });
            var endpoint = routes.Map(pattern, async context =>
            {
                // In Azure the Functions host checks the key before the worker sees the request.
                if (function.AuthLevel != AuthorizationLevel.Anonymous && !HasKey(context.Request, functionKey))
                {
                    await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                        detail: $"This endpoint requires a valid function key in the '{FunctionKeyHeader}' header.").ExecuteAsync(context);
                    return;
                }
                var invocation = new LocalFunctionContext(function, context);
                await invoke(invocation);
                await WriteAsync(invocation.Result, context);
            }).WithDisplayName(function.Name);
            if (function.Methods is { Count: > 0 } methods)
                endpoint.WithMetadata(new HttpMethodMetadata(methods.Select(m => m.ToUpperInvariant()).ToList()));
        }
    }

    /// <summary>host.json's prefix and a trigger's route, as one template ("" + "irps/{id}" is "/irps/{id}").</summary>
    public static string Combine(string routePrefix, string route) => "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(s => s.Length > 0));

    // Decided once per function, so an unbindable parameter stops the host at start rather than failing a request.
    private static Func<ParameterInfo, HttpContext, object?> Binder(FunctionDefinition function, RoutePattern pattern)
    {
        foreach (var p in function.Method.GetParameters())
        {
            var bindable = p.ParameterType == typeof(HttpRequest) || p.ParameterType == typeof(CancellationToken)
                || p.ParameterType == typeof(DurableTaskClient)
                || (p.ParameterType == typeof(string) && pattern.GetParameter(p.Name!) is not null);
            if (!bindable)
                throw new InvalidOperationException(
                    $"Function '{function.Name}' parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound by the local host: use HttpRequest, a route value, [DurableClient] DurableTaskClient or CancellationToken.");
        }
        return (p, context) =>
            p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
            : p.ParameterType == typeof(DurableTaskClient) ? context.RequestServices.GetRequiredService<DurableTaskClient>()
            : context.Request.RouteValues[p.Name!]?.ToString();
    }

    private static bool HasKey(HttpRequest request, string? expected)
    {
        var given = request.Headers[FunctionKeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return !string.IsNullOrEmpty(expected) && given is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static Task WriteAsync(object? result, HttpContext context) => result switch
    {
        IResult r => r.ExecuteAsync(context),
        IActionResult a => a.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        null => Task.CompletedTask,
        _ => throw new InvalidOperationException($"An HTTP function returned {result.GetType().Name}; return IResult or IActionResult."),
    };
}
