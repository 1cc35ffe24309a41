namespace IrpFlows.Storage;

/// <summary>
/// The storage whose one read says whether storage serves the app (the workflow log's table, which every request and
/// timer reads). It is created before every <see cref="IStorageSetup"/>, since setups may write into it (the development
/// clock keeps its start there).
/// </summary>
public interface IStorageProbe : IStorageSetup
{
    /// <summary>Reads it once; throws when storage cannot serve the app (a 404 when it answers but the table is gone).</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
