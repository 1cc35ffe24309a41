using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Azurite;

/// <summary>
/// Starts the repository's pinned Azurite (<c>infra/azurite</c>), installing it with <c>npm ci</c> first when a fresh
/// clone has no <c>node_modules</c>, so local runs and tests need nothing installed by hand beyond Node.js.
/// </summary>
public static class AzuriteLauncher
{
    private const int StderrLinesKept = 40;
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>
    /// Starts Azurite and waits until its blob and table ports accept connections. When both requested ports are
    /// fixed and already listening, returns an instance with <see cref="AzuriteInstance.StartedByUs"/> false instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <c>infra/azurite</c> folder, npm failed, or Azurite did not start in time (the message has Azurite's stderr tail).</exception>
    public static async Task<AzuriteInstance> StartAsync(AzuriteStartOptions options, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.BlobPort != 0 && options.QueuePort != 0 && options.TablePort != 0 && IsListening(options.BlobPort) && IsListening(options.QueuePort) && IsListening(options.TablePort))
        {
            AzuriteLog.AlreadyRunning(logger, options.BlobPort, options.TablePort);
            return new AzuriteInstance(options.BlobPort, options.QueuePort, options.TablePort, Uri.UriSchemeHttp, null, logger);
        }

        var repoRoot = FindRepositoryRoot();
        var folder = Path.Combine(repoRoot, "infra", "azurite");
        var executable = Path.Combine(folder, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        await EnsureInstalledAsync(folder, executable, logger, ct).ConfigureAwait(false);

        var blobPort = options.BlobPort == 0 ? FreePort() : options.BlobPort;
        var queuePort = options.QueuePort == 0 ? FreePort() : options.QueuePort;
        var tablePort = options.TablePort == 0 ? FreePort() : options.TablePort;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
                     "--blobPort", blobPort.ToString(), "--queuePort", queuePort.ToString(), "--tablePort", tablePort.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.OAuthOverHttps is { } certificate)
        {
            foreach (var argument in new[] { "--cert", certificate.CertificatePemPath, "--key", certificate.KeyPemPath, "--oauth", "basic" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        string storage;
        if (options.InMemoryPersistence)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
            storage = "in memory";
        }
        else
        {
            storage = options.Location ?? Path.Combine(repoRoot, ".azurite");
            Directory.CreateDirectory(storage);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(storage);
        }

        AzuriteLog.Starting(logger, blobPort, tablePort, storage);
        var stderr = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Keep(stderr, e.Data);
        process.OutputDataReceived += (_, _) => { }; // Drained so a chatty Azurite never blocks on a full pipe.
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var scheme = options.OAuthOverHttps is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        var instance = new AzuriteInstance(blobPort, queuePort, tablePort, scheme, process, logger);
        try
        {
            await WaitUntilListeningAsync(process, blobPort, queuePort, tablePort, options.StartTimeout, stderr, ct).ConfigureAwait(false);
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        AzuriteLog.Ready(logger, process.Id);
        return instance;
    }

    /// <summary>Whether something on this machine accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            // Refused: nothing listens there. That is the answer, not a failure.
            return false;
        }
    }

    /// <summary>The folder holding <c>infra/azurite/package.json</c>, searched upwards from the app and the current directory.</summary>
    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "infra", "azurite", "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find infra/azurite/package.json above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    private static async Task WaitUntilListeningAsync(
        Process process, int blobPort, int queuePort, int tablePort, TimeSpan timeout, ConcurrentQueue<string> stderr, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before listening on ports {blobPort} and {tablePort}. Its stderr ends with:{Environment.NewLine}{string.Join(Environment.NewLine, stderr)}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"Azurite did not listen on ports {blobPort} and {tablePort} within {timeout.TotalSeconds:0} s. Its stderr ends with:{Environment.NewLine}{string.Join(Environment.NewLine, stderr)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Installs Azurite once: two start-ups in one process (the test suite starts more than one Azurite) must not run
    /// <c>npm ci</c> over each other, so the check and the install happen under one lock.
    /// </summary>
    private static async Task EnsureInstalledAsync(string folder, string executable, ILogger logger, CancellationToken ct)
    {
        if (File.Exists(executable)) return;
        await InstallGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (File.Exists(executable)) return;
            AzuriteLog.Installing(logger, folder);
            await RunNpmCiAsync(folder, ct).ConfigureAwait(false);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task RunNpmCiAsync(string folder, CancellationToken ct)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start npm; install Node.js to run Azurite.");
        var output = npm.StandardOutput.ReadToEndAsync(ct);
        var error = npm.StandardError.ReadToEndAsync(ct);
        await npm.WaitForExitAsync(ct).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            var tail = (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Split('\n').TakeLast(StderrLinesKept);
            throw new InvalidOperationException(
                $"'npm ci' in {folder} failed with exit code {npm.ExitCode}:{Environment.NewLine}{string.Join('\n', tail)}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > StderrLinesKept)
        {
            lines.TryDequeue(out _);
        }
    }
}
