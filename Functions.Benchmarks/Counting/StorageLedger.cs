using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IrpFlows.Benchmarks.Counting;

/// <summary>Whose storage clients sent a request: the app's (workflow log, outbox, documents) or the Durable backend's.</summary>
internal enum StorageOwner { App, Durable }

/// <summary>What a request was spent on, decided from its origin and its operation.</summary>
internal enum RequestCategory
{
    /// <summary>A coordinator's command itself: its reads and writes of the log, and the Durable client calls it makes.</summary>
    Command,

    /// <summary>The orchestrations and activities: the work that commands and due times cause.</summary>
    Orchestration,

    /// <summary>Durable's queue reads that found nothing, and the renewal and balancing of its partition leases.</summary>
    Polling,

    /// <summary>The sweep timer's queries (every minute, whether or not anything is due).</summary>
    Sweep,

    /// <summary>The benchmark's own driving and watching: not a cost of the app.</summary>
    Driver,

    /// <summary>Creating tables, containers, queues and leases at start-up.</summary>
    Setup,

    /// <summary>Sent from a thread that carried no origin.</summary>
    Unattributed,
}

/// <summary>One kind of request: by whom, for what, and doing what.</summary>
internal sealed record RequestKey(StorageOwner Owner, RequestOrigin Origin, string Operation, bool IsPolling)
{
    public RequestCategory Category => Origin switch
    {
        RequestOrigin.Driver => RequestCategory.Driver,
        RequestOrigin.Setup => RequestCategory.Setup,
        _ when IsPolling => RequestCategory.Polling,
        RequestOrigin.Command => RequestCategory.Command,
        RequestOrigin.DurableWorker => RequestCategory.Orchestration,
        RequestOrigin.Timer => RequestCategory.Sweep,
        _ => RequestCategory.Unattributed,
    };

    public bool IsWork => Category is RequestCategory.Command or RequestCategory.Orchestration;
}

/// <summary>
/// Counts every storage request the clients it is added to send, per retry (every attempt on the wire), labelled with its
/// owner, its origin (<see cref="RequestOrigins.Current"/>) and its operation. Thread-safe; read it with <see cref="Snapshot"/>.
/// With a <paramref name="trace"/> (synchronized), each request is also written there as it completes, one line each.
/// </summary>
internal sealed class StorageLedger(Func<string, string> resourceName, TextWriter? trace)
{
    private readonly ConcurrentDictionary<RequestKey, long> _counts = new();

    /// <summary>The policy to add, at <see cref="HttpPipelinePosition.PerRetry"/>, to one client's options.</summary>
    public HttpPipelinePolicy PolicyFor(StorageOwner owner, StorageService service) => new CountingPolicy(this, owner, service);

    public RequestTally Snapshot() => new(_counts.ToDictionary());

    private void Record(StorageOwner owner, StorageService service, RequestOrigin origin, HttpMessage message)
    {
        var operation = StorageOperation.Describe(service, message, resourceName);
        var key = new RequestKey(owner, origin, operation.Name, operation.IsPolling);
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        trace?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {key.Owner,-7} {key.Category,-13} {key.Operation}");
    }

    private sealed class CountingPolicy(StorageLedger ledger, StorageOwner owner, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var origin = RequestOrigins.Current;
            ProcessNext(message, pipeline);
            ledger.Record(owner, service, origin, message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var origin = RequestOrigins.Current;
            await ProcessNextAsync(message, pipeline);
            ledger.Record(owner, service, origin, message);
        }
    }
}

/// <summary>Request counts by kind, at one moment or between two (<see cref="Since"/>).</summary>
internal sealed class RequestTally(IReadOnlyDictionary<RequestKey, long> counts)
{
    public IReadOnlyDictionary<RequestKey, long> Counts { get; } = counts;

    /// <summary>What was sent after <paramref name="earlier"/> was taken.</summary>
    public RequestTally Since(RequestTally earlier) => new(Counts
        .Select(c => (c.Key, Count: c.Value - earlier.Counts.GetValueOrDefault(c.Key)))
        .Where(c => c.Count > 0)
        .ToDictionary(c => c.Key, c => c.Count));

    public long Count(Func<RequestKey, bool> which) => Counts.Where(c => which(c.Key)).Sum(c => c.Value);

    public long Count(StorageOwner owner, RequestCategory category) => Count(k => k.Owner == owner && k.Category == category);

    /// <summary>Commands and orchestration work, of one owner or of both.</summary>
    public long Work(StorageOwner? owner = null) => Count(k => k.IsWork && (owner is null || k.Owner == owner));

    /// <summary>Request counts by operation, most frequent first, among the requests <paramref name="which"/> selects.</summary>
    public IReadOnlyList<(RequestKey Key, long Count)> Operations(Func<RequestKey, bool> which) =>
        Counts.Where(c => which(c.Key)).OrderByDescending(c => c.Value).ThenBy(c => c.Key.Operation, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value)).ToList();
}
