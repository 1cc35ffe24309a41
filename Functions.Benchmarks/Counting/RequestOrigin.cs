namespace IrpFlows.Benchmarks.Counting;

/// <summary>What caused a storage request: who was running when the request was sent.</summary>
internal enum RequestOrigin
{
    /// <summary>No origin was set: a thread the framework started without our execution context.</summary>
    Unknown,

    /// <summary>The app preparing its storage and the task hub at start-up.</summary>
    Setup,

    /// <summary>A coordinator's request to the API (create, record an event, upload the draft): the benchmark's measured commands.</summary>
    Command,

    /// <summary>The Durable worker: the orchestrations and activities it runs, and its own queue polling and partition leases.</summary>
    DurableWorker,

    /// <summary>The timer functions: the sweep, every minute.</summary>
    Timer,

    /// <summary>The benchmark driving and watching the app: moving the development clock, reading an IRP. Not counted as cost.</summary>
    Driver,
}

/// <summary>
/// The origin of the code running now, carried with the execution context: set around a call, it holds for everything that
/// call starts, across awaits and into background work started from it. Storage requests are labelled with it when sent.
/// </summary>
internal static class RequestOrigins
{
    private static readonly AsyncLocal<RequestOrigin?> Origin = new();

    public static RequestOrigin Current => Origin.Value ?? RequestOrigin.Unknown;

    /// <summary>Sets the origin until the returned scope is disposed.</summary>
    public static Scope Enter(RequestOrigin origin)
    {
        var previous = Origin.Value;
        Origin.Value = origin;
        return new Scope(previous);
    }

    public readonly struct Scope(RequestOrigin? previous) : IDisposable
    {
        public void Dispose() => Origin.Value = previous;
    }
}
