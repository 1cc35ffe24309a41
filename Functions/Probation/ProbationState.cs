using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Workflow;

namespace IrpFlows.Probation;

/// <summary>A probation inspection as its log says it is now: a fold over its events, in order.</summary>
public sealed record ProbationState(ProbationFacts Facts, ProbationProgress Progress)
{
    /// <summary>The announcement call as it was made (3.3), once recorded.</summary>
    public AnnouncementCallMadeData? AnnouncementCall { get; init; }

    public DateOnly? CaseSampleReturnedOn { get; init; }
    public DateOnly? DraftIssuedOn { get; init; }
    public DateOnly? CommentsReturnedOn { get; init; }
    public Uri? PublicationUrl { get; init; }
    public bool Cancelled { get; init; }
    public string? CancellationReason { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Every draft report uploaded, oldest first; the latest is the one the organisation gets (7.3).</summary>
    public IReadOnlyList<ReportFileUploadedData> DraftReports { get; init; } = [];

    /// <summary>Every final report uploaded, oldest first; the latest is the embargoed copy (7.4).</summary>
    public IReadOnlyList<ReportFileUploadedData> FinalReports { get; init; } = [];

    public ReportFileUploadedData? DraftReport => DraftReports.Count == 0 ? null : DraftReports[^1];

    public ReportFileUploadedData? FinalReport => FinalReports.Count == 0 ? null : FinalReports[^1];

    /// <summary>Every upload of the planning meeting's minutes (3.5), oldest first; the latest is the copy sent to the senior link manager and administrator.</summary>
    public IReadOnlyList<ReportFileUploadedData> MinutesVersions { get; init; } = [];

    public ReportFileUploadedData? Minutes => MinutesVersions.Count == 0 ? null : MinutesVersions[^1];

    /// <summary>The local assessors nominated (3.9), once recorded.</summary>
    public LocalAssessorsNominatedData? LocalAssessors { get; init; }

    /// <summary>OSAG's action plan as reviewed (7.5), once received.</summary>
    public ActionPlanReceivedData? ActionPlan { get; init; }

    /// <summary>
    /// Each standard's agreed rating, by its ref: the panel's decision (7.2), else the rating its key questions give (7.1), else the
    /// rating recorded directly (domain one, 7.1; or a domain two or three standard rated before its key questions were recorded).
    /// </summary>
    public IReadOnlyDictionary<string, ProbationRating> Ratings { get; init; } = new Dictionary<string, ProbationRating>();

    /// <summary>The ratings recorded directly (<c>RatingRecorded</c>), by standard.</summary>
    public IReadOnlyDictionary<string, ProbationRating> DirectRatings { get; init; } = new Dictionary<string, ProbationRating>();

    /// <summary>Each domain two or three standard's key questions (7.1), by standard.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyQuestionResult>> KeyQuestions { get; init; } = new Dictionary<string, IReadOnlyList<KeyQuestionResult>>();

    /// <summary>The ratings panel's decisions (7.2), by standard.</summary>
    public IReadOnlyDictionary<string, PanelDecisionRecordedData> PanelDecisions { get; init; } = new Dictionary<string, PanelDecisionRecordedData>();

    public IReadOnlySet<string> CompletedSteps { get; init; } = new HashSet<string>();

    /// <summary>Files the organisation uploaded, oldest first.</summary>
    public IReadOnlyList<DocumentReceivedData> DocumentsReceived { get; init; } = [];

    /// <summary>Each item asked for (manual 3.6, 4.4) with its files, in checklist order.</summary>
    public IReadOnlyList<(DocumentItem Item, IReadOnlyList<DocumentReceivedData> Files)> Documents =>
        ProbationDocuments.Checklist(Facts.Organisation.Type, Progress, DocumentsReceived).Select(item => (item, (IReadOnlyList<DocumentReceivedData>)DocumentsReceived.Where(f => f.Key == item.Key).ToList())).ToList();

    public IReadOnlyList<ProbationStandard> Standards => ProbationStandards.For(Facts.Organisation.Type);

    public static ProbationState From(WorkflowInstance instance)
    {
        ProbationState? state = null;
        foreach (var e in instance.Events)
        {
            if (e.Type == ProbationEvents.Started)
            {
                state = new ProbationState(EventData.FromData<ProbationStartedData>(e.Data).Facts, new ProbationProgress());
                continue;
            }
            if (state is null) throw new InvalidOperationException($"Probation inspection {instance.Id} has events before {ProbationEvents.Started}.");
            state = state.Apply(e);
        }
        return state ?? throw new InvalidOperationException($"Probation inspection {instance.Id} has no {ProbationEvents.Started} event.");
    }

    private ProbationState Apply(WorkflowEvent e) => e.Type switch
    {
        ProbationEvents.SeniorLinkManagerNamed => NameLinkManager(EventData.FromData<SeniorLinkManagerNamedData>(e.Data)),
        ProbationEvents.ContactNamed => Name(EventData.FromData<ContactNamedData>(e.Data)),
        ProbationEvents.AnnouncementCallMade => Announce(EventData.FromData<AnnouncementCallMadeData>(e.Data)),
        ProbationEvents.PlanningMeetingAgreed => this with
        {
            Progress = Progress with { PlanningMeetingAgreedAt = EventData.FromData<PlanningMeetingAgreedData>(e.Data).At },
        },
        ProbationEvents.PlanningMeetingHeld => this with { Progress = Progress with { PlanningMeetingOn = EventData.FromData<PlanningMeetingHeldData>(e.Data).Date } },
        // Recorded before each sample was asked for on its own: every domain three sample returned.
        ProbationEvents.CaseSampleReturned => this with
        {
            CaseSampleReturnedOn = EventData.FromData<OnDateData>(e.Data).Date, Progress = Progress with { CaseSampleReturned = true },
        },
        ProbationEvents.LocalAssessorsNominated => this with { LocalAssessors = EventData.FromData<LocalAssessorsNominatedData>(e.Data) },
        ProbationEvents.SampleReturned => Return(EventData.FromData<SampleReturnedData>(e.Data).Sample),
        ProbationEvents.DraftIssued => this with { DraftIssuedOn = EventData.FromData<OnDateData>(e.Data).Date, Progress = Progress with { DraftIssued = true } },
        ProbationEvents.CommentsReturned => this with
        {
            CommentsReturnedOn = EventData.FromData<OnDateData>(e.Data).Date, Progress = Progress with { CommentsReturned = true },
        },
        ProbationEvents.DraftReportUploaded => this with
        {
            DraftReports = [.. DraftReports, EventData.FromData<ReportFileUploadedData>(e.Data)], Progress = Progress with { DraftReportUploaded = true },
        },
        ProbationEvents.PlanningMeetingMinutesUploaded => Minute(EventData.FromData<ReportFileUploadedData>(e.Data)),
        ProbationEvents.FinalReportUploaded => this with
        {
            FinalReports = [.. FinalReports, EventData.FromData<ReportFileUploadedData>(e.Data)], Progress = Progress with { FinalReportUploaded = true },
        },
        ProbationEvents.PublicationDateAgreed => this with
        {
            Progress = Progress with { PublicationAgreedOn = EventData.FromData<PublicationDateAgreedData>(e.Data).Date },
        },
        ProbationEvents.ActionPlanReceived => ReceivePlan(EventData.FromData<ActionPlanReceivedData>(e.Data)),
        ProbationEvents.Published => Publish(EventData.FromData<ProbationPublishedData>(e.Data)),
        ProbationEvents.FieldworkRescheduled => Move(EventData.FromData<FieldworkRescheduledData>(e.Data)),
        ProbationEvents.RatingRecorded => Rate(EventData.FromData<RatingRecordedData>(e.Data)),
        ProbationEvents.KeyQuestionsRecorded => EvidenceFor(EventData.FromData<KeyQuestionsRecordedData>(e.Data)),
        ProbationEvents.PanelDecisionRecorded => Decide(EventData.FromData<PanelDecisionRecordedData>(e.Data)),
        ProbationEvents.Cancelled => this with
        {
            Cancelled = true, CancellationReason = EventData.FromData<ProbationCancelledData>(e.Data).Reason, CancelledAt = e.RecordedAt,
        },
        DocumentEvents.DocumentReceived => Receive(EventData.FromData<DocumentReceivedData>(e.Data)),
        EngineEvents.StepCompleted => this with { CompletedSteps = new HashSet<string>(CompletedSteps) { StepHistory.StepId(e) } },
        _ => this, // StepFailed and other engine events that change nothing here
    };

    /// <summary>The same blob reported twice (completion call and reconciliation) is one file; a case sample (4.4) or comments (7.3) file is their return.</summary>
    private ProbationState Receive(DocumentReceivedData file)
    {
        if (DocumentsReceived.Any(f => f.BlobName == file.BlobName)) return this;
        var received = this with { DocumentsReceived = [.. DocumentsReceived, file] };
        return file.Key == ProbationDocuments.FactualAccuracyComments
            ? received with { Progress = Progress with { CommentsReturned = true } }
            // A CRC inspection started when one case sample was asked for: its file is the return of the domain three samples.
            : Facts.Organisation.Type == OrganisationType.Crc && file.Key == ProbationSamples.CourtReports
            ? received with { Progress = Progress with { CaseSampleReturned = true } }
            : received.Return(file.Key);
    }

    /// <summary>A case sample returned (4.4); once every domain three sample is, the domain three samples' reminder is needless.</summary>
    private ProbationState Return(string sample)
    {
        if (ProbationSamples.For(Facts.Organisation.Type).All(s => s.Key != sample) || Progress.SamplesReturned.Contains(sample)) return this;
        var returned = new HashSet<string>(Progress.SamplesReturned) { sample };
        var allDomainThree = ProbationSamples.DomainThree(Facts.Organisation.Type).All(s => returned.Contains(s.Key));
        return this with { Progress = Progress with { SamplesReturned = returned, CaseSampleReturned = Progress.CaseSampleReturned || allDomainThree } };
    }

    private ProbationState NameLinkManager(SeniorLinkManagerNamedData named) =>
        this with { Facts = Facts with { Contacts = Facts.Contacts with { SeniorLinkManager = new Contact(named.Name, named.Email) } } };

    private ProbationState Minute(ReportFileUploadedData minutes) =>
        this with { MinutesVersions = [.. MinutesVersions, minutes], Progress = Progress with { MinutesUploadedOn = DateOnly.FromDateTime(minutes.UploadedAt.UtcDateTime) } };

    private ProbationState ReceivePlan(ActionPlanReceivedData plan) =>
        this with { ActionPlan = plan, Progress = Progress with { ActionPlanReceivedOn = plan.Date } };

    private ProbationState Announce(AnnouncementCallMadeData call) =>
        this with { AnnouncementCall = call, Progress = Progress with { AnnouncementCallOn = call.Date } };

    private ProbationState Name(ContactNamedData named) =>
        this with { Facts = Facts with { Contacts = Facts.Contacts.With(named.Role, new Contact(named.Name, named.Email)) } };

    private ProbationState Publish(ProbationPublishedData published) =>
        this with { PublicationUrl = published.Url, Progress = Progress with { PublishedOn = published.Date } };

    private ProbationState Move(FieldworkRescheduledData moved) =>
        this with { Facts = Facts with { FieldworkStart = moved.FieldworkStart, FieldworkWeekThreeStart = moved.FieldworkWeekThreeStart } };

    private ProbationState Rate(RatingRecordedData rated) =>
        (this with { DirectRatings = new Dictionary<string, ProbationRating>(DirectRatings) { [rated.Standard] = rated.Rating } }).Agree();

    // New evidence makes a decision on the old evidence moot: the panel decides again if the standard is still near a boundary.
    private ProbationState EvidenceFor(KeyQuestionsRecordedData recorded) => (this with
    {
        KeyQuestions = new Dictionary<string, IReadOnlyList<KeyQuestionResult>>(KeyQuestions) { [recorded.Standard] = recorded.Questions },
        PanelDecisions = PanelDecisions.Where(d => d.Key != recorded.Standard).ToDictionary(),
    }).Agree();

    private ProbationState Decide(PanelDecisionRecordedData decision) =>
        (this with { PanelDecisions = new Dictionary<string, PanelDecisionRecordedData>(PanelDecisions) { [decision.Standard] = decision } }).Agree();

    /// <summary>The agreed rating of every standard rated so far, and whether all are.</summary>
    private ProbationState Agree()
    {
        var ratings = new Dictionary<string, ProbationRating>();
        foreach (var standard in Standards)
        {
            if (PanelDecisions.TryGetValue(standard.Ref, out var decision)) ratings[standard.Ref] = decision.Rating;
            else if (KeyQuestions.TryGetValue(standard.Ref, out var questions)) ratings[standard.Ref] = EvidenceRatings.Rating(questions);
            else if (DirectRatings.TryGetValue(standard.Ref, out var direct)) ratings[standard.Ref] = direct;
        }
        return this with { Ratings = ratings, Progress = Progress with { AllRated = Standards.All(s => ratings.ContainsKey(s.Ref)) } };
    }
}
