using DurableTask.Core;
using DurableTask.Core.History;
using CoreQuery = DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// The <see cref="DurableTaskClient"/> that <c>[DurableClient]</c> parameters get on the local host: the Durable Task
/// Framework's own client operations (the same Azure Storage task hub the worker runs), spoken in Microsoft.DurableTask's
/// types so functions are written once for both hosts. Payloads go through <see cref="JsonDataConverter.Default"/>, the
/// converter the worker's shims read them with.
/// </summary>
public sealed class LocalDurableTaskClient(IOrchestrationServiceClient client) : DurableTaskClient("local")
{
    private static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(200);
    private readonly DataConverter _converter = JsonDataConverter.Default;

    /// <summary>
    /// Starts an orchestration. With <see cref="StartOrchestrationOptions.InstanceId"/> given, an instance that already
    /// exists and has not finished is left alone (Durable Functions' default: only finished instances may be replaced).
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, _converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
            },
        };
        await client.CreateTaskOrchestrationAsync(message, [CoreStatus.Running, CoreStatus.Pending, CoreStatus.Suspended]);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName });

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states is { Count: > 0 } ? ToMetadata(states[0], getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(Microsoft.DurableTask.Client.OrchestrationQuery? filter = null)
    {
        var queries = client as CoreQuery.IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException($"{client.GetType().Name} cannot query instances.");
        return Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)s).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? Microsoft.DurableTask.Client.OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await queries.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs)).ToList(), result.ContinuationToken);
        });
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending) return metadata;
            await Task.Delay(StartPollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await client.WaitForOrchestrationAsync(instanceId, executionId: null, Timeout.InfiniteTimeSpan, cancellation);
        return ToMetadata(state, getInputsAndOutputs);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent e) =>
        client.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = e });

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = _converter,
            RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
            CreatedAt = new DateTimeOffset(state.CreatedTime, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(state.LastUpdatedTime, TimeSpan.Zero),
            SerializedInput = withInputsAndOutputs ? state.Input : null,
            SerializedOutput = withInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = state.Status,
            FailureDetails = state.FailureDetails is { } f ? new TaskFailureDetails(f.ErrorType, f.ErrorMessage, f.StackTrace, null, null) : null,
        };
}
