using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Workflow;

/// <summary>Engines over one pair of fresh tables on the test Azurite, sharing a clock and a scripted workflow kind.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _connectionString;

    private EngineHarness(string connectionString)
    {
        _connectionString = connectionString;
        Options = new WorkflowEngineOptions
        {
            InstancesTable = TestStorage.UniqueName("wf"),
            ScheduleTable = TestStorage.UniqueName("sched"),
            MaxStepAttempts = 3,
            RetryBackoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)],
            StepLease = TimeSpan.FromMinutes(5),
        };
    }

    public WorkflowEngineOptions Options { get; }
    public FakeTimeProvider Clock { get; } = new(Monday);
    public ScriptedWorkflow Kind { get; } = new();
    public StorageRequestCounter Requests { get; } = new();

    public static async Task<EngineHarness> CreateAsync()
    {
        var harness = new EngineHarness(await TestStorage.ConnectionStringAsync());
        await harness.NewEngine().CreateStorageIfNotExistsAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A new engine, as another process would have, optionally with an extra pipeline policy (e.g. a crash).</summary>
    public WorkflowEngine NewEngine(HttpPipelinePolicy? extraPolicy = null)
    {
        var options = new TableClientOptions();
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        if (extraPolicy is not null) options.AddPolicy(extraPolicy, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(_connectionString, options);
        return new WorkflowEngine(tables, [Kind], Clock, Options, NullLogger<WorkflowEngine>.Instance);
    }

    public TableClient Table(string name) => new TableServiceClient(_connectionString).GetTableClient(name);
}

/// <summary>Fails the next entity group transaction once armed: the process "dies" at that point.</summary>
internal sealed class CrashOnNextTransaction : HttpPipelinePolicy
{
    private volatile bool _armed;

    public void Arm() => _armed = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CrashIfArmed(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CrashIfArmed(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void CrashIfArmed(HttpMessage message)
    {
        if (_armed && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            _armed = false;
            throw new IOException("Simulated crash before the step's completion was recorded.");
        }
    }
}
