using IrpFlows.Http;
using IrpFlows.Local.Hosting;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// The two hosts cannot drift. In Azure the Functions host learns the app's functions from the worker (worker indexing,
/// <c>worker.config.json</c>), whose metadata the SDK's source generator compiled in, and which the SDK also writes to
/// <c>functions.metadata</c>; locally <see cref="FunctionCatalogue"/> reads the same attributes by reflection. All three
/// must list the same functions with the same triggers, HTTP routes, methods, authorization levels and schedules, and the
/// same other bindings (a <c>[DurableClient]</c> the local host must provide, an HTTP function's return value as its response).
/// </summary>
public sealed class HostsAgreeTests
{
    /// <summary>The build copies the Function App's functions.metadata into this project's output, beside its assembly.</summary>
    private static readonly string BuiltMetadata = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    [Fact]
    public void TheLocalHost_ServesExactlyTheFunctionsOfFunctionsMetadata()
    {
        Assert.True(File.Exists(BuiltMetadata), $"No functions.metadata at {BuiltMetadata}: the Worker SDK writes it when Functions builds, and the build copies it here.");

        var azure = HostedFunction.Lines(HostedFunction.FromMetadataFile(BuiltMetadata));
        var local = HostedFunction.Lines(HostedFunction.FromLocalCatalogue(FunctionCatalogue.Discover(typeof(IrpFunctions).Assembly)));

        Assert.Equal(azure, local);
        Assert.Contains(azure, line => line.StartsWith("RunWorkflow orchestrationTrigger ", StringComparison.Ordinal));
        Assert.Contains(azure, line => line.StartsWith("MoveDevClock httpTrigger ", StringComparison.Ordinal) && line.EndsWith(" bindings=$return:http:out,durable:durableclient:in", StringComparison.Ordinal));
        Assert.Contains(azure, line => line.StartsWith("Sweep timerTrigger ", StringComparison.Ordinal) && line.EndsWith(" bindings=durable:durableclient:in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWorkerReportsToTheFunctionsHost_TheFunctionsOfFunctionsMetadata()
    {
        var reported = await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppContext.BaseDirectory);

        Assert.Equal(
            HostedFunction.Lines(HostedFunction.FromMetadataFile(BuiltMetadata)),
            HostedFunction.Lines(HostedFunction.FromWorkerMetadata(reported)));
    }
}
