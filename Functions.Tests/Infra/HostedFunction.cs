using System.Reflection;
using System.Text.Json.Nodes;
using IrpFlows.Local.Hosting;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// One function as a host is told of it, reduced to what decides how it is reached: its name, entry point, trigger type
/// (as <c>functions.metadata</c> names it: <c>httpTrigger</c>, <c>timerTrigger</c>, <c>orchestrationTrigger</c>,
/// <c>activityTrigger</c>), the trigger's route, methods, authorization level or schedule, and every other binding (a
/// <c>durableClient</c>, an HTTP function's <c>$return</c>) by name, type and direction. Read from the SDK's
/// <c>functions.metadata</c>, from the metadata the worker reports when the host indexes it, or from what the local host
/// serves, so that the three can be compared line by line.
/// </summary>
internal sealed record HostedFunction(
    string Name, string EntryPoint, string Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule,
    IReadOnlyList<string> OtherBindings)
{
    /// <summary>One line per function, for comparisons whose failure shows exactly what differs.</summary>
    public override string ToString() =>
        $"{Name} {Trigger} {EntryPoint}" + (Route is null ? "" : $" route={Route}") + (Methods.Count == 0 ? "" : $" methods={string.Join(',', Methods)}")
        + (AuthLevel is null ? "" : $" auth={AuthLevel}") + (Schedule is null ? "" : $" schedule={Schedule}")
        + (OtherBindings.Count == 0 ? "" : $" bindings={string.Join(',', OtherBindings)}");

    /// <summary>Every function, sorted by name, as one line each.</summary>
    public static List<string> Lines(IEnumerable<HostedFunction> functions) =>
        functions.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString()).ToList();

    /// <summary>The functions of a <c>functions.metadata</c> file (a JSON array of functions with their bindings).</summary>
    public static List<HostedFunction> FromMetadataFile(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .Select(f => FromBindings((string)f!["name"]!, (string)f["entryPoint"]!, f["bindings"]!.AsArray().Select(b => b!.AsObject())))
            .ToList();

    /// <summary>The functions the worker reports to the host (worker indexing), each binding as raw JSON.</summary>
    public static List<HostedFunction> FromWorkerMetadata(IEnumerable<IFunctionMetadata> functions) =>
        functions.Select(f => FromBindings(f.Name!, f.EntryPoint!, f.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()))).ToList();

    /// <summary>What the local host serves: its catalogue of the same assembly.</summary>
    public static List<HostedFunction> FromLocalCatalogue(FunctionCatalogue catalogue) =>
        catalogue.All.Select(f => new HostedFunction(
            f.Name,
            EntryPointOf(f.Method),
            f.Trigger switch
            {
                TriggerKind.Http => "httpTrigger",
                TriggerKind.Timer => "timerTrigger",
                TriggerKind.Orchestration => "orchestrationTrigger",
                TriggerKind.Activity => "activityTrigger",
                _ => throw new ArgumentOutOfRangeException(nameof(catalogue), f.Trigger, "A trigger this test does not know."),
            },
            f.Route,
            Normalise(f.Methods ?? []),
            f.Trigger == TriggerKind.Http ? f.AuthLevel.ToString().ToLowerInvariant() : null,
            f.Schedule,
            Bindings(f.OtherBindings.Select(b => (b.Name, b.Type, b.Direction))))).ToList();

    /// <summary>How <c>functions.metadata</c> names a method: its type's full name and the method's.</summary>
    public static string EntryPointOf(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";

    private static HostedFunction FromBindings(string name, string entryPoint, IEnumerable<JsonObject> parsed)
    {
        var bindings = parsed.ToList(); // parsed once: the trigger is told from the others by reference
        var trigger = Assert.Single(bindings, b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        var type = (string)trigger["type"]!;
        var http = string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase);
        return new HostedFunction(
            name,
            entryPoint,
            type,
            // The host routes an HTTP trigger without a route at its function's name.
            http ? (string?)trigger["route"] ?? name : null,
            Normalise(trigger["methods"]?.AsArray().Select(m => (string)m!) ?? []),
            http ? ((string?)trigger["authLevel"])?.ToLowerInvariant() : null,
            (string?)trigger["schedule"],
            Bindings(bindings.Where(b => b != trigger).Select(b => ((string)b["name"]!, (string)b["type"]!, (string)b["direction"]!))));
    }

    /// <summary>"name:type:direction" of each binding, sorted, types and directions in one case, so that hosts compare exactly.</summary>
    private static List<string> Bindings(IEnumerable<(string Name, string Type, string Direction)> bindings) =>
        bindings.Select(b => $"{b.Name}:{b.Type.ToLowerInvariant()}:{b.Direction.ToLowerInvariant()}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Normalise(IEnumerable<string> methods) =>
        methods.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
}
