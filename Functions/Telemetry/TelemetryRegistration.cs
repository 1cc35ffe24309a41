using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IrpFlows.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: traces from the app's own spans (<see cref="AppTelemetry"/>), the Durable Task Framework's
/// (an orchestration and each activity it runs, linked to the request that started it), the Azure SDK's storage calls and
/// HttpClient's (Microsoft Graph), and the app's metrics. Exported to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (infra/main.bicep sets it), to the console when
/// <c>Telemetry:Console</c> is true, and otherwise not collected at all.
/// </summary>
public static class TelemetryRegistration
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ConsoleSetting = "Telemetry:Console";

    /// <summary>The Durable Task Framework's spans: orchestrations, activities, timers (Azure/durabletask, Tracing/TraceHelper.cs).</summary>
    public const string DurableTaskSource = "DurableTask.Core";

    /// <summary>
    /// The Azure SDK's spans are opt-in, by this switch, which Azure.Core reads once per process: set before the first client
    /// is made. Their URLs keep only the query parameters Azure.Core allows (a SAS signature shows as "REDACTED").
    /// </summary>
    public const string AzureSdkSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>Whether any exporter is configured, and so whether anything is collected.</summary>
    public static bool IsExported(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]) || configuration.GetValue<bool>(ConsoleSetting);

    /// <summary>Registers what <paramref name="configuration"/> asks for; first, before any Azure SDK client is made (see <see cref="AzureSdkSwitch"/>).</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsExported(configuration)) return services;
        AppContext.SetSwitch(AzureSdkSwitch, true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AppTelemetry.Name))
            .WithTracing(tracing => Tracing(tracing))
            .WithMetrics(metrics => Metrics(metrics));
        if (!string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]))
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = configuration[AzureMonitorSetting]);
        if (configuration.GetValue<bool>(ConsoleSetting))
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        return services;
    }

    /// <summary>What is traced, and which traces are kept: the same for every exporter, the tests' in-memory one included.</summary>
    public static TracerProviderBuilder Tracing(TracerProviderBuilder tracing) =>
        tracing
            .SetSampler(new ParentBasedSampler(new WorkArrivesSampler()))
            .AddSource(AppTelemetry.Name, DurableTaskSource, "Azure.*")
            // Microsoft Graph and Entra; not the Functions host's own channel to the worker (gRPC on the loopback). Query
            // string values are redacted by the instrumentation's default.
            .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request => request.RequestUri?.IsLoopback != true);

    public static MeterProviderBuilder Metrics(MeterProviderBuilder metrics) =>
        metrics.AddMeter(AppTelemetry.Name).AddHttpClientInstrumentation();

    /// <summary>
    /// A trace starts where work arrives: an HTTP request, an orchestration or activity the task hub hands over, a timer
    /// (server or consumer spans). An outgoing call with no parent starts none: the task hub polls its queues and tables
    /// every few seconds, and those calls alone would be most of the telemetry and none of its use.
    /// </summary>
    private sealed class WorkArrivesSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            new(parameters.Kind is ActivityKind.Server or ActivityKind.Consumer ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
    }
}
