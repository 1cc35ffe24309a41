using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using IrpFlows.Benchmarks.Counting;
using IrpFlows.Documents;
using IrpFlows.Hosting;
using IrpFlows.Irps;
using IrpFlows.Irps.Facts;
using IrpFlows.Local;
using IrpFlows.Local.Hosting;
using IrpFlows.Storage;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace IrpFlows.Benchmarks.Hosting;

/// <summary>Where the Durable backend's settings come from, which decide what it polls and how often.</summary>
internal enum DurableSettingsSource
{
    /// <summary>As <c>dotnet run --project Functions.Local</c> reads them: host.json, overridden by local.settings(.sample).json.</summary>
    Local,

    /// <summary>host.json alone, as the Functions host in Azure reads it (the app settings set no <c>AzureFunctionsJobHost__</c> override).</summary>
    HostJson,
}

/// <summary>
/// The real app on the local host, in this process (WebApplicationFactory over <see cref="LocalHost"/>, as the integration
/// tests host it), on the benchmark's Azurite with tables, containers and a task hub of its own and the development clock
/// starting where asked. Every storage client is counted into <see cref="Ledger"/>: the app's Table and Blob clients (the
/// workflow log, the outbox, documents) and the Durable backend's Blob, Queue and Table clients. Each request is labelled
/// with its origin: the benchmark's commands and its driving are sent with theirs (the test server keeps the caller's
/// execution context), and the Durable worker, the timers and the storage set-up start under their own.
/// </summary>
internal sealed partial class BenchApp : IAsyncDisposable
{
    private const string CoordinatorKey = "benchmark-coordinator-key";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(5);

    private readonly Factory _factory;
    private readonly HttpClient _http;

    private BenchApp(Factory factory, HttpClient http)
    {
        _factory = factory;
        _http = http;
    }

    public StorageLedger Ledger => _factory.Ledger;

    /// <summary>The Durable backend's settings as the app runs with them.</summary>
    public AzureStorageOrchestrationServiceSettings DurableSettings =>
        _factory.DurableSettings ?? throw new InvalidOperationException("The app has not built its Durable backend yet.");

    /// <summary>
    /// How long no work must be seen before the app is taken to be idle: any message waiting in a queue is read within one
    /// polling interval, so two of them (plus time to run what it starts) without work means nothing is left to run.
    /// </summary>
    public TimeSpan QuietPeriod => 2 * DurableSettings.MaxQueuePollingInterval + TimeSpan.FromSeconds(2);

    /// <summary>Starts the app and waits until it is healthy (storage and the task hub created).</summary>
    /// <param name="trace">Where to write each storage request as it completes, if anywhere.</param>
    public static async Task<BenchApp> StartAsync(string connectionString, DurableSettingsSource settingsSource, DateTimeOffset clockStart, TextWriter? trace)
    {
        var names = new StorageNames();
        var factory = new Factory(connectionString, settingsSource, names, clockStart, new StorageLedger(names.Role, trace));
        using (RequestOrigins.Enter(RequestOrigin.Setup))
        {
            // Reaching the server starts the host (each hosted service that reaches storage under an origin of its own).
            // Then the test server is told to hand each request the caller's execution context, and with it its origin.
            factory.Server.PreserveExecutionContext = true;
        }
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // A clock move over a thousand due letters is measured however long it takes, beyond HttpClient's 100 s.
        http.Timeout = TimeSpan.FromMinutes(10);
        http.DefaultRequestHeaders.Add(HttpFunctionEndpoints.FunctionKeyHeader, CoordinatorKey);
        var app = new BenchApp(factory, http);
        await app.WaitUntilAsync("the app to become healthy", async () =>
        {
            using var health = await http.GetAsync("/api/health");
            return health.IsSuccessStatusCode;
        });
        return app;
    }

    /// <summary><c>POST /api/irps</c> as a coordinator; returns the new IRP's id.</summary>
    /// <remarks>
    /// A 503 is sent again after the wait it asks for, as the API tells its callers to: filling a store with a thousand
    /// IRPs at once can keep Azurite, on the same two cores, from answering within the app's limits.
    /// </remarks>
    public async Task<string> CreateIrpAsync(JsonObject request)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Command);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.PostAsJsonAsync("/api/irps", request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5 && response.Headers.RetryAfter?.Delta is { } wait)
            {
                Interlocked.Increment(ref _createsRetried);
                await Task.Delay(wait);
                continue;
            }
            await ExpectAsync(response, HttpStatusCode.Accepted, "create an IRP");
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }
    }

    /// <summary>
    /// Stores <paramref name="request"/> as an IRP as <c>POST /api/irps</c> does (the same checks, log and index rows) but
    /// starts no orchestration, as if its start had been lost (the sweep starts it once its first step is due). For
    /// filling a store with thousands of IRPs, where each orchestration's start and first episode, on Durable's one
    /// partition and Azurite, would take most of an hour.
    /// </summary>
    public async Task StoreIrpAsync(JsonObject request)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        var irps = _factory.Services.GetRequiredService<IrpService>();
        var validation = irps.Validate(request.Deserialize<CreateIrpRequest>(EventData.Json));
        if (!validation.IsValid) throw new InvalidOperationException($"The benchmark's IRP is not valid: {string.Join("; ", validation.Errors.Keys)}.");
        var (_, refusal) = await irps.CreateAsync(validation, StartsNothing, CancellationToken.None);
        if (refusal is not null) throw new InvalidOperationException($"The benchmark's IRP was refused: {refusal.Detail}");
    }

    // A Durable client whose every call does nothing: no orchestration of a stored IRP is started.
    private static readonly DurableTaskClient StartsNothing = new Mock<DurableTaskClient>("starts-nothing") { DefaultValue = DefaultValue.Mock }.Object;

    private int _createsRetried;

    /// <summary>How many creates answered 503 and were sent again.</summary>
    public int CreatesRetried => Volatile.Read(ref _createsRetried);

    /// <summary><c>POST /api/irps/{id}/events/{eventName}</c> as a coordinator.</summary>
    public async Task RaiseAsync(string id, string eventName, object body)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Command);
        using var response = await _http.PostAsJsonAsync($"/api/irps/{id}/events/{eventName}", body);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"record {eventName}");
    }

    /// <summary><c>PUT /api/irps/{id}/draft-report</c> with a small PDF, as a coordinator.</summary>
    public async Task UploadDraftReportAsync(string id)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Command);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n% IrpFlows benchmark draft\n%%EOF\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await _http.PutAsync($"/api/irps/{id}/draft-report?fileName=draft.pdf", content);
        await ExpectAsync(response, HttpStatusCode.OK, "upload the draft report");
    }

    /// <summary><c>POST /api/dev/clock</c>: returns once every step due by <paramref name="now"/> has run.</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        using var response = await _http.PostAsJsonAsync("/api/dev/clock", new { now });
        await ExpectAsync(response, HttpStatusCode.OK, $"move the development clock to {now:O}");
    }

    /// <summary>A GET that must answer 200, as a coordinator (signed in, for a page, when <paramref name="signedIn"/>).</summary>
    public async Task GetAsync(string path, bool signedIn = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (signedIn) request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "sam.inspector@hmiprisons.example");
        using var response = await _http.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET {path}");
    }

    /// <summary>Whether <paramref name="date"/> is a working day in England and Wales, as the app judges it.</summary>
    public bool IsWorkingDay(DateOnly date) => _factory.Services.GetRequiredService<IrpFlows.Calendar.WorkingDayCalendar>().IsWorkingDay(date);

    /// <summary>One pass of the sweep, as its timer runs it.</summary>
    public async Task SweepAsync() =>
        await _factory.Services.GetRequiredService<WorkflowEngine>().SweepAsync(_factory.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

    /// <summary>How many messages of step <paramref name="step"/> the outbox holds.</summary>
    public async Task<int> OutboxCountAsync(string step)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        var entries = (await _http.GetFromJsonAsync<JsonArray>("/api/outbox"))!;
        return entries.Count(e => e!["step"]!.GetValue<string>() == step);
    }

    /// <summary><c>GET /api/irps/{id}</c>.</summary>
    public async Task<JsonObject> GetIrpAsync(string id)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        return (await _http.GetFromJsonAsync<JsonObject>($"/api/irps/{id}"))!;
    }

    /// <summary><c>POST /api/irps/preview</c>: the timeline the request would get.</summary>
    public async Task<JsonArray> PreviewAsync(JsonObject request)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        using var response = await _http.PostAsJsonAsync("/api/irps/preview", request);
        await ExpectAsync(response, HttpStatusCode.OK, "preview an IRP");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["timeline"]!.AsArray();
    }

    /// <summary>The IRP's header row: when its orchestration said it would next look, and what is next due.</summary>
    public async Task<InstanceHeaderRow> HeaderAsync(string id)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        return await _factory.Services.GetRequiredService<WorkflowEngine>().GetHeaderAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"IRP {id} has no header.");
    }

    /// <summary>Whether the IRP's orchestration has started (Durable says it is running, waiting or working).</summary>
    public async Task<bool> OrchestrationRunningAsync(string id) =>
        await _factory.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Running };

    /// <summary>What the IRP's orchestration says it is doing (its custom status); null when it says nothing.</summary>
    public async Task<OrchestrationState?> OrchestrationStateAsync(string id)
    {
        using var _ = RequestOrigins.Enter(RequestOrigin.Driver);
        return OrchestrationState.Read((await _factory.Services.GetRequiredService<DurableTaskClient>()
            .GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus);
    }

    /// <summary>Tells the IRP's orchestration of a change <paramref name="count"/> times at once, as a burst of commands (or sweeps) would.</summary>
    public async Task RaiseChangesAsync(string id, int count)
    {
        var durable = _factory.Services.GetRequiredService<DurableTaskClient>();
        using var _ = RequestOrigins.Enter(RequestOrigin.Command);
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => durable.RaiseEventAsync(id, WorkflowOrchestration.ChangedEvent, null)));
    }

    /// <summary>Waits until <paramref name="done"/> holds (checked as the driver), then until the app is quiet.</summary>
    public async Task WaitUntilAsync(string what, Func<Task<bool>> done)
    {
        var deadline = DateTimeOffset.UtcNow + WaitLimit;
        while (true)
        {
            using (RequestOrigins.Enter(RequestOrigin.Driver))
            {
                if (await done()) break;
            }
            if (DateTimeOffset.UtcNow > deadline) throw new InvalidOperationException($"Gave up waiting for {what} after {WaitLimit}.");
            await Task.Delay(PollInterval);
        }
        await WaitUntilQuietAsync();
    }

    /// <summary>Waits until no work (commands, orchestrations, activities) has been seen for <see cref="QuietPeriod"/>.</summary>
    public async Task WaitUntilQuietAsync()
    {
        var deadline = DateTimeOffset.UtcNow + WaitLimit;
        var work = Activity();
        var quietSince = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - quietSince < QuietPeriod)
        {
            if (DateTimeOffset.UtcNow > deadline) throw new InvalidOperationException($"The app was still working after {WaitLimit}.");
            await Task.Delay(PollInterval);
            var now = Activity();
            if (now != work) (work, quietSince) = (now, DateTimeOffset.UtcNow);
        }

        long Activity() => Ledger.Snapshot().Count(k => k.IsWork || k.Category == RequestCategory.Unattributed);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Tables, containers and a task hub of this app's own, so apps on the same Azurite do not meet.</summary>
    private sealed partial class StorageNames
    {
        private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

        public string Instances => "benchlog" + _suffix;
        public string Outbox => "benchoutbox" + _suffix;
        public string Uploads => "benchuploads" + _suffix;
        public string TaskHub => "benchhub" + _suffix;

        /// <summary>A resource's name as reports show it: its role, without this app's suffix or an IRP's id.</summary>
        public string Role(string name)
        {
            if (name == Instances) return "workflow-log";
            if (name == Outbox) return "outbox";
            if (name == Uploads) return "uploads";
            if (name.StartsWith(TaskHub, StringComparison.OrdinalIgnoreCase)) return "hub" + ControlQueue().Replace(name[TaskHub.Length..], "-control-*");
            return IrpContainer().Replace(name, "irp-{id}");
        }

        [GeneratedRegex(@"-control-\d+$")]
        private static partial Regex ControlQueue();

        [GeneratedRegex(@"^irp-[0-9a-f]{32}$")]
        private static partial Regex IrpContainer();
    }

    private sealed class Factory(
        string connectionString, DurableSettingsSource settingsSource, StorageNames names, DateTimeOffset clockStart, StorageLedger ledger)
        : WebApplicationFactory<LocalHost>
    {
        public StorageLedger Ledger => ledger;

        public AzureStorageOrchestrationServiceSettings? DurableSettings { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = new Dictionary<string, string>
            {
                [StorageAccount.SettingName] = connectionString,
                [LocalFunctionsHost.FunctionKeySetting] = CoordinatorKey,
                [UploadTokens.SigningKeySetting] = BenchIrps.UploadSigningKey,
                [UploadLinks.PublicBaseUrlSetting] = "http://localhost",
                [ServiceRegistration.DevClockEnabledSetting] = "true",
                [ServiceRegistration.DevClockStartSetting] = clockStart.ToString("O"),
                ["TaskHubName"] = names.TaskHub,
                ["Workflow:InstancesTable"] = names.Instances,
                ["Mail:Container"] = names.Outbox,
                ["Mail:Table"] = names.Outbox,
                ["Documents:UploadsTable"] = names.Uploads,
                ["Documents:ConfigureBlobCors"] = "false",
                ["Graph:SenderUserId"] = "",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            // The project's folder, as `dotnet run --project Functions.Local` has it (the tests' runner finds it through a
            // manifest in their working directory; `dotnet run` of this project starts elsewhere).
            builder.UseSolutionRelativeContentRoot("Functions.Local");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                var storage = StorageAccount.FromConnectionString(connectionString);
                // Registered after the app's own clients, so these are the ones every capability is given.
                services.AddSingleton(storage.CreateTableServiceClient(Counted(new TableClientOptions(), StorageOwner.App, StorageService.Table)));
                services.AddSingleton(storage.CreateBlobServiceClient(Counted(new BlobClientOptions(), StorageOwner.App, StorageService.Blob)));
                services.AddSingleton(sp => new AzureStorageOrchestrationService(CountedDurableSettings(sp)));
                services.StartHostedServicesUnderTheirOrigin();
            });
        }

        /// <summary>The backend's settings as the app would build them, with clients whose pipelines count every request.</summary>
        private AzureStorageOrchestrationServiceSettings CountedDurableSettings(IServiceProvider services)
        {
            var hostJson = settingsSource == DurableSettingsSource.Local
                ? services.GetRequiredService<HostJson>()
                : HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"),
                    new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TaskHubName"] = names.TaskHub }).Build());
            var settings = hostJson.DurableSettings(connectionString, services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
            settings.StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, Counted(new BlobClientOptions(), StorageOwner.Durable, StorageService.Blob)),
                StorageServiceClientProvider.ForQueue(connectionString, Counted(new QueueClientOptions(), StorageOwner.Durable, StorageService.Queue)),
                StorageServiceClientProvider.ForTable(connectionString, Counted(new TableClientOptions(), StorageOwner.Durable, StorageService.Table)));
            DurableSettings = settings;
            return settings;
        }

        private T Counted<T>(T options, StorageOwner owner, StorageService service) where T : ClientOptions
        {
            options.AddPolicy(Ledger.PolicyFor(owner, service), HttpPipelinePosition.PerRetry);
            return options;
        }
    }
}
