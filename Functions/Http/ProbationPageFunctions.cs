using System.Globalization;
using System.Text.Json;
using IrpFlows.Pages;
using IrpFlows.Probation;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// A probation inspection's page and its actions, as the IRP's (see <see cref="PageFunctions"/>): signed in, every post with the
/// anti-forgery token, each action the API's, recorded as the person's, and a refusal shown again with its errors beside the
/// fields.
/// </summary>
public sealed class ProbationPageFunctions(
    ProbationService inspections, ProbationReports reports, CoordinatorPages pages, ProbationPolicy policy)
{
    [Function(nameof(ProbationPage))]
    [OpenApiOperation("Pages", "One probation inspection: timeline in the manual's weeks, actions, ratings with key questions and the panel's decisions, documents, emails, history.",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> ProbationPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probation-inspections/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        var done = request.Query["done"].FirstOrDefault() is { } key && Done.TryGetValue(key, out var text) ? text : null;
        return await PageAsync(request, person, id, new PageState(done), StatusCodes.Status200OK, ct);
    }

    [Function(nameof(ProbationPageAction))]
    [OpenApiOperation("Pages", "An action from the probation inspection's page: contact, announcement-call, planning-meeting-agreed, planning-meeting-minutes, planning-meeting-held, sample-returned, local-assessors, move-fieldwork, rating, key-questions, panel, draft-report, issue-draft, comments-returned, final-report, publication-date, published, action-plan, cancel or retry.",
        Description = "Form fields as the page's forms send them. Succeeds with 303 to the inspection's page; a refusal shows the page again with the errors beside the fields.",
        RequestContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"], ResponseContentType = "text/html",
        ResponseStatus = StatusCodes.Status303SeeOther,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> ProbationPageAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probation-inspections/{id}/{action}")] HttpRequest request, string id, string action,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var (person, form, badDates, refused) = await pages.ReadPostAsync(request, ct);
        if (refused is not null) return refused;
        using var by = Actor.Use(person!.Name);
        string? F(string name) => form![name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        // The forms of a standard (a rating, key questions, the panel's decision) are one per standard: its errors go beside its own.
        var formKey = action is "rating" or "key-questions" or "panel" && F("standard") is { } standard ? $"{action}-{standard.Replace('.', '-')}" : action;

        if (badDates is not null) return await RefusedAsync(badDates);
        Refusal? refusal;
        IReadOnlyList<string> warnings = [];
        switch (action)
        {
            case var _ when EventActions.TryGetValue(action, out var eventName):
                var (fields, broken) = EventFields(F);
                if (broken is not null) return await RefusedAsync(broken);
                (refusal, warnings) = await inspections.RaiseAsync(id, eventName, JsonSerializer.SerializeToNode(fields, EventData.Json)!.AsObject(), durable, ct);
                break;
            case "draft-report":
                refusal = await CoordinatorPages.UploadAsync(form!, "draft report", (name, type, bytes) => reports.UploadDraftAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "final-report":
                refusal = await CoordinatorPages.UploadAsync(form!, "final report", (name, type, bytes) => reports.UploadFinalAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "planning-meeting-minutes":
                refusal = await CoordinatorPages.UploadAsync(form!, "minutes", (name, type, bytes) => reports.UploadMinutesAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "rating":
                refusal = await inspections.RateAsync(id, F("standard") ?? "", new RatingRequest(F("rating")), durable, ct);
                break;
            case "key-questions":
                var (questions, unreadable) = KeyQuestions(F("keyQuestions"));
                refusal = unreadable ?? CoordinatorPages.ByLine(await inspections.RecordKeyQuestionsAsync(id, F("standard") ?? "", questions, durable, ct), "keyQuestions");
                break;
            case "panel":
                var decision = new PanelDecisionRequest(F("rating"), F("reason"), F("chair"));
                refusal = TextRules.Check(decision) is { Count: > 0 } badDecision ? Refusal.Invalid(badDecision)
                    : await inspections.RecordPanelDecisionAsync(id, F("standard") ?? "", decision, durable, ct);
                break;
            case "action-plan":
                var (plan, unreadablePlan) = ActionPlan(F("date"), F("recommendations"), F("amendments"));
                refusal = unreadablePlan ?? (TextRules.Check(plan!) is { Count: > 0 } badPlan ? CoordinatorPages.ByLine(Refusal.Invalid(badPlan), "recommendations")
                    : CoordinatorPages.ByLine(await inspections.RecordActionPlanAsync(id, plan, durable, ct), "recommendations"));
                break;
            case "cancel" when F("reason") is { } reason && IrpFunctions.ReasonRule.Broken(reason) is { } reasonBroken:
                refusal = Refusal.Invalid("reason", reasonBroken);
                break;
            case "cancel" when F("confirm") != "yes":
                refusal = Refusal.Invalid("confirm", "Tick the box to confirm that the inspection is to be cancelled.");
                break;
            case "cancel":
                refusal = await inspections.TerminateAsync(id, F("reason"), durable, ct);
                break;
            case "retry":
                refusal = await inspections.RetryStepAsync(id, F("stepId") ?? "", durable, ct);
                break;
            default:
                return Results.NotFound();
        }
        if (refusal is not null) return await RefusedAsync(refusal);
        // Something unusual recorded (a call outside week -9, more local assessors than the manual's): said on the page, as the API's 202 says it.
        if (warnings.Count > 0) return await PageAsync(request, person, id, new PageState($"{Done[action]} Note: {string.Join(" ", warnings)}"), StatusCodes.Status200OK, ct);
        return CoordinatorPages.SeeOther($"/probation-inspections/{id}?done={action}");

        async Task<IResult> RefusedAsync(Refusal why) => why.Kind == RefusalKind.NotFound && why.Errors is null
            ? Results.NotFound()
            : await PageAsync(request, person, id, new PageState(null, why, formKey, form), Problems.StatusOf(why), ct);
    }

    [Function(nameof(ProbationPageDocument))]
    [OpenApiOperation("Pages", "Download a document a probation inspection received: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status410Gone])]
    public async Task<IResult> ProbationPageDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probation-inspections/{id}/documents/{key}/files/{name}")] HttpRequest request,
        string id, string key, string name, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        return await pages.DocumentAsync(request, person, ProbationWorkflow.KindName, id, key, name, $"/probation-inspections/{id}", ct);
    }

    [Function(nameof(ProbationPageEmail))]
    [OpenApiOperation("Pages", "One email a probation inspection sent, as its recipients read it (from the local outbox; with Microsoft Graph, the page says where it is).",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> ProbationPageEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probation-inspections/{id}/emails/{messageId}")] HttpRequest request,
        string id, string messageId, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        if (await inspections.GetAsync(id, ct) is not { } inspection) return Results.NotFound();
        return await pages.EmailAsync(request, person, $"/probation-inspections/{id}", inspection.Organisation.Name,
            inspection.Emails.FirstOrDefault(e => e.MessageId == messageId), policy.TimeZone, ct);
    }

    /// <summary>The page's actions that record one event of <c>POST /api/probation-inspections/{id}/events/{eventName}</c>.</summary>
    private static readonly Dictionary<string, string> EventActions = new()
    {
        ["contact"] = ProbationEvents.ContactNamed,
        ["announcement-call"] = ProbationEvents.AnnouncementCallMade,
        ["planning-meeting-agreed"] = ProbationEvents.PlanningMeetingAgreed,
        ["planning-meeting-held"] = ProbationEvents.PlanningMeetingHeld,
        ["sample-returned"] = ProbationEvents.SampleReturned,
        ["local-assessors"] = ProbationEvents.LocalAssessorsNominated,
        ["move-fieldwork"] = ProbationEvents.FieldworkRescheduled,
        ["issue-draft"] = ProbationEvents.DraftIssued,
        ["comments-returned"] = ProbationEvents.CommentsReturned,
        ["publication-date"] = ProbationEvents.PublicationDateAgreed,
        ["published"] = ProbationEvents.Published,
    };

    private static readonly Dictionary<string, string> Done = new()
    {
        ["contact"] = "The contact is saved.",
        ["announcement-call"] = "The announcement call is recorded; the confirming email goes on its day.",
        ["planning-meeting-agreed"] = "The planning meeting is on the timeline.",
        ["planning-meeting-minutes"] = "The minutes are uploaded; they go to the senior link manager and the administrator.",
        ["planning-meeting-held"] = "The planning meeting is recorded as held.",
        ["sample-returned"] = "The case sample is recorded as returned.",
        ["local-assessors"] = "The local assessors' nominations are recorded.",
        ["move-fieldwork"] = "The fieldwork has moved, and every pending date with it.",
        ["rating"] = "The rating is saved.",
        ["key-questions"] = "The key questions are saved; the standard is rated from them.",
        ["panel"] = "The ratings panel's decision is recorded.",
        ["draft-report"] = "The draft report is uploaded.",
        ["issue-draft"] = "The draft report is issued; the organisation is sent a link to it.",
        ["comments-returned"] = "The factual accuracy comments are recorded as returned.",
        ["final-report"] = "The final report is uploaded; the embargoed copy links to it.",
        ["publication-date"] = "The publication date is agreed.",
        ["published"] = "The publication is recorded.",
        ["action-plan"] = "The action plan is recorded; the acknowledgement goes to OSAG.",
        ["cancel"] = "The inspection is cancelled.",
        ["retry"] = "The step will run again.",
    };

    /// <summary>
    /// An event's fields from the form, as the API's <see cref="ProbationEventRequest"/> with its length and character rules; the
    /// number fields (local assessors) must be whole numbers.
    /// </summary>
    private static (ProbationEventRequest Fields, Refusal? Broken) EventFields(Func<string, string?> field)
    {
        var errors = new Dictionary<string, string[]>();
        int? Number(string name)
        {
            if (field(name) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            errors[name] = ["must be a whole number, such as 6."];
            return null;
        }
        var fields = new ProbationEventRequest(field("name"), field("email"), field("date"), field("url"), field("fieldworkStart"), field("fieldworkWeekThreeStart"),
            field("role"), field("by"), field("at"), field("sample"), Number("trained"), Number("deployed"));
        foreach (var (name, messages) in TextRules.Check(fields)) errors[name] = messages;
        return (fields, errors.Count > 0 ? Refusal.Invalid(errors) : null);
    }

    /// <summary>The key questions box, one a line: "question | yes | cases"; a line not in that shape is refused by its number.</summary>
    private static (KeyQuestionsRequest Questions, Refusal? Unreadable) KeyQuestions(string? box)
    {
        var lines = Lines(box);
        var errors = new Dictionary<string, string[]>();
        var questions = lines.Select((line, i) =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var yes)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var cases))
                return new KeyQuestionRequest(parts[0], yes, cases);
            errors["keyQuestions"] = [.. errors.GetValueOrDefault("keyQuestions", []), $"Line {i + 1} must be the question, the yes answers and the cases, each after a |, e.g. \"Engagement | 34 | 50\"."];
            return null;
        }).ToList();
        var request = new KeyQuestionsRequest(questions.Count == 0 ? null : questions);
        if (errors.Count == 0 && TextRules.Check(request) is { Count: > 0 } broken) return (request, CoordinatorPages.ByLine(Refusal.Invalid(broken), "keyQuestions"));
        return (request, errors.Count > 0 ? Refusal.Invalid(errors) : null);
    }

    /// <summary>The action plan's box, one recommendation a line: "recommendation | response".</summary>
    private static (ActionPlanRequest? Plan, Refusal? Unreadable) ActionPlan(string? date, string? box, string? amendments)
    {
        var lines = Lines(box);
        var unreadable = lines.Select((line, i) => (line, i)).Where(l => !l.line.Contains('|', StringComparison.Ordinal))
            .Select(l => $"Line {l.i + 1} must be the recommendation, then a |, then Agreed, PartlyAgreed or NotAgreed.").ToArray();
        if (unreadable.Length > 0) return (null, Refusal.Invalid(new Dictionary<string, string[]> { ["recommendations"] = unreadable }));
        static ActionPlanItemRequest? Item(string line, int bar) => new(line[..bar].Trim(), line[(bar + 1)..].Trim());
        var items = lines.Select(line => Item(line, line.LastIndexOf('|'))).ToList();
        return (new ActionPlanRequest(date, items.Count == 0 ? null : items, amendments), null);
    }

    private static List<string> Lines(string? box) => (box ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private async Task<IResult> PageAsync(HttpRequest request, Person person, string id, PageState state, int status, CancellationToken ct)
    {
        if (await inspections.GetAsync(id, ct) is not { } inspection) return Results.NotFound();
        return pages.Page(request, person, inspection.Organisation.Name, token => Probation.ProbationPage.Render(inspection, state, token, policy.TimeZone), status);
    }
}
