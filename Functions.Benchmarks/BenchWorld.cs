using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Mail;
using IrpFlows.Storage;
using IrpFlows.Timeline;
using IrpFlows.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Benchmarks;

/// <summary>
/// The real engine, IRP workflow and outbox, wired by hand over tables and a container of their own, with two request
/// counters in the SDK clients' pipelines (per retry, so every attempt on the wire): <see cref="EngineRequests"/> sees only
/// the engine's table client, <see cref="OutboxRequests"/> only the outbox's blob and table clients (what the email
/// activities cost).
/// </summary>
internal sealed class BenchWorld
{
    private BenchWorld(StorageAccount storage, FakeTimeProvider clock)
    {
        Clock = clock;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var engineOptions = new WorkflowEngineOptions { InstancesTable = "benchwf" + suffix, ScheduleTable = "benchdue" + suffix };
        var outboxOptions = new OutboxOptions { Container = "benchoutbox" + suffix, Table = "benchoutbox" + suffix };

        var engineTables = new TableClientOptions();
        engineTables.AddPolicy(EngineRequests, HttpPipelinePosition.PerRetry);
        var outboxTables = new TableClientOptions();
        outboxTables.AddPolicy(OutboxRequests, HttpPipelinePosition.PerRetry);
        var outboxBlobs = new BlobClientOptions();
        outboxBlobs.AddPolicy(OutboxRequests, HttpPipelinePosition.PerRetry);

        var policy = new IrpPolicy();
        Planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, policy);
        var blobs = storage.CreateBlobServiceClient(outboxBlobs);
        var tables = storage.CreateTableServiceClient(outboxTables);
        Outbox = new OutboxMailSender(blobs, tables, outboxOptions, clock);
        var documents = new DocumentsOptions();
        var links = new UploadLinks(new UploadTokens(BenchIrps.UploadSigningKey), documents, policy, new Uri("http://localhost:7071"));
        var sas = storage.CreateSasSigner(blobs, TimeProvider.System);
        Workflow = new IrpWorkflow(Planner, new IrpMailTemplates(clock), Outbox, links,
            new MaterialDestruction(new DocumentStore(blobs, tables, sas, documents, TimeProvider.System)),
            new IrpReportFiles(blobs, sas, links, Planner, policy, new ReportOptions(), TimeProvider.System));
        Engine = new WorkflowEngine(storage.CreateTableServiceClient(engineTables), [Workflow], clock, engineOptions, NullLogger<WorkflowEngine>.Instance);
        // Reads for the benchmark's own bookkeeping (what is due next) go through an uncounted client.
        Probe = new WorkflowEngine(storage.CreateTableServiceClient(), [Workflow], clock, engineOptions, NullLogger<WorkflowEngine>.Instance);
    }

    public FakeTimeProvider Clock { get; }
    public StorageRequestCounter EngineRequests { get; } = new();
    public StorageRequestCounter OutboxRequests { get; } = new();
    public IrpPlanner Planner { get; }
    public OutboxMailSender Outbox { get; }
    public IrpWorkflow Workflow { get; }
    public WorkflowEngine Engine { get; }
    public WorkflowEngine Probe { get; }

    public long TotalRequests => EngineRequests.Count + OutboxRequests.Count;

    /// <summary>A world over fresh, empty storage with the clock at <paramref name="start"/>.</summary>
    public static async Task<BenchWorld> CreateAsync(StorageAccount storage, DateTimeOffset start, CancellationToken ct)
    {
        var world = new BenchWorld(storage, new FakeTimeProvider(start));
        await world.Engine.CreateStorageIfNotExistsAsync(ct);
        await world.Outbox.CreateIfNotExistsAsync(ct);
        world.ResetCounters();
        return world;
    }

    public void ResetCounters()
    {
        EngineRequests.Reset();
        OutboxRequests.Reset();
    }

    /// <summary>Starts a prison IRP through the engine, as <c>POST /api/irps</c> does, and returns its id.</summary>
    public async Task<string> StartIrpAsync(DateOnly announcement, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var started = new IrpStartedData(BenchIrps.Prison(announcement), []);
        await Engine.StartAsync(IrpWorkflow.KindName, id, new NewEvent(IrpEvents.Started, IrpEvents.ToData(started)), ct);
        return id;
    }
}
