using System.Diagnostics;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using CoreQuery = DurableTask.Core.Query;
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
                // The orchestration's spans join the trace of whatever started it (a request, the sweep), as the Durable
                // extension's client does in Azure; with no trace, the orchestration runs untraced.
                ParentTraceContext = Activity.Current is { Id: { } caller } ? new DistributedTraceContext(caller, Activity.Current.TraceStateString) : null,
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
        // Azure Storage answers an instance it does not hold (never started, or purged) with a list of one null.
        return states is [{ OrchestrationInstance: not null } state, ..] ? ToMetadata(state, getInputsAndOutputs) : null;
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

    /// <summary>
    /// Purges the history and state of every instance the filter matches, through the backend's own purge (Azure Storage
    /// deletes each instance's history rows, its row in the Instances table and its large-message blobs). The backend
    /// filters on <see cref="PurgeInstancesFilter.CreatedFrom"/>/<see cref="PurgeInstancesFilter.CreatedTo"/> against the
    /// created time of the instance's latest generation (each ContinueAsNew starts one), so for a finished instance it is
    /// when its last pass began. Sub-orchestrations are not purged with their parent (<see cref="PurgeInstanceOptions.Recursive"/>
    /// is refused): the workflow starts none.
    /// </summary>
    public override async Task<Microsoft.DurableTask.Client.PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true) throw new NotSupportedException("The local host does not purge sub-orchestrations recursively.");
        var purger = client as IOrchestrationServicePurgeClient
            ?? throw new NotSupportedException($"{client.GetType().Name} cannot purge instances.");
        // No CreatedFrom: every instance created up to CreatedTo, however old.
        var result = await purger.PurgeInstanceStateAsync(new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => (CoreStatus)s))
        {
            Timeout = filter.Timeout,
        });
        return new Microsoft.DurableTask.Client.PurgeResult(result.DeletedInstanceCount, result.IsComplete);
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
