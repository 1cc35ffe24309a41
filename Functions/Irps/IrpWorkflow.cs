using System.Globalization;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Letters;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Workflow;
using IrpFlows.Writing;

namespace IrpFlows.Irps;

/// <summary>
/// The IRP plugged into the workflow engine: its plan is the timeline planner's output for the state its log folds to,
/// and its activities are the emails of the timeline. Cancelling skips every step not yet done but the destruction of the
/// establishment's material, and adds the cancellation notice.
/// </summary>
public sealed class IrpWorkflow(
    IrpPlanner planner, IrpMailTemplates templates, IMailSender mail, UploadLinks uploadLinks, MaterialDestruction destruction,
    IrpReportFiles reportFiles, OperationsOptions operations) : IWorkflowKind
{
    public const string KindName = "irp";
    public const string CancellationStepId = IrpSteps.Cancellation;

    public string Name => KindName;

    // 2: a cancelled IRP's material is destroyed, no longer skipped (issue 19). 3: headers keep the agenda the weekly digest
    // reads (issue 26), so every header is written again once.
    public int RulesVersion => 3;

    public WorkflowPlan Plan(WorkflowInstance instance)
    {
        var state = IrpState.From(instance);
        var timeline = Timeline(state);
        var cancelled = state.Cancelled ? "the IRP was cancelled" : null;
        var steps = timeline.Select(s => new PlannedWork(s.Id, s.Due, Readiness(s, state))
        {
            NotAfter = s.NotAfter, WindowReason = s.WindowReason,
            SkipReason = (OutlivesCancellation(s) ? null : cancelled) ?? (DeletedBeforeItWasAStep(s, state) ? DeletedWithTheEmail : s.SkipReason),
        }).ToList();
        if (state.Cancelled) steps.Add(new PlannedWork(CancellationStepId, state.CancelledAt!.Value, StepReadiness.Ready));
        steps.AddRange(SkippedNotices.Plan(instance, steps, cancelled));
        // An update is no use once the visit has begun: the team is there (prison guide 7.2 / IRC guide 2.6 prepare the visit).
        var updateSkipped = cancelled ?? (state.Progress.VisitStarted ? "the visit had begun, and the team was there to say who looks at what" : null);
        steps.AddRange(InspectorsUpdates(instance).Select(u => new PlannedWork(u.StepId, planner.InspectorsUpdateDue(u.Names[0].RecordedAt),
            updateSkipped is null ? StepReadiness.Ready : StepReadiness.Skipped) { SkipReason = updateSkipped }));
        var completed = StepHistory.Completed(instance);
        // A step recorded skipped (its window closed before it could run) is behind the IRP, not next.
        var skipped = StepHistory.Skipped(instance);
        bool Open(PlannedStep s) => !completed.ContainsKey(s.Id) && !skipped.ContainsKey(s.Id) && Readiness(s, state) != StepReadiness.Skipped;
        var agenda = Agenda(instance, state, timeline, Open);
        return new WorkflowPlan(steps, state.Cancelled, Phase(state, completed), Summary(instance, state, timeline, timeline.FirstOrDefault(Open), agenda));
    }

    public async Task<StepResult> RunStepAsync(WorkflowInstance instance, string stepId, CancellationToken cancellationToken)
    {
        if (IrpMailTemplates.MilestoneSteps.Contains(stepId)) return StepResult.Empty; // e.g. the visit starting: a date, not a letter
        var state = IrpState.From(instance);
        if (SkippedNotices.Of(instance).FirstOrDefault(n => n.StepId == stepId) is { } notice) return await TellOfSkipsAsync(instance, state, notice, cancellationToken);
        if (stepId == MaterialDestruction.StepId)
        {
            // The deletion is recorded with its step; the email that reports it is a step of its own, written from that record.
            var destroyed = await destruction.DestroyAsync(instance.Id, state.DocumentsReceived, cancellationToken);
            return StepResult.Empty with { Facts = [new NewEvent(IrpEvents.MaterialDestroyed, EventData.ToData(destroyed))] };
        }
        var context = MailContext(instance.Id, state);
        if (stepId == IrpSteps.DebriefDocument && state.DebriefDocument is { } debrief)
        {
            context = context with
            {
                DebriefDocument = new MailAttachment(debrief.FileName, debrief.ContentType, await reportFiles.ReadAsync(instance.Id, debrief, cancellationToken)),
            };
        }
        if (InspectorsUpdates(instance).FirstOrDefault(u => u.StepId == stepId) is { } update)
        {
            var named = update.Names.Select(e => EventData.FromData<InspectorAssignedData>(e.Data).Ref).ToHashSet(StringComparer.Ordinal);
            context = context with { InspectorsNamed = state.Facts.Recommendations.Where(r => named.Contains(r.Ref)).ToList() };
        }
        var message = templates.Render(stepId, context);
        if (message is null) return StepResult.Empty; // nothing to say this time (e.g. a reminder when nothing is missing)
        var sent = await mail.SendAsync(message, cancellationToken);
        return new StepResult(new JsonObject { ["email"] = EventData.ToData(EmailRecord.For(stepId, sent)) });
    }

    /// <summary>
    /// The coordinator is told of a failed step, or of an IRP that cannot be planned, with the IRP's page to retry it from;
    /// the operations address is copied.
    /// </summary>
    public async Task<StepResult> NotifyFailureAsync(WorkflowInstance instance, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        var state = IrpState.From(instance); // folds without planning, so it holds for a log that cannot be planned too
        var coordinator = state.Facts.Contacts.Coordinator;
        var message = FailureNoticeMail.Render(failure, new FailureNoticeContent(
            instance.Id, new EmailAddress(coordinator.Name, coordinator.Email), new IrpWording(state.Facts).SubjectPrefix,
            failure.StepId is { } stepId ? StepTitle(state, stepId) : null, Page(instance.Id),
            failure.StepId is { } step ? $"/api/irps/{instance.Id}/steps/{step}/retry" : null, "HM Inspectorate of Prisons") { Cc = operations.FailureCopy });
        var sent = await mail.SendAsync(message, cancellationToken);
        return new StepResult(new JsonObject { ["email"] = EventData.ToData(EmailRecord.For(failure.NoticeId, sent)) });
    }

    /// <summary>The coordinator is told, in one email, of the steps a catch-up skipped because their moment had passed.</summary>
    private async Task<StepResult> TellOfSkipsAsync(WorkflowInstance instance, IrpState state, SkippedNotice notice, CancellationToken cancellationToken)
    {
        var timeline = Timeline(state).ToDictionary(s => s.Id);
        var coordinator = state.Facts.Contacts.Coordinator;
        var wording = new IrpWording(state.Facts);
        var message = SkippedNoticeMail.Render(new SkippedNoticeContent(
            instance.Id, notice.StepId, new EmailAddress(coordinator.Name, coordinator.Email), wording.SubjectPrefix,
            $"the independent review of progress at {wording.Establishment}",
            notice.SkippedStepIds.Select(id => new SkippedStep(timeline[id].Title, timeline[id].Date, notice.Reason(id))).ToList(),
            Page(instance.Id), "HM Inspectorate of Prisons"));
        var sent = await mail.SendAsync(message, cancellationToken);
        return new StepResult(new JsonObject { ["email"] = EventData.ToData(EmailRecord.For(notice.StepId, sent)) });
    }

    private Uri Page(string instanceId) => new(uploadLinks.PublicBaseUrl, "irps/" + Uri.EscapeDataString(instanceId));

    private string StepTitle(IrpState state, string stepId) =>
        Timeline(state).FirstOrDefault(s => s.Id == stepId)?.Title
        ?? (stepId == CancellationStepId ? "Cancellation notice"
            : SkippedNotices.IsNotice(stepId) ? "Notice of steps skipped because their moment had passed"
            : IrpSteps.NumberOf(stepId, IrpSteps.InspectorsUpdatePrefix) is not null ? "Update on who will look at each item"
            : stepId);

    /// <summary>
    /// The updates on who will look at what (prison guide 7.2): the inspectors named after the visit arrangements went (before,
    /// the arrangements carry the names), each update telling those named since the one before it was sent.
    /// </summary>
    internal static IReadOnlyList<InspectorsUpdate> InspectorsUpdates(WorkflowInstance instance)
    {
        var arrangementsSent = StepHistory.Completed(instance).GetValueOrDefault(IrpSteps.VisitArrangements)?.Sequence ?? long.MaxValue;
        return NoticeBatches.Of(instance, e => e.Type == IrpEvents.InspectorAssigned && e.Sequence > arrangementsSent, IrpSteps.InspectorsUpdate)
            .Select(b => new InspectorsUpdate(b.StepId, b.Events)).ToList();
    }

    /// <summary>The timeline for the state, as the planner sees it; cancellation is the workflow's business, not the planner's.</summary>
    public IReadOnlyList<PlannedStep> Timeline(IrpState state) => planner.Plan(state.Facts, state.Progress);

    /// <summary>Departures from the guides that arose after the IRP started (a draft too late for the publication deadline), besides those it started with.</summary>
    public IReadOnlyList<IrpWarning> Warnings(IrpState state) => [.. state.Warnings, .. planner.Warnings(state.Facts, state.Progress)];

    internal IrpMailContext MailContext(string instanceId, IrpState state)
    {
        var dates = Timeline(state).ToDictionary(s => s.Id, s => s.Date);
        return new IrpMailContext(
            instanceId,
            state.Facts,
            dates,
            state.VisitReschedules,
            state.Documents.Select(d => new DocumentRequestItem(d.Item.Key, d.Item.Title, d.Files.Count > 0)).ToList(),
            UploadLink: uploadLinks.For(instanceId, dates[IrpSteps.DocumentsDeadline]),
            DraftReportLink: reportFiles.DraftLink(instanceId, state),
            FactCheckUploadLink: reportFiles.DraftLinksExpireOn(state) is { } expiresOn ? uploadLinks.ForFactCheck(instanceId, expiresOn) : null,
            state.Progress.PublishedOn,
            state.PublicationUrl,
            state.CancellationReason,
            state.MaterialDestroyed)
        {
            FinalReportLink = reportFiles.FinalReportLink(instanceId, state),
            FeedbackLink = uploadLinks.ForFeedback(instanceId, planner.FeedbackFormClosesOn(dates)),
            FinalReportSent = state.CompletedSteps.Contains(IrpSteps.FinalReport) || state.Progress.FinalReportSentElsewhereOn is not null,
            VisitMoves = state.Progress.VisitMoves.Select(m => new VisitMoveNotice(
                m.Number, m.From, planner.VisitEnd(m.From), m.To, planner.VisitEnd(m.To), planner.DocumentsDeadline(m.To))).ToList(),
            VisitArrangementsSent = state.CompletedSteps.Contains(IrpSteps.VisitArrangements),
            Cancelled = state.Cancelled,
        };
    }

    private static StepReadiness Readiness(PlannedStep step, IrpState state) =>
        (state.Cancelled && !OutlivesCancellation(step)) || !step.Applicable || DeletedBeforeItWasAStep(step, state) ? StepReadiness.Skipped
        : step.WaitingFor is not null || WaitsForTheDeletion(step, state) ? StepReadiness.Waiting
        : StepReadiness.Ready;

    /// <summary>The destruction's email is written from the record of the deletion, due at the same moment: it waits for that record.</summary>
    private static bool WaitsForTheDeletion(PlannedStep step, IrpState state) =>
        step.Id == IrpSteps.MaterialDestruction && state.MaterialDestroyed is null && !state.CompletedSteps.Contains(IrpSteps.MaterialDestruction);

    /// <summary>
    /// A cancellation stops every step but the destruction of the establishment's material (its deletion and the email that
    /// reports it), which the planner then dates from the cancellation (local policy: see
    /// <see cref="IrpPolicy.MaterialDestructionWorkingDaysAfterCancellation"/>).
    /// </summary>
    private static bool OutlivesCancellation(PlannedStep step) => step.Id is IrpSteps.MaterialDeletion or IrpSteps.MaterialDestruction;

    /// <summary>An IRP whose destruction ran before the deletion was a step of its own: the email's step deleted the files then.</summary>
    private static bool DeletedBeforeItWasAStep(PlannedStep step, IrpState state) =>
        step.Id == IrpSteps.MaterialDeletion && state.MaterialDestroyed is null && state.CompletedSteps.Contains(IrpSteps.MaterialDestruction);

    private const string DeletedWithTheEmail = "the files were deleted by the destruction step itself, before deletions were recorded on their own";

    private static string Phase(IrpState state, IReadOnlyDictionary<string, WorkflowEvent> completed) =>
        state.Cancelled ? "Cancelled"
        : state.Progress.PublishedOn is not null ? "Published"
        : state.Progress.FactCheckReturnedOn is not null ? "Finalising report"
        : state.Progress.DraftIssuedOn is not null ? "Fact check"
        : completed.ContainsKey(IrpSteps.VisitEnd) ? "Writing report"
        : completed.ContainsKey(IrpSteps.VisitStart) ? "Visit in progress"
        : completed.ContainsKey(IrpSteps.Announcement) ? "Preparing for the visit"
        : "Announcement scheduled";

    /// <inheritdoc/>
    public WorkflowAgenda? Agenda(string instanceId, JsonObject summary) =>
        WorkflowAgenda.FromSummary(summary, "irps/" + Uri.EscapeDataString(instanceId), "HM Inspectorate of Prisons");

    /// <summary>
    /// What the coordinator still has to see to: every step of the timeline still to come (<paramref name="open"/>) or failed,
    /// and, as the programme flags them, documents still missing once their deadline has passed and fact-check comments not
    /// recorded once theirs has (the deadline steps themselves are done on their dates: what they wait for is not), each only
    /// while it can still help: the documents until the visit they prepare begins (prison guide 7.4), the comments until
    /// publication (14.1).
    /// </summary>
    private static JsonObject Agenda(WorkflowInstance instance, IrpState state, IReadOnlyList<PlannedStep> timeline, Func<PlannedStep, bool> open)
    {
        var items = new List<AgendaItem>();
        foreach (var step in state.Cancelled ? [] : timeline) // a cancelled IRP asks nothing more of its coordinator
        {
            var failed = StepHistory.StandingFailure(instance, step.Id) is not null;
            if (failed || open(step)) items.Add(new AgendaItem(step.Title, step.Date, failed));
            else if (step.Id == IrpSteps.DocumentsDeadline && !state.Progress.VisitStarted && state.Documents.Any(d => d.Files.Count == 0))
                items.Add(new AgendaItem("Documents from the establishment: some are still missing", step.Date, Failed: false));
            else if (step.Id == IrpSteps.FactCheckDeadline && state.Progress.DraftIssuedOn is not null && state.Progress.FactCheckReturnedOn is null
                && state.Progress.PublishedOn is null)
                items.Add(new AgendaItem("Fact-check comments: not yet recorded as returned", step.Date, Failed: false));
        }
        var coordinator = state.Facts.Contacts.Coordinator;
        return WorkflowAgenda.ToSummary(coordinator.Name, coordinator.Email, new IrpWording(state.Facts).SubjectPrefix, items);
    }

    /// <summary>The milestones a programme of IRPs shows, in order (see <see cref="IrpListItem.Milestones"/>).</summary>
    public static readonly IReadOnlyList<string> Milestones =
    [
        IrpSteps.Announcement, IrpSteps.PreparationVisit, IrpSteps.DocumentsDeadline, IrpSteps.VisitStart, IrpSteps.VisitEnd, IrpSteps.DraftReport,
        IrpSteps.FactCheckDeadline, IrpSteps.PublicationDeadline,
    ];

    /// <inheritdoc/>
    /// <remarks>Listed by the visit's first day, across announcement to publication deadline; the same place is the same establishment as names read.</remarks>
    public WorkflowListing? Listing(JsonObject summary) =>
        summary["visitStart"]?.GetValue<string>() is { } visit && summary["establishment"]?["name"]?.GetValue<string>() is { } name
            ? WorkflowListing.Of(DateOnly.ParseExact(visit, "yyyy-MM-dd", CultureInfo.InvariantCulture), summary["milestones"] as JsonObject,
                NameKey.Of(name), summary["kind"]?.GetValue<string>() ?? "")
            : null;

    // Kept on the header, so the programme of every IRP needs no log reads; flags that depend on today are judged when listed.
    private static JsonObject Summary(WorkflowInstance instance, IrpState state, IReadOnlyList<PlannedStep> timeline, PlannedStep? next, JsonObject agenda) => new()
    {
        [WorkflowAgenda.SummaryField] = agenda,
        ["milestones"] = new JsonObject(timeline.Where(s => Milestones.Contains(s.Id))
            .Select(s => KeyValuePair.Create(s.Id, (JsonNode?)s.Date.ToString("yyyy-MM-dd")))),
        ["failedSteps"] = new JsonArray(timeline.Where(s => StepHistory.StandingFailure(instance, s.Id) is not null)
            .Select(s => (JsonNode)s.Id).ToArray()),
        ["documentsMissing"] = state.Documents.Any(d => d.Files.Count == 0),
        ["draftIssued"] = state.Progress.DraftIssuedOn is not null,
        ["factCheckReturned"] = state.Progress.FactCheckReturnedOn is not null,
        ["published"] = state.Progress.PublishedOn is not null,
        ["kind"] = state.Facts.Kind.ToString().ToLowerInvariant(),
        ["establishment"] = EventData.ToData(state.Facts.Establishment),
        ["visitStart"] = state.Facts.VisitStart.ToString("yyyy-MM-dd"),
        ["nextStep"] = next is null ? null : new JsonObject
        {
            ["id"] = next.Id,
            ["title"] = next.Title,
            ["date"] = next.Date.ToString("yyyy-MM-dd"),
        },
    };
}

/// <summary>One update on who will look at what, and the <c>InspectorAssigned</c> events it tells of.</summary>
internal sealed record InspectorsUpdate(string StepId, IReadOnlyList<WorkflowEvent> Names);
