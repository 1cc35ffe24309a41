namespace IrpFlows.Workflow;

/// <summary>
/// A clock that another process may move (the development clock, shared by every host on the same storage): read
/// <see cref="SyncAsync"/> before relying on its time in work that must agree across hosts.
/// </summary>
public interface ISyncedClock
{
    /// <summary>Brings this process's reading up to date with the shared one.</summary>
    Task SyncAsync(CancellationToken cancellationToken);
}
