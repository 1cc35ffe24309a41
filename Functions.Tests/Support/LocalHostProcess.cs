using System.Collections.Concurrent;
using System.Diagnostics;

namespace IrpFlows.Tests.Support;

/// <summary>
/// Functions.Local as its own process (the README's run command, from the test's build output), so a test can kill it as
/// an outage would (SIGKILL: no shutdown, no flush) and start it again on the same storage and port.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private LocalHostProcess(IReadOnlyDictionary<string, string> settings, Uri baseAddress)
    {
        _settings = settings;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>How many times the process has been started.</summary>
    public int Starts { get; private set; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string OutputTail => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host with <paramref name="settings"/> (configuration keys, as environment variables) on <paramref name="baseAddress"/>.</summary>
    public static LocalHostProcess Start(IReadOnlyDictionary<string, string> settings, Uri baseAddress)
    {
        var host = new LocalHostProcess(settings, baseAddress);
        host.StartProcess();
        return host;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>
    /// Tells the host to stop (SIGTERM, as a deploy or <c>docker stop</c> does) and waits for it to exit, at most
    /// <paramref name="limit"/>; returns how long it took, or null if it was still running then (it is then killed).
    /// </summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan limit)
    {
        var process = _process ?? throw new InvalidOperationException("The host was never started.");
        var started = Stopwatch.StartNew();
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString() } })!)
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return started.Elapsed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Kill();
            return null;
        }
    }

    /// <summary>Starts the process again, after <see cref="Kill"/>.</summary>
    public void Restart()
    {
        Kill();
        StartProcess();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void StartProcess()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "IrpFlows.Functions.Local.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept) _output.TryDequeue(out _);
    }
}
