using System.Reflection;
using DurableTask.Core;
using IrpFlows.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Runs the app's orchestrator and activity functions on the Durable Task Framework, as the Durable Functions extension
/// does in Azure: each function is wrapped by <see cref="DurableTaskShimFactory"/> (the bridge Microsoft.DurableTask ships
/// for other runtimes) and registered by its function name on a <see cref="TaskHubWorker"/> over the task hub. It starts
/// once storage is ready (the task hub is created with the rest of storage); an activity runs in a dependency-injection
/// scope of its own, like a function invocation.
/// </summary>
/// <param name="gracefulStopLimit">
/// How long work in progress may finish when the host stops (<see cref="GracefulStopLimitSetting"/>; 15 s unless set). Within
/// the host's shutdown timeout (30 s by default), a forced stop, which releases the worker's leases in storage, gets the rest.
/// </param>
public sealed partial class DurableFunctionsWorker(
    IOrchestrationService service, FunctionCatalogue functions, StorageInitializer storage, IServiceProvider services, ILoggerFactory loggers,
    TimeSpan gracefulStopLimit)
    : BackgroundService
{
    /// <summary>
    /// The setting (a <see cref="TimeSpan"/>) bounding the graceful stop. Zero stops by force at once: for a host whose task hub
    /// is thrown away with it (a test's), where the framework's graceful stop only waits, a second at a time and up to 8 s per
    /// dispatcher, for fetches in flight to notice the stop.
    /// </summary>
    public const string GracefulStopLimitSetting = "LocalHost:GracefulStopLimit";

    public static readonly TimeSpan DefaultGracefulStopLimit = TimeSpan.FromSeconds(15);

    // With storage gone the forced stop cannot succeed either, so it does not wait long.
    private static readonly TimeSpan ForcedStopLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartRetryInterval = TimeSpan.FromSeconds(5);

    private readonly DurableTaskShimFactory _shims = new(loggerFactory: loggers);
    private readonly ILogger _logger = loggers.CreateLogger<DurableFunctionsWorker>();
    private TaskHubWorker? _worker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken);
        var worker = new TaskHubWorker(service, loggers);
        foreach (var function in functions.All)
        {
            var name = function.Name;
            if (function.Trigger == TriggerKind.Orchestration)
            {
                var orchestrator = new FunctionOrchestrator(function.Method);
                worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(name, () => _shims.CreateOrchestration(name, orchestrator)));
            }
            else if (function.Trigger == TriggerKind.Activity)
            {
                var activity = new FunctionActivity(function.Method, services);
                worker.AddTaskActivities(new Creator<TaskActivity>(name, () => _shims.CreateActivity(name, activity)));
            }
        }
        // Storage may go away between being ready and the worker's start (which creates the task hub and reads its leases):
        // the worker starts once it answers again, rather than the failed start stopping the host.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await worker.StartAsync();
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.StartFailed(_logger, e, attempt, StartRetryInterval);
                await Task.Delay(StartRetryInterval, stoppingToken);
            }
        }
        _worker = worker;
    }

    /// <summary>
    /// Lets work in progress finish while the host's shutdown allows (at most the graceful stop limit, and not at all
    /// when storage is known to be lost), then stops by force for at most <see cref="ForcedStopLimit"/> and lets the process
    /// go: the task hub hands what is left to the next worker once its messages become visible again and its leases expire.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_worker is not { } worker) return;
        _worker = null;
        if (storage.IsAvailable && gracefulStopLimit > TimeSpan.Zero)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(gracefulStopLimit);
            var graceful = worker.StopAsync(isForced: false);
            if (await Task.WhenAny(graceful, Task.Delay(Timeout.Infinite, limit.Token)) == graceful)
            {
                await graceful;
                return;
            }
        }
        var forced = worker.StopAsync(isForced: true);
        if (await Task.WhenAny(forced, Task.Delay(ForcedStopLimit, CancellationToken.None)) == forced) await forced;
        else Log.StopAbandoned(_logger, ForcedStopLimit);
    }

    /// <summary>A new shim from every <see cref="Create"/>: the framework keeps per-execution state in it.</summary>
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }

    /// <summary>An orchestrator function: <c>[OrchestrationTrigger] TaskOrchestrationContext</c> and, optionally, its input.</summary>
    private sealed class FunctionOrchestrator(MethodInfo method) : ITaskOrchestrator
    {
        private readonly ParameterInfo? _input = method.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null);

        public Type InputType => _input?.ParameterType ?? typeof(object);
        public Type OutputType => FunctionInvoker.ResultType(method);

        // Orchestrators are static and replayed: no services, no scope.
        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            FunctionInvoker.InvokeAsync(method, EmptyServices.Instance, p => p == _input ? input : context);
    }

    /// <summary>An activity function: its <c>[ActivityTrigger]</c> parameter is the input; a cancellation token may be asked for.</summary>
    private sealed class FunctionActivity(MethodInfo method, IServiceProvider services) : ITaskActivity
    {
        private readonly ParameterInfo _input = method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

        public Type InputType => _input.ParameterType;
        public Type OutputType => FunctionInvoker.ResultType(method);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using var scope = services.CreateAsyncScope();
            return await FunctionInvoker.InvokeAsync(method, scope.ServiceProvider, p =>
                p == _input ? input
                : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : throw new InvalidOperationException($"Activity '{context.Name}' asks for '{p.Name}', which the local host cannot bind."));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "The Durable Task worker did not stop within {Limit} of being forced (storage unreachable?); leaving it: its leases expire and another worker takes over")]
        public static partial void StopAbandoned(ILogger logger, TimeSpan limit);

        [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "The Durable Task worker could not start (attempt {Attempt}; storage unreachable?); trying again in {Interval}")]
        public static partial void StartFailed(ILogger logger, Exception exception, int attempt, TimeSpan interval);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
