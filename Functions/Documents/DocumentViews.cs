namespace IrpFlows.Documents;

/// <summary>The event every kind records when a file it asked for arrives, with <see cref="DocumentReceivedData"/>.</summary>
public static class DocumentEvents
{
    public const string DocumentReceived = nameof(DocumentReceived);
}

/// <summary>A file an inspected body provided for one checklist item, stored at <see cref="BlobName"/> in the instance's container.</summary>
public sealed record DocumentReceivedData(string Key, string FileName, string BlobName, long Size, DateTimeOffset ReceivedAt);

/// <summary>One requested document and what has arrived for it. <see cref="Status"/> is missing or received.</summary>
public sealed record DocumentView(string Key, string Title, string Description, string Source, string Status, IReadOnlyList<DocumentFileView> Files);

public sealed record DocumentFileView(string Name, long Size, DateTimeOffset ReceivedAt);
