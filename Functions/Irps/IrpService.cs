using System.Text.Json.Nodes;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Workflow;
using IrpFlows.Writing;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Irps;

/// <summary>
/// What a coordinator can do to IRPs: preview, start, read, list, record events, cancel. Validates everything before
/// touching storage, so a refused request changes nothing.
/// </summary>
public sealed class IrpService(
    WorkflowEngine engine, IrpWorkflow workflow, WorkingDayCalendar calendar, IrpPolicy policy, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = policy.TimeZone;

    /// <summary>Today's date in England and Wales.</summary>
    /// <summary>The visit's last day, as the timeline plans it from the visit's first.</summary>
    public DateOnly VisitEnd(IrpState state) => workflow.Timeline(state).Single(s => s.Id == IrpSteps.VisitEnd).Date;

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public IrpValidation Validate(CreateIrpRequest? request) => IrpRequestValidator.Validate(request, Today(), calendar, policy);

    /// <summary>
    /// The timeline a valid request would get, or the refusal <see cref="CreateAsync"/> would give it before anything is
    /// stored (an announcement date in the past), so a preview never shows dates that create then refuses.
    /// </summary>
    public (IrpPreview? Preview, Refusal? Refusal) Preview(IrpValidation valid)
    {
        var facts = valid.Facts!;
        if (AnnouncedInThePast(facts) is { } past) return (null, past);
        var timeline = workflow.Timeline(IrpState.Initial(facts, valid.Warnings));
        return (new IrpPreview(timeline.Select(s => Entry(s, null)).ToList(), valid.Warnings), null);
    }

    /// <summary>IrpFlows does not send letters backdated: the announcement date may not be before today.</summary>
    private Refusal? AnnouncedInThePast(IrpFacts facts) => facts.AnnouncementDate < Today()
        ? Refusal.Invalid("announcementDate",
            $"must not be before today ({Today():yyyy-MM-dd}): the announcement letter is sent on that date, and cannot be sent in the past.")
        : null;

    /// <summary>
    /// Starts an IRP from a valid request, with <paramref name="id"/> (a new one when null): logs it and starts its
    /// orchestration. Refuses an announcement date in the past (IrpFlows does not send letters backdated), and, as a conflict
    /// naming it, a second active IRP of the same establishment whose visit starts within
    /// <see cref="IrpPolicy.SameEstablishmentMarginDays"/> days of the other's (local policy).
    /// </summary>
    public async Task<(string? Id, Refusal? Refusal)> CreateAsync(IrpValidation valid, DurableTaskClient durable, CancellationToken ct, string? id = null)
    {
        var facts = valid.Facts!;
        if (AnnouncedInThePast(facts) is { } past) return (null, past);
        id ??= Guid.NewGuid().ToString("N");
        try
        {
            await engine.StartAsync(IrpWorkflow.KindName, id, new NewEvent(IrpEvents.Started, EventData.ToData(new IrpStartedData(facts, valid.Warnings))),
                atTheEstablishment => SameVisit(facts, atTheEstablishment), durable, ct);
        }
        catch (RefusedException e)
        {
            return (null, e.Refusal);
        }
        return (id, null);
    }

    /// <summary>
    /// Refuses an IRP when another of the same establishment (names compared as they read: see <see cref="NameKey"/>) is
    /// active with its visit within the margin; <paramref name="atTheEstablishment"/> are the IRPs the index finds there.
    /// </summary>
    private Refusal? SameVisit(IrpFacts facts, IReadOnlyList<InstanceHeaderRow> atTheEstablishment)
    {
        var name = NameKey.Of(facts.Establishment.Name);
        var existing = atTheEstablishment.Select(ListItem).FirstOrDefault(irp =>
            irp.RuntimeStatus is not (nameof(RuntimeStatus.Terminated) or nameof(RuntimeStatus.Completed))
            && NameKey.Of(irp.Establishment.Name) == name && Math.Abs(irp.VisitStart.DayNumber - facts.VisitStart.DayNumber) <= policy.SameEstablishmentMarginDays);
        return existing is null ? null : Refusal.Conflict("This IRP exists already",
            $"IRP {existing.Id} of {existing.Establishment.Name} is active with its visit on {existing.VisitStart:yyyy-MM-dd}, within "
            + $"{policy.SameEstablishmentMarginDays} days of {facts.VisitStart:yyyy-MM-dd} (local policy, setting Policy:SameEstablishmentMarginDays). "
            + "Move that one (VisitRescheduled) or terminate it first.");
    }

    /// <summary>
    /// The warnings IRP <paramref name="id"/> started with, as its Started event keeps them: what its create answered. Null
    /// when no IRP has that id.
    /// </summary>
    public async Task<IReadOnlyList<IrpWarning>?> StartedWarningsAsync(string id, CancellationToken ct)
    {
        WorkflowInstance? instance;
        try
        {
            instance = (await engine.GetAsync(IrpWorkflow.KindName, id, ct))?.Instance;
        }
        catch (WorkflowPlanException e)
        {
            instance = e.Instance; // its timeline cannot be planned today, but it was created all the same
        }
        if (instance is null) return null;
        return EventData.FromData<IrpStartedData>(instance.Events.First(e => e.Type == IrpEvents.Started).Data).Warnings;
    }

    /// <summary>The IRP as its log says it is now; an IRP whose log cannot be planned is shown failed, with the reason and no timeline.</summary>
    public async Task<IrpView?> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            var status = await engine.GetAsync(IrpWorkflow.KindName, id, ct);
            return status is null ? null : View(status);
        }
        catch (WorkflowPlanException e)
        {
            return FailedView(e.Instance, e.Message);
        }
    }

    /// <summary>IRPs by visit date, filtered and paged as <paramref name="query"/> says (see <see cref="WorkflowEngine.ListAsync"/>).</summary>
    /// <exception cref="RefusedException">The continuation is not one this list gave.</exception>
    public async Task<ListPage<IrpListItem>> ListAsync(InstanceQuery query, CancellationToken ct)
    {
        var page = await engine.ListAsync(IrpWorkflow.KindName, query, ct);
        return new ListPage<IrpListItem>(page.Items.Select(ListItem).ToList(), page.Continuation);
    }

    /// <summary>IRPs whose span, announcement to publication deadline, reaches into any of <paramref name="years"/>.</summary>
    public async Task<IReadOnlyList<IrpListItem>> InYearsAsync(IReadOnlyCollection<int> years, CancellationToken ct) =>
        (await engine.InYearsAsync(IrpWorkflow.KindName, years, ct)).Select(ListItem).ToList();

    /// <summary>Every year some IRP's span reaches.</summary>
    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) => engine.YearsAsync(IrpWorkflow.KindName, ct);

    private IrpListItem ListItem(InstanceHeaderRow header)
    {
        var summary = header.Summary;
        var milestones = (summary["milestones"] as JsonObject ?? []).ToDictionary(
            m => m.Key, m => DateOnly.ParseExact(m.Value!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return new IrpListItem(
            header.Id,
            summary["kind"]!.GetValue<string>(),
            EventData.FromData<Establishment>(summary["establishment"]!.AsObject()),
            DateOnly.Parse(summary["visitStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            header.RuntimeStatus.ToString(),
            header.CustomStatus,
            NextStep.Of(header))
        {
            Milestones = milestones,
            Flags = header.RuntimeStatus == RuntimeStatus.Running ? Flags(summary, milestones, Today()) : [],
        };
    }

    private static List<string> Flags(JsonObject summary, Dictionary<string, DateOnly> milestones, DateOnly today)
    {
        bool Is(string field) => summary[field]?.GetValue<bool>() == true;
        bool Passed(string step) => milestones.TryGetValue(step, out var date) && date < today;
        var flags = new List<string>();
        if (summary["failedSteps"] is JsonArray { Count: > 0 }) flags.Add(IrpFlags.FailedStep);
        if (Is("documentsMissing") && Passed(IrpSteps.DocumentsDeadline)) flags.Add(IrpFlags.DocumentsOverdue);
        if (Is("draftIssued") && !Is("factCheckReturned") && Passed(IrpSteps.FactCheckDeadline)) flags.Add(IrpFlags.FactCheckLate);
        if (!Is("published") && milestones.TryGetValue(IrpSteps.PublicationDeadline, out var deadline)
            && deadline.DayNumber - today.DayNumber <= IrpFlags.PublicationNearDays)
            flags.Add(IrpFlags.PublicationDeadlineNear);
        return flags;
    }

    /// <summary>Records a coordinator's event. Returns null refusal on success; not found if the IRP does not exist.</summary>
    public async Task<Refusal?> RaiseAsync(string id, string eventName, IrpEventRequest? body, DurableTaskClient durable, CancellationToken ct)
    {
        if (!IrpEvents.RaisableByCoordinator.Contains(eventName))
        {
            return Refusal.Invalid("eventName",
                $"'{eventName}' is not an event of an IRP. Known events: {string.Join(", ", IrpEvents.RaisableByCoordinator.Order())}.");
        }
        var (data, error) = IrpEventRequests.Parse(eventName, body ?? new IrpEventRequest(), Today(), calendar);
        if (error is not null) return error;
        return await AppendAsync(id, status => Decide(status, eventName, data!), durable, ct);
    }

    /// <summary>
    /// The dates that would move if the visit started on <paramref name="visitStart"/> instead: each step not yet done whose
    /// date changes, with its date now and then. Changes nothing; refuses as <see cref="RaiseAsync"/> would refuse the move.
    /// </summary>
    public async Task<(IReadOnlyList<DateMove>? Moves, Refusal? Refusal)> PreviewVisitMoveAsync(string id, string? visitStart, CancellationToken ct)
    {
        var (data, error) = IrpEventRequests.Parse(IrpEvents.VisitRescheduled, new IrpEventRequest(VisitStart: visitStart), Today(), calendar);
        if (error is not null) return (null, error);
        var status = await engine.GetAsync(IrpWorkflow.KindName, id, ct);
        if (status is null) return (null, NotFound(id));
        try
        {
            Decide(status, IrpEvents.VisitRescheduled, data!);
        }
        catch (RefusedException e)
        {
            return (null, e.Refusal);
        }
        var state = IrpState.From(status.Instance);
        var moved = EventData.FromData<VisitRescheduledData>(data!).VisitStart;
        var after = workflow.Timeline(state with { Facts = state.Facts with { VisitStart = moved } }).ToDictionary(s => s.Id);
        return (workflow.Timeline(state)
            .Where(s => s.Applicable && status.Step(s.Id)?.Status != StepStatus.Done && after.TryGetValue(s.Id, out var then) && then.Date != s.Date)
            .Select(s => new DateMove(s.Id, s.Title, s.Date, after[s.Id].Date)).ToList(), null);
    }

    /// <summary>
    /// Records a file that arrived for a checklist item. Idempotent by blob name, so the upload page's completion call
    /// and the reconciliation pass may both report the same file. Refused (a conflict) once the IRP is terminated or completed.
    /// </summary>
    public Task<Refusal?> RecordDocumentAsync(string id, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            return IrpState.From(status.Instance).DocumentsReceived.Any(f => f.BlobName == file.BlobName)
                ? []
                : [new NewEvent(IrpEvents.DocumentReceived, EventData.ToData(file))];
        }, durable, ct);

    /// <summary>Cancels an IRP: every step not done is skipped and the establishment is told.</summary>
    public Task<Refusal?> TerminateAsync(string id, string? reason, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            return [new NewEvent(IrpEvents.Cancelled, EventData.ToData(new CancelledData(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())))];
        }, durable, ct);

    /// <summary>Runs a failed step again (<c>POST /api/irps/{id}/steps/{stepId}/retry</c>): not found for an unknown IRP or step, a conflict unless it failed.</summary>
    public async Task<Refusal?> RetryStepAsync(string id, string stepId, DurableTaskClient durable, CancellationToken ct)
    {
        try
        {
            return await engine.RetryStepAsync(IrpWorkflow.KindName, id, stepId, durable, ct) is null ? NotFound(id) : null;
        }
        catch (RefusedException e)
        {
            return e.Refusal;
        }
    }

    /// <summary>
    /// Appends what <paramref name="decide"/> returns for the current log, telling the IRP's orchestration when it changes what is due.
    /// <paramref name="decide"/> refuses by throwing <see cref="RefusedException"/>.
    /// Returns null on success, else the refusal (not found when the IRP does not exist).
    /// </summary>
    internal async Task<Refusal?> AppendAsync(string id, Func<InstanceStatus, IReadOnlyList<NewEvent>> decide, DurableTaskClient durable, CancellationToken ct)
    {
        try
        {
            var status = await engine.AppendAsync(IrpWorkflow.KindName, id, decide, durable, ct);
            if (status is null) return NotFound(id);
        }
        catch (RefusedException e)
        {
            return e.Refusal;
        }
        return null;
    }

    internal static Refusal NotFound(string id) => Refusal.NotFound($"There is no IRP with id '{id}'.");

    /// <summary>
    /// Records feedback on how the review was run (prison guide 16.1, IRC guide 5.3), from the feedback form or a reply by email.
    /// Taken whatever the IRP's state: the governor is asked after publication, and answers may come after the IRP has ended.
    /// </summary>
    public Task<Refusal?> RecordFeedbackAsync(string id, FeedbackReceivedData feedback, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(id, status => Feedback(status, feedback), durable, ct);

    private static IReadOnlyList<NewEvent> Feedback(InstanceStatus status, FeedbackReceivedData feedback) =>
        IrpState.From(status.Instance).Feedback.Any(f => f.Data.Same(feedback)) ? [] : [new NewEvent(IrpEvents.FeedbackReceived, EventData.ToData(feedback))];

    private IReadOnlyList<NewEvent> Decide(InstanceStatus status, string eventName, JsonObject data)
    {
        if (eventName == IrpEvents.FeedbackReceived) return Feedback(status, EventData.FromData<FeedbackReceivedData>(data));
        RefuseIfFinished(status);
        var state = IrpState.From(status.Instance);
        var done = (string step) => status.Step(step)?.Status == StepStatus.Done;
        switch (eventName)
        {
            // What is already true is not recorded again: a retried request, or the same one sent twice at once, records once.
            case IrpEvents.LiaisonOfficerAppointed when EventData.FromData<LiaisonOfficerAppointedData>(data) is var officer
                && state.Facts.Contacts.LiaisonOfficer == new Contact(officer.Name, officer.Email):
                return [];
            case IrpEvents.MinisterialOfficeNamed when EventData.FromData<MinisterialOfficeNamedData>(data) is var office
                && state.Facts.Contacts.MinisterialOffice == new Contact(office.Name, office.Email):
                return [];
            case IrpEvents.MinisterialOfficeNamed when done(IrpSteps.FinalReport):
                throw new RefusedException(Refusal.Conflict("Final report already sent",
                    $"The final report has been sent to {state.Facts.Contacts.MinisterialOffice?.Email ?? "ministers"}; the office it went to can no longer change."));
            case IrpEvents.FinalReportSentElsewhere when done(IrpSteps.FinalReport):
                throw new RefusedException(Refusal.Conflict("Final report already sent",
                    "IrpFlows has sent the final report to ministers (step final-report); there is nothing to record."));
            case IrpEvents.FinalReportSentElsewhere when state.Progress.FinalReportSentElsewhereOn is { } recorded:
                return recorded == EventData.FromData<FinalReportSentElsewhereData>(data).Date ? []
                    : throw new RefusedException(Refusal.Conflict("Already recorded",
                        $"The final report was recorded as sent outside IrpFlows on {recorded:yyyy-MM-dd}."));
            // Prison guide 14.1 / IRC guide 5.1: the final report goes to ministers with, or before, its publication.
            case IrpEvents.FinalReportSentElsewhere when state.Progress.DraftIssuedOn is null:
                throw new RefusedException(Refusal.Conflict("No draft issued",
                    "The final report follows the factual accuracy check of the draft; record DraftIssued first."));
            case IrpEvents.FinalReportSentElsewhere:
                RefuseBeforeVisitEnd(state, EventData.FromData<FinalReportSentElsewhereData>(data).Date);
                break;
            // Prison guide 7.2: the inspector who will look at each recommendation is named before the visit.
            case IrpEvents.InspectorAssigned when EventData.FromData<InspectorAssignedData>(data) is var assigned
                && state.Facts.Recommendations.All(r => r.Ref != assigned.Ref):
                throw new RefusedException(Refusal.Invalid("ref",
                    $"must be the ref of a {(state.Facts.Kind == IrpKind.Immigration ? "concern" : "recommendation")} this IRP follows up: {string.Join(", ", state.Facts.Recommendations.Select(r => r.Ref))}."));
            case IrpEvents.InspectorAssigned when done(IrpSteps.VisitStart):
                throw new RefusedException(Refusal.Conflict("The visit has started", "Who looks at what is told to the establishment before the visit, which has started."));
            case IrpEvents.InspectorAssigned when EventData.FromData<InspectorAssignedData>(data) is var same
                && state.Facts.Recommendations.Single(r => r.Ref == same.Ref).Inspector == same.Name:
                return [];
            // Prison guide 7.1 / IRC guide 2.5: the coordinating inspector prepares the review "in advance of the IRP".
            case IrpEvents.PreparationVisitArranged when done(IrpSteps.VisitStart):
                throw new RefusedException(Refusal.Conflict("The visit has started", "The preparation visit comes before the review's visit, which has started."));
            case IrpEvents.PreparationVisitArranged when EventData.FromData<PreparationVisitArrangedData>(data).Date is var day
                && (day >= state.Facts.VisitStart || day < state.Facts.AnnouncementDate):
                throw new RefusedException(Refusal.Invalid("date",
                    $"must be from the announcement ({state.Facts.AnnouncementDate:yyyy-MM-dd}) to the day before the visit starts ({state.Facts.VisitStart:yyyy-MM-dd}): "
                    + "the preparation visit comes in advance of the review (prison guide 7.1, IRC guide 2.5)."));
            case IrpEvents.PreparationVisitArranged when EventData.FromData<PreparationVisitArrangedData>(data).Date == state.Progress.PreparationVisitOn:
                return [];
            case IrpEvents.VisitRescheduled when done(IrpSteps.VisitStart):
                throw new RefusedException(Refusal.Conflict("The visit has started", "The visit has already started; it can no longer be moved."));
            case IrpEvents.VisitRescheduled when EventData.FromData<VisitRescheduledData>(data).VisitStart == state.Facts.VisitStart:
                return [];
            case IrpEvents.VisitRescheduled:
                CheckReschedule(state, EventData.FromData<VisitRescheduledData>(data).VisitStart);
                break;
            case IrpEvents.FactCheckReturned when state.Progress.DraftIssuedOn is null:
                throw new RefusedException(Refusal.Conflict("No draft issued", "The draft report has not been issued for fact check yet."));
            case IrpEvents.FactCheckReturned when state.Progress.FactCheckReturnedOn is not null:
                throw new RefusedException(Refusal.Conflict("Fact check already returned",
                    $"The fact-check comments were recorded as returned on {state.Progress.FactCheckReturnedOn:yyyy-MM-dd}."));
            case IrpEvents.DraftIssued when state.Progress.DraftIssuedOn is not null:
                throw new RefusedException(Refusal.Conflict("Draft already issued", $"The draft report was issued on {state.Progress.DraftIssuedOn:yyyy-MM-dd}."));
            // Prison guide 14.1 / IRC guide 5.1: the draft report follows the visit; its email says the visit took place.
            case IrpEvents.DraftIssued when !done(IrpSteps.Debrief):
                throw new RefusedException(Refusal.Conflict("The visit has not ended",
                    "The visit ends with the formal debrief; the draft report of it cannot be issued before then."));
            case IrpEvents.DraftIssued when state.DraftReport is null:
                throw new RefusedException(Refusal.Conflict("No draft report uploaded",
                    "Upload the draft report first (PUT /api/irps/{id}/draft-report?fileName=…): the draft-report email links to it."));
            case IrpEvents.DraftIssued:
                RefuseBeforeVisitEnd(state, EventData.FromData<DraftIssuedData>(data).Date);
                break;
            case IrpEvents.Published when state.Progress.PublishedOn is not null:
                throw new RefusedException(Refusal.Conflict("Already published", $"The report was published on {state.Progress.PublishedOn:yyyy-MM-dd}."));
            case IrpEvents.Published when !done(IrpSteps.Debrief):
                throw new RefusedException(Refusal.Conflict("The visit has not ended",
                    "The visit ends with the formal debrief; a report cannot be published before then."));
            // Prison guide 14.1 / IRC guide 5.1: the report is published after its draft went to the establishment for fact check.
            case IrpEvents.Published when state.Progress.DraftIssuedOn is null:
                throw new RefusedException(Refusal.Conflict("No draft issued",
                    "The draft report has not been issued for fact check yet (record DraftIssued first); a report is published after its draft."));
            case IrpEvents.Published:
                RefuseBeforeVisitEnd(state, EventData.FromData<PublishedData>(data).Date);
                // Prison guide 14.1 / IRC guide 5.1: "The final report will be sent to the Secretary of State for Justice [the Home
                // Secretary and Minister] and published": not published before ministers have it.
                if (!done(IrpSteps.FinalReport) && state.Progress.FinalReportSentElsewhereOn is null)
                    throw new RefusedException(Refusal.Conflict("Final report not sent to ministers", FinalReportNotSent(state)));
                break;
        }
        return [new NewEvent(eventName, data)];
    }

    /// <summary>Why the final-report step has not run, and what the coordinator can do about it.</summary>
    private static string FinalReportNotSent(IrpState state)
    {
        var ministers = state.Facts.Kind == IrpKind.Immigration ? "the Home Secretary and Minister" : "the Secretary of State for Justice";
        const string elsewhere = "or, if the inspectorate sent it another way, record FinalReportSentElsewhere { date }";
        return state.FinalReport is null
            ? $"The final report has not been sent to {ministers} (step final-report). Upload it (PUT /api/irps/{{id}}/final-report?fileName=…) "
                + $"and IrpFlows sends it at once, {elsewhere}; then record Published."
            : state.Facts.Contacts.MinisterialOffice is null
                ? $"The final report is uploaded but not sent to {ministers} (step final-report): this IRP has no ministerial office contact. "
                    + $"Record MinisterialOfficeNamed {{ name, email }} and IrpFlows sends it at once, {elsewhere}; then record Published."
                : $"The final report is uploaded and on its way to {ministers} (step final-report); record Published once that step is done, "
                    + "usually within a minute. If the step failed, retry it from the IRP's page.";
    }

    /// <summary>An event dated before the visit's last day cannot have happened: invalid, naming <c>date</c>.</summary>
    private void RefuseBeforeVisitEnd(IrpState state, DateOnly date)
    {
        var visitEnd = VisitEnd(state);
        if (date < visitEnd)
            throw new RefusedException(Refusal.Invalid("date", $"must not be before the visit ended ({visitEnd:yyyy-MM-dd})."));
    }

    /// <summary>The new visit date must leave a documents deadline after the announcement, and a timeline the calendar covers.</summary>
    private void CheckReschedule(IrpState state, DateOnly visitStart)
    {
        IReadOnlyList<PlannedStep> timeline;
        try
        {
            timeline = workflow.Timeline(state with { Facts = state.Facts with { VisitStart = visitStart } });
        }
        catch (CalendarRangeException e)
        {
            throw new RefusedException(Refusal.Invalid("visitStart", e.Message));
        }
        var deadline = timeline.Single(s => s.Id == IrpSteps.DocumentsDeadline).Date;
        if (deadline <= state.Facts.AnnouncementDate)
            throw new RefusedException(Refusal.Invalid("visitStart",
                $"is too soon: the documents would be due on {deadline:yyyy-MM-dd}, not after the announcement on {state.Facts.AnnouncementDate:yyyy-MM-dd} (prison guide 7.4)."));
    }

    internal static void RefuseIfFinished(InstanceStatus status)
    {
        if (Finished(status) is { } refusal) throw new RefusedException(refusal);
    }

    /// <summary>A conflict when the IRP is terminated or completed: nothing more can be recorded.</summary>
    internal static Refusal? Finished(InstanceStatus status) =>
        status.RuntimeStatus is RuntimeStatus.Terminated or RuntimeStatus.Completed
            ? Refusal.Conflict($"The IRP is {status.RuntimeStatus.ToString().ToLowerInvariant()}",
                $"This IRP is {status.RuntimeStatus.ToString().ToLowerInvariant()}; nothing more can be recorded.")
            : null;

    /// <summary>An IRP whose log cannot be planned: its facts, its runtime status failed, the reason, and no timeline.</summary>
    private static IrpView FailedView(WorkflowInstance instance, string reason)
    {
        var state = IrpState.From(instance);
        var facts = state.Facts;
        return new IrpView(
            instance.Id, facts.Kind.ToString().ToLowerInvariant(), RuntimeStatus.Failed.ToString(), "Failed: " + reason,
            instance.CreatedTime, instance.LastUpdatedTime, facts.Establishment, facts.SourceInspectionEnd, facts.AnnouncementDate,
            facts.VisitStart, VisitEnd: null, facts.Contacts, facts.Recommendations, facts.OfstedThemes,
            [], Documents(state), [], state.Warnings, state.CancellationReason, state.Progress.PublishedOn, state.PublicationUrl)
        {
            History = instance.Events.Select(HistoryEntry.From).ToList(),
        };
    }

    private IrpView View(InstanceStatus status)
    {
        var state = IrpState.From(status.Instance);
        var timeline = workflow.Timeline(state);
        var entries = timeline.Select(s => Entry(s, status.Step(s.Id))).ToList();
        if (status.Step(IrpWorkflow.CancellationStepId) is { } cancel)
        {
            entries.Add(new TimelineEntry(cancel.Id, "Cancellation notice", DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cancel.Due, _zone).DateTime),
                null, cancel.Due, Status(cancel), cancel.CompletedAt, "Terminate request", "Everyone told of the visit", null, cancel.Attempts, cancel.LastError));
        }
        foreach (var notice in status.Steps.Where(s => SkippedNotices.IsNotice(s.Id)))
        {
            entries.Add(new TimelineEntry(notice.Id, "Notice of steps skipped because their moment had passed",
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(notice.CompletedAt ?? notice.Due, _zone).DateTime), null, notice.Due, Status(notice), notice.CompletedAt,
                "The windows of the skipped steps", "Coordinator", null, notice.Attempts, notice.LastError) { SkippedReason = notice.SkippedReason });
        }
        foreach (var notice in status.Steps.Where(s => FailureNotices.IsNotice(s.Id)))
        {
            entries.Add(new TimelineEntry(notice.Id, "Notice to the coordinator that a step failed",
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(notice.CompletedAt ?? notice.Due, _zone).DateTime), null, notice.Due, Status(notice), notice.CompletedAt,
                "The step's failure", "Coordinator", null, notice.Attempts, notice.LastError) { SkippedReason = notice.SkippedReason });
        }
        var emails = status.Steps.Where(s => s.Result?["email"] is JsonObject)
            .Select(s => EventData.FromData<EmailRecord>(s.Result!["email"]!.AsObject()))
            .OrderBy(e => e.SentAt).ToList();
        var facts = state.Facts;
        return new IrpView(
            status.Instance.Id, facts.Kind.ToString().ToLowerInvariant(), status.RuntimeStatus.ToString(), status.Plan.CustomStatus,
            status.Instance.CreatedTime, status.Instance.LastUpdatedTime, facts.Establishment, facts.SourceInspectionEnd, facts.AnnouncementDate,
            facts.VisitStart, timeline.Single(s => s.Id == IrpSteps.VisitEnd).Date, facts.Contacts, facts.Recommendations, facts.OfstedThemes,
            entries, Documents(state), emails, workflow.Warnings(state), state.CancellationReason, state.Progress.PublishedOn, state.PublicationUrl)
        {
            Judgements = IrpReportService.Judgements(state),
            ChiefInspectorsSummary = state.ChiefInspectorsSummary,
            Glossary = state.Glossary,
            DraftReport = state.DraftReport is { } draft ? ReportFileView.From(draft) : null,
            FactCheckComments = state.FactCheckComments.Select(ReportFileView.From).ToList(),
            UploadLink = status.Steps.Any(s => CarriesUploadLink(s.Id) && s.Result?["email"] is JsonObject) ? workflow.MailContext(status.Instance.Id, state).UploadLink : null,
            FinalReport = state.FinalReport is { } final ? ReportFileView.From(final) : null,
            DebriefDocument = state.DebriefDocument is { } debrief ? ReportFileView.From(debrief) : null,
            History = status.Instance.Events.Select(HistoryEntry.From).ToList(),
            MaterialDestroyed = state.MaterialDestroyed,
            FinalReportSentElsewhereOn = state.Progress.FinalReportSentElsewhereOn,
            Feedback = state.Feedback.Select(f => new FeedbackView(f.Data.Name, f.Data.Role, f.Data.Via, f.ReceivedAt, f.Data.Answers)).ToList(),
        };
    }

    /// <summary>
    /// The emails that give the establishment its upload link: the request, its reminders, the deadline's and the escalation.
    /// A request skipped by a jump of the clock leaves the others to carry it, so the coordinator sees the link they sent.
    /// </summary>
    private static bool CarriesUploadLink(string stepId) =>
        stepId is IrpSteps.DocumentsRequest or IrpSteps.DocumentsDeadline or IrpSteps.DocumentsOverdue
        || IrpSteps.NumberOf(stepId, IrpSteps.DocumentsReminderPrefix) is not null;

    private static List<DocumentView> Documents(IrpState state) => state.Documents.Select(d => new DocumentView(
        d.Item.Key, d.Item.Title, d.Item.Description, d.Item.Source, d.Files.Count > 0 ? "received" : "missing",
        d.Files.Select(f => new DocumentFileView(f.FileName, f.Size, f.ReceivedAt)).ToList())).ToList();

    private static TimelineEntry Entry(PlannedStep step, StepState? state) => new(
        step.Id, step.Title, step.Date, step.Time?.ToString("HH:mm"), step.Due,
        state is null ? (step.Applicable ? "pending" : "skipped") : Status(state),
        state?.CompletedAt, step.Source, step.Concerns, step.WaitingFor, state?.Attempts ?? 0, state?.LastError)
    {
        SkippedReason = state is null ? step.SkipReason : state.SkippedReason,
        RetryAt = state?.Status == StepStatus.Pending ? state.RetryAt : null,
    };

    private static string Status(StepState s) => s.Status.ToString().ToLowerInvariant();
}
