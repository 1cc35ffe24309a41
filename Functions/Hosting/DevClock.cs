namespace IrpFlows.Hosting;

/// <summary>
/// A clock for development and tests that a person can move forward to watch a timeline run. It runs at real speed
/// from wherever it was last set. It never goes back: steps already run cannot be un-run, so going back would lie.
/// Registered only when the setting <c>DevClockEnabled</c> is true.
/// </summary>
public sealed class DevClock(TimeProvider real, DateTimeOffset? start = null) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset = start is { } s ? s - real.GetUtcNow() : TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return real.GetUtcNow() + _offset;
    }

    /// <summary>Moves the clock to <paramref name="now"/>. Returns false (and changes nothing) if that is in its past.</summary>
    public bool TryMoveTo(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now < real.GetUtcNow() + _offset) return false;
            _offset = now - real.GetUtcNow();
            return true;
        }
    }
}
