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
/// app. Then it creates every table and container the app uses. A failure is logged and retried with back-off until it
/// succeeds, so a storage account that is briefly unreachable at start-up does not leave the app broken.
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
                Log.StorageUnavailable(logger, e, attempt, wait);
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

        [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Storage could not be prepared (attempt {Attempt}); requests that need it get 503 meanwhile; retrying in {Wait}")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception, int attempt, TimeSpan wait);
    }
}

/// <param name="StartAzurite">True only for the literal setting <c>UseDevelopmentStorage=true</c>.</param>
public sealed record StorageInitializerOptions(bool StartAzurite);
