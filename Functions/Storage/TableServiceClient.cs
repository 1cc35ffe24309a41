namespace IrpFlows.Storage;

/// <summary>The Table service of one account, shaped like Azure.Data.Tables' <c>TableServiceClient</c>.</summary>
public sealed class TableServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client; no request is sent until an operation is called.</summary>
    public TableServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        _pipeline = new StoragePipeline(connection, options, SharedKeyScheme.Table);
    }

    /// <summary>A client for one table; the table need not exist.</summary>
    public TableClient GetTableClient(string tableName) => new(_pipeline, tableName);
}
