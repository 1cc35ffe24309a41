using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using IrpFlows.Documents;
using IrpFlows.Hosting;
using IrpFlows.Local.Hosting;
using IrpFlows.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IrpFlows.Tests.Support;

/// <summary>
/// The real app on the local host and the test Azurite, driven over HTTP as a coordinator and an establishment would: its
/// own tables, containers and Durable task hub (unique names), and the development clock starting at a given instant, so
/// time moves only when <see cref="MoveClockAsync"/> moves it (never back). By default it runs in this process, in memory;
/// with a real port it listens on loopback for a browser; <see cref="StartProcessAsync"/> runs it as a process of its own.
/// </summary>
public sealed class IrpFlowsApp : IAsyncDisposable
{
    public const string CoordinatorKey = "test-coordinator-key";
    public const string UploadSigningKey = "test-upload-signing-key-0123456789abcdef";

    /// <summary>Monday 23 November 2026, 08:00 UTC: the default clock start, before the 09:00 announcement.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The tables, containers and Durable task hub the app keeps its state in. Two apps given the same names share it, as a
    /// restarted app (or a second host scaling out) does.
    /// </summary>
    public sealed record StorageNames(string Instances, string TaskHub, string Outbox, string Uploads)
    {
        public static StorageNames Fresh() => new(
            TestStorage.UniqueName("wf"), TestStorage.UniqueTaskHubName(), TestStorage.UniqueName("outbox"), TestStorage.UniqueName("uploads"));
    }

    private readonly Factory? _factory;
    private DateTimeOffset _movedTo = DateTimeOffset.MinValue;

    private IrpFlowsApp(Factory? factory, LocalHostProcess? process, string connectionString, StorageNames names, HttpClient coordinator, HttpClient anonymous)
    {
        _factory = factory;
        Process = process;
        ConnectionString = connectionString;
        Names = names;
        Coordinator = coordinator;
        Anonymous = anonymous;
    }

    public string ConnectionString { get; }
    public StorageNames Names { get; }

    /// <summary>Sends the coordinator key; does not follow redirects.</summary>
    public HttpClient Coordinator { get; }

    /// <summary>Sends no key, as an establishment's browser or the Functions host; does not follow redirects.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>The app's services, when it runs in this process.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app runs in a process of its own.");

    /// <summary>The app's process, when it runs in one (<see cref="StartProcessAsync"/>).</summary>
    internal LocalHostProcess? Process { get; }
    public BlobServiceClient Blobs => new(ConnectionString);

    /// <summary>Starts the app.</summary>
    /// <param name="clockStart">Where the development clock starts; <see cref="MondayMorning"/> by default.</param>
    /// <param name="names">Storage to use; fresh by default. Pass another app's <see cref="Names"/> to restart it.</param>
    /// <param name="settings">Extra settings (e.g. <c>Reports:MaxFileSizeBytes</c>), applied last.</param>
    /// <param name="connectionString">Another Azurite than the shared test one.</param>
    /// <param name="realPort">
    /// Listen on a free loopback port (for a browser): <c>PublicBaseUrl</c> is that address and the app sets the Blob
    /// service's CORS rules, so only use it with an Azurite of its own (the shared one's rules are changed by other tests).
    /// </param>
    /// <param name="waitUntilHealthy">Return only once the app says it is healthy (storage and the task hub ready).</param>
    /// <param name="services">Replaces services after the app's own (a Moq stand-in at a seam such as the mail sender).</param>
    public static async Task<IrpFlowsApp> StartAsync(DateTimeOffset? clockStart = null, StorageNames? names = null,
        IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null, bool realPort = false, bool waitUntilHealthy = true,
        Action<IServiceCollection>? services = null)
    {
        connectionString ??= await TestStorage.ConnectionStringAsync();
        var ownStorage = names is null;
        names ??= StorageNames.Fresh();
        var port = realPort ? FreePort() : 0;
        var baseUrl = realPort ? $"http://127.0.0.1:{port}" : "http://localhost";
        var all = Settings(connectionString, names, baseUrl, clockStart, settings, configureBlobCors: realPort);
        // Storage of its own is thrown away with the app, and no host takes its work over: it stops at once rather than
        // waiting on the framework's graceful stop (2 to 16 s an app). An app given another's storage stops as in Azure.
        if (ownStorage) all.TryAdd(DurableFunctionsWorker.GracefulStopLimitSetting, "00:00:00");
        var factory = new Factory(all, services);
        HttpClient coordinator, anonymous;
        if (realPort)
        {
            // Kestrel told where to listen, not UseKestrel(port): with a port, the factory rewrites the server's addresses after
            // the entry point has built the host, while the entry point's own Run may already have started it ("Addresses
            // cannot be modified after the server has started", seen under load).
            factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            factory.StartServer();
            (coordinator, anonymous) = Clients(new Uri(baseUrl));
        }
        else
        {
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
            coordinator = factory.CreateClient(options);
            anonymous = factory.CreateClient(options);
            coordinator.DefaultRequestHeaders.Add(HttpFunctionEndpoints.FunctionKeyHeader, CoordinatorKey);
        }
        var app = new IrpFlowsApp(factory, null, connectionString, names, coordinator, anonymous);
        if (waitUntilHealthy) await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>
    /// Starts the app as a process of its own (Functions.Local from the test's build output) on a free loopback port, so a
    /// test can kill it (<see cref="LocalHostProcess.Kill"/>) and start it again. Returns once it is healthy.
    /// </summary>
    public static async Task<IrpFlowsApp> StartProcessAsync(DateTimeOffset? clockStart = null, StorageNames? names = null,
        IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null)
    {
        connectionString ??= await TestStorage.ConnectionStringAsync();
        names ??= StorageNames.Fresh();
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = LocalHostProcess.Start(Settings(connectionString, names, baseUrl.ToString().TrimEnd('/'), clockStart, settings, configureBlobCors: false), baseUrl);
        var (coordinator, anonymous) = Clients(baseUrl);
        var app = new IrpFlowsApp(null, process, connectionString, names, coordinator, anonymous);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private static (HttpClient Coordinator, HttpClient Anonymous) Clients(Uri baseUrl)
    {
        var coordinator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        coordinator.DefaultRequestHeaders.Add(HttpFunctionEndpoints.FunctionKeyHeader, CoordinatorKey);
        return (coordinator, anonymous);
    }

    private static Dictionary<string, string> Settings(string connectionString, StorageNames names, string baseUrl, DateTimeOffset? clockStart,
        IReadOnlyDictionary<string, string>? settings, bool configureBlobCors)
    {
        var all = new Dictionary<string, string>
        {
            [StorageAccount.SettingName] = connectionString,
            [LocalFunctionsHost.FunctionKeySetting] = CoordinatorKey,
            [UploadTokens.SigningKeySetting] = UploadSigningKey,
            [UploadLinks.PublicBaseUrlSetting] = baseUrl,
            [ServiceRegistration.DevClockEnabledSetting] = "true",
            [ServiceRegistration.DevClockStartSetting] = (clockStart ?? MondayMorning).ToString("O"),
            ["Workflow:InstancesTable"] = names.Instances,
            ["TaskHubName"] = names.TaskHub,
            // Tests wait on Durable's queues: poll them often; and no app lease, which a killed host would hold for minutes.
            // The partition count is host.json's (one), as in Azure.
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:durableTask:useAppLease"] = "false",
            ["Mail:Container"] = names.Outbox,
            ["Mail:Table"] = names.Outbox,
            ["Documents:UploadsTable"] = names.Uploads,
            ["Documents:ConfigureBlobCors"] = configureBlobCors ? "true" : "false",
            ["Graph:SenderUserId"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        return all;
    }

    /// <summary>Waits until the app says it is healthy: storage prepared, the task hub created (a process may still be starting).</summary>
    public async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await Anonymous.GetAsync("/api/health");
                if (health.IsSuccessStatusCode) return;
                last = await health.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException e) when (Process is not null)
            {
                last = e.Message; // the process is not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The app did not become healthy: {last}{(Process is null ? "" : Environment.NewLine + Process.OutputTail)}");
    }

    /// <summary>
    /// Returns once every step due at the development clock's present time has run: a command's effects (a cancellation
    /// notice, a retried step) happen in the IRP's orchestration, after the command's 202.
    /// </summary>
    public Task CatchUpAsync() => MoveClockToAtLeastAsync(DateTimeOffset.MinValue);

    /// <summary>
    /// Moves the clock to <paramref name="instant"/>, or a second on from now when that has passed: a step that answers something
    /// recorded (a moved visit, an upload) is due the instant it was recorded, and the clock has run on since. On a busy
    /// machine more than that second may pass before the move arrives (409: the clock only moves forward): it reads it again.
    /// </summary>
    public async Task MoveClockToAtLeastAsync(DateTimeOffset instant)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = (await Coordinator.GetFromJsonAsync<JsonObject>("/api/dev/clock"))!["now"]!.GetValue<DateTimeOffset>();
            using var response = await Coordinator.PostAsJsonAsync("/api/dev/clock", new { now = instant > now ? instant : now.AddSeconds(1) });
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 5)
            {
                await ThrowIfUnavailableAsync(response);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                return;
            }
        }
    }

    /// <summary>
    /// A 503 (storage away, or too slow to answer on a busy machine) thrown as the <see cref="HttpRequestException"/> a
    /// lost connection gives: whether the request took effect is unknown, so a caller that rides out outages reads again.
    /// </summary>
    public static async Task ThrowIfUnavailableAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            throw new HttpRequestException($"503: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
    }

    /// <summary>A new client sending no key (the caller may add headers and disposes it).</summary>
    public HttpClient CreateClient() => _factory is not null
        ? _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : Clients(Process!.BaseAddress).Anonymous;

    /// <summary>Starts an IRP (asserting 202 Accepted) and returns its id.</summary>
    public async Task<string> CreateIrpAsync(JsonObject request)
    {
        using var response = await Coordinator.PostAsJsonAsync("/api/irps", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Moves the development clock; returns once every step due by then has run. The clock runs on in real time between
    /// moves, so on a busy machine it may already have passed a time a test moves to shortly after its previous move (a
    /// minute after an event, say); then it is moved to its own time instead, which runs what is due just the same. A move
    /// behind the test's previous one is still refused.
    /// </summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var response = await PostClockAsync(now);
        if (response.StatusCode == HttpStatusCode.Conflict && now >= _movedTo) await MoveClockToAtLeastAsync(now);
        else Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        _movedTo = now;
    }

    /// <summary><c>POST /api/dev/clock</c>, sent again after the wait a 503 asks for (<see cref="SendAgainIfUnavailableAsync"/>).</summary>
    private Task<HttpResponseMessage> PostClockAsync(DateTimeOffset now) => SendAgainIfUnavailableAsync(() => Coordinator.PostAsJsonAsync("/api/dev/clock", new { now }));

    /// <summary>
    /// A request sent again after the wait a 503 asks for (a storage call that timed out on a machine overloaded by other
    /// work), as the API tells its callers to; at most three times. Only for requests whose repeat is harmless.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAgainIfUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3 || response.Headers.RetryAfter?.Delta is not { } wait) return response;
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    /// <summary>What the sweep does first: records uploads whose completion call never came. Returns how many.</summary>
    public Task<int> ReconcileUploadsAsync() =>
        Services.GetRequiredService<UploadReconciler>().ReconcileAsync(Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

    /// <summary>Raises <c>POST /api/irps/{id}/events/{eventName}</c> with <paramref name="body"/> (an empty object by default).</summary>
    public Task<HttpResponseMessage> RaiseAsync(string id, string eventName, object? body = null) =>
        Coordinator.PostAsJsonAsync($"/api/irps/{id}/events/{eventName}", body ?? new { });

    /// <summary><c>POST /api/irps/{id}/terminate</c>, with a reason when given.</summary>
    public Task<HttpResponseMessage> TerminateAsync(string id, string? reason = null) =>
        Coordinator.PostAsync($"/api/irps/{id}/terminate" + (reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason)), null);

    /// <summary>
    /// <c>GET /api/irps/{id}</c>, as a script should read it: a 503 with <c>Retry-After</c> (storage slow or away for a
    /// moment, as with fifty IRPs on two hosts against one Azurite) is asked again after the time it gives, a few times.
    /// </summary>
    public async Task<JsonObject> GetIrpAsync(string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await Coordinator.GetAsync($"/api/irps/{id}");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5 && response.Headers.RetryAfter?.Delta is { } wait)
            {
                await Task.Delay(wait);
                continue;
            }
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }
    }

    /// <summary>One step of an IRP's timeline.</summary>
    public static JsonObject Step(JsonObject irp, string stepId) =>
        irp["timeline"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == stepId)!.AsObject();

    /// <summary>The status of one timeline step: pending, done, failed or skipped.</summary>
    public async Task<string> StepStatusAsync(string id, string stepId) => Step(await GetIrpAsync(id), stepId)["status"]!.GetValue<string>();

    /// <summary>The status of one requested document (its <c>documents</c> entry).</summary>
    public async Task<JsonObject> DocumentAsync(string id, string key) =>
        (await GetIrpAsync(id))["documents"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["key"]!.GetValue<string>() == key);

    /// <summary>The IRP's outbox entries, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> OutboxAsync(string irpId) =>
        (await Coordinator.GetFromJsonAsync<JsonArray>($"/api/outbox?irpId={irpId}"))!.Select(e => e!.AsObject()).ToList();

    /// <summary>The steps the IRP's emails were sent for, oldest first.</summary>
    public async Task<IReadOnlyList<string>> OutboxStepsAsync(string irpId) =>
        (await OutboxAsync(irpId)).Select(e => e["step"]!.GetValue<string>()).ToList();

    /// <summary>The one outbox entry sent for <paramref name="step"/>; fails unless there is exactly one.</summary>
    public async Task<JsonObject> EmailAsync(string irpId, string step) =>
        Assert.Single(await OutboxAsync(irpId), e => e["step"]!.GetValue<string>() == step);

    /// <summary>The raw MIME message (.eml) of an outbox entry.</summary>
    public Task<string> RawEmailAsync(JsonObject entry) => Coordinator.GetStringAsync($"/api/outbox/{entry["id"]!.GetValue<string>()}");

    /// <summary>The raw MIME message (.eml) of the one email sent for <paramref name="step"/>.</summary>
    public async Task<string> RawEmailAsync(string irpId, string step) => await RawEmailAsync(await EmailAsync(irpId, step));

    /// <summary>Uploads a report file as the coordinator: <c>PUT /api/irps/{id}/{what}?fileName=</c> (draft-report, fact-check-comments).</summary>
    public Task<HttpResponseMessage> PutReportFileAsync(string id, string what, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Coordinator.PutAsync($"/api/irps/{id}/{what}?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    /// <summary><c>PUT /api/irps/{id}/judgements/{ref}</c>.</summary>
    public Task<HttpResponseMessage> PutJudgementAsync(string id, string reference, object body) =>
        Coordinator.PutAsJsonAsync($"/api/irps/{id}/judgements/{Uri.EscapeDataString(reference)}", body);

    /// <summary>Starts an establishment's document upload the way the upload page does; returns the response.</summary>
    public Task<HttpResponseMessage> BeginUploadAsync(string token, string key, object body) =>
        SendAgainIfUnavailableAsync(() => Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{key}", body));

    /// <summary>Uploads a document as the upload page does: begins, PUTs the bytes to the SAS, completes; returns the blob name.</summary>
    public async Task<string> UploadDocumentAsync(string token, string key, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        using var begin = await BeginUploadAsync(token, key, new { fileName, size = bytes.Length, contentType });
        Assert.True(begin.StatusCode == HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        await PutBlobAsync(new Uri(grant["uploadUrl"]!.GetValue<string>()), bytes, contentType);
        var blobName = grant["blobName"]!.GetValue<string>();
        using var complete = await Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{key}/complete", new { blobName });
        Assert.True(complete.StatusCode == HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        return blobName;
    }

    /// <summary>
    /// Follows an app link that redirects to storage (the draft report, a document download) as a browser would, sending no
    /// key: asserts the redirect and returns what storage answered at its location.
    /// </summary>
    public async Task<HttpResponseMessage> GetThroughStorageAsync(Uri appLink)
    {
        using var redirect = await Anonymous.GetAsync(appLink.PathAndQuery);
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"{appLink.AbsolutePath}: {redirect.StatusCode}");
        using var http = new HttpClient();
        return await http.GetAsync(redirect.Headers.Location);
    }

    /// <summary>PUTs bytes to a blob URL the way a browser does, with plain HTTP (no account key); asserts 201 Created.</summary>
    public static async Task PutBlobAsync(Uri url, byte[] bytes, string contentType = "application/pdf")
    {
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.SendAsync(put);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        Coordinator.Dispose();
        Anonymous.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (Process is not null) await Process.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services) : WebApplicationFactory<IrpFlows.Local.LocalHost>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureTestServices(services);
        }
    }
}
