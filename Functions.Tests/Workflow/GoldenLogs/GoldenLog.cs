using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Hosting;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IrpFlows.Tests.Workflow.GoldenLogs;

/// <summary>
/// A recorded instance log checked in as <c>{name}.log.json</c> (what it is, and the <see cref="WorkflowInstance"/> exactly
/// as the workflow table held it), and the approved evaluation of it, <c>{name}.approved.json</c>, beside it.
/// </summary>
internal sealed record GoldenLog(string Name, string Description, WorkflowInstance Instance)
{
    public const string LogSuffix = ".log.json";
    public const string ApprovedSuffix = ".approved.json";
    public const string ReceivedSuffix = ".received.json";

    /// <summary>The folder of the checked-in logs, in the source tree (approving means editing files there).</summary>
    public static string Folder => Path.Combine(Repository.Root(), "Functions.Tests", "Workflow", "GoldenLogs");

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Readable in a diff: "don't" and "–" as themselves, not \u0027 and \u2013.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<string> Names() => Directory.EnumerateFiles(Folder, "*" + LogSuffix)
        .Select(f => Path.GetFileName(f)[..^LogSuffix.Length]).Order(StringComparer.Ordinal);

    public static GoldenLog Load(string name)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + LogSuffix)))!.AsObject();
        var instance = file["instance"]!.AsObject();
        var events = instance["events"]!.AsArray().Select(e => new WorkflowEvent(
            e!["sequence"]!.GetValue<long>(),
            e["type"]!.GetValue<string>(),
            e["data"]!.AsObject().DeepClone().AsObject(),
            e["recordedAt"]!.GetValue<DateTimeOffset>()) { By = e["by"]?.GetValue<string>() }).ToList();
        return new GoldenLog(name, file["description"]!.GetValue<string>(), new WorkflowInstance(
            instance["id"]!.GetValue<string>(),
            instance["kind"]!.GetValue<string>(),
            instance["createdTime"]!.GetValue<DateTimeOffset>(),
            instance["lastUpdatedTime"]!.GetValue<DateTimeOffset>(),
            events));
    }

    /// <summary>Writes the log as <c>{name}.log.json</c> in <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        var file = new JsonObject
        {
            ["description"] = Description,
            ["instance"] = new JsonObject
            {
                ["id"] = Instance.Id,
                ["kind"] = Instance.Kind,
                ["createdTime"] = Instance.CreatedTime,
                ["lastUpdatedTime"] = Instance.LastUpdatedTime,
                ["events"] = new JsonArray(Instance.Events.Select(e => (JsonNode)new JsonObject
                {
                    ["sequence"] = e.Sequence,
                    ["type"] = e.Type,
                    ["recordedAt"] = e.RecordedAt,
                    ["by"] = e.By,
                    ["data"] = e.Data.DeepClone(),
                }).ToArray()),
            },
        };
        File.WriteAllText(Path.Combine(folder, Name + LogSuffix), file.ToJsonString(Indented) + "\n");
    }

    /// <summary>
    /// What the approved file holds: each step's id, status, readiness, due time and window end, ordered by due time then
    /// id (a stable order that reads as a timeline), with the runtime status and the next due time. Times in UTC.
    /// </summary>
    public static string Snapshot(InstanceStatus status) => new JsonObject
    {
        ["kind"] = status.Instance.Kind,
        ["runtimeStatus"] = status.RuntimeStatus.ToString(),
        ["nextDue"] = Time(status.NextDue),
        ["steps"] = new JsonArray(status.Steps.OrderBy(s => s.Due).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["status"] = s.Status.ToString().ToLowerInvariant(),
            ["readiness"] = s.Readiness.ToString().ToLowerInvariant(),
            ["due"] = Time(s.Due),
            ["notAfter"] = Time(s.NotAfter),
        }).ToArray()),
    }.ToJsonString(Indented) + "\n";

    /// <summary>The steps of an approved snapshot by id, with their status.</summary>
    public static IReadOnlyDictionary<string, string> ApprovedSteps(string snapshot) =>
        JsonNode.Parse(snapshot)!["steps"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());

    /// <summary>The workflow kinds of this build, registered as the app registers them, with the default policy and calendar.</summary>
    public static IReadOnlyDictionary<string, IWorkflowKind> TodaysKinds()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [IrpFlows.Storage.StorageAccount.SettingName] = "UseDevelopmentStorage=true",
                [IrpFlows.Documents.UploadTokens.SigningKeySetting] = IrpFlowsApp.UploadSigningKey,
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddIrpFlows(configuration).BuildServiceProvider();
        return services.GetServices<IWorkflowKind>().ToDictionary(k => k.Name);
    }

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
