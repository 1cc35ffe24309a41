using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using WorkerFunctionDefinition = Microsoft.Azure.Functions.Worker.FunctionDefinition;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// One HTTP function invocation as the app's worker middleware sees it on this host: the function's name and bindings,
/// the request's services and cancellation, and its <see cref="HttpContext"/> where the Functions worker's ASP.NET Core
/// integration keeps it, so <c>context.GetHttpContext()</c> works here as in Azure. What the middleware does not read
/// (trace and retry context, binding data) is there but empty.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>
    /// The <see cref="FunctionContext.Items"/> key under which the worker's ASP.NET Core integration stores the request's
    /// <see cref="HttpContext"/> (its internal <c>Constants.HttpContextKey</c>, read by <c>GetHttpContext()</c>: see
    /// Azure/azure-functions-dotnet-worker, extensions/Worker.Extensions.Http.AspNetCore/src/Constants.cs). A test holds
    /// this in step with the extension's own reader.
    /// </summary>
    internal const string HttpContextKey = "HttpRequestContext";

    public LocalFunctionContext(FunctionDefinition function, HttpContext http)
    {
        Function = function;
        FunctionDefinition = new Definition(function);
        InstanceServices = http.RequestServices;
        Items = new Dictionary<object, object> { [HttpContextKey] = http };
        CancellationToken = http.RequestAborted;
        TraceContext = new Trace(Activity.Current);
    }

    /// <summary>The function this invocation runs, as the local host knows it.</summary>
    public FunctionDefinition Function { get; }

    /// <summary>What the function returned, once it has run: written as the response after the middleware, as in Azure.</summary>
    public object? Result { get; set; }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => Function.Name;
    public override TraceContext TraceContext { get; }
    public override BindingContext BindingContext { get; } = new NoBindingData();
    public override RetryContext RetryContext { get; } = new NoRetries();
    public override IServiceProvider InstanceServices { get; set; }
    public override WorkerFunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; }
    public override IInvocationFeatures Features { get; } = new InvocationFeatures();
    public override CancellationToken CancellationToken { get; }

    private sealed class Definition(FunctionDefinition function) : WorkerFunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];
        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;
        public override string EntryPoint => $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";
        public override string Id => function.Name;
        public override string Name => function.Name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = Bindings(function, "In", includeTrigger: true);
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = Bindings(function, "Out", includeTrigger: false);

        private static ImmutableDictionary<string, BindingMetadata> Bindings(FunctionDefinition function, string direction, bool includeTrigger)
        {
            var trigger = function.Method.GetParameters().First(p => p.GetCustomAttributes(inherit: true).Any(a => a is HttpTriggerAttribute));
            var all = function.OtherBindings.Select(b => new Binding(b.Name, b.Type, b.Direction))
                .Concat(includeTrigger ? [new Binding(trigger.Name!, "httpTrigger", "In")] : []);
            return all.Where(b => b.Direction.ToString() == direction).ToImmutableDictionary(b => b.Name, b => (BindingMetadata)b);
        }
    }

    private sealed class Binding(string name, string type, string direction) : BindingMetadata
    {
        public override string Name => name;
        public override string Type => type;
        public override BindingDirection Direction => direction == "In" ? BindingDirection.In : BindingDirection.Out;
    }

    private sealed class Trace(Activity? activity) : TraceContext
    {
        public override string TraceParent => activity?.Id ?? "";
        public override string TraceState => activity?.TraceStateString ?? "";
    }

    private sealed class NoBindingData : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = ImmutableDictionary<string, object?>.Empty;
    }

    private sealed class NoRetries : RetryContext
    {
        public override int RetryCount => 0;
        public override int MaxRetryCount => 0;
    }

    private sealed class InvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];
        public void Set<T>(T instance) => _features[typeof(T)] = instance!;
        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;
        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
