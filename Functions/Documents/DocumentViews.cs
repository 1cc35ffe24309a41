namespace IrpFlows.Documents;

/// <summary>A file the establishment provided for one checklist item, stored at <see cref="BlobName"/> in the IRP's container.</summary>
public sealed record DocumentReceivedData(string Key, string FileName, string BlobName, long Size, DateTimeOffset ReceivedAt);

/// <summary>One requested document and what has arrived for it. <see cref="Status"/> is missing or received.</summary>
public sealed record DocumentView(string Key, string Title, string Description, string Source, string Status, IReadOnlyList<DocumentFileView> Files);

public sealed record DocumentFileView(string Name, long Size, DateTimeOffset ReceivedAt);
