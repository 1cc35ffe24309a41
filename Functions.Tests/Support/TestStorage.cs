using IrpFlows.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Support;

/// <summary>
/// One in-memory Azurite per test process, on free ports, started on first use and killed at process exit.
/// Tests isolate themselves by using <see cref="UniqueName"/> for tables and containers, so they can run in parallel.
/// </summary>
public static class TestStorage
{
    private static readonly Lazy<Task<AzuriteInstance>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of this test process's Azurite (starting it on first call).</summary>
    public static async Task<string> ConnectionStringAsync() => (await Instance.Value.ConfigureAwait(false)).ConnectionString;

    /// <summary>
    /// A name valid both as a table and as a container name: lowercase letters and digits, 3–63 characters, starting
    /// with a letter, unique per call.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        var letters = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var start = letters.Length > 0 && char.IsAsciiLetter(letters[0]) ? letters : "t" + letters;
        var head = start.Length > 31 ? start[..31] : start;
        return head + Guid.NewGuid().ToString("N");
    }

    /// <summary>A Durable task hub name of its own: letters and digits, starting with a letter, at most 45 characters.</summary>
    public static string UniqueTaskHubName() => "hub" + Guid.NewGuid().ToString("N")[..24];

    private static async Task<AzuriteInstance> StartAsync()
    {
        var options = new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true };
        var instance = await AzuriteLauncher.StartAsync(options, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return instance;
    }
}
