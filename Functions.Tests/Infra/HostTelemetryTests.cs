using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// What the Functions host records in Azure, which no test here can run: host.json as the host reads it. The worker's own
/// telemetry is tested by <see cref="Hosting.TelemetryTests"/> and <see cref="Http.SecretsInLogsTests"/>.
/// </summary>
public sealed class HostTelemetryTests
{
    private static readonly JsonNode Host = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "host.json")))!;

    [Fact]
    public void TheHostsRequestTelemetry_RecordsNoUrl()
    {
        // With extended HTTP information off, the host registers no ASP.NET Core request tracking (the module that records
        // each request's URL, tokens and all) and records a request per function invocation, named by the function:
        // Azure/azure-webjobs-sdk at f79ea0bf, src/Microsoft.Azure.WebJobs.Logging.ApplicationInsights/Extensions/
        // ApplicationInsightsServiceCollectionExtensions.cs (RequestTrackingTelemetryModule only when the option is true) and
        // ApplicationInsightsLogger.cs (StartTelemetryIfFunctionInvocation: StartOperation<RequestTelemetry>(functionName)).
        var collection = Host["logging"]!["applicationInsights"]!["httpAutoCollectionOptions"]!["enableHttpTriggerExtendedInfoCollection"]!;
        Assert.False(collection.GetValue<bool>());
    }

    [Fact]
    public void TheDurableExtension_TracesOrchestrations_IntoTheTraceThatStartedThem()
    {
        var tracing = Host["extensions"]!["durableTask"]!["tracing"]!;
        Assert.Equal((true, "V2"), (tracing["distributedTracingEnabled"]!.GetValue<bool>(), tracing["version"]!.GetValue<string>()));
    }
}
