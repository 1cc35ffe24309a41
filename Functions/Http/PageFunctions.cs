using System.Text.RegularExpressions;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Judgements;
using IrpFlows.Irps.Pages;
using IrpFlows.Irps.Reports;
using IrpFlows.Irps.Timeline;
using IrpFlows.Pages;
using IrpFlows.Probation;
using IrpFlows.Programme;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// The coordinator pages (see ../shared/API.md, "Coordinator pages"): anonymous to the Functions host, because App Service
/// Authentication signs people in in front of them; each page reads the person and sends anyone else to sign in. Every
/// form post carries the anti-forgery token, and every event it causes is recorded as the person's.
/// </summary>
public sealed partial class PageFunctions(
    IrpService irps, ProbationService inspections, IrpReportService reports, CoordinatorPages pages, CalendarFeed feed, IrpPolicy policy)
{
    // A parameter that can only be empty: how the Functions host routes the site's root (Azure/Azure-Functions#2473).
    private const string RootRoute = "{root:maxlength(0)?}";

    [Function(nameof(ProgrammePage))]
    [OpenApiOperation("Pages", "The programme: every IRP, active ones first, with flags and a year view; every probation inspection; the calendar feed's address.",
        ResponseContentType = "text/html", ResponseStatus = StatusCodes.Status200OK)]
    [OpenApiQueryParameter("year", "The visit year shown (default: this year), or all.")]
    [OpenApiQueryParameter("status", "active, finished, cancelled or all (the default).")]
    public async Task<IResult> ProgrammePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RootRoute)] HttpRequest request, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        return await ProgrammeAsync(request, person, null, ct);
    }

    [Function(nameof(ReplaceCalendarFeedToken))]
    [OpenApiOperation("Pages", "Replace the calendar feed's token: the old address then gets 404. Shows the programme again.",
        RequestContentTypes = ["application/x-www-form-urlencoded"], ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status400BadRequest])]
    public async Task<IResult> ReplaceCalendarFeedToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calendar/token")] HttpRequest request, CancellationToken ct)
    {
        var (person, _, _, refused) = await pages.ReadPostAsync(request, ct);
        if (refused is not null) return refused;
        await feed.ReplaceTokenAsync(ct);
        return await ProgrammeAsync(request, person!, "The calendar feed has a new address; the old one no longer works.", ct);
    }

    [Function(nameof(CalendarFeedIcs))]
    [OpenApiOperation("Pages", "The visits and deadlines of IRPs, and the fieldwork and key dates of probation inspections, from last year to two years ahead, as iCalendar, for calendar subscriptions. 404 unless the token is the current one.",
        ResponseContentType = CalendarFeed.ContentType, ErrorStatuses = [StatusCodes.Status404NotFound])]
    [OpenApiQueryParameter("token", "The feed token shown on the programme page.", Required = true)]
    public async Task<IResult> CalendarFeedIcs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar.ics")] HttpRequest request, CancellationToken ct)
    {
        if (!await feed.IsValidAsync(request.Query["token"].FirstOrDefault(), ct)) return Results.NotFound();
        // A calendar looks back a year and ahead two: what a coordinator plans with, however many years the log holds.
        var year = irps.Today().Year;
        int[] years = [year - 1, year, year + 1, year + 2];
        var all = await irps.InYearsAsync(years, ct);
        var probation = await inspections.InYearsAsync(years, ct);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Text(feed.Render(all.OrderBy(i => i.VisitStart), probation.OrderBy(i => i.FieldworkStart)), CalendarFeed.ContentType);
    }

    [Function(nameof(NewIrpPage))]
    [OpenApiOperation("Pages", "The form to start an IRP.", ResponseContentType = "text/html")]
    public IResult NewIrpPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "irps/new")] HttpRequest request)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        return pages.Page(request, person, "Start an IRP", token => Irps.Pages.NewIrpPage.Render(null, [], null, null, token));
    }

    [Function(nameof(SubmitNewIrp))]
    [OpenApiOperation("Pages", "Preview (intent=preview) or start (intent=create) an IRP from the form; field errors are shown beside the fields.",
        RequestContentTypes = ["application/x-www-form-urlencoded"], ResponseContentType = "text/html", ResponseStatus = StatusCodes.Status303SeeOther,
        ErrorStatuses = [StatusCodes.Status400BadRequest])]
    public async Task<IResult> SubmitNewIrp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "irps/new")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var (person, form, badDates, refused) = await pages.ReadPostAsync(request, ct);
        if (refused is not null) return refused;
        using var by = Actor.Use(person!.Name);
        var asked = Irps.Pages.NewIrpPage.ToRequest(form!);
        // The form's fields keep the API's length and character rules before the guides' rules are checked.
        var broken = TextRules.Check(asked);
        var validation = irps.Validate(asked);
        if (badDates is not null || broken.Count > 0 || !validation.IsValid)
        {
            var errors = Irps.Pages.NewIrpPage.FieldErrors(broken.Count > 0 ? broken : validation.Errors);
            // A date typed that is not one is said as such, in place of what the validator says of the date it did not get.
            foreach (var (field, messages) in badDates?.Errors ?? new Dictionary<string, string[]>()) errors[field] = [.. messages];
            return pages.Page(request, person, "Start an IRP", token => Irps.Pages.NewIrpPage.Render(form, errors, null, null, token),
                StatusCodes.Status400BadRequest);
        }
        // A preview is refused as create would refuse it (an announcement date in the past), so it never shows dates create then refuses.
        string? id = null;
        IrpPreview? preview = null;
        Refusal? refusal;
        if (form!["intent"] == Irps.Pages.NewIrpPage.IntentCreate) (id, refusal) = await irps.CreateAsync(validation, durable, ct);
        else (preview, refusal) = irps.Preview(validation);
        if (refusal is not null)
            return pages.Page(request, person, "Start an IRP", token => Irps.Pages.NewIrpPage.Render(form,
                refusal.Errors is { } errors ? Irps.Pages.NewIrpPage.FieldErrors(errors) : [], null, refusal.Errors is null ? refusal.Detail : null, token),
                StatusCodes.Status400BadRequest);
        return id is not null
            ? CoordinatorPages.SeeOther($"/irps/{id}?done=started")
            : pages.Page(request, person, "Start an IRP", token => Irps.Pages.NewIrpPage.Render(form, [], preview, null, token));
    }

    [Function(nameof(IrpPage))]
    [OpenApiOperation("Pages", "One IRP: timeline, actions, documents, emails, judgements with Key findings and Summary of judgements, history.",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> IrpPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "irps/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        var done = request.Query["done"].FirstOrDefault() is { } key && Done.TryGetValue(key, out var text) ? text : null;
        return await IrpPageAsync(request, person, id, new IrpPageState(done), StatusCodes.Status200OK, ct);
    }

    [Function(nameof(IrpPageAction))]
    [OpenApiOperation("Pages", "An action from the IRP page: liaison-officer, preparation-visit, inspector, move-visit, debrief-document, draft-report, issue-draft, fact-check-returned, final-report, final-report-elsewhere, ministerial-office, published, feedback, cancel, retry, judgements, notable-positive-practice, findings (item: the ref, and paragraphs parted by empty lines), chief-inspectors-summary or use-generated-draft.",
        Description = "Form fields as the page's forms send them. Succeeds with 303 to the IRP page; a refusal shows the page again with the errors beside the fields.",
        RequestContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"], ResponseContentType = "text/html",
        ResponseStatus = StatusCodes.Status303SeeOther,
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> IrpPageAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "irps/{id}/{action}")] HttpRequest request, string id, string action,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var (person, form, badDates, refused) = await pages.ReadPostAsync(request, ct);
        if (refused is not null) return refused;
        using var by = Actor.Use(person!.Name);
        if (badDates is not null) return await RefusedAsync(badDates);
        string? F(string name) => form![name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        var fields = new IrpEventRequest(F("name"), F("email"), F("visitStart"), F("date"), F("url"), F("ref"), F("role"), F("text"));
        // The event forms' fields keep the API's length and character rules (TextRules), as a JSON event body does. The judgements
        // form has fields of its own (a ref, judgement and text per item), checked as PUT …/judgements/{ref} checks them.
        if (action != "judgements" && TextRules.Check(fields) is { Count: > 0 } broken)
            return await RefusedAsync(Refusal.Invalid(broken));
        if (F("reason") is { } reason && IrpFunctions.ReasonRule.Broken(reason) is { } reasonBroken)
            return await RefusedAsync(Refusal.Invalid("reason", reasonBroken));

        Refusal? refusal;
        switch (action)
        {
            case "move-visit" when F("confirm") != "yes":
                var (moves, notMovable) = await irps.PreviewVisitMoveAsync(id, F("visitStart"), ct);
                if (notMovable is not null) return await RefusedAsync(notMovable);
                return await IrpPageAsync(request, person, id, new IrpPageState { VisitMove = moves, VisitMoveTo = F("visitStart") }, StatusCodes.Status200OK, ct);
            case var _ when EventActions.TryGetValue(action, out var eventName):
                refusal = await irps.RaiseAsync(id, eventName, fields, durable, ct);
                break;
            case "draft-report":
                refusal = await CoordinatorPages.UploadAsync(form!, "draft report", (name, type, bytes) => reports.UploadDraftAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "final-report":
                refusal = await CoordinatorPages.UploadAsync(form!, "final report", (name, type, bytes) => reports.UploadFinalReportAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "debrief-document":
                refusal = await CoordinatorPages.UploadAsync(form!, "debrief document", (name, type, bytes) => reports.UploadDebriefDocumentAsync(id, name, type, bytes, durable, ct), ct);
                break;
            case "cancel" when F("confirm") != "yes":
                return await RefusedAsync(Refusal.Invalid("confirm", "Tick the box to confirm that the IRP is to be cancelled."));
            case "cancel":
                refusal = await irps.TerminateAsync(id, F("reason"), durable, ct);
                break;
            case "retry":
                refusal = await irps.RetryStepAsync(id, F("stepId") ?? "", durable, ct);
                break;
            case "notable-positive-practice":
                var examples = (F("examples") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var (_, notSaved) = await reports.RecordNotablePositivePracticeAsync(id, examples, durable, ct);
                // One box holds every example: its errors go beside it, each naming the line.
                refusal = CoordinatorPages.ByLine(notSaved, "examples");
                break;
            case "judgements":
                refusal = await SaveJudgementsAsync(id, form!, durable, ct);
                break;
            case "findings":
                (_, refusal) = await reports.RecordFindingsAsync(id, F("item") ?? "", Paragraphs(F("paragraphs")), durable, ct);
                refusal = CoordinatorPages.ByLine(refusal, "paragraphs", "Paragraph");
                break;
            case "chief-inspectors-summary":
                (_, refusal) = await reports.RecordChiefInspectorsSummaryAsync(id, Paragraphs(F("paragraphs")), durable, ct);
                refusal = CoordinatorPages.ByLine(refusal, "paragraphs", "Paragraph");
                break;
            case "glossary":
                (_, refusal) = await reports.RecordGlossaryAsync(id, GlossaryEntries(F("entries")), durable, ct);
                refusal = CoordinatorPages.ByLine(refusal, "entries", "Entry");
                break;
            case "use-generated-draft":
                (_, refusal) = await reports.UseGeneratedDraftAsync(id, durable, ct);
                break;
            default:
                return Results.NotFound();
        }
        return refusal is null ? CoordinatorPages.SeeOther($"/irps/{id}?done={action}") : await RefusedAsync(refusal);

        // Each item has a findings form of its own: its errors go beside that one.
        async Task<IResult> RefusedAsync(Refusal why) => why.Kind == RefusalKind.NotFound && why.Errors is null
            ? Results.NotFound()
            : await IrpPageAsync(request, person, id, new IrpPageState(null, why, action == "findings" ? $"findings-{F("item")}" : action, form), Problems.StatusOf(why), ct);
    }

    /// <summary>The paragraphs of a page's text box: parted by an empty line, as its hint says.</summary>
    private static string?[] Paragraphs(string? text) =>
        [.. ParagraphBreak().Split(text ?? "").Select(p => p.Trim()).Where(p => p.Length > 0)];

    /// <summary>The glossary box's entries: each block's first line its term, the lines after it its definition.</summary>
    private static List<(string? Term, string? Definition)> GlossaryEntries(string? text) =>
        [.. Paragraphs(text).Select(block =>
        {
            var lines = block!.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return ((string?)lines[0], lines.Length > 1 ? string.Join(' ', lines[1..]) : null);
        })];

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n")]
    private static partial Regex ParagraphBreak();

    [Function(nameof(IrpPageReportDocument))]
    [OpenApiOperation("Pages", "Download the draft report as a Word document, as GET /api/irps/{id}/report.docx gives it.",
        ResponseContentType = ReportFileRules.DocxContentType, ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> IrpPageReportDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "irps/{id}/report.docx")] HttpRequest request, string id, CancellationToken ct)
    {
        if (pages.Person(request) is null) return CoordinatorSignIn.Challenge(request);
        return await reports.DraftReportDocumentAsync(id, ReportSummary.DefaultStyle, ct) is { } document
            ? TypedResults.File(document.Content, ReportFileRules.DocxContentType, document.FileName)
            : Results.NotFound();
    }

    [Function(nameof(IrpPageDocument))]
    [OpenApiOperation("Pages", "Download a received document: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status410Gone])]
    public async Task<IResult> IrpPageDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "irps/{id}/documents/{key}/files/{name}")] HttpRequest request,
        string id, string key, string name, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        return await pages.DocumentAsync(request, person, IrpWorkflow.KindName, id, key, name, $"/irps/{id}", ct);
    }

    [Function(nameof(IrpPageEmail))]
    [OpenApiOperation("Pages", "One email an IRP sent, as its recipients read it (from the local outbox; with Microsoft Graph, the page says where it is).",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> IrpPageEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "irps/{id}/emails/{messageId}")] HttpRequest request,
        string id, string messageId, CancellationToken ct)
    {
        if (pages.Person(request) is not { } person) return CoordinatorSignIn.Challenge(request);
        var irp = await irps.GetAsync(id, ct);
        if (irp is null) return Results.NotFound();
        return await pages.EmailAsync(request, person, $"/irps/{id}", irp.Establishment.Name, irp.Emails.FirstOrDefault(e => e.MessageId == messageId), policy.TimeZone, ct);
    }

    /// <summary>The page's actions that record one coordinator event from the form's fields, as the API's event endpoint does.</summary>
    private static readonly Dictionary<string, string> EventActions = new()
    {
        ["liaison-officer"] = IrpEvents.LiaisonOfficerAppointed,
        ["preparation-visit"] = IrpEvents.PreparationVisitArranged,
        ["inspector"] = IrpEvents.InspectorAssigned,
        ["move-visit"] = IrpEvents.VisitRescheduled,
        ["issue-draft"] = IrpEvents.DraftIssued,
        ["fact-check-returned"] = IrpEvents.FactCheckReturned,
        ["final-report-elsewhere"] = IrpEvents.FinalReportSentElsewhere,
        ["ministerial-office"] = IrpEvents.MinisterialOfficeNamed,
        ["published"] = IrpEvents.Published,
        ["feedback"] = IrpEvents.FeedbackReceived,
    };

    private static readonly Dictionary<string, string> Done = new()
    {
        ["started"] = "The IRP has started.",
        ["liaison-officer"] = "The liaison officer is appointed.",
        ["preparation-visit"] = "The preparation visit is on the timeline.",
        ["inspector"] = "The inspector is named; if the visit arrangements have gone, the establishment is told within the hour.",
        ["move-visit"] = "The visit has moved, and every pending date with it.",
        ["draft-report"] = "The draft report is uploaded.",
        ["debrief-document"] = "The debrief document is uploaded; it is shared on its date.",
        ["issue-draft"] = "The draft report is issued for fact check.",
        ["fact-check-returned"] = "The fact check is recorded as returned.",
        ["final-report"] = "The final report is uploaded; it goes to ministers as soon as a ministerial office is named.",
        ["final-report-elsewhere"] = "The final report is recorded as sent to ministers outside IrpFlows.",
        ["ministerial-office"] = "The ministerial office is named.",
        ["published"] = "The publication is recorded.",
        ["feedback"] = "The feedback is recorded.",
        ["cancel"] = "The IRP is cancelled; everyone is being told.",
        ["retry"] = "The step will run again.",
        ["judgements"] = "The judgements are saved.",
        ["notable-positive-practice"] = "The examples of notable positive practice are saved.",
        ["findings"] = "The findings are saved.",
        ["chief-inspectors-summary"] = "The Chief Inspector's summary is saved.",
        ["glossary"] = "The glossary is saved.",
        ["use-generated-draft"] = "The generated Word document is now the draft report: issuing the draft sends it for fact check.",
    };

    /// <summary>
    /// Every judgement the form sends (ref, judgement and text come in the same order), each as the API's
    /// <see cref="JudgementRequest"/> held to its rules first: nothing is recorded unless every one keeps them. Then records
    /// those that changed, stopping at the first refusal. Errors are keyed by the item's ref, the fieldset they belong beside.
    /// </summary>
    private async Task<Refusal?> SaveJudgementsAsync(string id, IFormCollection form, DurableTaskClient durable, CancellationToken ct)
    {
        var refs = form["ref"];
        var judgements = form["judgement"];
        var texts = form["text"];
        if (refs.Count != judgements.Count || refs.Count != texts.Count)
            return Refusal.Malformed("The form is incomplete.", "Each recommendation and theme needs its judgement and text fields.");
        var asked = refs.Select((reference, i) => (Ref: reference!, Request: new JudgementRequest(judgements[i] is { Length: > 0 } j ? j : null, texts[i]))).ToList();
        // Grouped by ref: a forged form may send one ref twice.
        var broken = asked
            .SelectMany(a => TextRules.Check(a.Request).Select(e => (a.Ref, Message: $"{(e.Key == "text" ? "The written judgement" : "The judgement")} {e.Value[0]}")))
            .GroupBy(e => e.Ref, e => e.Message)
            .ToDictionary(g => g.Key, g => g.ToArray());
        if (broken.Count > 0) return Refusal.Invalid(broken);

        var current = (await irps.GetAsync(id, ct))?.Judgements.ToDictionary(j => j.Ref);
        if (current is null) return IrpService.NotFound(id);
        foreach (var (reference, request) in asked)
        {
            var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
            if (request.Judgement is null || current.TryGetValue(reference, out var was) && was.Judgement == request.Judgement && was.WrittenJudgement == text) continue;
            var (_, refusal) = await reports.RecordJudgementAsync(id, reference, request.Judgement, text, durable, ct);
            if (refusal is not null)
                return refusal.Errors is null ? refusal : refusal with { Errors = new Dictionary<string, string[]> { [reference] = refusal.Errors.Values.SelectMany(e => e).ToArray() } };
        }
        return null;
    }

    private async Task<IResult> IrpPageAsync(HttpRequest request, Person person, string id, IrpPageState state, int status, CancellationToken ct)
    {
        var irp = await irps.GetAsync(id, ct);
        if (irp is null) return Results.NotFound();
        var summary = irp.Judgements.Count > 0 ? await reports.SummaryAsync(id, ReportSummary.DefaultStyle, ct) : null;
        return pages.Page(request, person, irp.Establishment.Name, token => Irps.Pages.IrpPage.Render(irp, summary, state, token, policy.TimeZone), status);
    }

    private async Task<IResult> ProgrammeAsync(HttpRequest request, Person person, string? message, CancellationToken ct)
    {
        // The year shown is read from the index: a programme costs what it shows, not every IRP ever held.
        var filter = ProgrammeFilter.From(request, irps.Today());
        var all = filter.Year is { } year ? await irps.InYearsAsync([year], ct) : (await irps.ListAsync(new InstanceQuery(), ct)).Items;
        var probation = filter.Year is { } y ? await inspections.InYearsAsync([y], ct) : (await inspections.ListAsync(new InstanceQuery(), ct)).Items;
        var feedUrl = new Uri($"{request.Scheme}://{request.Host}/calendar.ics?token={Uri.EscapeDataString(await feed.TokenAsync(ct))}");
        var years = await irps.YearsAsync(ct);
        return pages.Page(request, person, "Programme", token => Programme.ProgrammePage.Render(all, years, probation, filter, feedUrl, token, message));
    }
}
