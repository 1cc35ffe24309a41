using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Support;

/// <summary>
/// A fake clock that tells the test when the code under test starts waiting on it (a timer or <c>Task.Delay</c> with a due
/// time), so the test moves time on exactly when, and exactly as far as, something waits: no wall-clock polling, and the
/// same requests whatever the machine's load. Time stands still otherwise, as with <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class WaitAwareTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>How long a test waits for the code under test to wait or finish before it gives up (only ever reached when it fails).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _clock = new(start);
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Completes when something has started waiting on this clock and its wait has not been ended yet.</summary>
    public Task WhenWaitingAsync() => _waits.Reader.WaitToReadAsync().AsTask();

    /// <summary>Moves the clock on by the due time of the oldest wait not yet ended, so that wait ends.</summary>
    /// <exception cref="InvalidOperationException">Nothing waits on the clock.</exception>
    public void EndOldestWait()
    {
        if (!_waits.Reader.TryRead(out var due)) throw new InvalidOperationException("Nothing waits on the clock.");
        _clock.Advance(due);
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, ending each wait it starts on this clock as soon as it starts: the work sees exactly as
    /// much time pass as it waits for.
    /// </summary>
    public async Task<T> RunAsTimePassesAsync<T>(Task<T> work)
    {
        while (await Task.WhenAny(work, WhenWaitingAsync()).WaitAsync(GiveUpAfter) != work)
        {
            EndOldestWait();
        }
        return await work;
    }
}
