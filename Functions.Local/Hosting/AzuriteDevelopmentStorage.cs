using IrpFlows.Azurite;
using IrpFlows.Storage;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// The development storage of <c>UseDevelopmentStorage=true</c> on this machine: the repository's pinned Azurite on its
/// default ports, keeping its data in <c>.azurite/</c> so a restarted host finds its IRPs. The Function App starts it
/// through <see cref="IDevelopmentStorage"/> and so ships none of the launcher.
/// </summary>
internal sealed partial class AzuriteDevelopmentStorage(ILogger<AzuriteDevelopmentStorage> logger) : IDevelopmentStorage
{
    private const int BlobPort = 10000, QueuePort = 10001, TablePort = 10002;

    public async Task<IAsyncDisposable?> StartUnlessListeningAsync(CancellationToken cancellationToken)
    {
        if (AzuriteLauncher.IsListening(BlobPort) && AzuriteLauncher.IsListening(QueuePort) && AzuriteLauncher.IsListening(TablePort))
        {
            Log.UsingRunningAzurite(logger);
            return null;
        }
        return await AzuriteLauncher.StartAsync(
            new AzuriteStartOptions { BlobPort = BlobPort, QueuePort = QueuePort, TablePort = TablePort }, logger, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Azurite is already listening on 10000-10002; using it")]
        public static partial void UsingRunningAzurite(ILogger logger);
    }
}
