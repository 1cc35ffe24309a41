namespace IrpFlows.Workflow;

/// <summary>
/// Who causes the events appended on this async flow: the signed-in person for a page action, <see cref="Api"/> for a
/// key-authenticated API call, <see cref="Link"/> for someone holding an emailed link, and <see cref="System"/> for
/// everything else (the orchestration's steps). Set at the top of an HTTP function, whose awaited calls inherit it;
/// an async local rather than a parameter so the engine, not every service between, stamps it on each event.
/// </summary>
public static class Actor
{
    public const string System = "system";
    public const string Api = "api";
    public const string Link = "link";

    private static readonly AsyncLocal<string?> Who = new();

    /// <summary>Who causes what is appended now.</summary>
    public static string Current => Who.Value ?? System;

    /// <summary>Makes <paramref name="who"/> the cause of events appended until the result is disposed.</summary>
    public static IDisposable Use(string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var previous = Who.Value;
        Who.Value = who;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Who.Value = previous;
    }
}
