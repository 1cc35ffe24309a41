namespace IrpFlows.Storage;

/// <summary>A capability that owns storage (a container, a table) and creates it at start-up. Idempotent.</summary>
public interface IStorageSetup
{
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);
}
