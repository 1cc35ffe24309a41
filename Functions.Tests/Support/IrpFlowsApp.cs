using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IrpFlows.Tests.Support;

/// <summary>
/// The real app, hosted in-process on the test Azurite with its own tables and containers, the development clock on
/// (starting <see cref="Start"/>) and the timer off: tests move time with <c>POST /api/dev/clock</c>.
/// Two instances with the same <paramref name="names"/> share storage, as a restarted app does.
/// </summary>
public sealed class IrpFlowsApp(string connectionString, IrpFlowsApp.StorageNames names, DateTimeOffset start) : WebApplicationFactory<Program>
{
    public const string Key = "test-coordinator-key";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public sealed record StorageNames(string Instances, string Schedule, string Outbox)
    {
        public static StorageNames Fresh() => new(TestStorage.UniqueName("wf"), TestStorage.UniqueName("sched"), TestStorage.UniqueName("outbox"));
    }

    public StorageNames Names => names;
    public DateTimeOffset Start => start;

    public static async Task<IrpFlowsApp> StartAsync(StorageNames? names = null, DateTimeOffset? start = null) =>
        new(await TestStorage.ConnectionStringAsync(), names ?? StorageNames.Fresh(), start ?? MondayMorning);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", connectionString);
        builder.UseSetting("CoordinatorApiKey", Key);
        builder.UseSetting("UploadTokenSigningKey", "test-upload-signing-key-0123456789abcdef");
        builder.UseSetting("DevClockEnabled", "true");
        builder.UseSetting("DevClockStartUtc", start.ToString("O"));
        builder.UseSetting("Dispatcher:TimerEnabled", "false");
        builder.UseSetting("Workflow:InstancesTable", names.Instances);
        builder.UseSetting("Workflow:ScheduleTable", names.Schedule);
        builder.UseSetting("Mail:Container", names.Outbox);
        builder.UseSetting("Mail:Table", names.Outbox);
    }

    /// <summary>A client that sends the coordinator key.</summary>
    public HttpClient Coordinator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    /// <summary>Moves the development clock and waits until every step due by then has run.</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        var response = await Coordinator().PostAsJsonAsync("/api/dev/clock", new { now });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> GetIrpAsync(string id) =>
        (await Coordinator().GetFromJsonAsync<JsonObject>($"/api/irps/{id}"))!;

    public async Task<JsonArray> OutboxAsync(string irpId) =>
        (await Coordinator().GetFromJsonAsync<JsonArray>($"/api/outbox?irpId={irpId}"))!;

    /// <summary>Starts an IRP and returns its id.</summary>
    public async Task<string> CreateIrpAsync(object request)
    {
        var response = await Coordinator().PostAsJsonAsync("/api/irps", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static JsonObject Step(JsonObject irp, string stepId) =>
        irp["timeline"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == stepId)!.AsObject();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
