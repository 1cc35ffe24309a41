using Azure;
using IrpFlows.Hosting.Azurite;
using IrpFlows.Workflow;

namespace IrpFlows.Hosting;

/// <summary>A capability that owns storage (a container, a table) and creates it at start-up. Idempotent.</summary>
public interface IStorageSetup
{
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Prepares storage in the background, so the app answers at once (health, OpenAPI) even while a fresh machine installs
/// Azurite; whatever needs storage waits for <see cref="Ready"/>. With <c>UseDevelopmentStorage=true</c> it starts the
/// project's pinned Azurite unless something already listens on its ports (data in <c>.azurite/</c>), and stops it with the
/// app. Then it creates every table and container the app uses. A failure is retried with back-off until it succeeds, so
/// a storage account that is briefly unreachable at start-up does not leave the app broken. Once ready, <see cref="CheckAsync"/>
/// says whether storage still serves the app. Each change of state is logged once (a warning when storage is lost, a line
/// when it is back), not every attempt.
/// </summary>
public sealed partial class StorageInitializer(
    StorageInitializerOptions options, WorkflowEngine engine, IEnumerable<IStorageSetup> setups, ILogger<StorageInitializer> logger)
    : IHostedService, IAsyncDisposable
{
    private const int BlobPort = 10000, QueuePort = 10001, TablePort = 10002;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private AzuriteInstance? _azurite;
    private Task? _preparing;

    /// <summary>Completes when storage is usable. Never faults: failures are retried.</summary>
    public Task Ready => _ready.Task;

    /// <summary>True once an attempt to prepare storage has failed and it is not ready yet.</summary>
    public bool IsFailing => Volatile.Read(ref _failures) > 0 && !_ready.Task.IsCompleted;

    private int _failures;

    // 1 while the last check found storage usable; a change is what gets logged.
    private int _usable = 1;

    // Health is asked often (probes, load balancers): answer within this, whatever storage does.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Null when storage serves the app now (one read of the workflow table), else why not, in a sentence.</summary>
    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        if (!_ready.Task.IsCompletedSuccessfully) return IsFailing
            ? "Storage is unreachable; the app keeps trying. See its log."
            : "Storage is still being prepared (on a fresh machine the app first installs and starts Azurite).";
        string? reason = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await engine.ProbeStorageAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            reason = $"Storage did not answer within {CheckTimeout.TotalSeconds:0} seconds.";
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            reason = "Storage is unreachable: " + FirstLine(e.Message);
        }
        var wasUsable = Interlocked.Exchange(ref _usable, reason is null ? 1 : 0) == 1;
        if (wasUsable && reason is not null) Log.StorageLost(logger, reason);
        else if (!wasUsable && reason is null) Log.StorageBack(logger);
        return reason;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparing = PrepareAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_preparing is not null) await _preparing;
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
        _azurite = null;
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                if (options.StartAzurite && _azurite is null)
                {
                    if (AzuriteLauncher.IsListening(BlobPort) && AzuriteLauncher.IsListening(QueuePort) && AzuriteLauncher.IsListening(TablePort)) Log.UsingRunningAzurite(logger);
                    else _azurite = await AzuriteLauncher.StartAsync(
                        new AzuriteStartOptions { BlobPort = BlobPort, QueuePort = QueuePort, TablePort = TablePort }, logger, ct);
                }
                await engine.CreateStorageIfNotExistsAsync(ct);
                foreach (var setup in setups) await setup.CreateIfNotExistsAsync(ct);
                if (attempt > 1) Log.StorageReady(logger, attempt);
                _ready.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _failures);
                var wait = TimeSpan.FromSeconds(Math.Min(60, 5 * attempt));
                // The first failure is a warning with its reason; the attempts after it, while nothing has changed, only debug lines.
                if (attempt == 1) Log.StorageUnavailable(logger, FirstLine(e.Message), wait);
                else Log.StillUnavailable(logger, attempt, FirstLine(e.Message), wait);
                try
                {
                    await Task.Delay(wait, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Azurite is already listening on 10000-10002; using it")]
        public static partial void UsingRunningAzurite(ILogger logger);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Storage could not be prepared: {Reason}. Requests that need it get 503 meanwhile; retrying, first in {Wait}")]
        public static partial void StorageUnavailable(ILogger logger, string reason, TimeSpan wait);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Storage still cannot be prepared (attempt {Attempt}): {Reason}; retrying in {Wait}")]
        public static partial void StillUnavailable(ILogger logger, int attempt, string reason, TimeSpan wait);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Storage is prepared, after {Attempts} attempts")]
        public static partial void StorageReady(ILogger logger, int attempts);

        [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Storage is no longer usable: {Reason}. Health answers 503 until it is back")]
        public static partial void StorageLost(ILogger logger, string reason);

        [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Storage is usable again")]
        public static partial void StorageBack(ILogger logger);
    }
}

/// <param name="StartAzurite">True only for the literal setting <c>UseDevelopmentStorage=true</c>.</param>
public sealed record StorageInitializerOptions(bool StartAzurite);
