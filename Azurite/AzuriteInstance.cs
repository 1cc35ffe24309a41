using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Azurite;

/// <summary>A running Azurite. Disposing stops it (its whole process tree) only if <see cref="StartedByUs"/>.</summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    // Azurite's published, well-known development key: public by design, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;
    private readonly ILogger _logger;

    private readonly string _scheme;

    internal AzuriteInstance(int blobPort, int queuePort, int tablePort, string scheme, Process? process, ILogger logger)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _scheme = scheme;
        _process = process;
        _logger = logger;
    }

    /// <summary>The Blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>The Queue service port (Durable's task hub queues).</summary>
    public int QueuePort { get; }

    /// <summary>The Table service port.</summary>
    public int TablePort { get; }

    /// <summary>The Azurite process, when the launcher started it (tests freeze it with SIGSTOP to play a hung account).</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>True when this instance's process was started by the launcher (and is stopped on dispose).</summary>
    public bool StartedByUs => _process is not null;

    /// <summary>The Blob service of the development account, as identity-based settings name it.</summary>
    public Uri BlobServiceUri => new($"{_scheme}://127.0.0.1:{BlobPort}/{AccountName}");

    /// <summary>The Table service of the development account, as identity-based settings name it.</summary>
    public Uri TableServiceUri => new($"{_scheme}://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A connection string for Azurite's development account on the actual ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol={_scheme};AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobServiceUri};" +
        $"QueueEndpoint={_scheme}://127.0.0.1:{QueuePort}/{AccountName};TableEndpoint={TableServiceUri};";

    /// <summary>Kills the Azurite process tree if we started it; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            AzuriteLog.Stopping(_logger, _process.Id);
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
