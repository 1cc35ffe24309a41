using Azure;

namespace IrpFlows.Storage;

/// <summary>How an update treats properties the entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties the entity does not carry (MERGE).</summary>
    Merge,

    /// <summary>Replace the whole stored entity; properties the entity does not carry are removed (PUT).</summary>
    Replace,
}

/// <summary>The kind of one action in an entity group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with 409 when the row exists.</summary>
    Add,

    /// <summary>Merge into an existing row, conditional on the action's ETag (default: any version); 404 when missing.</summary>
    UpdateMerge,

    /// <summary>Replace an existing row, conditional on the action's ETag (default: any version); 404 when missing.</summary>
    UpdateReplace,

    /// <summary>Delete a row, conditional on the action's ETag (default: any version); 404 when missing.</summary>
    Delete,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,
}

/// <summary>One action of an entity group transaction. For updates and deletes a default <paramref name="ETag"/> means any version.</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);

/// <summary>One page of a query and the token for the next page (null on the last page).</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Values, string? ContinuationToken);

/// <summary>
/// An entity group transaction was rejected; nothing in it was committed. <see cref="FailedTransactionActionIndex"/>
/// says which action (0-based, in submission order) the service rejected.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception for a rejected transaction.</summary>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The 0-based index of the rejected action, when the service reported it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
