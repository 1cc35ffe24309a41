namespace IrpFlows.Storage;

/// <summary>
/// Starts the storage emulator that <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> points at (ports 10000–10002).
/// Only a local host registers one (Functions.Local, with the repository's pinned Azurite): in Azure there is none to
/// start, and under <c>func start</c> the emulator is started by hand first, because the Functions host needs storage
/// before the app runs. Without one, <see cref="StorageInitializer"/> uses the storage the setting names as it is.
/// </summary>
public interface IDevelopmentStorage
{
    /// <summary>
    /// Starts the emulator unless something already listens on its ports, and returns once it serves requests.
    /// </summary>
    /// <returns>What stops the emulator this call started, when disposed; null when one was already running and is used as it is.</returns>
    Task<IAsyncDisposable?> StartUnlessListeningAsync(CancellationToken cancellationToken);
}
