using System.Diagnostics;
using IrpFlows.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Http;

/// <summary>
/// A server span for each HTTP request, named by the function that answers it ("POST CreateIrp"), with the method, the
/// path redacted as the request log redacts it (<see cref="Secrets.Redact"/>: no upload, fact-check or feedback token,
/// no key), the status code and, for a route with an <c>{id}</c>, the instance; and the request's duration in
/// <see cref="AppTelemetry.RequestDuration"/>. Everything the request does (an orchestration it starts, a storage call)
/// is traced beneath it. The span ends when the response has completed: in Azure the function's result is executed
/// after the worker middleware has returned, so only then is its status code known.
/// </summary>
public sealed class RequestTelemetryMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http) return next(context);
        var request = http.Request;
        var function = context.FunctionDefinition.Name;
        var span = AppTelemetry.Source.StartActivity($"{request.Method} {function}", ActivityKind.Server);
        span?.SetTag("http.request.method", request.Method);
        span?.SetTag("url.path", Secrets.Redact(request.Path.Value ?? ""));
        span?.SetTag("faas.name", function);
        if (InstanceId(context, http) is { } id) span?.SetTag(AppTelemetry.InstanceIdTag, id);
        var started = Stopwatch.GetTimestamp();
        http.Response.OnCompleted(() =>
        {
            var status = http.Response.StatusCode;
            span?.SetTag("http.response.status_code", status);
            if (status >= 500) span?.SetStatus(ActivityStatusCode.Error);
            span?.Stop();
            AppTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("faas.name", function), new("http.response.status_code", status));
            return Task.CompletedTask;
        });
        // Ended here at the latest, should the response never complete (the client went away).
        if (span is not null) http.Response.RegisterForDispose(span);
        return next(context);
    }

    // The worker binds route values as binding data in Azure; the local host routes with ASP.NET Core.
    private static string? InstanceId(FunctionContext context, HttpContext http) =>
        (context.BindingContext.BindingData.TryGetValue("id", out var bound) ? bound : http.Request.RouteValues["id"]) as string;
}
