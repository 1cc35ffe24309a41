using System.Globalization;
using System.Text.Json.Nodes;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Workflow;
using IrpFlows.Writing;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Probation;

/// <summary>
/// What a coordinator can do to probation inspections: preview, start, read, list, record events and ratings, cancel. Every
/// request is validated before storage is touched, so a refused request changes nothing.
/// </summary>
public sealed class ProbationService(
    WorkflowEngine engine, ProbationWorkflow workflow, ProbationPlanner planner, WorkingDayCalendar calendar, ProbationPolicy policy, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = policy.TimeZone;

    /// <summary>Today's date in England and Wales.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public ProbationValidation Validate(CreateProbationInspectionRequest? request) => ProbationRequestValidator.Validate(request, Today(), calendar, planner);

    public ProbationPreview Preview(ProbationFacts facts) =>
        new(workflow.Timeline(new ProbationState(facts, new ProbationProgress())).Select(s => Entry(facts, s, null, null)).ToList());

    /// <summary>
    /// Starts an inspection with <paramref name="id"/> (a new one when null). Refused, as a conflict naming it, when another
    /// active inspection of the same organisation (names compared as they read) has its fieldwork within
    /// <see cref="ProbationPolicy.SameOrganisationMarginDays"/> days (local policy).
    /// </summary>
    public async Task<(string? Id, Refusal? Refusal)> CreateAsync(ProbationFacts facts, DurableTaskClient durable, CancellationToken ct, string? id = null)
    {
        id ??= Guid.NewGuid().ToString("N");
        try
        {
            await engine.StartAsync(ProbationWorkflow.KindName, id, new NewEvent(ProbationEvents.Started, EventData.ToData(new ProbationStartedData(facts))),
                there => SameFieldwork(facts, there), durable, ct);
        }
        catch (RefusedException e)
        {
            return (null, e.Refusal);
        }
        return (id, null);
    }

    /// <summary>Whether an inspection with <paramref name="id"/> exists: what a repeated create is answered from.</summary>
    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        try
        {
            return await engine.GetAsync(ProbationWorkflow.KindName, id, ct) is not null;
        }
        catch (WorkflowPlanException)
        {
            return true; // its timeline cannot be planned today, but it was created all the same
        }
    }

    private Refusal? SameFieldwork(ProbationFacts facts, IReadOnlyList<InstanceHeaderRow> there)
    {
        var name = NameKey.Of(facts.Organisation.Name);
        var existing = there.Select(ListItem).FirstOrDefault(p =>
            p.RuntimeStatus is not (nameof(RuntimeStatus.Terminated) or nameof(RuntimeStatus.Completed))
            && NameKey.Of(p.Organisation.Name) == name && Math.Abs(p.FieldworkStart.DayNumber - facts.FieldworkStart.DayNumber) <= policy.SameOrganisationMarginDays);
        return existing is null ? null : Refusal.Conflict("This inspection exists already",
            $"Probation inspection {existing.Id} of {existing.Organisation.Name} is active with fieldwork from {existing.FieldworkStart:yyyy-MM-dd}, within "
            + $"{policy.SameOrganisationMarginDays} days of {facts.FieldworkStart:yyyy-MM-dd} (local policy, setting ProbationPolicy:SameOrganisationMarginDays). "
            + "Move that one (FieldworkRescheduled) or terminate it first.");
    }

    public async Task<ProbationView?> GetAsync(string id, CancellationToken ct)
    {
        var status = await engine.GetAsync(ProbationWorkflow.KindName, id, ct);
        return status is null ? null : View(status);
    }

    /// <summary>Inspections by fieldwork start, filtered and paged as <paramref name="query"/> says (see <see cref="WorkflowEngine.ListAsync"/>).</summary>
    /// <exception cref="RefusedException">The continuation is not one this list gave.</exception>
    public async Task<ListPage<ProbationListItem>> ListAsync(InstanceQuery query, CancellationToken ct)
    {
        var page = await engine.ListAsync(ProbationWorkflow.KindName, query, ct);
        return new ListPage<ProbationListItem>(page.Items.Select(ListItem).ToList(), page.Continuation);
    }

    /// <summary>Inspections whose milestones reach into any of <paramref name="years"/>.</summary>
    public async Task<IReadOnlyList<ProbationListItem>> InYearsAsync(IReadOnlyCollection<int> years, CancellationToken ct) =>
        (await engine.InYearsAsync(ProbationWorkflow.KindName, years, ct)).Select(ListItem).ToList();

    private static ProbationListItem ListItem(InstanceHeaderRow header)
    {
        var summary = header.Summary;
        return new ProbationListItem(
            header.Id,
            EventData.FromData<Organisation>(summary["organisation"]!.AsObject()),
            DateOnly.Parse(summary["fieldworkStart"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            header.RuntimeStatus.ToString(),
            header.CustomStatus,
            NextStep.Of(header))
        {
            Milestones = (summary["milestones"] as JsonObject ?? []).ToDictionary(
                m => m.Key, m => DateOnly.ParseExact(m.Value!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>
    /// Records a coordinator's event. Returns the refusal (invalid field, unknown inspection, or a conflict with its state), or
    /// on success what the coordinator should know about what was recorded (an announcement call outside week -9).
    /// </summary>
    public async Task<(Refusal? Refusal, IReadOnlyList<string> Warnings)> RaiseAsync(
        string id, string eventName, JsonObject? body, DurableTaskClient durable, CancellationToken ct)
    {
        if (!ProbationEvents.RaisableByCoordinator.Contains(eventName))
            return (Refusal.Invalid("eventName",
                $"'{eventName}' is not an event of a probation inspection. Known events: {string.Join(", ", ProbationEvents.RaisableByCoordinator.Order())}."), []);
        var (data, error) = Parse(eventName, body ?? [], Today());
        if (error is not null) return (error, []);
        IReadOnlyList<NewEvent> decided = [];
        var refusal = await AppendAsync(id, status => decided = Decide(status, eventName, data!), durable, ct);
        return (refusal, refusal is null ? Warnings(decided) : []);
    }

    private static IReadOnlyList<string> Warnings(IReadOnlyList<NewEvent> recorded) =>
    [
        .. recorded.Where(e => e.Type == ProbationEvents.AnnouncementCallMade).Select(e => EventData.FromData<AnnouncementCallMadeData>(e.Data).Warning).OfType<string>(),
        .. recorded.Where(e => e.Type == ProbationEvents.LocalAssessorsNominated).SelectMany(e => EventData.FromData<LocalAssessorsNominatedData>(e.Data).Warnings),
    ];

    /// <summary>
    /// Records a standard's rating (manual 7.1); the very rating already recorded is accepted and records nothing. Not found for
    /// a standard the organisation is not rated on, invalid off the scale, a conflict before fieldwork starts (naming <c>rating</c>) or
    /// once published.
    /// </summary>
    public async Task<Refusal?> RateAsync(string id, string standard, RatingRequest? body, DurableTaskClient durable, CancellationToken ct)
    {
        if (ParseRating(body?.Rating) is not { } rating)
            return Refusal.Invalid("rating", "must be one of Outstanding, Good, RequiresImprovement, Inadequate (manual 7.1).");
        return await RatingsAppendAsync(id, standard, "rating", (state, _) =>
        {
            // 7.1: a domain two or three standard with its key questions recorded is rated from them; the panel may change it (7.2).
            if (state.KeyQuestions.ContainsKey(standard))
                throw new RefusedException(Refusal.Conflict("Rated from its key questions",
                    $"Standard {standard} is rated from its key questions' results (manual 7.1); a rating near a boundary may be changed by the ratings panel (PUT …/ratings/{standard}/panel, 7.2)."));
            // Already true: a retried request, or the same one sent twice at once, records once.
            return state.DirectRatings.TryGetValue(standard, out var was) && was == rating
                ? []
                : [new NewEvent(ProbationEvents.RatingRecorded, EventData.ToData(new RatingRecordedData(standard, rating)))];
        }, durable, ct);
    }

    /// <summary>
    /// Records a domain two or three standard's key questions as the case assessments answered them (7.1): its rating is then the
    /// lowest key question's band. Invalid fields are named; a domain one standard is judged directly (400 naming <c>standard</c>);
    /// refused as a rating is before fieldwork and once published. The same results again record nothing.
    /// </summary>
    public async Task<Refusal?> RecordKeyQuestionsAsync(string id, string standard, KeyQuestionsRequest? body, DurableTaskClient durable, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = new List<KeyQuestionResult>();
        if (body?.KeyQuestions is not { Count: > 0 } listed) errors["keyQuestions"] = ["is required: each key question of the standard with its yes answers and cases (manual 7.1)."];
        else
            for (var i = 0; i < listed.Count; i++)
            {
                var (question, yes, cases) = (listed[i]?.Question?.Trim(), listed[i]?.Yes, listed[i]?.Cases);
                if (string.IsNullOrEmpty(question)) errors[$"keyQuestions[{i}].question"] = ["is required: the key question, e.g. \"Engagement\"."];
                if (cases is not > 0) errors[$"keyQuestions[{i}].cases"] = ["is required: how many cases were inspected for it, at least 1."];
                else if (yes is not >= 0 || yes > cases) errors[$"keyQuestions[{i}].yes"] = [$"is required: in how many of the {cases} cases the answer was yes, from 0 to {cases}."];
                else if (!string.IsNullOrEmpty(question)) questions.Add(new KeyQuestionResult(question, yes.Value, cases.Value));
            }
        if (errors.Count > 0) return Refusal.Invalid(errors);
        return await RatingsAppendAsync(id, standard, "keyQuestions", (state, rated) =>
        {
            if (rated.Domain == 1)
                throw new RefusedException(Refusal.Invalid("standard", $"{standard} is a domain one standard, judged directly by the lead inspector, not from case key questions (manual 7.1)."));
            return state.KeyQuestions.TryGetValue(standard, out var was) && was.SequenceEqual(questions)
                ? []
                : [new NewEvent(ProbationEvents.KeyQuestionsRecorded, EventData.ToData(new KeyQuestionsRecordedData(standard, questions)))];
        }, durable, ct);
    }

    /// <summary>
    /// Records the ratings panel's decision on a standard its key questions rate near a boundary (7.2): the rating agreed, the
    /// reason and who chaired. Refused (409 naming <c>rating</c>) for a standard not near a boundary, or without key questions.
    /// </summary>
    public async Task<Refusal?> RecordPanelDecisionAsync(string id, string standard, PanelDecisionRequest? body, DurableTaskClient durable, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rating = ParseRating(body?.Rating);
        if (rating is null) errors["rating"] = ["must be one of Outstanding, Good, RequiresImprovement, Inadequate (manual 7.1)."];
        if (string.IsNullOrWhiteSpace(body?.Reason)) errors["reason"] = ["is required: why the panel confirmed or changed the rating, as the Ratings Panel Decision document records it (manual 7.2)."];
        if (string.IsNullOrWhiteSpace(body?.Chair)) errors["chair"] = ["is required: who chaired the panel, normally the director of operations (manual 7.2)."];
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var decision = new PanelDecisionRecordedData(standard, rating!.Value, body!.Reason!.Trim(), body.Chair!.Trim());
        return await RatingsAppendAsync(id, standard, "rating", (state, _) =>
        {
            // 7.2: "exceptionally, the panel considers whether professional discretion should be exercised" near a boundary only.
            if (!state.KeyQuestions.TryGetValue(standard, out var questions) || !EvidenceRatings.NearABoundary(questions))
                throw new RefusedException(Refusal.OutOfOrder("Not near a boundary", "rating",
                    $"is the panel's to change only where a key question of standard {standard} is within five percentage points of a band's boundary, or one case "
                    + "would change the rating (manual 7.2); record its key questions first, or rate it as they give."));
            return state.PanelDecisions.TryGetValue(standard, out var was) && was == decision
                ? []
                : [new NewEvent(ProbationEvents.PanelDecisionRecorded, EventData.ToData(decision))];
        }, durable, ct);
    }

    private static ProbationRating? ParseRating(string? text) =>
        text is not null && Enum.TryParse<ProbationRating>(text, ignoreCase: false, out var rating) && Enum.IsDefined(rating) && !int.TryParse(text, out _) ? rating : null;

    /// <summary>
    /// Appends what <paramref name="decide"/> records about a standard, once the standard exists (404), the report is not yet
    /// published (409) and fieldwork has started (409 naming <paramref name="field"/>): ratings are drafted from what it finds.
    /// </summary>
    private Task<Refusal?> RatingsAppendAsync(string id, string standard, string field, Func<ProbationState, ProbationStandard, IReadOnlyList<NewEvent>> decide,
        DurableTaskClient durable, CancellationToken ct)
    {
        var today = Today();
        return AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            var state = ProbationState.From(status.Instance);
            if (state.Standards.FirstOrDefault(s => s.Ref == standard) is not { } rated)
                throw new RefusedException(Refusal.NotFound(
                    $"'{standard}' is not a standard of this inspection. Standards: {string.Join(", ", state.Standards.Select(s => s.Ref))}."));
            if (state.Progress.PublishedOn is { } published)
                throw new RefusedException(Refusal.Conflict("Already published", $"The report was published on {published:yyyy-MM-dd}; its ratings can no longer change."));
            // Manual 2.3: ratings are drafted from what the three fieldwork weeks find, for the ratings panel of week +1 (7.2).
            var fieldwork = workflow.Timeline(state).Single(s => s.Id == ProbationSteps.FieldworkWeek1).Date;
            if (today < fieldwork)
                throw new RefusedException(Refusal.OutOfOrder("Fieldwork has not started", field,
                    $"cannot be recorded before fieldwork starts on {fieldwork:yyyy-MM-dd}: ratings are drafted from what the fieldwork finds (manual 2.3, 7.2). "
                    + $"Today is {today:yyyy-MM-dd}."));
            return decide(state, rated);
        }, durable, ct);
    }

    /// <summary>
    /// Records OSAG's action plan as the lead inspector and head of inspection reviewed it (7.5): each recommendation's answer
    /// (Appendix 5) and any amendments asked for; the acknowledgement letter then goes. The same plan again records nothing.
    /// Invalid fields are named; a conflict before the report is published (the plan answers it) or once acknowledged.
    /// </summary>
    public async Task<Refusal?> RecordActionPlanAsync(string id, ActionPlanRequest? body, DurableTaskClient durable, CancellationToken ct)
    {
        var today = Today();
        var errors = new Dictionary<string, string[]>();
        DateOnly received = today;
        if (body?.Date is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out received))
            errors["date"] = ["must be a date in the form yyyy-MM-dd; absent, the plan is recorded as received today."];
        else if (received > today) errors["date"] = [$"must not be in the future (today is {today:yyyy-MM-dd})."];
        var items = new List<ActionPlanItem>();
        if (body?.Recommendations is not { Count: > 0 } listed)
            errors["recommendations"] = ["is required: each recommendation of the report with the plan's response, Agreed, PartlyAgreed or NotAgreed (manual Appendix 5)."];
        else
            for (var i = 0; i < listed.Count; i++)
            {
                var wording = listed[i]?.Recommendation?.Trim();
                if (string.IsNullOrEmpty(wording)) errors[$"recommendations[{i}].recommendation"] = ["is required: the recommendation as the report words it."];
                if (!Enum.TryParse<ActionPlanResponse>(listed[i]?.Response, ignoreCase: false, out var response) || !Enum.IsDefined(response) || int.TryParse(listed[i]?.Response, out _))
                    errors[$"recommendations[{i}].response"] = ["must be one of Agreed, PartlyAgreed, NotAgreed (manual Appendix 5)."];
                else if (!string.IsNullOrEmpty(wording)) items.Add(new ActionPlanItem(wording, response));
            }
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var plan = new ActionPlanReceivedData(received, items, string.IsNullOrWhiteSpace(body!.Amendments) ? null : body.Amendments.Trim());
        return await AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            var state = ProbationState.From(status.Instance);
            // 7.5: the action plan addresses "the report recommendations", so it follows publication.
            if (state.Progress.PublishedOn is null)
                throw new RefusedException(Refusal.Conflict("Not published yet", "The action plan answers the published report's recommendations (manual 7.5); record Published first."));
            if (status.Step(ProbationSteps.ActionPlanAcknowledgement)?.Status == StepStatus.Done)
                throw new RefusedException(Refusal.Conflict("Action plan already acknowledged", "The acknowledgement letter has gone; the action plan it answered can no longer change."));
            return state.ActionPlan is { } was && was.Date == plan.Date && was.Amendments == plan.Amendments && was.Recommendations.SequenceEqual(plan.Recommendations)
                ? []
                : [new NewEvent(ProbationEvents.ActionPlanReceived, EventData.ToData(plan))];
        }, durable, ct);
    }

    /// <summary>Records a file the organisation uploaded; idempotent by blob name. Refused (a conflict) once the inspection is terminated or completed.</summary>
    public Task<Refusal?> RecordDocumentAsync(string id, DocumentReceivedData file, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            return ProbationState.From(status.Instance).DocumentsReceived.Any(f => f.BlobName == file.BlobName)
                ? []
                : [new NewEvent(DocumentEvents.DocumentReceived, EventData.ToData(file))];
        }, durable, ct);

    /// <summary>Cancels an inspection: every step not done is skipped, and the organisation is told once it has been called.</summary>
    public Task<Refusal?> TerminateAsync(string id, string? reason, DurableTaskClient durable, CancellationToken ct) =>
        AppendAsync(id, status =>
        {
            RefuseIfFinished(status);
            return [new NewEvent(ProbationEvents.Cancelled, EventData.ToData(new ProbationCancelledData(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())))];
        }, durable, ct);

    /// <summary>
    /// Runs a failed step again (<c>POST /api/probation-inspections/{id}/steps/{stepId}/retry</c>): not found for an
    /// unknown inspection or step, a conflict unless it failed.
    /// </summary>
    public async Task<Refusal?> RetryStepAsync(string id, string stepId, DurableTaskClient durable, CancellationToken ct)
    {
        try
        {
            return await engine.RetryStepAsync(ProbationWorkflow.KindName, id, stepId, durable, ct) is null ? NotFound(id) : null;
        }
        catch (RefusedException e)
        {
            return e.Refusal;
        }
    }

    private async Task<Refusal?> AppendAsync(string id, Func<InstanceStatus, IReadOnlyList<NewEvent>> decide, DurableTaskClient durable, CancellationToken ct)
    {
        try
        {
            var status = await engine.AppendAsync(ProbationWorkflow.KindName, id, decide, durable, ct);
            return status is null ? NotFound(id) : null;
        }
        catch (RefusedException e)
        {
            return e.Refusal;
        }
    }

    public static Refusal NotFound(string id) => Refusal.NotFound($"There is no probation inspection with id '{id}'.");

    private IReadOnlyList<NewEvent> Decide(InstanceStatus status, string eventName, JsonObject data)
    {
        RefuseIfFinished(status);
        var state = ProbationState.From(status.Instance);
        bool Done(string step) => status.Step(step)?.Status == StepStatus.Done;
        static RefusedException Conflict(string title, string detail) => new(Refusal.Conflict(title, detail));
        switch (eventName)
        {
            // What is already true is not recorded again: a retried request, or the same one sent twice at once, records once.
            case ProbationEvents.SeniorLinkManagerNamed when EventData.FromData<SeniorLinkManagerNamedData>(data) is var named
                && state.Facts.Contacts.SeniorLinkManager == new Contact(named.Name, named.Email):
                return [];
            case ProbationEvents.PlanningMeetingHeld when state.Progress.PlanningMeetingOn == EventData.FromData<PlanningMeetingHeldData>(data).Date:
                return [];
            case ProbationEvents.ContactNamed when EventData.FromData<ContactNamedData>(data) is var named:
                if (named.Role == ProbationRoles.NpsDivision && state.Facts.Organisation.Type == OrganisationType.Nps)
                    throw new RefusedException(Refusal.Invalid("role", ProbationRequestValidator.NpsDivisionRule + "."));
                if (state.Facts.Contacts.Of(named.Role) == new Contact(named.Name, named.Email)) return [];
                break;
            case ProbationEvents.AnnouncementCallMade:
                return Announce(status, state, EventData.FromData<AnnouncementCallMadeData>(data));
            case ProbationEvents.PlanningMeetingAgreed when state.Progress.PlanningMeetingOn is { } heldOn:
                throw Conflict("Planning meeting already held", $"The telephone planning meeting was held on {heldOn:yyyy-MM-dd}.");
            case ProbationEvents.PlanningMeetingAgreed when EventData.FromData<PlanningMeetingAgreedData>(data).At is var at:
                if (state.Progress.PlanningMeetingAgreedAt == at) return [];
                // 3.5: "The planning meeting takes place within one week of the announcement."
                var announced = CallDate(status, state);
                if (DateOnly.FromDateTime(at) < announced || DateOnly.FromDateTime(at) > announced.AddDays(7))
                    throw new RefusedException(Refusal.Invalid("at",
                        $"must be within one week of the announcement call on {announced:yyyy-MM-dd}, from {announced:yyyy-MM-dd} to {announced.AddDays(7):yyyy-MM-dd} "
                        + "(manual 3.5: \"The planning meeting takes place within one week of the announcement\")."));
                break;
            case ProbationEvents.FieldworkRescheduled when Done(ProbationSteps.FieldworkWeek1):
                throw Conflict("Fieldwork has started", "Fieldwork has already started; its weeks can no longer be moved.");
            case ProbationEvents.FieldworkRescheduled when EventData.FromData<FieldworkRescheduledData>(data) is var asked
                && (asked.FieldworkStart, asked.FieldworkWeekThreeStart) == (state.Facts.FieldworkStart, state.Facts.FieldworkWeekThreeStart):
                return [];
            case ProbationEvents.FieldworkRescheduled:
                var moved = EventData.FromData<FieldworkRescheduledData>(data);
                var facts = state.Facts with { FieldworkStart = moved.FieldworkStart, FieldworkWeekThreeStart = moved.FieldworkWeekThreeStart };
                try
                {
                    workflow.Timeline(state with { Facts = facts });
                }
                catch (CalendarRangeException)
                {
                    throw new RefusedException(Refusal.Invalid("fieldworkStart",
                        $"is too late: the timeline would run past {calendar.SupportedTo:yyyy-MM-dd}, the last date whose bank holidays IrpFlows knows."));
                }
                break;
            case ProbationEvents.PlanningMeetingHeld:
                // 3.5: the planning meeting follows the announcement call, within a week of it.
                var call = CallDate(status, state);
                if (EventData.FromData<PlanningMeetingHeldData>(data).Date < call)
                    throw new RefusedException(Refusal.Invalid("date", $"must not be before the announcement call on {call:yyyy-MM-dd} (manual 3.5)."));
                break;
            case ProbationEvents.LocalAssessorsNominated when state.Facts.Organisation.Type == OrganisationType.Crc:
                throw Conflict("No local assessors on a CRC inspection", "Local assessors take part in NPS inspections only (manual 3.9).");
            case ProbationEvents.LocalAssessorsNominated when EventData.FromData<LocalAssessorsNominatedData>(data) is var nominated
                && (state.LocalAssessors?.Trained, state.LocalAssessors?.Deployed) == (nominated.Trained, nominated.Deployed):
                return [];
            case ProbationEvents.SampleReturned when EventData.FromData<SampleReturnedData>(data).Sample is var key:
                var kinds = ProbationSamples.For(state.Facts.Organisation.Type);
                if (kinds.All(k => k.Key != key))
                    throw new RefusedException(Refusal.Invalid("sample",
                        $"must be one of this {ProbationPage.TypeText(state.Facts.Organisation.Type)} inspection's case samples (manual 4.1, 4.4): {string.Join(", ", kinds.Select(k => k.Key))}."));
                // Returned by the event or by a file through the upload link: either way, once.
                if (state.Progress.SamplesReturned.Contains(key)) return [];
                break;
            // Returned by the event or by a file through the upload link: either way, once.
            case ProbationEvents.CaseSampleReturned when state.Progress.CaseSampleReturned:
                throw Conflict("Case sample already returned", "The case sample is already recorded as returned" + On(state.CaseSampleReturnedOn));
            case ProbationEvents.CaseSampleReturned:
                // 4.4: the sample is "identified on Monday week -4", when it is requested, so it cannot come back before then.
                // The request as it went (a later move of fieldwork leaves it alone), or as planned.
                var requested = ProbationWorkflow.RanOn(status.Step(ProbationSteps.CaseSampleRequest))
                    ?? workflow.Timeline(state).Single(s => s.Id == ProbationSteps.CaseSampleRequest).Date;
                if (EventData.FromData<OnDateData>(data).Date < requested)
                    throw new RefusedException(Refusal.Invalid("date",
                        $"must not be before the case sample was requested on {requested:yyyy-MM-dd}: it is identified on Monday week -4 (manual 4.4). Without a date, the return is recorded today."));
                break;
            case ProbationEvents.DraftIssued when state.DraftIssuedOn is { } on:
                throw Conflict("Draft already issued", $"The draft report was issued on {on:yyyy-MM-dd}.");
            case ProbationEvents.DraftIssued when state.DraftReport is null:
                throw Conflict("No draft report uploaded",
                    "Upload the draft report first (PUT /api/probation-inspections/{id}/draft-report): the organisation's email links to it (manual 7.3).");
            case ProbationEvents.DraftIssued when !Done(ProbationSteps.FieldworkWeek3):
                throw Conflict("Fieldwork has not ended", "The draft report follows the fieldwork (manual 7.3); fieldwork week three has not begun.");
            case ProbationEvents.CommentsReturned when state.DraftIssuedOn is null:
                throw Conflict("No draft issued", "The draft report has not been issued for factual accuracy checking yet.");
            case ProbationEvents.CommentsReturned when state.Progress.CommentsReturned:
                throw Conflict("Comments already returned", "The factual accuracy comments are already recorded as returned" + On(state.CommentsReturnedOn));
            case ProbationEvents.PublicationDateAgreed when state.Progress.PublishedOn is { } publishedOn:
                throw Conflict("Already published", $"The report was published on {publishedOn:yyyy-MM-dd}.");
            case ProbationEvents.PublicationDateAgreed when EventData.FromData<PublicationDateAgreedData>(data).Date is var publishOn:
                if (state.Progress.PublicationAgreedOn == publishOn) return [];
                AgreePublication(status, state, publishOn);
                break;
            case ProbationEvents.Published when state.Progress.PublishedOn is { } on:
                throw Conflict("Already published", $"The report was published on {on:yyyy-MM-dd}.");
            case ProbationEvents.Published when state.DraftIssuedOn is null:
                throw Conflict("No draft issued", "A report is published after its factual accuracy check (manual 7.3, 7.4); the draft has not been issued.");
        }
        return [new NewEvent(eventName, data)];
    }

    /// <summary>
    /// 7.4: "Changes to this publication date may be agreed in advance." The date must be a working day after the factual
    /// accuracy comments are due (7.3), and, unless the embargoed copy has gone, far enough ahead for it to go "5 working days
    /// before formal publication" from today.
    /// </summary>
    private void AgreePublication(InstanceStatus status, ProbationState state, DateOnly date)
    {
        static RefusedException Invalid(string message) => new(Refusal.Invalid("date", message));
        if (!calendar.IsWorkingDay(date)) throw Invalid($"must be a working day; {date:yyyy-MM-dd} is a {(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? date.DayOfWeek.ToString() : "bank holiday")}.");
        var timeline = workflow.Timeline(state);
        var comments = timeline.Single(s => s.Id == ProbationSteps.FactualAccuracyDeadline).Date;
        if (date <= comments)
            throw Invalid($"must be after the factual accuracy comments are due on {comments:yyyy-MM-dd}: the report is published after its factual accuracy check (manual 7.3, 7.4).");
        var today = Today();
        var embargo = calendar.AddWorkingDays(date, -policy.EmbargoWorkingDaysBeforePublication);
        if (status.Step(ProbationSteps.EmbargoedCopy)?.Status != StepStatus.Done && embargo < today)
            throw Invalid($"is too soon: the embargoed copy goes {policy.EmbargoWorkingDaysBeforePublication} working days before publication (manual 7.4), on {embargo:yyyy-MM-dd}, before today ({today:yyyy-MM-dd}).");
    }

    /// <summary>
    /// The announcement call as recorded, else as its step ran (a later move of fieldwork leaves it alone), else as planned.
    /// </summary>
    private DateOnly CallDate(InstanceStatus status, ProbationState state) =>
        state.Progress.AnnouncementCallOn ?? ProbationWorkflow.RanOn(status.Step(ProbationSteps.AnnouncementCall))
        ?? workflow.Timeline(state).Single(s => s.Id == ProbationSteps.AnnouncementCall).Date;

    /// <summary>
    /// 3.3: the call is made "on the Thursday or Friday, nine weeks before the fieldwork commences (week -9)" by the lead inspector,
    /// "or the deputy lead inspector if the lead inspector is not available". Any day is recorded as it happened; one outside
    /// week -9 carries a warning. The same call again records nothing.
    /// </summary>
    private IReadOnlyList<NewEvent> Announce(InstanceStatus status, ProbationState state, AnnouncementCallMadeData call)
    {
        if (state.Facts.Contacts.Of(call.By) is null)
            throw new RefusedException(Refusal.OutOfOrder("Deputy lead not named", "by",
                "is the deputy lead inspector, who is not named for this inspection yet: record ContactNamed with role deputyLead first (manual 3.3)."));
        if (status.Step(ProbationSteps.AnnouncementEmail)?.Status == StepStatus.Done)
            throw new RefusedException(Refusal.Conflict("Inspection already confirmed",
                "The email confirming the inspection has gone; it followed the announcement call, which can no longer be recorded or changed (manual 3.3)."));
        if (state.AnnouncementCall is { } recorded && (recorded.Date, recorded.By) == (call.Date, call.By)) return [];
        var weekMinus9 = state.Facts.FieldworkStart.AddDays(-63);
        var warning = call.Date >= weekMinus9 && call.Date < weekMinus9.AddDays(7) ? null
            : $"The call on {call.Date:yyyy-MM-dd} is in {ProbationPlanner.WeekOf(state.Facts, call.Date)}, not week -9 (from {weekMinus9:yyyy-MM-dd}) as the manual expects (3.3); "
              + "the confirming email follows on the first working day of the week after the call.";
        return [new NewEvent(ProbationEvents.AnnouncementCallMade, EventData.ToData(call with { Warning = warning }))];
    }

    private static string On(DateOnly? date) => date is { } day ? $" on {day:yyyy-MM-dd}." : ", through the upload link.";

    private static void RefuseIfFinished(InstanceStatus status)
    {
        if (Finished(status) is { } finished) throw new RefusedException(finished);
    }

    /// <summary>The refusal for an inspection terminated or completed, on which nothing more can be recorded; else null.</summary>
    public static Refusal? Finished(InstanceStatus status)
    {
        if (status.RuntimeStatus is not (RuntimeStatus.Terminated or RuntimeStatus.Completed)) return null;
        var word = status.RuntimeStatus.ToString().ToLowerInvariant();
        return Refusal.Conflict($"The inspection is {word}", $"This probation inspection is {word}; nothing more can be recorded.");
    }

    /// <summary>An event's body as its data, or the refusal naming the field at fault.</summary>
    private static (JsonObject? Data, Refusal? Error) Parse(string eventName, JsonObject body, DateOnly today)
    {
        string? Text(string field) => body[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        (DateOnly? Date, Refusal? Error) Date(string field, bool required)
        {
            if (body[field] is null) return required ? (null, Refusal.Invalid(field, "is required: a date in the form yyyy-MM-dd.")) : (null, null);
            if (Text(field) is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d > today ? (null, Refusal.Invalid(field, $"must not be in the future (today is {today:yyyy-MM-dd}).")) : (d, null);
            return (null, Refusal.Invalid(field, "must be a date in the form yyyy-MM-dd."));
        }

        switch (eventName)
        {
            case ProbationEvents.SeniorLinkManagerNamed:
                var errors = new Dictionary<string, string[]>();
                var contact = Contacts.Parse(new ContactRequest(Text("name"), Text("email")), "", required: true,
                    (field, message) => errors[field.TrimStart('.')] = [message]);
                return contact is null
                    ? (null, Refusal.Invalid(errors))
                    : (EventData.ToData(new SeniorLinkManagerNamedData(contact.Name, contact.Email)), null);
            case ProbationEvents.ContactNamed:
                var role = Text("role");
                if (role is null || !ProbationRoles.All.Contains(role))
                    return (null, Refusal.Invalid("role", $"must be one of {string.Join(", ", ProbationRoles.All)}."));
                var namedErrors = new Dictionary<string, string[]>();
                var named = Contacts.Parse(new ContactRequest(Text("name"), Text("email")), "", required: true,
                    (field, message) => namedErrors[field.TrimStart('.')] = [message]);
                return named is null ? (null, Refusal.Invalid(namedErrors)) : (EventData.ToData(new ContactNamedData(role, named.Name, named.Email)), null);
            case ProbationEvents.AnnouncementCallMade:
                var (made, madeError) = Date("date", required: true);
                if (madeError is not null) return (null, madeError);
                var by = Text("by") ?? ProbationRoles.LeadInspector;
                if (by is not (ProbationRoles.LeadInspector or ProbationRoles.DeputyLead))
                    return (null, Refusal.Invalid("by", "must be leadInspector (the default) or deputyLead: the lead inspector announces, or the deputy lead when the lead is not available (manual 3.3)."));
                return (EventData.ToData(new AnnouncementCallMadeData(made!.Value, by, null)), null);
            case ProbationEvents.PlanningMeetingAgreed:
                if (!DateTime.TryParseExact(Text("at"), "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var agreedAt))
                    return (null, Refusal.Invalid("at", "is required: the local date and time agreed, in the form yyyy-MM-ddTHH:mm (manual 3.3, 3.5)."));
                return (EventData.ToData(new PlanningMeetingAgreedData(agreedAt)), null);
            case ProbationEvents.LocalAssessorsNominated:
                int? Count(string field) => body[field] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
                var (trained, deployed) = (Count("trained"), Count("deployed"));
                var counts = new Dictionary<string, string[]>();
                if (trained is not > 0) counts["trained"] = ["is required: how many local assessors are trained, a whole number of at least 1 (manual 3.9)."];
                if (deployed is not >= 0) counts["deployed"] = ["is required: how many of them work on the fieldwork, a whole number (manual 3.9)."];
                else if (deployed > trained) counts["deployed"] = [$"must not be more than the {trained} trained: only those trained are deployed (manual 3.9)."];
                if (counts.Count > 0) return (null, Refusal.Invalid(counts));
                // 3.9: "Up to a maximum of ten people can be trained"; "Four to six Local Assessors will be used on each NPS inspection".
                List<string> beyond = [];
                if (trained > 10) beyond.Add($"{trained} are to be trained; the manual allows up to a maximum of ten (3.9).");
                if (deployed is < 4 or > 6) beyond.Add($"{deployed} are to be deployed; the manual uses four to six on each NPS inspection (3.9).");
                return (EventData.ToData(new LocalAssessorsNominatedData(trained!.Value, deployed!.Value, beyond)), null);
            case ProbationEvents.SampleReturned:
                var (sampleOn, sampleOnError) = Date("date", required: false);
                if (sampleOnError is not null) return (null, sampleOnError);
                return Text("sample") is { Length: > 0 } sample
                    ? (EventData.ToData(new SampleReturnedData(sample, sampleOn ?? today)), null)
                    : (null, Refusal.Invalid("sample", "is required: the key of the case sample returned, as the inspection's documents list it (manual 4.4)."));
            case ProbationEvents.PublicationDateAgreed:
                if (!DateOnly.TryParseExact(Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var agreedOn))
                    return (null, Refusal.Invalid("date", "is required: the publication date agreed, in the form yyyy-MM-dd (manual 7.4)."));
                return (EventData.ToData(new PublicationDateAgreedData(agreedOn)), null);
            case ProbationEvents.PlanningMeetingHeld:
                var (held, heldError) = Date("date", required: true);
                return heldError is not null ? (null, heldError) : (EventData.ToData(new PlanningMeetingHeldData(held!.Value)), null);
            case ProbationEvents.CaseSampleReturned or ProbationEvents.DraftIssued or ProbationEvents.CommentsReturned:
                var (on, onError) = Date("date", required: false);
                return onError is not null ? (null, onError) : (EventData.ToData(new OnDateData(on ?? today)), null);
            case ProbationEvents.Published:
                var (published, publishedError) = Date("date", required: true);
                if (publishedError is not null) return (null, publishedError);
                if (!Uri.TryCreate(Text("url"), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                    return (null, Refusal.Invalid("url", "is required and must be the absolute http(s) address of the published report."));
                return (EventData.ToData(new ProbationPublishedData(published!.Value, url)), null);
            case ProbationEvents.FieldworkRescheduled:
                var fieldErrors = new Dictionary<string, string[]>();
                void Error(string field, string message) => fieldErrors[field] = [message];
                var start = ProbationRequestValidator.ParseMonday(Text("fieldworkStart"), "fieldworkStart", required: true, Error);
                var weekThree = ProbationRequestValidator.ParseMonday(Text("fieldworkWeekThreeStart"), "fieldworkWeekThreeStart", required: false, Error) ?? start?.AddDays(14);
                if (start < today) Error("fieldworkStart", $"must not be in the past (today is {today:yyyy-MM-dd}).");
                if (start is not null && weekThree < start.Value.AddDays(14))
                    Error("fieldworkWeekThreeStart", $"must be on or after {start.Value.AddDays(14):yyyy-MM-dd}, two weeks after fieldwork starts.");
                return fieldErrors.Count > 0
                    ? (null, Refusal.Invalid(fieldErrors))
                    : (EventData.ToData(new FieldworkRescheduledData(start!.Value, weekThree!.Value)), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "Not a coordinator event.");
        }
    }

    private ProbationView View(InstanceStatus status)
    {
        var state = ProbationState.From(status.Instance);
        var facts = state.Facts;
        var entries = workflow.Timeline(state).Select(s => Entry(facts, s, ProbationWorkflow.DateRecorded(s.Id, state.Progress) ? null : status.Step(s.Id), status.Step(s.Id))).ToList();
        if (status.Step(ProbationSteps.Cancellation) is { } cancel)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cancel.Due, _zone).DateTime);
            entries.Add(new ProbationTimelineEntry(cancel.Id, "Cancellation notice", ProbationPlanner.WeekOf(facts, date), date, null, cancel.Due,
                StatusWord(cancel.Status), cancel.CompletedAt, "Terminate request", "Chief executive / divisional director", null, cancel.LastError));
        }
        foreach (var notice in status.Steps.Where(s => SkippedNotices.IsNotice(s.Id)))
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(notice.CompletedAt ?? notice.Due, _zone).DateTime);
            entries.Add(new ProbationTimelineEntry(notice.Id, ProbationWorkflow.SkippedNoticeTitle, ProbationPlanner.WeekOf(facts, date), date, null, notice.Due,
                StatusWord(notice.Status), notice.CompletedAt, "The windows of the skipped letters", "Lead inspector", null, notice.LastError)
                { SkippedReason = notice.SkippedReason });
        }
        var emails = status.Steps.Where(s => s.Result?["email"] is JsonObject)
            .Select(s => EventData.FromData<EmailRecord>(s.Result!["email"]!.AsObject())).OrderBy(e => e.SentAt).ToList();
        return new ProbationView(
            status.Instance.Id, status.RuntimeStatus.ToString(), status.Plan.CustomStatus, status.Instance.CreatedTime, status.Instance.LastUpdatedTime,
            facts.Organisation, facts.FieldworkStart, facts.FieldworkWeekThreeStart, facts.Contacts, entries, Ratings(state), emails,
            state.Progress.PlanningMeetingOn, state.CaseSampleReturnedOn, state.DraftIssuedOn, state.CommentsReturnedOn, state.Progress.PublishedOn,
            state.PublicationUrl, state.CancellationReason)
        {
            Documents = state.Documents.Select(d => new DocumentView(d.Item.Key, d.Item.Title, d.Item.Description, d.Item.Source,
                d.Files.Count > 0 ? "received" : "missing", d.Files.Select(f => new DocumentFileView(f.FileName, f.Size, f.ReceivedAt)).ToList())).ToList(),
            UploadLink = status.Step(ProbationSteps.AnnouncementEmail)?.Status == StepStatus.Done ? workflow.UploadLink(status.Instance.Id, state) : null,
            History = status.Instance.Events.Select(HistoryEntry.From).ToList(),
            AnnouncementCall = state.AnnouncementCall,
            LocalAssessors = state.LocalAssessors,
            DraftReport = state.DraftReport is { } draft ? ReportFileView.From(draft) : null,
            FinalReport = state.FinalReport is { } final ? ReportFileView.From(final) : null,
            PublicationAgreedOn = state.Progress.PublicationAgreedOn,
            ActionPlan = state.ActionPlan,
        };
    }

    /// <summary>The summary of ratings (manual 7.1): each standard's rating, and the overall rating from their total score once all are rated.</summary>
    public static RatingsSummary Ratings(ProbationState state)
    {
        var standards = state.Standards;
        var overall = ProbationStandards.Overall(standards, state.Ratings);
        return new RatingsSummary(
            standards.Select(s => new RatingView(s.Ref, s.Domain, s.Title, state.Ratings.TryGetValue(s.Ref, out var r) ? r.ToString() : null)
            {
                KeyQuestions = state.KeyQuestions.GetValueOrDefault(s.Ref, [])
                    .Select(q => new KeyQuestionView(q.Question, q.Yes, q.Cases, Math.Round(q.Percentage, 1), EvidenceRatings.Band(q.Percentage).ToString())).ToList(),
                FromEvidence = state.KeyQuestions.TryGetValue(s.Ref, out var questions) ? EvidenceRatings.Rating(questions).ToString() : null,
                NearBoundary = questions is not null && EvidenceRatings.NearABoundary(questions),
                Panel = state.PanelDecisions.GetValueOrDefault(s.Ref),
            }).ToList(),
            overall is null ? null : standards.Sum(s => ProbationStandards.Score(state.Ratings[s.Ref])),
            overall?.ToString());
    }

    /// <summary>
    /// A step as planned. A step done shows the date (and week) it was planned for when it ran (<paramref name="ran"/>), which a
    /// later move of fieldwork leaves alone; a step whose date was recorded as it happened is given no <paramref name="ran"/>.
    /// </summary>
    private ProbationTimelineEntry Entry(ProbationFacts facts, PlannedStep step, StepState? ran, StepState? state)
    {
        var (date, week, due) = ProbationWorkflow.RanOn(ran) is { } ranOn
            ? (ranOn, state!.Result![ProbationWorkflow.WeekResult]!.GetValue<string>(), LocalInstant.At(ranOn, step.Time ?? policy.StepTimeOfDay, _zone))
            : (step.Date, ProbationPlanner.WeekOf(facts, step.Date), step.Due);
        return new ProbationTimelineEntry(
            step.Id, step.Title, week, date, step.Time?.ToString("HH:mm", CultureInfo.InvariantCulture), due,
            state is null ? (step.Applicable ? "pending" : "skipped") : StatusWord(state.Status), state?.CompletedAt, step.Source, step.Concerns,
            state?.Status is StepStatus.Done or StepStatus.Skipped ? null : step.WaitingFor, state?.LastError)
        {
            SkippedReason = state is null ? step.SkipReason : state.SkippedReason,
            // A step that ran on another day than today's plan gives (fieldwork moved since) has no end the plan knows.
            EndsAt = date == step.Date ? step.Ends : null,
        };
    }

    private static string StatusWord(StepStatus status) => status.ToString().ToLowerInvariant();
}
