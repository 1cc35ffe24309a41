using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using IrpFlows.Hosting;
using IrpFlows.Workflow;

namespace IrpFlows.Local.Checks;

/// <summary>
/// <c>dotnet run --project Functions.Local -- check-logs</c>: before a deploy, reads every instance's log from the storage
/// the settings name (<c>AzureWebJobsStorage</c>, <c>Workflow__InstancesTable</c>), plans it with this build's rules and
/// checks <see cref="LogCheck"/>'s promises, one line per instance. Exits 0 when every log holds, 1 when any fails, 2 when
/// the table cannot be read. It only reads: nothing is written, no orchestration is touched, Azurite is not started.
/// </summary>
public static class CheckLogsCommand
{
    public const string Name = "check-logs";

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        // The app's own registration: the same kinds, policy, calendar and storage the deployed build would use.
        await using var services = new ServiceCollection().AddLogging().AddIrpFlows(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<WorkflowOptions>();
        var store = new WorkflowStore(services.GetRequiredService<TableServiceClient>(), options);
        var kinds = services.GetServices<IWorkflowKind>().ToDictionary(k => k.Name);
        var clock = Stopwatch.StartNew();
        int instances = 0, failing = 0;
        try
        {
            await foreach (var header in store.ListAsync(ct))
            {
                // Deleted between the list and the read: nothing left to deploy onto.
                if (await store.LoadAsync(header.Id, ct) is not { } loaded) continue;
                instances++;
                var verdict = LogCheck.Check(loaded.Instance, kinds);
                if (verdict.Holds)
                {
                    output.WriteLine($"ok    {verdict.InstanceId} ({verdict.Kind}, {loaded.Instance.Events.Count} events): {verdict.Status!.RuntimeStatus}, next due {verdict.Status.NextDue?.ToString("O") ?? "none"}");
                    continue;
                }
                failing++;
                output.WriteLine($"FAIL  {verdict.InstanceId} ({verdict.Kind}, {loaded.Instance.Events.Count} events)");
                if (verdict.PlanError is { } error) output.WriteLine($"      cannot be planned: {error}");
                foreach (var promise in verdict.Broken) output.WriteLine($"      {promise}");
            }
        }
        catch (RequestFailedException e)
        {
            output.WriteLine($"Cannot read the workflow table '{options.InstancesTable}': {e.Status} {e.ErrorCode ?? e.Message}");
            return 2;
        }
        output.WriteLine($"{instances} instance(s) checked in {clock.Elapsed.TotalSeconds:0.0} s: {failing} failing.");
        return failing == 0 ? 0 : 1;
    }
}
