using IrpFlows.Workflow;

namespace IrpFlows.Hosting;

/// <summary>Settings of the in-process dispatcher. Bound from the "Dispatcher" section.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Dispatcher";

    /// <summary>
    /// Run the in-process timer. True locally; in Azure the Functions TimerTrigger calls the dispatch endpoint instead,
    /// so set <c>Dispatcher__TimerEnabled=false</c> there.
    /// </summary>
    public bool TimerEnabled { get; set; } = true;

    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs the dispatcher's tick on a timer, and dispatches an instance as soon as something asks for it.</summary>
public sealed partial class DispatcherService(
    StorageInitializer storage, DispatcherTick tick, WorkflowEngine engine, DispatchSignal signal, DispatcherOptions options, TimeProvider time,
    ILogger<DispatcherService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken);
        await Task.WhenAll(options.TimerEnabled ? TickLoopAsync(stoppingToken) : Task.CompletedTask, SignalLoopAsync(stoppingToken));
    }

    private async Task TickLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.TickInterval, time);
        do
        {
            await RunGuardedAsync(() => tick.RunAsync(ct), "tick", ct);
        } while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task SignalLoopAsync(CancellationToken ct)
    {
        await foreach (var id in signal.Reader.ReadAllAsync(ct))
            await RunGuardedAsync(() => engine.DispatchInstanceAsync(id, ct), id, ct);
    }

    // A failing tick (storage briefly unreachable) must not stop the dispatcher: it is logged and the next tick tries again.
    private async Task RunGuardedAsync(Func<Task<int>> dispatch, string what, CancellationToken ct)
    {
        try
        {
            await dispatch();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.DispatchFailed(logger, e, what);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Dispatch of {What} failed; the next tick will try again")]
        public static partial void DispatchFailed(ILogger logger, Exception exception, string what);
    }
}
