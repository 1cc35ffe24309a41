using Azure;
using Azure.Data.Tables;

namespace IrpFlows.Workflow;

/// <summary>
/// A clock for development and tests that a person can move forward to watch a timeline run. It runs at real speed from
/// wherever it was last set, and never goes back: steps already run cannot be un-run, so going back would lie. Its setting
/// is kept in storage (one row beside the workflow log), so every host on the same storage reads the same time and a
/// restarted host carries on where the clock was. Registered only when the setting <c>DevClockEnabled</c> is true.
/// </summary>
public sealed class DevClock : TimeProvider, ISyncedClock
{
    private const string Partition = "!devclock", Row = "clock";
    private readonly TimeProvider _real;
    private readonly TableClient _table;
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    /// <param name="table">Where the clock's setting is kept; <paramref name="start"/> applies only until one is stored.</param>
    public DevClock(TimeProvider real, TableClient table, DateTimeOffset? start = null)
    {
        _real = real;
        _table = table;
        _offset = start is { } s ? s - real.GetUtcNow() : TimeSpan.Zero;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _real.GetUtcNow() + _offset;
    }

    /// <summary>Reads the stored setting; stores this clock's own the first time, so the start setting applies once.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        if (stored.HasValue)
        {
            SetOffset(Offset(stored.Value!));
            return;
        }
        try
        {
            await _table.AddEntityAsync(Entity(CurrentOffset()), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await SyncAsync(cancellationToken); // another host stored it first: take theirs
        }
    }

    /// <summary>Moves the clock to <paramref name="now"/> for every host. Returns false (and changes nothing) if that is in its past.</summary>
    public async Task<bool> TryMoveToAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            if (!read.HasValue)
            {
                await SyncAsync(cancellationToken); // stores the starting setting first
                continue;
            }
            var stored = read.Value!;
            var offset = now - _real.GetUtcNow();
            if (offset < Offset(stored)) return false;
            try
            {
                await _table.UpdateEntityAsync(Entity(offset), stored.ETag, TableUpdateMode.Replace, cancellationToken);
                SetOffset(offset);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Moved by another request meanwhile: decide again against its setting.
            }
        }
    }

    private TimeSpan CurrentOffset()
    {
        lock (_gate) return _offset;
    }

    private void SetOffset(TimeSpan offset)
    {
        lock (_gate) _offset = offset;
    }

    private static TimeSpan Offset(TableEntity entity) => TimeSpan.FromTicks(entity.GetInt64("OffsetTicks")!.Value);

    private static TableEntity Entity(TimeSpan offset) => new(Partition, Row) { ["OffsetTicks"] = offset.Ticks };
}
