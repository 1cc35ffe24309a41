using System.Globalization;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Workflow;
using IrpFlows.Writing;

namespace IrpFlows.Probation;

/// <summary>
/// The probation inspection plugged into the workflow engine beside the IRP: its plan is the planner's timeline for the state
/// its log folds to, and its activities are the timeline's emails, each sent once (the sender is idempotent by instance and
/// step), under HMI Probation's own name and address (<see cref="ProbationMailOptions"/>). A letter whose window closed
/// before it went is recorded skipped, and the lead inspector told of every such letter of a catch-up in one notice
/// (<see cref="SkippedNotices"/>). Cancelling skips every step not yet done (those notices too) and, once the organisation
/// has been called, tells it.
/// </summary>
public sealed class ProbationWorkflow(
    ProbationPlanner planner, ProbationMailTemplates templates, IMailSender mail, UploadLinks uploadLinks, ProbationReportLinks reportLinks, ReportFileStore files,
    ProbationMailOptions sender, OperationsOptions operations) : IWorkflowKind
{
    public const string KindName = "probation";

    public string Name => KindName;

    // 1: the first versioned rules. 2: the local assessors' dates (3.9), fieldwork's times (6.10), the verified data (7.2), the
    // notice to the NPS division (6.1) and the outline schedule (5.2). 3: every letter has a window (the confirming email and the
    // final schedules until fieldwork, 3.3, 5.1; the samples request until the samples are due, 4.4; the action plan's notice
    // until its week ends, 7.5; the embargoed copy until publication, 7.4), and one notice to the lead inspector per catch-up
    // lists what was skipped. 4: headers keep the agenda the weekly digest reads (issue 26), so every header is written again once.
    public int RulesVersion => 4;

    public IReadOnlyList<PlannedStep> Timeline(ProbationState state) => planner.Plan(state.Facts, state.Progress);

    /// <summary>The organisation's upload page (evidence, case sample, then factual accuracy comments): the same state, the same link.</summary>
    public Uri UploadLink(string instanceId, ProbationState state) => ProbationDocuments.Link(uploadLinks, instanceId, state.Progress, Timeline(state));

    public WorkflowPlan Plan(WorkflowInstance instance)
    {
        var state = ProbationState.From(instance);
        var timeline = Timeline(state);
        var cancelled = state.Cancelled ? "the inspection was cancelled" : null;
        var steps = timeline.Select(s => new PlannedWork(s.Id, s.Due, Readiness(s, state))
            { SkipReason = cancelled ?? s.SkipReason, NotAfter = s.NotAfter, WindowReason = s.WindowReason }).ToList();
        if (TellsOfCancellation(state)) steps.Add(new PlannedWork(ProbationSteps.Cancellation, state.CancelledAt!.Value, StepReadiness.Ready));
        steps.AddRange(SkippedNotices.Plan(instance, steps, cancelled));
        // A letter recorded skipped (its window closed before it could go) is behind the inspection, not next.
        var skipped = StepHistory.Skipped(instance);
        bool Open(PlannedStep s) => !state.CompletedSteps.Contains(s.Id) && !skipped.ContainsKey(s.Id) && Readiness(s, state) != StepReadiness.Skipped;
        return new WorkflowPlan(steps, state.Cancelled, Phase(state), Summary(timeline, state, timeline.FirstOrDefault(Open), Agenda(instance, state, timeline, Open)));
    }

    /// <summary>
    /// Sends the step's email, if it has one. The result keeps the date the step was planned for when it ran, so the timeline
    /// goes on showing it after fieldwork moves the dates of the steps still to come.
    /// </summary>
    public async Task<StepResult> RunStepAsync(WorkflowInstance instance, string stepId, CancellationToken cancellationToken)
    {
        var state = ProbationState.From(instance);
        var timeline = Timeline(state);
        if (SkippedNotices.Of(instance).FirstOrDefault(n => n.StepId == stepId) is { } notice)
            return await TellOfSkipsAsync(instance, state, timeline, notice, cancellationToken);
        var result = new JsonObject();
        if (timeline.FirstOrDefault(s => s.Id == stepId) is { } step)
        {
            result[DateResult] = step.Date.ToString("yyyy-MM-dd");
            result[WeekResult] = ProbationPlanner.WeekOf(state.Facts, step.Date);
        }
        if (ProbationMailTemplates.EmailSteps.Contains(stepId))
        {
            var ran = StepHistory.Completed(instance).Where(c => c.Value.Data["result"]?[DateResult] is JsonValue && !DateRecorded(c.Key, state.Progress))
                .ToDictionary(c => c.Key, c => DateOnly.ParseExact(c.Value.Data["result"]![DateResult]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var message = templates.Render(stepId, new ProbationMailContext(instance.Id, state, timeline, UploadLink(instance.Id, state), ran)
            {
                DraftLink = reportLinks.DraftLink(instance.Id, state), FinalLink = reportLinks.FinalLink(instance.Id, state),
                Minutes = stepId == ProbationSteps.PlanningMeetingMinutes && state.Minutes is { } minutes
                    ? new MailAttachment(minutes.FileName, minutes.ContentType, await files.ReadAsync(instance.Id, minutes, cancellationToken))
                    : null,
            });
            var sent = await SendAsync(message, cancellationToken);
            result["email"] = EventData.ToData(EmailRecord.For(stepId, sent));
        }
        return new StepResult(result);
    }

    /// <summary>
    /// The lead inspector is told of a failed step, or of an inspection that cannot be planned, with its page and the retry
    /// call; the operations address is copied.
    /// </summary>
    public async Task<StepResult> NotifyFailureAsync(WorkflowInstance instance, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        var state = ProbationState.From(instance); // folds without planning, so it holds for a log that cannot be planned too
        var lead = state.Facts.Contacts.LeadInspector;
        var message = FailureNoticeMail.Render(failure, new FailureNoticeContent(
            instance.Id, new EmailAddress(lead.Name, lead.Email), "Inspection of " + state.Facts.Organisation.Name,
            failure.StepId is { } stepId ? StepTitle(state, stepId) : null, Page(instance.Id),
            failure.StepId is { } step ? $"/api/probation-inspections/{instance.Id}/steps/{step}/retry" : null, "HM Inspectorate of Probation") { Cc = operations.FailureCopy });
        var sent = await SendAsync(message, cancellationToken);
        return new StepResult(new JsonObject { ["email"] = EventData.ToData(EmailRecord.For(failure.NoticeId, sent)) });
    }

    /// <summary>The lead inspector is told, in one email, of the letters a catch-up skipped because their moment had passed.</summary>
    private async Task<StepResult> TellOfSkipsAsync(
        WorkflowInstance instance, ProbationState state, IReadOnlyList<PlannedStep> timeline, SkippedNotice notice, CancellationToken cancellationToken)
    {
        var byId = timeline.ToDictionary(s => s.Id);
        var lead = state.Facts.Contacts.LeadInspector;
        var organisation = state.Facts.Organisation.Name;
        var message = SkippedNoticeMail.Render(new SkippedNoticeContent(
            instance.Id, notice.StepId, new EmailAddress(lead.Name, lead.Email), "Inspection of " + organisation, "the inspection of " + organisation,
            notice.SkippedStepIds.Select(id => new SkippedStep(byId[id].Title, byId[id].Date, notice.Reason(id))).ToList(),
            Page(instance.Id), "HM Inspectorate of Probation"));
        var sent = await SendAsync(message, cancellationToken);
        return new StepResult(new JsonObject { ["email"] = EventData.ToData(EmailRecord.For(notice.StepId, sent)) });
    }

    /// <summary>Every probation email goes under HMI Probation's name and address, whatever the mail settings give other emails.</summary>
    private Task<SentMail> SendAsync(MailMessage message, CancellationToken cancellationToken) => mail.SendAsync(message with { From = sender.Sender }, cancellationToken);

    /// <summary>The inspection's page, where the lead inspector sees each step, retries a failed one and reads why one was skipped.</summary>
    private Uri Page(string instanceId) => new(uploadLinks.PublicBaseUrl, "probation-inspections/" + Uri.EscapeDataString(instanceId));

    private string StepTitle(ProbationState state, string stepId) =>
        Timeline(state).FirstOrDefault(s => s.Id == stepId)?.Title
        ?? (stepId == ProbationSteps.Cancellation ? "Cancellation notice"
            : SkippedNotices.IsNotice(stepId) ? SkippedNoticeTitle
            : stepId);

    /// <summary>What the timeline calls a notice of skipped letters.</summary>
    public const string SkippedNoticeTitle = "Notice of letters skipped because their moment had passed";

    /// <summary>The fields of a step's result holding the date (yyyy-MM-dd) it was planned for when it ran, and its week then.</summary>
    public const string DateResult = "date", WeekResult = "week";

    /// <summary>The date a step done was planned for when it ran; null for a step not done (or done without one, the cancellation).</summary>
    public static DateOnly? RanOn(StepState? step) => step?.Result?[DateResult] is JsonValue date
        ? DateOnly.ParseExact(date.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>
    /// Whether the plan gives <paramref name="stepId"/> the date it was recorded as happening (the call made, the planning meeting
    /// agreed or held, the report published): then that date holds, not the one the step was planned for when it ran.
    /// </summary>
    public static bool DateRecorded(string stepId, ProbationProgress progress) => stepId switch
    {
        ProbationSteps.AnnouncementCall => progress.AnnouncementCallOn is not null,
        ProbationSteps.PlanningMeeting => progress.PlanningMeetingOn is not null || progress.PlanningMeetingAgreedAt is not null,
        ProbationSteps.Publication => progress.PublishedOn is not null,
        _ => false,
    };

    // Manual 3.3: the organisation learns of the inspection on the announcement call; before it, there is no one to tell.
    private static bool TellsOfCancellation(ProbationState state) => state.Cancelled && state.CompletedSteps.Contains(ProbationSteps.AnnouncementCall);

    private static StepReadiness Readiness(PlannedStep step, ProbationState state) =>
        state.Cancelled || !step.Applicable ? StepReadiness.Skipped
        : step.WaitingFor is not null ? StepReadiness.Waiting
        : StepReadiness.Ready;

    private static string Phase(ProbationState state) =>
        state.Cancelled ? "Cancelled"
        : state.Progress.PublishedOn is not null ? "Published"
        : state.Progress.DraftIssued ? "Factual accuracy check"
        : state.CompletedSteps.Contains(ProbationSteps.FieldworkWeek3) ? "Post-fieldwork"
        : state.CompletedSteps.Contains(ProbationSteps.FieldworkWeek1) ? "Fieldwork"
        : state.CompletedSteps.Contains(ProbationSteps.AnnouncementCall) ? "Pre-fieldwork"
        : "Preparing the announcement";

    /// <inheritdoc/>
    public WorkflowAgenda? Agenda(string instanceId, JsonObject summary) =>
        WorkflowAgenda.FromSummary(summary, "probation-inspections/" + Uri.EscapeDataString(instanceId), "HM Inspectorate of Probation");

    /// <summary>What the lead inspector still has to see to: every step of the timeline still to come (<paramref name="open"/>) or failed.</summary>
    private static JsonObject Agenda(WorkflowInstance instance, ProbationState state, IReadOnlyList<PlannedStep> timeline, Func<PlannedStep, bool> open)
    {
        var items = state.Cancelled ? [] // nothing is asked of the lead inspector any more
            : timeline.Select(step => (step, failed: StepHistory.StandingFailure(instance, step.Id) is not null))
                .Where(s => s.failed || open(s.step)).Select(s => new AgendaItem(s.step.Title, s.step.Date, s.failed)).ToList();
        var lead = state.Facts.Contacts.LeadInspector;
        return WorkflowAgenda.ToSummary(lead.Name, lead.Email, "Inspection of " + state.Facts.Organisation.Name, items);
    }

    /// <summary>The dates a programme shows (the calendar feed's events), in order (see <see cref="ProbationListItem.Milestones"/>).</summary>
    public static readonly IReadOnlyList<string> Milestones =
    [
        ProbationSteps.AnnouncementCall, ProbationSteps.CaseSampleReturn, ProbationSteps.FieldworkWeek1, ProbationSteps.FieldworkWeek2,
        ProbationSteps.FieldworkWeek3, ProbationSteps.RatingsToOrganisation, ProbationSteps.DraftReport, ProbationSteps.FactualAccuracyDeadline,
        ProbationSteps.Publication,
    ];

    /// <inheritdoc/>
    /// <remarks>Listed by the first week of fieldwork, across every milestone; the same place is the same organisation as names read.</remarks>
    public WorkflowListing? Listing(JsonObject summary) =>
        summary["fieldworkStart"]?.GetValue<string>() is { } fieldwork && summary["organisation"]?["name"]?.GetValue<string>() is { } name
            ? WorkflowListing.Of(DateOnly.ParseExact(fieldwork, "yyyy-MM-dd", CultureInfo.InvariantCulture), summary["milestones"] as JsonObject,
                NameKey.Of(name), "")
            : null;

    // Kept on the header, as the IRP's are, so the programme and the calendar feed need no log reads.
    private static JsonObject Summary(IReadOnlyList<PlannedStep> timeline, ProbationState state, PlannedStep? next, JsonObject agenda) => new()
    {
        [WorkflowAgenda.SummaryField] = agenda,
        ["milestones"] = new JsonObject(timeline.Where(s => Milestones.Contains(s.Id))
            .Select(s => KeyValuePair.Create(s.Id, (JsonNode?)s.Date.ToString("yyyy-MM-dd")))),
        ["organisation"] = EventData.ToData(state.Facts.Organisation),
        ["fieldworkStart"] = state.Facts.FieldworkStart.ToString("yyyy-MM-dd"),
        ["nextStep"] = next is null ? null : new JsonObject { ["id"] = next.Id, ["title"] = next.Title, ["date"] = next.Date.ToString("yyyy-MM-dd") },
    };
}
