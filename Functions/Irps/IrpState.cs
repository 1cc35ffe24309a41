using IrpFlows.Documents;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Irps;

/// <summary>An IRP as its log says it is now: a fold over its events, in order.</summary>
public sealed record IrpState(
    IrpFacts Facts,
    IReadOnlyList<IrpWarning> Warnings,
    IrpProgress Progress,
    Uri? PublicationUrl,
    bool Cancelled,
    string? CancellationReason,
    DateTimeOffset? CancelledAt,
    IReadOnlyList<DocumentReceivedData> DocumentsReceived)
{
    /// <summary>Every draft report uploaded, oldest first; the last is the current draft (the one issued for fact check).</summary>
    public IReadOnlyList<ReportFileUploadedData> DraftReports { get; init; } = [];

    /// <summary>The draft that is (or will be) issued for fact check, or null before any upload.</summary>
    public ReportFileUploadedData? DraftReport => DraftReports.Count > 0 ? DraftReports[^1] : null;

    /// <summary>Fact-check comment files the establishment returned, oldest first.</summary>
    public IReadOnlyList<ReportFileUploadedData> FactCheckComments { get; init; } = [];

    /// <summary>Every final report uploaded, oldest first; the last is the one sent to ministers (prison guide 14.1, IRC guide 5.1).</summary>
    public IReadOnlyList<ReportFileUploadedData> FinalReports { get; init; } = [];

    /// <summary>The final report that is (or will be) sent to ministers, or null before any upload.</summary>
    public ReportFileUploadedData? FinalReport => FinalReports.Count > 0 ? FinalReports[^1] : null;

    /// <summary>Every debrief document the team uploaded, oldest first; the last is the one shared (prison guide 13.1, IRC guide 4.3).</summary>
    public IReadOnlyList<ReportFileUploadedData> DebriefDocuments { get; init; } = [];

    /// <summary>The debrief document that is (or will be) shared, or null before any upload.</summary>
    public ReportFileUploadedData? DebriefDocument => DebriefDocuments.Count > 0 ? DebriefDocuments[^1] : null;

    /// <summary>How many times the visit has been moved (<c>VisitRescheduled</c> events): each move is a new version of the visit.</summary>
    public int VisitReschedules { get; init; }

    /// <summary>The latest judgement recorded for each ref (recommendation or Ofsted theme).</summary>
    public IReadOnlyDictionary<string, JudgementRecordedData> Judgements { get; init; } = new Dictionary<string, JudgementRecordedData>();

    /// <summary>What the destruction of material deleted, once it has run (see <see cref="MaterialDestroyedData"/>).</summary>
    public MaterialDestroyedData? MaterialDestroyed { get; init; }

    /// <summary>The examples of notable positive practice last recorded for the report; empty until (or unless) some are.</summary>
    public IReadOnlyList<string> NotablePositivePractice { get; init; } = [];

    /// <summary>The findings paragraphs last recorded for each item's ref (see <see cref="FindingsRecordedData"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Findings { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The Chief Inspector's summary paragraphs last recorded; empty until some are.</summary>
    public IReadOnlyList<string> ChiefInspectorsSummary { get; init; } = [];

    /// <summary>The IRP's own glossary entries last recorded, in the order given; empty until some are.</summary>
    public IReadOnlyList<GlossaryEntry> Glossary { get; init; } = [];

    /// <summary>Feedback on how the review was run, oldest first, each with when it was recorded.</summary>
    public IReadOnlyList<(FeedbackReceivedData Data, DateTimeOffset ReceivedAt)> Feedback { get; init; } = [];

    /// <summary>The steps the engine has recorded as done so far in the log, such as the announcement having gone.</summary>
    public IReadOnlySet<string> CompletedSteps { get; init; } = new HashSet<string>();

    /// <summary>The IRP's checklist with each item's files, in checklist order.</summary>
    public IReadOnlyList<(DocumentItem Item, IReadOnlyList<DocumentReceivedData> Files)> Documents =>
        DocumentChecklist.For(Facts).Select(item => (item, (IReadOnlyList<DocumentReceivedData>)DocumentsReceived.Where(f => f.Key == item.Key).ToList())).ToList();

    /// <summary>A fresh IRP: nothing has happened yet but its start.</summary>
    public static IrpState Initial(IrpFacts facts, IReadOnlyList<IrpWarning> warnings) =>
        new(facts, warnings, new IrpProgress(LiaisonOfficerAppointed: facts.Contacts.LiaisonOfficer is not null), null, false, null, null, []);

    public static IrpState From(WorkflowInstance instance)
    {
        IrpState? state = null;
        foreach (var e in instance.Events)
        {
            if (e.Type == IrpEvents.Started)
            {
                var started = EventData.FromData<IrpStartedData>(e.Data);
                state = Initial(started.Facts, started.Warnings);
                continue;
            }
            if (state is null) throw new InvalidOperationException($"IRP {instance.Id} has events before {IrpEvents.Started}.");
            state = state.Apply(e);
        }
        return state ?? throw new InvalidOperationException($"IRP {instance.Id} has no {IrpEvents.Started} event.");
    }

    private IrpState Apply(WorkflowEvent e) => e.Type switch
    {
        IrpEvents.LiaisonOfficerAppointed => AppointLiaisonOfficer(EventData.FromData<LiaisonOfficerAppointedData>(e.Data)),
        IrpEvents.VisitRescheduled => MoveVisit(EventData.FromData<VisitRescheduledData>(e.Data).VisitStart, e.RecordedAt),
        IrpEvents.DraftIssued => this with { Progress = Progress with { DraftIssuedOn = EventData.FromData<DraftIssuedData>(e.Data).Date } },
        IrpEvents.FactCheckReturned => this with { Progress = Progress with { FactCheckReturnedOn = EventData.FromData<FactCheckReturnedData>(e.Data).Date } },
        IrpEvents.Published => Publish(EventData.FromData<PublishedData>(e.Data)),
        IrpEvents.DocumentReceived => Receive(EventData.FromData<DocumentReceivedData>(e.Data)),
        IrpEvents.DraftReportUploaded => this with { DraftReports = [.. DraftReports, EventData.FromData<ReportFileUploadedData>(e.Data)] },
        IrpEvents.FactCheckCommentsUploaded => this with { FactCheckComments = [.. FactCheckComments, EventData.FromData<ReportFileUploadedData>(e.Data)] },
        IrpEvents.FinalReportUploaded => UploadFinalReport(EventData.FromData<ReportFileUploadedData>(e.Data)),
        IrpEvents.DebriefDocumentUploaded => this with
        {
            DebriefDocuments = [.. DebriefDocuments, EventData.FromData<ReportFileUploadedData>(e.Data)],
            Progress = Progress with { DebriefDocumentUploaded = true },
        },
        IrpEvents.JudgementRecorded => Judge(EventData.FromData<JudgementRecordedData>(e.Data)),
        IrpEvents.InspectorAssigned when EventData.FromData<InspectorAssignedData>(e.Data) is var assigned => this with
        {
            Facts = Facts with { Recommendations = Facts.Recommendations.Select(r => r.Ref == assigned.Ref ? r with { Inspector = assigned.Name } : r).ToList() },
        },
        IrpEvents.PreparationVisitArranged => this with
        {
            Progress = Progress with { PreparationVisitOn = EventData.FromData<PreparationVisitArrangedData>(e.Data).Date },
        },
        IrpEvents.NotablePositivePracticeRecorded => this with
        {
            NotablePositivePractice = EventData.FromData<NotablePositivePracticeRecordedData>(e.Data).Examples,
        },
        IrpEvents.FindingsRecorded when EventData.FromData<FindingsRecordedData>(e.Data) is var findings => this with
        {
            Findings = new Dictionary<string, IReadOnlyList<string>>(Findings) { [findings.Ref] = findings.Paragraphs },
        },
        IrpEvents.ChiefInspectorsSummaryRecorded => this with
        {
            ChiefInspectorsSummary = EventData.FromData<ChiefInspectorsSummaryRecordedData>(e.Data).Paragraphs,
        },
        IrpEvents.GlossaryRecorded => this with { Glossary = EventData.FromData<GlossaryRecordedData>(e.Data).Entries },
        IrpEvents.FeedbackReceived => this with { Feedback = [.. Feedback, (EventData.FromData<FeedbackReceivedData>(e.Data), e.RecordedAt)] },
        IrpEvents.MaterialDestroyed => this with { MaterialDestroyed = EventData.FromData<MaterialDestroyedData>(e.Data) },
        IrpEvents.FinalReportSentElsewhere => this with
        {
            Progress = Progress with { FinalReportSentElsewhereOn = EventData.FromData<FinalReportSentElsewhereData>(e.Data).Date },
        },
        IrpEvents.MinisterialOfficeNamed when EventData.FromData<MinisterialOfficeNamedData>(e.Data) is var office => this with
        {
            Facts = Facts with { Contacts = Facts.Contacts with { MinisterialOffice = new Contact(office.Name, office.Email) } },
        },
        IrpEvents.Cancelled => this with
        {
            Cancelled = true, CancellationReason = EventData.FromData<CancelledData>(e.Data).Reason, CancelledAt = e.RecordedAt,
            Progress = Progress with { CancelledAt = e.RecordedAt },
        },
        EngineEvents.StepCompleted => Complete(StepHistory.StepId(e)),
        _ => this, // StepFailed and other events that do not change the IRP
    };

    private IrpState Complete(string stepId) => this with
    {
        CompletedSteps = new HashSet<string>(CompletedSteps) { stepId },
        Progress = stepId == IrpSteps.VisitStart ? Progress with { VisitStarted = true } : Progress,
    };

    private IrpState MoveVisit(DateOnly visitStart, DateTimeOffset movedAt)
    {
        var move = new VisitMove(VisitReschedules + 1, movedAt, Facts.VisitStart, visitStart, CompletedSteps.Contains(IrpSteps.Announcement));
        return this with
        {
            Facts = Facts with { VisitStart = visitStart },
            VisitReschedules = move.Number,
            Progress = Progress with { VisitMoves = [.. Progress.VisitMoves, move] },
        };
    }

    private IrpState AppointLiaisonOfficer(LiaisonOfficerAppointedData officer) => this with
    {
        Facts = Facts with { Contacts = Facts.Contacts with { LiaisonOfficer = new Contact(officer.Name, officer.Email) } },
        Progress = Progress with { LiaisonOfficerAppointed = true },
    };

    /// <summary>The same blob reported twice (completion call and reconciliation) is one file.</summary>
    private IrpState Receive(DocumentReceivedData file)
    {
        if (DocumentsReceived.Any(f => f.BlobName == file.BlobName)) return this;
        var received = DocumentsReceived.Append(file).ToList();
        var all = DocumentChecklist.For(Facts).All(item => received.Any(f => f.Key == item.Key));
        return this with { DocumentsReceived = received, Progress = Progress with { AllDocumentsReceived = all } };
    }

    private IrpState Judge(JudgementRecordedData judgement) =>
        this with { Judgements = new Dictionary<string, JudgementRecordedData>(Judgements) { [judgement.Ref] = judgement } };

    private IrpState UploadFinalReport(ReportFileUploadedData file) =>
        this with { FinalReports = [.. FinalReports, file], Progress = Progress with { FinalReportUploadedAt = file.UploadedAt } };

    private IrpState Publish(PublishedData published) => this with
    {
        Progress = Progress with { PublishedOn = published.Date },
        PublicationUrl = published.Url,
    };
}
