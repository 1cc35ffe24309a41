using Microsoft.Extensions.Logging;

namespace IrpFlows.Azurite;

/// <summary>Azurite launcher log messages, with fixed event ids.</summary>
internal static partial class AzuriteLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Azurite is already listening on blob port {BlobPort} and table port {TablePort}; not starting another")]
    public static partial void AlreadyRunning(ILogger logger, int blobPort, int tablePort);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Installing the pinned Azurite with npm ci in {Folder}")]
    public static partial void Installing(ILogger logger, string folder);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Starting Azurite on blob port {BlobPort}, table port {TablePort}, storing data {Storage}")]
    public static partial void Starting(ILogger logger, int blobPort, int tablePort, string storage);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Azurite is ready (process {ProcessId})")]
    public static partial void Ready(ILogger logger, int processId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Stopping Azurite (process {ProcessId})")]
    public static partial void Stopping(ILogger logger, int processId);
}
