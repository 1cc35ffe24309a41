using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Local.Hosting;
using IrpFlows.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Hosting;

/// <summary>The HTTP middleware the worker runs in Azure, as the local host runs it.</summary>
public sealed class HttpPipelineTests
{
    [Fact]
    public async Task AFunctionThatFails_Answers500_AndItsExceptionIsLoggedUnderTheTraceIdTheBodyShows()
    {
        var log = new CapturedLog();
        await using var app = await IrpFlowsApp.StartAsync(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            // Asked for only by the clock move (and the sweep): its failure is the function's.
            s.AddSingleton<UploadReconciler>(_ => throw new InvalidOperationException("Uploads cannot be reconciled (a fault this test injects)"));
        });

        using var response = await app.Coordinator.PostAsJsonAsync("/api/dev/clock", new { now = IrpFlowsApp.MondayMorning.AddHours(2) });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var traceId = problem["traceId"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Contains(traceId, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("reconciled", problem.ToJsonString(), StringComparison.Ordinal); // nothing of the internals
        var logged = Assert.Single(log.At(LogLevel.Error), l => l.Contains(traceId, StringComparison.Ordinal));
        Assert.Contains("MoveDevClock", logged, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: Uploads cannot be reconciled (a fault this test injects)", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLocalHostsFunctionContext_CarriesTheHttpContextWhereTheAspNetCoreIntegrationReadsIt()
    {
        var health = FunctionCatalogue.Discover(typeof(IrpFunctions).Assembly).All.Single(f => f.Name == nameof(HostFunctions.Health));
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };

        var context = new LocalFunctionContext(health, http);

        Assert.Same(http, context.GetHttpContext()); // the extension's own reader, from Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore
        Assert.Equal(nameof(HostFunctions.Health), context.FunctionDefinition.Name);
        Assert.Equal("httpTrigger", Assert.Single(context.FunctionDefinition.InputBindings).Value.Type);
        Assert.Equal("http", context.FunctionDefinition.OutputBindings["$return"].Type);
    }
}
