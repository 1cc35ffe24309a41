using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using IrpFlows.Local.Checks;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Workflow.GoldenLogs;

/// <summary>
/// <c>check-logs</c>, the pre-deploy check, against a workflow table on Azurite filled with the golden logs as the app
/// stores them: it passes a table of sound logs, names every instance whose log this build breaks, and says when it
/// cannot read the table at all.
/// </summary>
public sealed class CheckLogsCommandTests(ITestOutputHelper output)
{
    // Enough copies of the golden logs for the run time to mean something.
    private const int Copies = 10;

    [Fact]
    public async Task ATableOfSoundLogs_Passes_AndEveryInstanceIsReported()
    {
        var (configuration, store) = await TableAsync();
        var logs = GoldenLog.Names().Select(GoldenLog.Load).ToList();
        for (var copy = 1; copy <= Copies; copy++)
            foreach (var log in logs) await StoreAsync(store, log.Instance with { Id = $"{log.Name}-{copy}" }); // two logs may share an IRP's id

        var (exit, report, elapsed) = await CheckAsync(configuration);

        Assert.True(exit == 0, report);
        Assert.Equal(logs.Count * Copies, report.Split('\n').Count(line => line.StartsWith("ok    ", StringComparison.Ordinal)));
        Assert.Contains($"{logs.Count * Copies} instance(s) checked", report);
        Assert.EndsWith(": 0 failing.", report.TrimEnd());
        output.WriteLine($"check-logs: {logs.Count * Copies} instances in {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task ALogWhoseRecordedStepIsGoneFromThePlan_OrWhoseKindIsGone_Fails_NamingTheInstance()
    {
        var (configuration, store) = await TableAsync();
        var completed = GoldenLog.Load("irp-prison-completed").Instance;
        await StoreAsync(store, completed);
        // As if a rule change had renamed the documents request: the log's record of it would be orphaned, and the
        // renamed step planned afresh, so sent again.
        var renamed = completed.Events.Select(e => e.Type == EngineEvents.StepCompleted && StepHistory.StepId(e) == "documents-request"
            ? e with { Data = new JsonObject { ["stepId"] = "request-for-documents", ["result"] = e.Data["result"]?.DeepClone() } }
            : e).ToList();
        await StoreAsync(store, completed with { Id = "renamed-step", Events = renamed });
        await StoreAsync(store, completed with { Id = "retired-kind", Kind = "retired" });

        var (exit, report, _) = await CheckAsync(configuration);

        Assert.True(exit == 1, report);
        Assert.Contains($"ok    {completed.Id} ", report);
        Assert.Contains("FAIL  renamed-step (irp,", report);
        Assert.Contains("step 'request-for-documents' is recorded (StepCompleted", report);
        Assert.Contains("FAIL  retired-kind (retired,", report);
        Assert.Contains("cannot be planned: no workflow kind named 'retired'", report);
        Assert.EndsWith(": 2 failing.", report.TrimEnd());
    }

    [Fact]
    public async Task ATableThatCannotBeRead_ExitsWithTwo()
    {
        var configuration = Configuration(await TestStorage.ConnectionStringAsync(), TestStorage.UniqueName("missing"));

        var (exit, report, _) = await CheckAsync(configuration);

        Assert.Equal(2, exit);
        Assert.Contains("Cannot read the workflow table", report);
    }

    private static async Task<(IConfiguration, WorkflowStore)> TableAsync()
    {
        var connection = await TestStorage.ConnectionStringAsync();
        var table = TestStorage.UniqueName("wf");
        var store = new WorkflowStore(new TableServiceClient(connection), new WorkflowOptions { InstancesTable = table });
        await store.CreateTableIfNotExistsAsync(CancellationToken.None);
        return (Configuration(connection, table), store);
    }

    private static IConfiguration Configuration(string connection, string table) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [IrpFlows.Storage.StorageAccount.SettingName] = connection,
            ["Workflow:InstancesTable"] = table,
            [IrpFlows.Documents.UploadTokens.SigningKeySetting] = IrpFlowsApp.UploadSigningKey,
        })
        .Build();

    private static async Task<(int Exit, string Report, TimeSpan Elapsed)> CheckAsync(IConfiguration configuration)
    {
        var report = new StringWriter { NewLine = "\n" };
        var clock = Stopwatch.StartNew();
        var exit = await CheckLogsCommand.RunAsync(configuration, report, CancellationToken.None);
        return (exit, report.ToString(), clock.Elapsed);
    }

    /// <summary>Writes a log as the app stores it: created with its first events, the rest appended (a transaction holds at most 100 rows).</summary>
    private static async Task StoreAsync(WorkflowStore store, WorkflowInstance instance)
    {
        const int PerTransaction = 99;
        var header = new InstanceHeader(RuntimeStatus.Running, "", instance.LastUpdatedTime, null, new JsonObject(), RulesVersion: 0);
        await store.CreateAsync(instance.Id, instance.Kind, instance.CreatedTime, instance.Events.Take(PerTransaction).ToList(), "golden", header, CancellationToken.None);
        for (var written = PerTransaction; written < instance.Events.Count; written += PerTransaction)
        {
            var loaded = (await store.LoadAsync(instance.Id, CancellationToken.None))!;
            await store.AppendAsync(loaded.Instance, loaded.HeaderETag, instance.Events.Skip(written).Take(PerTransaction).ToList(), "golden", header, CancellationToken.None);
        }
    }
}
