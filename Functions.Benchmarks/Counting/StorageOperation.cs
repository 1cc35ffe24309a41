using System.Text.RegularExpressions;
using Azure.Core;
using IrpFlows.Azurite;

namespace IrpFlows.Benchmarks.Counting;

/// <summary>Which storage service a client talks to.</summary>
internal enum StorageService { Blob, Queue, Table }

/// <summary>
/// A storage request named by what it does and to what ("queue get messages hub-control-*", "table batch"), from its
/// method, path and query as the REST APIs define them, and whether it is polling: an attempt that found nothing to do
/// (a queue read that returned no message) or the upkeep of partition ownership (lease blobs, the partitions table).
/// </summary>
internal sealed partial record StorageOperation(string Name, bool IsPolling)
{
    public static StorageOperation Describe(StorageService service, HttpMessage message, Func<string, string> resourceName)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var path = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (path.Count > 0 && path[0] == AzuriteInstance.AccountName) path.RemoveAt(0); // Azurite's path-style addressing
        var query = uri.Query;
        var method = request.Method.Method;
        return service switch
        {
            StorageService.Queue => Queue(method, path, query, message, resourceName),
            StorageService.Table => Table(method, path, resourceName),
            _ => Blob(method, path, query, request, resourceName),
        };
    }

    private static StorageOperation Queue(string method, List<string> path, string query, HttpMessage message, Func<string, string> name)
    {
        if (path.Count == 0) return Work($"queue {method} account{query}");
        var queue = name(path[0]);
        return (method, path.Count) switch
        {
            (_, 1) when query.Contains("comp=metadata") => Work($"queue {method} metadata {queue}"),
            (_, 1) => Work($"queue {method} {queue}"),
            ("GET", 2) when query.Contains("peekonly=true") => Work($"queue peek messages {queue}"),
            ("GET", 2) => ReturnedMessages(message) ? Work($"queue get messages {queue}") : Polling($"queue get messages {queue} (none)"),
            ("POST", 2) => Work($"queue put message {queue}"),
            ("DELETE", 3) => Work($"queue delete message {queue}"),
            ("PUT", 3) => Work($"queue update message {queue}"),
            _ => Work($"queue {method} messages {queue}"),
        };
    }

    private static StorageOperation Table(string method, List<string> path, Func<string, string> name)
    {
        if (path.Count == 0) return Work($"table {method} account");
        if (path[0] == "$batch") return Work("table batch");
        if (path[0].StartsWith("Tables", StringComparison.Ordinal)) return Work($"table {method} Tables");
        var table = name(EntitySet().Match(path[0]).Groups["table"].Value);
        var entity = path[0].Contains("PartitionKey=", StringComparison.Ordinal);
        var what = (method, entity) switch
        {
            ("GET", false) => "query",
            ("GET", true) => "read entity",
            ("POST", false) => "insert entity",
            ("PUT", true) => "replace entity",
            ("MERGE" or "PATCH", true) => "merge entity",
            ("DELETE", true) => "delete entity",
            _ => method,
        };
        var operation = $"table {what} {table}";
        return table.EndsWith("Partitions", StringComparison.Ordinal) ? Polling(operation) : Work(operation);
    }

    private static StorageOperation Blob(string method, List<string> path, string query, Request request, Func<string, string> name)
    {
        if (path.Count == 0) return Work($"blob {method} account{query}");
        var container = name(path[0]);
        var what = query.Contains("comp=lease")
            ? "lease " + (request.Headers.TryGetValue("x-ms-lease-action", out var action) ? action : "?")
            : path.Count == 1
                ? query.Contains("comp=list") ? "list blobs" : $"{method} container"
                : (method, query.Contains("comp=")) switch
                {
                    ("GET", false) => "read blob",
                    ("HEAD", _) => "read blob properties",
                    ("PUT", false) => "write blob",
                    ("DELETE", _) => "delete blob",
                    _ => $"{method} blob{query}",
                };
        var operation = $"blob {what} {container}";
        // Durable's partition manager: a lease blob per partition (and the app lease), renewed and rebalanced on a schedule.
        return container.EndsWith("-leases", StringComparison.Ordinal) || container.EndsWith("-applease", StringComparison.Ordinal)
            ? Polling(operation)
            : Work(operation);
    }

    /// <summary>Whether a queue read returned a message. The Queue SDK buffers these small responses, so the body can be read here.</summary>
    private static bool ReturnedMessages(HttpMessage message) =>
        message.HasResponse && message.Response.Status == 200 && message.Response.Content.ToString().Contains("<QueueMessage>", StringComparison.Ordinal);

    private static StorageOperation Work(string name) => new(name, IsPolling: false);

    private static StorageOperation Polling(string name) => new(name, IsPolling: true);

    [GeneratedRegex(@"^(?<table>[^(]+)")]
    private static partial Regex EntitySet();
}
