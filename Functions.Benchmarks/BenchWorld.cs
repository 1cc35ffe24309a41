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
/// counters: <see cref="EngineRequests"/> sees only the engine's table client, <see cref="OutboxRequests"/> only the
/// outbox's blob and table clients (what the email activities cost).
/// </summary>
internal sealed class BenchWorld
{
    private BenchWorld(StorageConnection storage, FakeTimeProvider clock)
    {
        Clock = clock;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var engineOptions = new WorkflowEngineOptions { InstancesTable = "benchwf" + suffix, ScheduleTable = "benchdue" + suffix };
        var outboxOptions = new OutboxOptions { Container = "benchoutbox" + suffix, Table = "benchoutbox" + suffix };

        var engineClient = new StorageClientOptions();
        engineClient.AddRequestCounter(EngineRequests);
        var outboxClient = new StorageClientOptions();
        outboxClient.AddRequestCounter(OutboxRequests);

        var policy = new IrpPolicy();
        Planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, policy);
        Outbox = new OutboxMailSender(new BlobServiceClient(storage, outboxClient), new TableServiceClient(storage, outboxClient), outboxOptions, clock);
        var blobs = new BlobServiceClient(storage, outboxClient);
        var documents = new DocumentsOptions();
        Workflow = new IrpWorkflow(Planner, new IrpMailTemplates(clock), Outbox,
            new UploadLinks(new UploadTokens(BenchIrps.UploadSigningKey), documents, policy, new Uri("http://localhost:7071")),
            new MaterialDestruction(new DocumentStore(blobs, new TableServiceClient(storage, outboxClient), documents, TimeProvider.System)),
            new IrpReportFiles(blobs, Planner, policy, new ReportOptions()));
        Engine = new WorkflowEngine(new TableServiceClient(storage, engineClient), [Workflow], clock, engineOptions, NullLogger<WorkflowEngine>.Instance);
        // Reads for the benchmark's own bookkeeping (what is due next) go through an uncounted client.
        Probe = new WorkflowEngine(new TableServiceClient(storage), [Workflow], clock, engineOptions, NullLogger<WorkflowEngine>.Instance);
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
    public static async Task<BenchWorld> CreateAsync(StorageConnection storage, DateTimeOffset start, CancellationToken ct)
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
