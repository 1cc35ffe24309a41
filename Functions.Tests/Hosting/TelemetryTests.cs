using System.Diagnostics;
using IrpFlows.Irps.Timeline;
using IrpFlows.Telemetry;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Hosting;

/// <summary>
/// The traces an operator sees: a whole IRP's, captured with an in-memory exporter in place of Azure Monitor's (the app's own
/// sources, sampler and instrumentation, <see cref="TelemetryRegistration.Tracing"/>). No secret in any span:
/// <see cref="Http.SecretsInLogsTests"/>.
/// </summary>
public sealed class TelemetryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task AWholeIrp_IsOneTrace_FromTheCreateRequest_ThroughItsOrchestration_ToTheAnnouncementEmail()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = await IrpFlowsApp.StartAsync(services: s => s.AddOpenTelemetry()
            .WithTracing(t => TelemetryRegistration.Tracing(t).AddInMemoryExporter(spans))
            .WithMetrics(m => TelemetryRegistration.Metrics(m).AddInMemoryExporter(metrics)));
        var id = await app.CreateIrpAsync(Elmley());
        await app.RunToCompletionAsync(id);
        // The orchestration's span ends when its last episode does, just after the IRP's log says it completed.
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            await app.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(id, limit.Token);
        StopCollecting(app);

        // The announcement's email, beneath its step, beneath the activity the orchestration ran it in, beneath the
        // orchestration, beneath the coordinator's request that created the IRP: every link exported, one trace.
        var email = Assert.Single(spans, s => s.DisplayName == "send email" && Tag(s, AppTelemetry.InstanceIdTag) == id && Tag(s, AppTelemetry.StepIdTag) == "announcement");
        var chain = Ancestors(email, spans);
        Assert.All(chain, s => Assert.Equal(email.TraceId, s.TraceId));
        output.WriteLine(string.Join(" < ", chain.Select(s => $"{s.DisplayName} [{s.Source.Name}]")));
        var request = chain[^1];
        Assert.Equal(("POST CreateIrp", ActivityKind.Server, "/api/irps", "POST", 202),
            (request.DisplayName, request.Kind, Tag(request, "url.path"), Tag(request, "http.request.method"), (int)request.GetTagItem("http.response.status_code")!));
        Assert.Equal("outbox", Tag(email, AppTelemetry.MailSenderTag));
        var step = chain[1];
        Assert.Equal(("step announcement", "irp", id), (step.DisplayName, Tag(step, AppTelemetry.KindTag), Tag(step, AppTelemetry.InstanceIdTag)));
        Assert.Contains(chain, s => s.Source.Name == TelemetryRegistration.DurableTaskSource && s.DisplayName == "activity:RunWorkflowSteps");
        Assert.Contains(chain, s => s.Source.Name == TelemetryRegistration.DurableTaskSource && s.DisplayName == "orchestration:RunWorkflow"
            && Tag(s, "durabletask.task.instance_id") == id);

        // The storage calls the step made (reading and appending the IRP's log, writing the outbox) are in the trace too.
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && s.TraceId == email.TraceId
            && Ancestors(s, spans).Contains(step));
        // A weekly digest went on the way (the clock crossed Mondays): its span names no one.
        Assert.Contains(spans, s => s.DisplayName == "send email" && Tag(s, AppTelemetry.StepIdTag) == "digest" && Tag(s, AppTelemetry.InstanceIdTag) is null);
        Assert.DoesNotContain(spans, s => s.DisplayName == "send email" && s.TagObjects.Any(t => t.Value?.ToString()?.Contains('@') == true));
        // Later steps ran in the same trace: the IRP's whole life is one trace, whatever woke it.
        Assert.Contains(spans, s => s.DisplayName == $"step {IrpSteps.Publication}" && Tag(s, AppTelemetry.InstanceIdTag) == id && s.TraceId == email.TraceId);

        // The outcome of every step is counted: this IRP's announcement among them (other tests' apps share the process's meter).
        Assert.Contains(metrics.Where(m => m.Name == "irpflows.steps").SelectMany(Points),
            p => p.Tags.Contains(new(AppTelemetry.StepIdTag, "announcement")) && p.Tags.Contains(new(AppTelemetry.OutcomeTag, "done")) && p.Value >= 1);
        Assert.Contains(metrics.Where(m => m.Name == "irpflows.emails.sent").SelectMany(Points), p => p.Value >= 1);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("true", null, true)]
    [InlineData(null, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/", true)]
    public void Telemetry_IsCollected_OnlyWhenAnExporterIsConfigured(string? console, string? azureMonitor, bool collected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryRegistration.ConsoleSetting] = console,
            [TelemetryRegistration.AzureMonitorSetting] = azureMonitor,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddTelemetry(configuration).BuildServiceProvider();
        Assert.Equal(collected, services.GetService<TracerProvider>() is not null);
        Assert.Equal(collected, services.GetService<MeterProvider>() is not null);
    }

    /// <summary>Flushes what was recorded and stops the app's providers, so the captured lists no longer change.</summary>
    internal static void StopCollecting(IrpFlowsApp app)
    {
        app.Services.GetRequiredService<TracerProvider>().Dispose();
        app.Services.GetService<MeterProvider>()?.Dispose();
    }

    /// <summary><paramref name="span"/> and each parent up to the trace's root, all among <paramref name="spans"/>.</summary>
    private static List<Activity> Ancestors(Activity span, List<Activity> spans)
    {
        var chain = new List<Activity> { span };
        while (chain[^1].ParentSpanId != default)
        {
            var child = chain[^1];
            chain.Add(spans.SingleOrDefault(s => s.TraceId == child.TraceId && s.SpanId == child.ParentSpanId)
                ?? throw new Xunit.Sdk.XunitException($"The parent of '{child.DisplayName}' was not exported: chain so far {string.Join(" < ", chain.Select(s => s.DisplayName))}"));
        }
        return chain;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static List<(Dictionary<string, object?> Tags, long Value)> Points(Metric metric)
    {
        var points = new List<(Dictionary<string, object?>, long)>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            points.Add((tags, point.GetSumLong()));
        }
        return points;
    }
}
