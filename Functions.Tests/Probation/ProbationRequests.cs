using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Probation;

/// <summary>Probation inspection requests and calls, as a coordinator's script makes them.</summary>
internal static class ProbationRequests
{
    public const string LeadEmail = "lena.lead@hmiprobation.example";
    public const string ChiefEmail = "chris.chief@probation.example";
    public const string LinkEmail = "sam.link@probation.example";
    public const string AdminEmail = "ada.admin@hmiprobation.example";
    public const string HeadEmail = "hal.head@hmiprobation.example";
    public const string OsagEmail = "osag@justice.example";

    public static JsonObject Inspection(string fieldworkStart, string type = "nps", string nation = "england", string name = "Kent, Surrey and Sussex NPS division") => new()
    {
        ["organisation"] = new JsonObject { ["name"] = name, ["type"] = type, ["nation"] = nation },
        ["fieldworkStart"] = fieldworkStart,
        ["contacts"] = new JsonObject
        {
            ["leadInspector"] = new JsonObject { ["name"] = "Lena Lead", ["email"] = LeadEmail },
            ["chiefExecutive"] = new JsonObject { ["name"] = "Chris Chief", ["email"] = ChiefEmail },
        },
    };

    public static async Task<string> CreateProbationAsync(this IrpFlowsApp app, JsonObject request)
    {
        using var response = await app.Coordinator.PostAsJsonAsync("/api/probation-inspections", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetProbationAsync(this IrpFlowsApp app, string id) =>
        (await app.Coordinator.GetFromJsonAsync<JsonObject>($"/api/probation-inspections/{id}"))!;

    public static Task<HttpResponseMessage> RaiseProbationAsync(this IrpFlowsApp app, string id, string eventName, object? body = null) =>
        app.Coordinator.PostAsJsonAsync($"/api/probation-inspections/{id}/events/{eventName}", body ?? new { });

    public static async Task RaiseAcceptedAsync(this IrpFlowsApp app, string id, string eventName, object? body = null)
    {
        using var response = await app.RaiseProbationAsync(id, eventName, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{eventName}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Uploads a draft-report or final-report file as a coordinator's script does.</summary>
    public static Task<HttpResponseMessage> PutProbationReportAsync(this IrpFlowsApp app, string id, string what, string fileName, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return app.Coordinator.PutAsync($"/api/probation-inspections/{id}/{what}?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public static Task<HttpResponseMessage> RateAsync(this IrpFlowsApp app, string id, string standard, string rating) =>
        app.Coordinator.PutAsJsonAsync($"/api/probation-inspections/{id}/ratings/{standard}", new { rating });

    /// <summary>A call's status and its JSON body (null when it has none), the response disposed.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject? Body)> Answer(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    /// <summary>The first message a problem body gives for <paramref name="field"/>.</summary>
    public static string Error(JsonObject? problem, string field) => problem!["errors"]![field]![0]!.GetValue<string>();

    /// <summary>Each step of the timeline by id.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Steps(JsonObject inspection) =>
        inspection["timeline"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => s["id"]!.GetValue<string>());

    public static string Text(this JsonNode node, string field) => node[field]!.GetValue<string>();
}
