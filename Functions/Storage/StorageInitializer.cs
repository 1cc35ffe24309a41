using System.Net.Sockets;
using Azure;

namespace IrpFlows.Storage;

/// <summary>
/// Prepares storage in the background, so the app answers at once (health, OpenAPI) even while a fresh machine installs
/// Azurite; whatever needs storage waits for <see cref="Ready"/>. With <c>UseDevelopmentStorage=true</c>, on a host that can
/// start the emulator (<see cref="IDevelopmentStorage"/>), it has it started unless something already listens on its
/// ports, and stops the one it started with the app. Then it creates every table and container the app uses. A failure is
/// retried with back-off until it succeeds, so a storage account that is briefly unreachable at start-up does not leave the
/// app broken.
/// <para>
/// Once ready, it keeps track of whether storage still serves the app (<see cref="IsAvailable"/>): health's probe
/// (<see cref="CheckAsync"/>) and any request or timer that meets an outage (<see cref="ReportUnavailable"/>) say when it
/// is lost; from then on requests are refused at once with 503 rather than each waiting on a dead endpoint, and a
/// background probe looks for storage to come back. When it answers again the whole setup runs again before the app
/// says it is back, because an Azurite that kept nothing (in memory) comes back without the app's tables, containers and
/// task hub. Each change is logged once: one warning when storage is lost, one line when it is back.
/// </para>
/// </summary>
public sealed partial class StorageInitializer(
    StorageInitializerOptions options, IStorageProbe storageProbe, IEnumerable<IStorageSetup> setups, ILogger<StorageInitializer> logger,
    IDevelopmentStorage? developmentStorage = null)
    : IHostedService, IAsyncDisposable
{
    /// <summary>Health is asked often (probes, load balancers): it answers within this, whatever storage does.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    // Storage was lost: look for it again this often (sooner at first, since most outages are blips).
    private static readonly TimeSpan[] RecoveryProbeIntervals = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    // Re-creating everything (the task hub is a dozen queues, tables and containers) may take longer than a probe; a
    // frozen account must not hold the recovery forever, so each attempt is bounded and the next one starts over.
    private static readonly TimeSpan SetupAttemptTimeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private IAsyncDisposable? _startedDevelopmentStorage;
    private Task? _preparing;
    private Task _recovering = Task.CompletedTask;
    private int _failures;

    // 1 while storage is believed to serve the app; the change to 0 starts the recovery probe and is what gets logged.
    private int _available = 1;
    private volatile string _unavailableReason = "";

    /// <summary>Completes when storage is usable. Never faults: failures are retried.</summary>
    public Task Ready => _ready.Task;

    /// <summary>True once an attempt to prepare storage has failed and it is not ready yet.</summary>
    public bool IsFailing => Volatile.Read(ref _failures) > 0 && !_ready.Task.IsCompleted;

    /// <summary>Storage has been prepared and nothing has found it lost since (or it has been found back).</summary>
    public bool IsAvailable => _ready.Task.IsCompletedSuccessfully && Volatile.Read(ref _available) == 1;

    /// <summary>Why storage cannot serve the app now, in a sentence for a problem body; null when it can.</summary>
    public string? UnavailableReason => !_ready.Task.IsCompletedSuccessfully
        ? IsFailing
            ? "Storage is unreachable; the app keeps trying. See its log."
            : "Storage is still being prepared (on a fresh machine the app first installs and starts Azurite)."
        : Volatile.Read(ref _available) == 1 ? null : _unavailableReason;

    /// <summary>
    /// Null when storage serves the app now, else why not, in a sentence. Answers within <see cref="CheckTimeout"/>: when
    /// storage is already known to be lost it does not ask it again (the recovery probe does), so a health check of a dead
    /// or frozen account costs nothing; otherwise it reads the workflow table once.
    /// </summary>
    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        if (UnavailableReason is { } known) return known;
        var probe = await ProbeAsync(ct);
        if (probe.Reason is { } reason) ReportUnavailable(reason, confirmed: true);
        return probe.Reason;
    }

    /// <summary>
    /// Says storage has failed the app (a request or a timer met <paramref name="reason"/>). A request that is merely slow on
    /// a busy machine must not turn every request away, so unless the failure was a probe's (<paramref name="confirmed"/>),
    /// two probes confirm it first, in the background. Once confirmed, the first report after storage was available logs
    /// one warning, makes requests that need storage get 503 at once, and starts looking for it to come back.
    /// </summary>
    public void ReportUnavailable(string reason, bool confirmed = false)
    {
        if (!_ready.Task.IsCompletedSuccessfully) return; // still being prepared: that loop retries, and says why
        if (!confirmed)
        {
            if (Interlocked.Exchange(ref _confirming, 1) == 0) _ = ConfirmLostAsync(reason, _stopping.Token);
            return;
        }
        _unavailableReason = reason;
        if (Interlocked.Exchange(ref _available, 0) != 1) return;
        Log.StorageLost(logger, reason);
        _recovering = RecoverAsync(_stopping.Token);
    }

    private int _confirming;

    private async Task ConfirmLostAsync(string reason, CancellationToken ct)
    {
        try
        {
            for (var probe = 0; probe < 2; probe++)
                if ((await ProbeAsync(ct)).Reason is null) return; // it serves the app: that request was only slow
            ReportUnavailable(reason, confirmed: true);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the app is stopping
        }
        finally
        {
            Volatile.Write(ref _confirming, 0);
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says storage is down, unreachable, too slow, or has lost the app's tables (an
    /// Azurite that came back empty), rather than that the app did something wrong. A cancellation counts only when the
    /// caller did not ask for it, which the caller decides (<paramref name="exception"/> is then a timeout).
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 } => true,
        RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "ContainerNotFound" or "QueueNotFound" } => true,
        TimeoutException or SocketException or HttpRequestException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutage),
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };

    /// <summary>The first line of an exception's message: enough for a problem body or a warning, without a stack.</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparing = PrepareAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops preparing and probing at once (neither holds the host's shutdown), then stops the development storage it started.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_preparing is not null) await _preparing;
        await _recovering;
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedDevelopmentStorage is not null) await _startedDevelopmentStorage.DisposeAsync();
        _startedDevelopmentStorage = null;
    }

    /// <summary>What one probe found: <paramref name="Reason"/> is null when storage serves the app.</summary>
    /// <param name="Answers">Storage answered, even if only to say the table is missing (so it can be set up again).</param>
    private readonly record struct Probe(string? Reason, bool Answers);

    /// <summary>One read of the workflow table within <see cref="CheckTimeout"/>.</summary>
    private async Task<Probe> ProbeAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await storageProbe.ProbeAsync(timeout.Token);
            return new Probe(null, Answers: true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Probe($"Storage did not answer within {CheckTimeout.TotalSeconds:0} seconds.", Answers: false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new Probe("Storage answers but the app's tables are gone (an empty account or Azurite); they are being created again.", Answers: true);
        }
        catch (Exception e) when (IsOutage(e))
        {
            return new Probe("Storage is unreachable: " + FirstLine(e.Message), Answers: false);
        }
    }

    /// <summary>
    /// Probes until storage answers, then creates whatever is missing and says storage is back. Runs from the moment storage
    /// is found lost until it is back or the app stops.
    /// </summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(RecoveryProbeIntervals[Math.Min(attempt, RecoveryProbeIntervals.Length - 1)], ct);
                if (await ProbeAsync(ct) is { Answers: false, Reason: { } stillDown })
                {
                    _unavailableReason = stillDown;
                    continue;
                }
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
                bounded.CancelAfter(SetupAttemptTimeout);
                await CreateEverythingAsync(bounded.Token).WaitAsync(bounded.Token);
                Volatile.Write(ref _available, 1);
                Log.StorageBack(logger, attempt + 1);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsOutage(e))
            {
                // Answered the probe but failed (or timed out) while being set up again: still down, try again.
                _unavailableReason = "Storage is unreachable: " + FirstLine(e.Message);
                Log.StillRecovering(logger, FirstLine(e.Message));
            }
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                if (options.StartDevelopmentStorage && developmentStorage is not null && _startedDevelopmentStorage is null)
                    _startedDevelopmentStorage = await developmentStorage.StartUnlessListeningAsync(ct);
                await CreateEverythingAsync(ct);
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

    private async Task CreateEverythingAsync(CancellationToken ct)
    {
        await storageProbe.CreateIfNotExistsAsync(ct);
        foreach (var setup in setups) await setup.CreateIfNotExistsAsync(ct);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Storage could not be prepared: {Reason}. Requests that need it get 503 meanwhile; retrying, first in {Wait}")]
        public static partial void StorageUnavailable(ILogger logger, string reason, TimeSpan wait);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Storage still cannot be prepared (attempt {Attempt}): {Reason}; retrying in {Wait}")]
        public static partial void StillUnavailable(ILogger logger, int attempt, string reason, TimeSpan wait);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Storage is prepared, after {Attempts} attempts")]
        public static partial void StorageReady(ILogger logger, int attempts);

        [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Storage is no longer usable: {Reason}. Requests that need it get 503 until it is back")]
        public static partial void StorageLost(ILogger logger, string reason);

        [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Storage is usable again (found on probe {Probes}; its tables, containers and task hub are there)")]
        public static partial void StorageBack(ILogger logger, int probes);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Storage answers again but could not be set up yet: {Reason}; probing again")]
        public static partial void StillRecovering(ILogger logger, string reason);
    }
}
