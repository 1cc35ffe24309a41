using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
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
using IrpFlows.Workflow;

namespace IrpFlows.Benchmarks;

/// <summary>
/// The pure, in-memory work each orchestration pass and each step activity repeat per instance: planning an IRP's
/// timeline, and folding a 60-event log into its plan and step states (what <c>WorkflowEngine</c> does after every load).
/// Run with <c>-- --bdn</c>.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private IrpPlanner _planner = null!;
    private IrpWorkflow _workflow = null!;
    private IrpFacts _facts = null!;
    private WorkflowInstance _instance = null!;

    [GlobalSetup]
    public void Setup()
    {
        _planner = new IrpPlanner(WorkingDayCalendar.EnglandAndWales, new IrpPolicy());
        // Planning reaches neither mail nor storage: the workflow's activities are never run here.
        var policy = new IrpPolicy();
        var storage = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");
        var blobs = storage.CreateBlobServiceClient();
        var documents = new DocumentsOptions();
        var sas = storage.CreateSasSigner(blobs, TimeProvider.System);
        var links = new UploadLinks(new UploadTokens(BenchIrps.UploadSigningKey), documents, policy.TimeZone, new Uri("http://localhost:7071"));
        _workflow = new IrpWorkflow(_planner, new IrpMailTemplates(TimeProvider.System), new NoMail(),
            links,
            new MaterialDestruction(new DocumentStore(blobs, storage.CreateTableServiceClient(), sas, documents, TimeProvider.System)),
            new IrpReportFiles(new ReportFileStore(blobs, sas, new ReportOptions(), TimeProvider.System), links, _planner, policy, new ReportOptions()), new OperationsOptions());
        _facts = PrisonFacts(BenchIrps.Today);
        _instance = SixtyEventLog();
    }

    [Benchmark]
    public int PlanTimeline() => _planner.Plan(_facts, new IrpProgress(LiaisonOfficerAppointed: true)).Count;

    [Benchmark]
    public int EvaluateSixtyEventLog() => InstanceStatus.Evaluate(_instance, _workflow.Plan(_instance)).Steps.Count;

    /// <summary>IrpStarted, 39 documents received and 20 completed steps (their email records included): a busy IRP near its end.</summary>
    private WorkflowInstance SixtyEventLog()
    {
        var at = BenchIrps.ClockStart;
        var events = new List<WorkflowEvent>
        {
            new(1, IrpEvents.Started, EventData.ToData(new IrpStartedData(_facts, [])), at),
        };
        for (var i = 0; i < 39; i++)
        {
            var file = new DocumentReceivedData(IrpFlows.Irps.Material.DocumentChecklist.ActionPlan, $"file-{i}.pdf", $"docs/file-{i}.pdf", 1024, at);
            events.Add(new WorkflowEvent(events.Count + 1, IrpEvents.DocumentReceived, EventData.ToData(file), at));
        }
        foreach (var step in _planner.Plan(_facts, new IrpProgress(LiaisonOfficerAppointed: true)).Take(20))
        {
            var email = new JsonObject { ["email"] = new JsonObject { ["step"] = step.Id, ["subject"] = step.Title } };
            events.Add(new WorkflowEvent(events.Count + 1, EngineEvents.StepCompleted, new JsonObject { ["stepId"] = step.Id, ["result"] = email }, at));
        }
        return new WorkflowInstance("bench", IrpWorkflow.KindName, at, at, events);
    }

    /// <summary>The facts <see cref="BenchIrps.Prison"/> asks for, as the create request's validation turns them into.</summary>
    private static IrpFacts PrisonFacts(DateOnly announcement) => new(
        IrpKind.Prison,
        new Establishment("HMP Benchmark", EstablishmentType.Adult, Nation.England),
        SourceInspectionEnd: announcement.AddMonths(-8),
        VisitStart: BenchIrps.VisitStart(announcement),
        AnnouncementDate: announcement,
        new IrpContacts(
            Coordinator: new Contact("Sam Inspector", "sam.inspector@hmiprisons.example"),
            Governor: new Contact("Alex Governor", "governor.benchmark@justice.example"),
            ImbChair: new Contact("Jo Chair", "imb.benchmark@imb.example"),
            LiaisonOfficer: new Contact("Lee Liaison", "liaison.benchmark@justice.example"),
            HomeOffice: null),
        Enumerable.Range(1, 7).Select(i => new Recommendation($"R{i}", "Safety", $"Recommendation {i}: prisoners should be kept safe.")).ToList(),
        [new OfstedTheme("T1", "Attendance at education, skills and work activities.")]);

    private sealed class NoMail : IMailSender
    {
        public Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Planning must not send mail.");
    }
}
