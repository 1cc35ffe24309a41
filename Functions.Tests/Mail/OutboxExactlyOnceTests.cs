using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Letters;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IrpFlows.Tests.Mail;

/// <summary>
/// The send path of an IRP email through the engine and the outbox, with the process dying at each storage request in
/// turn, then a new process taking over: exactly one message per step, and the step recorded once.
/// </summary>
public sealed class OutboxExactlyOnceTests
{
    // Monday 23 November 2026, 09:00 UTC: the announcement of IrpRequests.Elmley() is due.
    private static readonly DateTimeOffset AnnouncementDue = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // The step's activity makes four storage requests: reading the instance, writing the .eml, listing it in the outbox
    // table, and recording the step's completion (with the pass that follows). The process dies at each in turn; Durable
    // then delivers the activity again, to a new process. Either way, one message, recorded once.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ACrashAtAnyRequestOfTheSendPath_ThenTheActivityAgain_LeavesExactlyOneMessage(int crashAtRequest)
    {
        var world = await World.CreateAsync();
        await world.Engine(null).StartAsync(IrpWorkflow.KindName, "elmley", Started(), world.Durable, CancellationToken.None);
        world.Clock.SetUtcNow(AnnouncementDue);

        var crash = new CrashAtRequest(crashAtRequest);
        var escaped = await Record.ExceptionAsync(() => world.Engine(crash).RunStepsAsync("elmley", ["announcement"], CancellationToken.None));
        Assert.True(crash.Fired, $"the send path made fewer than {crashAtRequest} storage requests");
        Assert.IsType<IOException>(escaped);

        var survivor = world.Engine(null);
        await survivor.RunStepsAsync("elmley", ["announcement"], CancellationToken.None);

        var messages = await world.Outbox.ListAsync("elmley", CancellationToken.None);
        var announcement = Assert.Single(messages);
        Assert.Equal("announcement", announcement.Step);
        Assert.Single(await world.Blobs.GetBlobContainerClient(world.OutboxOptions.Container).GetBlobsAsync(new GetBlobsOptions { Prefix = "elmley/" }).ToListAsync());
        var status = (await survivor.GetAsync(IrpWorkflow.KindName, "elmley", CancellationToken.None))!;
        Assert.Equal(StepStatus.Done, status.Step("announcement")!.Status);
        Assert.Single(status.Instance.EventsOfType(EngineEvents.StepCompleted));
        Assert.Equal(announcement.SentAt, status.Step("announcement")!.Result!["email"]!["sentAt"]!.GetValue<DateTimeOffset>());
    }

    // The crash falls after the .eml was written and before the step's completion was recorded; meanwhile the visit moves,
    // so the step, run again, renders a letter with another subject. The outbox keeps the first letter, and the record
    // (what GET /api/irps/{id} lists under emails) says what the governor received, not what the repeat rendered.
    [Fact]
    public async Task ACrashBeforeTheRecord_ThenAMovedVisit_RecordsTheLetterThatWent_NotTheOneRenderedAgain()
    {
        var world = await World.CreateAsync();
        await world.Engine(null).StartAsync(IrpWorkflow.KindName, "elmley", Started(), world.Durable, CancellationToken.None);
        world.Clock.SetUtcNow(AnnouncementDue);
        var crash = new CrashAtRequest(4); // the append of StepCompleted
        await Assert.ThrowsAsync<IOException>(() => world.Engine(crash).RunStepsAsync("elmley", ["announcement"], CancellationToken.None));
        var survivor = world.Engine(null);
        var sent = Assert.Single(await world.Outbox.ListAsync("elmley", CancellationToken.None));

        await survivor.AppendAsync(IrpWorkflow.KindName, "elmley", _ => [new NewEvent(IrpEvents.VisitRescheduled, EventData.ToData(new VisitRescheduledData(new DateOnly(2027, 3, 1))))],
            durable: null, CancellationToken.None);
        var moved = (await survivor.GetAsync(IrpWorkflow.KindName, "elmley", CancellationToken.None))!.Instance;
        var renderedAgain = world.Templates.Render("announcement", world.Workflow().MailContext("elmley", IrpState.From(moved)))!;
        Assert.NotEqual(sent.Subject, renderedAgain.Subject); // else this test would prove nothing
        await survivor.RunStepsAsync("elmley", ["announcement"], CancellationToken.None);

        var status = (await survivor.GetAsync(IrpWorkflow.KindName, "elmley", CancellationToken.None))!;
        var email = EventData.FromData<EmailRecord>(status.Step("announcement")!.Result!["email"]!.AsObject());
        Assert.Equal(sent.Subject, email.Subject);
        Assert.Contains("February 2027", email.Subject, StringComparison.Ordinal); // the visit as the letter gave it
        Assert.Equal(sent.To, email.To);
        Assert.Equal(sent.Cc, email.Cc);
        Assert.Equal(sent.SentAt, email.SentAt);
        Assert.Equal(sent.Id, email.MessageId);
        Assert.Equal(sent.Subject, Assert.Single(await world.Outbox.ListAsync("elmley", CancellationToken.None)).Subject);
    }

    private static NewEvent Started()
    {
        var request = JsonSerializer.Deserialize<CreateIrpRequest>(IrpRequests.Elmley().ToJsonString(), EventData.Json)!;
        var validation = IrpRequestValidator.Validate(request, new DateOnly(2026, 11, 23), WorkingDayCalendar.EnglandAndWales, new IrpPolicy());
        Assert.True(validation.IsValid);
        return new NewEvent(IrpEvents.Started, EventData.ToData(new IrpStartedData(validation.Facts!, validation.Warnings)));
    }

    /// <summary>Real storage, real outbox, real IRP workflow; each <see cref="Engine"/> is a new process that may be given a crash.</summary>
    private sealed class World
    {
        private CrashAtRequest? _crash;

        private readonly StorageAccount _storage;

        private World(StorageAccount storage)
        {
            _storage = storage;
            var tableOptions = new TableClientOptions();
            tableOptions.AddPolicy(new CrashSwitch(this), HttpPipelinePosition.PerCall);
            var blobOptions = new BlobClientOptions();
            blobOptions.AddPolicy(new CrashSwitch(this), HttpPipelinePosition.PerCall);
            Tables = storage.CreateTableServiceClient(tableOptions);
            Blobs = storage.CreateBlobServiceClient(blobOptions);
            Outbox = new OutboxMailSender(Blobs, Tables, OutboxOptions, Clock);
        }

        public FakeTimeProvider Clock { get; } = new(AnnouncementDue.AddHours(-1));
        public TableServiceClient Tables { get; }
        public BlobServiceClient Blobs { get; }
        public OutboxOptions OutboxOptions { get; } = new() { Container = TestStorage.UniqueName("outbox"), Table = TestStorage.UniqueName("outbox") };
        public OutboxMailSender Outbox { get; }
        public WorkflowOptions EngineOptions { get; } = new() { InstancesTable = TestStorage.UniqueName("wf") };

        /// <summary>Durable's client, which the engine tells of a start: a stand-in, since no orchestration runs here.</summary>
        public DurableTaskClient Durable { get; } = new Mock<DurableTaskClient>("test") { DefaultValue = DefaultValue.Mock }.Object;

        public static async Task<World> CreateAsync()
        {
            var world = new World(StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync()));
            await world.Outbox.CreateIfNotExistsAsync(CancellationToken.None);
            await world.Engine(null).CreateStorageIfNotExistsAsync(CancellationToken.None);
            return world;
        }

        /// <summary>A fresh engine and workflow, as a new process would build them; <paramref name="crash"/> arms the storage clients.</summary>
        public WorkflowEngine Engine(CrashAtRequest? crash)
        {
            _crash = crash;
            return new WorkflowEngine(Tables, [Workflow()], Clock, EngineOptions, NullLogger<WorkflowEngine>.Instance);
        }

        public IrpMailTemplates Templates => new(Clock);

        /// <summary>The IRP workflow as a new process builds it, over the world's (possibly crashing) storage clients.</summary>
        public IrpWorkflow Workflow()
        {
            var policy = new IrpPolicy();
            var planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, policy);
            var documents = new DocumentsOptions();
            var links = new UploadLinks(new UploadTokens("test-upload-signing-key-0123456789abcdef"), documents, policy.TimeZone, new Uri("http://localhost:7071"));
            var sas = _storage.CreateSasSigner(Blobs, TimeProvider.System);
            var destruction = new MaterialDestruction(new DocumentStore(Blobs, Tables, sas, documents, TimeProvider.System));
            return new IrpWorkflow(planner, Templates, Outbox, links, destruction,
                new IrpReportFiles(new ReportFileStore(Blobs, sas, new ReportOptions(), TimeProvider.System), links, planner, policy, new ReportOptions()), new OperationsOptions());
        }

        private sealed class CrashSwitch(World world) : HttpPipelinePolicy
        {
            public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
            {
                world._crash?.Count();
                ProcessNext(message, pipeline);
            }

            public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
            {
                world._crash?.Count();
                return ProcessNextAsync(message, pipeline);
            }
        }
    }

    /// <summary>The process dies when it sends its Nth storage request: that request and every later one never leave.</summary>
    private sealed class CrashAtRequest(int n)
    {
        private int _sent;

        public bool Fired => Volatile.Read(ref _sent) >= n;

        public void Count()
        {
            if (Interlocked.Increment(ref _sent) >= n) throw new IOException($"Simulated crash at storage request {n} of the send path.");
        }
    }
}
