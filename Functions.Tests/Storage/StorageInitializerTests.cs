using IrpFlows.Hosting;
using IrpFlows.Local.Hosting;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Storage;

/// <summary>
/// The Function App has development storage started only through <see cref="IDevelopmentStorage"/>, which a local host
/// registers; in Azure (and under <c>func start</c>) there is none, and storage is used as the setting names it.
/// </summary>
public sealed class StorageInitializerTests
{
    [Fact]
    public async Task WithDevelopmentStorage_ItIsStartedBeforeTheTablesAreCreated_AndWhatItStartedIsStoppedWithTheApp()
    {
        var calls = new List<string>();
        var started = new Stopper(calls);
        var initializer = Initializer(calls, startDevelopmentStorage: true, new FakeDevelopmentStorage(calls, started));

        await initializer.StartAsync(CancellationToken.None);
        await initializer.Ready.WaitAsync(TimeSpan.FromSeconds(10));
        await initializer.StopAsync(CancellationToken.None);

        Assert.Equal(["start development storage", "create workflow table", "create the rest", "stop development storage"], calls);
    }

    [Fact]
    public async Task WithDevelopmentStorageAlreadyRunning_NothingIsStoppedWithTheApp()
    {
        var calls = new List<string>();
        var initializer = Initializer(calls, startDevelopmentStorage: true, new FakeDevelopmentStorage(calls, startedByThisCall: null));

        await initializer.StartAsync(CancellationToken.None);
        await initializer.Ready.WaitAsync(TimeSpan.FromSeconds(10));
        await initializer.StopAsync(CancellationToken.None);

        Assert.Equal(["start development storage", "create workflow table", "create the rest"], calls);
    }

    [Fact]
    public async Task WithAFullConnectionString_DevelopmentStorageIsNotStarted()
    {
        var calls = new List<string>();
        var initializer = Initializer(calls, startDevelopmentStorage: false, new FakeDevelopmentStorage(calls, new Stopper(calls)));

        await initializer.StartAsync(CancellationToken.None);
        await initializer.Ready.WaitAsync(TimeSpan.FromSeconds(10));
        await initializer.StopAsync(CancellationToken.None);

        Assert.Equal(["create workflow table", "create the rest"], calls);
    }

    [Fact]
    public async Task TheFunctionAppsOwnServices_HaveNoDevelopmentStorage_YetBuildTheInitializer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageAccount.SettingName] = "UseDevelopmentStorage=true",
            [IrpFlows.Documents.UploadTokens.SigningKeySetting] = IrpFlowsApp.UploadSigningKey,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddIrpFlows(configuration).BuildServiceProvider();

        Assert.Null(services.GetService<IDevelopmentStorage>());
        Assert.True(services.GetRequiredService<StorageInitializerOptions>().StartDevelopmentStorage);
        Assert.NotNull(services.GetRequiredService<StorageInitializer>());
    }

    [Fact]
    public async Task TheLocalHost_HasThePinnedAzuriteStartedAsDevelopmentStorage()
    {
        await using var app = await IrpFlowsApp.StartAsync(waitUntilHealthy: false);

        Assert.IsType<AzuriteDevelopmentStorage>(app.Services.GetRequiredService<IDevelopmentStorage>());
    }

    private static StorageInitializer Initializer(List<string> calls, bool startDevelopmentStorage, IDevelopmentStorage developmentStorage) =>
        new(new StorageInitializerOptions(startDevelopmentStorage), new FakeProbe(calls), [new FakeSetup(calls)],
            NullLogger<StorageInitializer>.Instance, developmentStorage);

    private sealed class FakeDevelopmentStorage(List<string> calls, IAsyncDisposable? startedByThisCall) : IDevelopmentStorage
    {
        public Task<IAsyncDisposable?> StartUnlessListeningAsync(CancellationToken cancellationToken)
        {
            calls.Add("start development storage");
            return Task.FromResult(startedByThisCall);
        }
    }

    private sealed class Stopper(List<string> calls) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            calls.Add("stop development storage");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FakeProbe(List<string> calls) : IStorageProbe
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
        {
            calls.Add("create workflow table");
            return Task.CompletedTask;
        }

        public Task ProbeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeSetup(List<string> calls) : IStorageSetup
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
        {
            calls.Add("create the rest");
            return Task.CompletedTask;
        }
    }
}
