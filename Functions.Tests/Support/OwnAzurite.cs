using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IrpFlows.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Support;

/// <summary>
/// An Azurite of one test's own, on ports chosen once, that the test can take away as an outage would: stop it (its
/// process killed: connections refused), freeze it (SIGSTOP: connections accepted, never answered) and bring it back on
/// the same ports, so the app's connection string stays valid. With a data folder it comes back with what it had (as a
/// storage account does); in memory it comes back empty.
/// </summary>
internal sealed class OwnAzurite : IAsyncDisposable
{
    private readonly AzuriteStartOptions _options;
    private AzuriteInstance? _running;

    private OwnAzurite(AzuriteStartOptions options) => _options = options;

    /// <summary>The connection string of its development account; the same across restarts.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts an Azurite on free ports: in memory, or keeping its data in <paramref name="dataFolder"/>.</summary>
    public static async Task<OwnAzurite> StartAsync(string? dataFolder = null)
    {
        var ports = FreePorts(3);
        var azurite = new OwnAzurite(new AzuriteStartOptions
        {
            BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2],
            InMemoryPersistence = dataFolder is null, Location = dataFolder,
        });
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>
    /// Stops Azurite: from now on connections to its ports are refused. Asked to stop (SIGTERM), it writes what it holds to
    /// its data folder first; killed, it would lose the writes of its last five seconds (it saves every five), which an
    /// unreachable storage account never does. Killed only if it has not gone within ten seconds.
    /// </summary>
    public async Task StopAsync()
    {
        if (_running is null) return;
        Thaw(); // a frozen process does not die until it is let run
        using (var process = Process.GetProcessById(_running.ProcessId!.Value))
        {
            Signal("TERM");
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10))); // still running: DisposeAsync kills it
        }
        await _running.DisposeAsync();
        _running = null;
    }

    /// <summary>Starts Azurite again on the same ports (after <see cref="StopAsync"/>); returns once it listens.</summary>
    public async Task StartAgainAsync()
    {
        _running = await AzuriteLauncher.StartAsync(_options, NullLogger.Instance, CancellationToken.None);
        ConnectionString = _running.ConnectionString;
    }

    /// <summary>Freezes Azurite (SIGSTOP): the kernel still accepts connections on its ports, but nothing answers them.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen Azurite run again (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Signal(string signal)
    {
        var pid = _running?.ProcessId ?? throw new InvalidOperationException("Azurite is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString() } })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {pid} exited with {kill.ExitCode}.");
    }

    // All held open until all are chosen, so no two are the same.
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
