using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IrpFlows.Tests.Workflow;

/// <summary>
/// Engines over one fresh log table on the test Azurite, sharing a clock and a scripted workflow kind. Durable itself is
/// the seam here: a Moq stand-in for its client records what the engine tells orchestrations (Durable runs for real in
/// the tests on the local host).
/// </summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _connectionString;

    private EngineHarness(string connectionString)
    {
        _connectionString = connectionString;
        Durable.Setup(d => d.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => Running.Contains(id) ? new OrchestrationMetadata(WorkflowOrchestration.OrchestratorName, id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedCustomStatus = CustomStatus.GetValueOrDefault(id) is { } says ? JsonSerializer.Serialize(says, JsonOptions) : null,
            } : null);
        Durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                Started.Add(options!.InstanceId!);
                Running.Add(options.InstanceId!);
                return options.InstanceId!;
            });
        Durable.Setup(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, string name, object? _, CancellationToken _) => Raised.Add((id, name)))
            .Returns(Task.CompletedTask);
    }

    public WorkflowOptions Options { get; } = new() { InstancesTable = TestStorage.UniqueName("wf"), MaxStepAttempts = 3 };
    public FakeTimeProvider Clock { get; } = new(Monday);
    public ScriptedWorkflow Kind { get; } = new();
    public StorageRequestCounter Requests { get; } = new();
    // CallBase: the client's convenience overloads (GetInstanceAsync, RaiseEventAsync without a payload) reach the members set up here.
    public Mock<DurableTaskClient> Durable { get; } = new("test") { CallBase = true };

    /// <summary>Orchestrations the stand-in says are running (every one it started, unless a test removes it).</summary>
    public HashSet<string> Running { get; } = [];

    /// <summary>What each running orchestration's custom status says (none until a test sets it).</summary>
    public Dictionary<string, OrchestrationState?> CustomStatus { get; } = [];

    /// <summary>Every orchestration started, in order.</summary>
    public List<string> Started { get; } = [];

    /// <summary>Every event raised, in order.</summary>
    public List<(string InstanceId, string Name)> Raised { get; } = [];

    public DurableTaskClient Client => Durable.Object;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<EngineHarness> CreateAsync()
    {
        var harness = new EngineHarness(await TestStorage.ConnectionStringAsync());
        await harness.NewEngine().CreateStorageIfNotExistsAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A new engine, as another process would have, optionally with an extra pipeline policy (e.g. a crash).</summary>
    public WorkflowEngine NewEngine(HttpPipelinePolicy? extraPolicy = null, HttpPipelinePosition position = HttpPipelinePosition.PerCall)
    {
        var options = new TableClientOptions();
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        if (extraPolicy is not null) options.AddPolicy(extraPolicy, position);
        var tables = new TableServiceClient(_connectionString, options);
        return new WorkflowEngine(tables, [Kind], Clock, Options, NullLogger<WorkflowEngine>.Instance);
    }

    public TableClient Table(string name) => new TableServiceClient(_connectionString).GetTableClient(name);
}

/// <summary>
/// Loses the answer to the next entity group transaction once armed: the transaction reaches storage and commits, then the
/// client sees a timeout, as when a connection drops after the service acted.
/// </summary>
internal sealed class LoseNextTransactionAnswer : HttpPipelinePolicy
{
    private volatile bool _armed;

    public void Arm() => _armed = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (_armed && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            _armed = false;
            throw new IOException("Simulated lost answer after the transaction committed.");
        }
    }
}
