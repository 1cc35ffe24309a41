using IrpFlows.Workflow;

namespace IrpFlows.Hosting;

/// <summary>Creates the tables and containers the app uses before anything else runs. Idempotent.</summary>
public sealed class StorageInitializer(WorkflowEngine engine, IEnumerable<IStorageSetup> setups) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.CreateStorageIfNotExistsAsync(cancellationToken);
        foreach (var setup in setups) await setup.CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A capability that owns storage (a container, a table) and creates it at start-up.</summary>
public interface IStorageSetup
{
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);
}
