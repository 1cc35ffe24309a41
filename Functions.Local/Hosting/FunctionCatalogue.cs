using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Local.Hosting;

/// <summary>What starts a function: the trigger binding on one of its parameters.</summary>
public enum TriggerKind { Http, Timer, Orchestration, Activity }

/// <summary>A binding other than the trigger, as <c>functions.metadata</c> lists it: <c>durable</c> <c>durableClient</c> <c>In</c>.</summary>
public sealed record FunctionBinding(string Name, string Type, string Direction);

/// <summary>
/// One <c>[Function]</c> method as the Functions host would see it in <c>functions.metadata</c>: its name, its trigger and
/// the trigger's settings, and the other bindings the local host provides.
/// </summary>
/// <param name="Route">HTTP only: the route template without the host's route prefix (the function's name when the attribute gives none).</param>
/// <param name="Methods">HTTP only: lower-case methods, or empty for every method.</param>
/// <param name="Schedule">Timer only: the NCRONTAB expression (six fields, seconds first), possibly a <c>%Setting%</c> reference.</param>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Trigger,
    MethodInfo Method,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    AuthorizationLevel AuthLevel = AuthorizationLevel.Anonymous,
    string? Schedule = null)
{
    /// <summary>
    /// What the local host binds besides the trigger: a <c>[DurableClient]</c> parameter, and for an HTTP function its
    /// return value as the response (<c>$return</c>, <c>http</c>, as the Functions SDK declares it).
    /// </summary>
    public IReadOnlyList<FunctionBinding> OtherBindings { get; init; } = [];
}

/// <summary>
/// The functions of an assembly, found by their attributes the same way the Functions SDK writes <c>functions.metadata</c>
/// at build time, so the local host serves exactly what Azure would.
/// </summary>
public sealed class FunctionCatalogue
{
    private FunctionCatalogue(IReadOnlyList<FunctionDefinition> all) => All = all;

    /// <summary>Every function, by name.</summary>
    public IReadOnlyList<FunctionDefinition> All { get; }

    public IEnumerable<FunctionDefinition> OfTrigger(TriggerKind trigger) => All.Where(f => f.Trigger == trigger);

    /// <exception cref="InvalidOperationException">A <c>[Function]</c> method has no trigger this host can run, or two share a name.</exception>
    public static FunctionCatalogue Discover(Assembly assembly)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                    functions.Add(Describe(function.Name, method));
            }
        }
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'; function names must be unique.");
        return new FunctionCatalogue(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    private static FunctionDefinition Describe(string name, MethodInfo method) => Trigger(name, method) with
    {
        OtherBindings = method.GetParameters()
            .Where(p => p.GetCustomAttribute<DurableClientAttribute>() is not null)
            .Select(p => new FunctionBinding(p.Name!, "durableClient", "In"))
            .Concat(method.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null) ? [new FunctionBinding("$return", "http", "Out")] : [])
            .ToList(),
    };

    private static FunctionDefinition Trigger(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? []).Select(m => m.ToLowerInvariant()).ToList();
                return new FunctionDefinition(name, TriggerKind.Http, method, http.Route ?? name, methods, http.AuthLevel);
            }
            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
                return new FunctionDefinition(name, TriggerKind.Timer, method, Schedule: timer.Schedule);
            if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
                return new FunctionDefinition(name, TriggerKind.Orchestration, method);
            if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
                return new FunctionDefinition(name, TriggerKind.Activity, method);
        }
        throw new InvalidOperationException(
            $"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) has no trigger the local host can run (HTTP, timer, orchestration or activity).");
    }
}
