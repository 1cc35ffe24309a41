using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IrpFlows.Tests.Documents;

/// <summary>
/// The whole app on real Azurite with its own tables and containers and a development clock, as the documents tests use it.
/// <see cref="Coordinator"/> sends the coordinator key; <see cref="Anonymous"/> sends nothing, as an establishment's browser.
/// </summary>
internal sealed partial class DocumentsHost : IAsyncDisposable
{
    public const string CoordinatorKey = "documents-tests-coordinator-key";
    public const string SigningKey = "documents-tests-upload-signing-key-0123456789";

    private readonly WebApplicationFactory<Program> _factory;

    private DocumentsHost(WebApplicationFactory<Program> factory, string connectionString, HttpClient coordinator, HttpClient anonymous)
    {
        _factory = factory;
        ConnectionString = connectionString;
        Coordinator = coordinator;
        Anonymous = anonymous;
    }

    public string ConnectionString { get; }
    public HttpClient Coordinator { get; }
    public HttpClient Anonymous { get; }
    public IServiceProvider Services => _factory.Services;
    public BlobServiceClient Blobs => new(StorageConnection.Parse(ConnectionString));

    /// <summary>
    /// Starts the app with its clock at <paramref name="clockStart"/>. With <paramref name="kestrel"/> it listens on a real
    /// loopback port (for a browser) and <c>PublicBaseUrl</c> is that address; otherwise it runs in memory.
    /// </summary>
    public static async Task<DocumentsHost> StartAsync(DateTimeOffset clockStart, string? connectionString = null, bool kestrel = false)
    {
        connectionString ??= await TestStorage.ConnectionStringAsync();
        var port = kestrel ? FreePort() : 0;
        var baseUrl = kestrel ? $"http://127.0.0.1:{port}" : "http://localhost";
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            var settings = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = connectionString,
                [CoordinatorKeyFilter.SettingName] = CoordinatorKey,
                [UploadTokens.SigningKeySetting] = SigningKey,
                [UploadLinks.PublicBaseUrlSetting] = baseUrl,
                ["DevClockEnabled"] = "true",
                ["DevClockStartUtc"] = clockStart.ToString("O"),
                ["Dispatcher:TimerEnabled"] = "false",
                ["Workflow:InstancesTable"] = TestStorage.UniqueName("wf"),
                ["Workflow:ScheduleTable"] = TestStorage.UniqueName("sched"),
                ["Mail:Container"] = TestStorage.UniqueName("outbox"),
                ["Mail:Table"] = TestStorage.UniqueName("outbox"),
                ["Documents:UploadsTable"] = TestStorage.UniqueName("uploads"),
                // The Blob service has one set of CORS rules; only a browser test on its own Azurite may change them.
                ["Documents:ConfigureBlobCors"] = kestrel ? "true" : "false",
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = kestrel ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            };
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });
        HttpClient coordinator, anonymous;
        if (kestrel)
        {
            factory.UseKestrel(port);
            factory.StartServer();
            coordinator = new HttpClient { BaseAddress = new Uri(baseUrl) };
            anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
        }
        else
        {
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
            coordinator = factory.CreateClient(options);
            anonymous = factory.CreateClient(options);
        }
        coordinator.DefaultRequestHeaders.Add(CoordinatorKeyFilter.HeaderName, CoordinatorKey);
        return new DocumentsHost(factory, connectionString, coordinator, anonymous);
    }

    /// <summary>Starts HMP Elmley's IRP (announced Monday 28 November 2022, visit 13–15 February 2023); returns its id.</summary>
    public async Task<string> CreateElmleyAsync(string name = "HMP Elmley")
    {
        var request = new
        {
            kind = "prison",
            establishment = new { name, type = "adult", nation = "england" },
            sourceInspectionEnd = "2022-03-18",
            visitStart = "2023-02-13",
            announcementDate = "2022-11-28",
            contacts = new
            {
                coordinator = new { name = "Sarah Jones", email = "sarah.jones@hmiprisons.gov.uk" },
                governor = new { name = "David Brown", email = "governor.elmley@justice.gov.uk" },
                imbChair = new { name = "Margaret Hill", email = "imb.elmley@imb.org.uk" },
            },
            recommendations = new[] { new { @ref = "1.42", area = "Behaviour management", text = "Investigations into violence should be thorough." } },
            ofstedThemes = new[] { new { @ref = "1.47", text = "Leaders should improve teaching." } },
        };
        using var response = await Coordinator.PostAsJsonAsync("/api/irps", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Moves the development clock; returns once every step due by then has run.</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var response = await Coordinator.PostAsJsonAsync("/api/dev/clock", new { now });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> GetIrpAsync(string id) => (await Coordinator.GetFromJsonAsync<JsonObject>($"/api/irps/{id}"))!;

    /// <summary>The status of one document in <c>GET /api/irps/{id}</c>.</summary>
    public async Task<JsonObject> DocumentAsync(string id, string key) =>
        (await GetIrpAsync(id))["documents"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["key"]!.GetValue<string>() == key);

    /// <summary>The outbox entries of one IRP, oldest first.</summary>
    public async Task<List<JsonObject>> OutboxAsync(string irpId) =>
        (await Coordinator.GetFromJsonAsync<JsonArray>($"/api/outbox?irpId={irpId}"))!.Select(e => e!.AsObject()).ToList();

    /// <summary>The raw .eml of the email sent for <paramref name="step"/>, or null when none was sent.</summary>
    public async Task<string?> EmailAsync(string irpId, string step)
    {
        var entry = (await OutboxAsync(irpId)).SingleOrDefault(e => e["step"]!.GetValue<string>() == step);
        return entry is null ? null : await Coordinator.GetStringAsync($"/api/outbox/{entry["id"]!.GetValue<string>()}");
    }

    /// <summary>The upload link in an email: the text/plain part, quoted-printable soft line breaks undone.</summary>
    public static Uri UploadLinkIn(string eml)
    {
        var unfolded = eml.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        var match = UploadLinkPattern().Match(unfolded);
        Assert.True(match.Success, "The email has no upload link:\n" + eml);
        return new Uri(match.Value);
    }

    /// <summary>Starts an upload the way the page does; returns the response.</summary>
    public Task<HttpResponseMessage> BeginUploadAsync(string token, string key, object body) =>
        Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{key}", body);

    /// <summary>Begins, PUTs the bytes to the SAS and completes an upload; returns the blob name.</summary>
    public async Task<string> UploadAsync(string token, string key, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        using var begin = await BeginUploadAsync(token, key, new { fileName, size = bytes.Length, contentType });
        Assert.True(begin.StatusCode == HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        var grant = (await begin.Content.ReadFromJsonAsync<JsonObject>())!;
        await PutAsync(new Uri(grant["uploadUrl"]!.GetValue<string>()), bytes, contentType);
        var blobName = grant["blobName"]!.GetValue<string>();
        using var complete = await Anonymous.PostAsJsonAsync($"/api/uploads/{token}/{key}/complete", new { blobName });
        Assert.True(complete.StatusCode == HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        return blobName;
    }

    /// <summary>PUTs bytes to a blob URL the way a browser does, with plain HTTP (no account key).</summary>
    public static async Task PutAsync(Uri url, byte[] bytes, string contentType = "application/pdf")
    {
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.SendAsync(put);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static string TokenOf(Uri uploadLink) => uploadLink.AbsolutePath["/upload/".Length..];

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        Coordinator.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/upload/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex UploadLinkPattern();
}
