using IrpFlows.Hosting.Azurite;

namespace IrpFlows.Hosting;

/// <summary>
/// With <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>, starts the project's pinned Azurite unless something already
/// listens on its ports, and stops it with the app. Its data lives in <c>.azurite/</c> at the repository root.
/// </summary>
public sealed partial class AzuriteHostedService(ILogger<AzuriteHostedService> logger) : IHostedService, IAsyncDisposable
{
    private const int BlobPort = 10000, QueuePort = 10001, TablePort = 10002;
    private AzuriteInstance? _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (AzuriteLauncher.IsListening(BlobPort) && AzuriteLauncher.IsListening(TablePort))
        {
            Log.UsingRunning(logger);
            return;
        }
        _started = await AzuriteLauncher.StartAsync(
            new AzuriteStartOptions { BlobPort = BlobPort, QueuePort = QueuePort, TablePort = TablePort }, logger, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_started is not null) await _started.DisposeAsync();
        _started = null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Azurite is already listening on 10000/10002; using it")]
        public static partial void UsingRunning(ILogger logger);
    }
}
