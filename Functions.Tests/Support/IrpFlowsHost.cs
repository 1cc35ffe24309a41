using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using IrpFlows.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IrpFlows.Tests.Support;

/// <summary>
/// The real app on real Azurite, driven over HTTP as a coordinator would: its own tables and outbox (unique names), the
/// development clock starting at <see cref="ClockStart"/> (a Monday), and no timer, so steps run only when the clock is moved.
/// One host per test: the clock only moves forward.
/// </summary>
public sealed class IrpFlowsHost : IAsyncDisposable
{
    public const string CoordinatorKey = "test-coordinator-key";

    /// <summary>Monday 23 November 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;

    private IrpFlowsHost(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        Client = factory.CreateClient();
        Client.DefaultRequestHeaders.Add("x-functions-key", CoordinatorKey);
    }

    /// <summary>A client sending the coordinator key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client without the coordinator key.</summary>
    public HttpClient CreateClientWithoutKey() => _factory.CreateClient();

    /// <param name="settings">Extra settings (e.g. <c>Reports:MaxFileSizeBytes</c>), applied last.</param>
    public static async Task<IrpFlowsHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var storage = await TestStorage.ConnectionStringAsync();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AzureWebJobsStorage", storage);
            builder.UseSetting("CoordinatorApiKey", CoordinatorKey);
            builder.UseSetting("DevClockEnabled", "true");
            builder.UseSetting("DevClockStartUtc", ClockStart.ToString("O"));
            builder.UseSetting("Dispatcher:TimerEnabled", "false");
            builder.UseSetting("Workflow:InstancesTable", TestStorage.UniqueName("instances"));
            builder.UseSetting("Workflow:ScheduleTable", TestStorage.UniqueName("schedule"));
            builder.UseSetting("Mail:Container", TestStorage.UniqueName("outbox"));
            builder.UseSetting("Mail:Table", TestStorage.UniqueName("outbox"));
            builder.UseSetting("Graph:SenderUserId", "");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        });
        return new IrpFlowsHost(factory);
    }

    /// <summary>Starts an IRP and returns its id.</summary>
    public async Task<string> CreateIrpAsync(object request)
    {
        var response = await Client.PostAsJsonAsync("/api/irps", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Moves the clock to a UTC instant ("2027-02-17T17:00:00Z"); returns once every step due by then has run.</summary>
    public async Task MoveClockAsync(string utc)
    {
        var response = await Client.PostAsJsonAsync("/api/dev/clock", new { now = utc });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> RaiseAsync(string id, string eventName, object? body = null) =>
        Client.PostAsJsonAsync($"/api/irps/{id}/events/{eventName}", body ?? new { });

    /// <summary>Uploads a file to <c>PUT /api/irps/{id}/{what}?fileName=</c>.</summary>
    public Task<HttpResponseMessage> PutFileAsync(string id, string what, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return Client.PutAsync($"/api/irps/{id}/{what}?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public Task<HttpResponseMessage> PutJudgementAsync(string id, string reference, object body) =>
        Client.PutAsJsonAsync($"/api/irps/{id}/judgements/{Uri.EscapeDataString(reference)}", body);

    public async Task<JsonElement> GetIrpAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/api/irps/{id}");

    /// <summary>The status of one timeline step: pending, done, failed or skipped.</summary>
    public async Task<string> StepStatusAsync(string id, string stepId) =>
        (await GetIrpAsync(id)).GetProperty("timeline").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == stepId).GetProperty("status").GetString()!;

    /// <summary>The IRP's emails in the outbox, by step id.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> EmailsAsync(string id) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/outbox?irpId={id}")).EnumerateArray()
            .ToDictionary(e => e.GetProperty("step").GetString()!);

    /// <summary>The raw MIME message of an outbox email.</summary>
    public Task<string> RawEmailAsync(JsonElement entry) => Client.GetStringAsync($"/api/outbox/{entry.GetProperty("id").GetString()}");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
