using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Judgements;
using IrpFlows.Irps.Reports;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// After the visit (see ../shared/API.md): the draft report and fact-check comments as files, the judgements, and the report
/// summary with its charts. Coordinator-only.
/// </summary>
public sealed class ReportFunctions(IrpReportService reports, ReportOptions options)
{
    private const string FileBody =
        $"Send the file's bytes as the body with Content-Type {ReportFileRules.PdfContentType} or {ReportFileRules.DocxContentType}, "
        + "and its name in ?fileName= (ending .pdf or .docx to match). The size limit is the setting Reports:MaxFileSizeBytes (25 MiB by default). "
        + "Returns 200 with the file as recorded.";

    private const string FileNameParameter = "The file's name, ending .pdf or .docx to match its Content-Type.";

    [Function(nameof(PutDraftReport))]
    [OpenApiOperation("After the visit", "Upload the draft report; a new upload replaces the current draft until DraftIssued is recorded (409 after).",
        Description = FileBody + " Recording DraftIssued then sends the draft-report email with a link to the fact-check page, from which the governor opens this file.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", FileNameParameter, Required = true)]
    public Task<IResult> PutDraftReport(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/draft-report")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => PutFileAsync(request, (fileName, content) => reports.UploadDraftAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutFactCheckComments))]
    [OpenApiOperation("After the visit", "Upload the establishment's fact-check comments; records FactCheckReturned today if not yet recorded.",
        Description = FileBody + " Each upload is kept. 409 before DraftIssued or after Published.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", FileNameParameter, Required = true)]
    public Task<IResult> PutFactCheckComments(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/fact-check-comments")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => PutFileAsync(request, (fileName, content) => reports.UploadFactCheckCommentsAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutFinalReport))]
    [OpenApiOperation("After the visit", "Upload the final report; it is sent at once to the ministerial office contact (the Secretary of State for Justice, or the Home Secretary and Minister).",
        Description = FileBody + " A new upload replaces it until it has been sent. Without a ministerialOffice contact it waits for "
            + "MinisterialOfficeNamed; after FinalReportSentElsewhere it is kept as the record and not sent. Published is refused (409) "
            + "until the final report has been sent or recorded as sent elsewhere. 409 before DraftIssued or once sent.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", FileNameParameter, Required = true)]
    public Task<IResult> PutFinalReport(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/final-report")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => PutFileAsync(request, (fileName, content) => reports.UploadFinalReportAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutDebriefDocument))]
    [OpenApiOperation("After the visit", "Upload the team's debrief document; it is shared as an attachment with HMPPS (prison) or the contractor and the Home Office (IRC).",
        Description = FileBody + " At most Reports:MaxAttachedFileSizeBytes (3 MiB), as it goes as an attachment. A new upload replaces it "
            + "until it has been shared. 409 before the visit starts or once shared. The summary of judgements (GET …/summary) is only a starting text for it.",
        RequestContentTypes = [ReportFileRules.PdfContentType, ReportFileRules.DocxContentType], Response = typeof(ReportFileView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    [OpenApiQueryParameter("fileName", FileNameParameter, Required = true)]
    public Task<IResult> PutDebriefDocument(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/debrief-document")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
        => PutFileAsync(request, (fileName, content) => reports.UploadDebriefDocumentAsync(id, fileName, request.ContentType, content, durable, ct));

    [Function(nameof(PutJudgement))]
    [OpenApiOperation("After the visit", "Record the judgement on a recommendation (concern) or Ofsted theme: { judgement, text }. The latest per ref wins.",
        Description = "Recommendations: NoMeaningfulProgress | InsufficientProgress | ReasonableProgress | GoodProgress. "
            + "Ofsted themes: InsufficientProgress | ReasonableProgress | SignificantProgress. "
            + "text (the written judgement) is optional, at most 2000 characters. The judgement already recorded is accepted and records nothing. "
            + "404 for an unknown ref; 409 before the visit's first day (errors name 'judgement'), once published or when the IRP is terminated or completed.",
        RequestBody = typeof(JudgementRequest), Response = typeof(JudgementView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutJudgement(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/judgements/{ref}")] HttpRequest request, string id, string @ref,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<JudgementRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (judgement, refusal) = await reports.RecordJudgementAsync(id, @ref, body!.Judgement, body.Text, durable, ct);
        return judgement is null ? Problems.For(refusal!) : TypedResults.Ok(judgement);
    }

    [Function(nameof(PutNotablePositivePractice))]
    [OpenApiOperation("After the visit", "Record the examples of notable positive practice for the report's section 2: { examples: [{ text }] }, replacing those before.",
        Description = "An empty list records that none were found. Each text is required, at most 2000 characters; at most 20 examples. "
            + "The same examples again record nothing. 409 before the visit's first day (errors name 'examples'), once published or when the IRP is terminated or completed.",
        RequestBody = typeof(NotablePositivePracticeRequest), Response = typeof(NotablePositivePracticeRequest),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutNotablePositivePractice(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/notable-positive-practice")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<NotablePositivePracticeRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        if (body!.Examples is null) return Problems.Validation("examples", "is required: a list of { text }, empty when the inspectors found none.");
        var (examples, refusal) = await reports.RecordNotablePositivePracticeAsync(id, body.Examples.Select(e => e?.Text).ToList(), durable, ct);
        return examples is null ? Problems.For(refusal!) : TypedResults.Ok(new NotablePositivePracticeRequest([.. examples.Select(e => new NotablePracticeRequest(e))]));
    }

    [Function(nameof(PutFindings))]
    [OpenApiOperation("After the visit", "Record the inspector's findings on a recommendation (concern) or Ofsted theme for the report's Section 3: { paragraphs: [string] }, replacing those before.",
        Description = "Each paragraph is required, at most 2000 characters, without control characters other than tabs and line breaks; at most 40 paragraphs; "
            + "an empty list removes them. A recommendation in parts has one set of findings, under its own ref (a part's ref is a 400 naming 'ref'). "
            + "The same paragraphs again record nothing. 404 for an unknown ref; 409 before the visit's first day (errors name 'paragraphs'), "
            + "once the draft has been issued for fact check, or when the IRP is terminated or completed.",
        RequestBody = typeof(ParagraphsRequest), Response = typeof(ParagraphsRequest),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutFindings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/findings/{ref}")] HttpRequest request, string id, string @ref,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<ParagraphsRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (paragraphs, refusal) = await reports.RecordFindingsAsync(id, @ref, body!.Paragraphs, durable, ct);
        return paragraphs is null ? Problems.For(refusal!) : TypedResults.Ok(new ParagraphsRequest([.. paragraphs]));
    }

    [Function(nameof(PutChiefInspectorsSummary))]
    [OpenApiOperation("After the visit", "Record the Chief Inspector's summary, the report's Section 1: { paragraphs: [string] }, replacing the one before.",
        Description = "The paragraphs' rules, the repeats and the refusals are those of PUT …/findings/{ref}.",
        RequestBody = typeof(ParagraphsRequest), Response = typeof(ParagraphsRequest),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutChiefInspectorsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/chief-inspectors-summary")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<ParagraphsRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (paragraphs, refusal) = await reports.RecordChiefInspectorsSummaryAsync(id, body!.Paragraphs, durable, ct);
        return paragraphs is null ? Problems.For(refusal!) : TypedResults.Ok(new ParagraphsRequest([.. paragraphs]));
    }

    [Function(nameof(PutGlossary))]
    [OpenApiOperation("After the visit", "Record the IRP's own glossary entries for the report's Appendix II: { entries: [{ term, definition }] }, replacing those before.",
        Description = "Appendix II lists them with its fixed entries (Care Quality Commission (CQC), Leader, Protected characteristics), alphabetically. "
            + "Each term is required, one line of at most 120 characters, given once and not one of the fixed terms (400 naming 'entries[i].term'); "
            + "each definition is required prose of at most 2000 characters; at most 30 entries; an empty list removes them. "
            + "The same entries again record nothing. 409 before the visit's first day (errors name 'entries'), once the draft has been issued "
            + "for fact check, or when the IRP is terminated or completed, as for PUT …/chief-inspectors-summary.",
        RequestBody = typeof(GlossaryRequest), Response = typeof(GlossaryRequest),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> PutGlossary(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/irps/{id}/glossary")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (body, problem) = await JsonBody.ReadAsync<GlossaryRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (entries, refusal) = await reports.RecordGlossaryAsync(id, body!.Entries?.Select(e => (e?.Term, e?.Definition)).ToList(), durable, ct);
        return entries is null ? Problems.For(refusal!) : TypedResults.Ok(GlossaryRequest.From(entries));
    }

    [Function(nameof(GetDraftReportDocument))]
    [OpenApiOperation("After the visit", "The draft report as a Word document, assembled from what IrpFlows holds, in the published reports' shape.",
        Description = "Cover, contents (a field Word fills in), Section 1 the Chief Inspector's summary, Section 2 the Key findings with figures 2 and 3 "
            + "as pie charts Word draws, notable positive practice, Section 3 one part per recommendation (concern) and theme under its area's heading "
            + "(Concern:, the bold recommendation line with its source paragraph, the findings numbered 3.1, 3.2 … through the section, the judgement "
            + "sentence), Section 4 the Summary of judgements, Appendix I the methodology and the judgements' definitions for the IRP's kind with the "
            + "team, Appendix II a glossary. Headings are Word's Heading 1–3. Any state of the IRP; 404 for an unknown one. "
            + "Section 2 is worded as GET …/summary words it: ?style=exhaustive (the default, as HMP Elmley's 2023 report) or "
            + "?style=concise (as HMP Hull's 2022 report, whose themes' sentence is unnumbered); any other value is a 400 naming 'style'.",
        ResponseContentType = ReportFileRules.DocxContentType, ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound])]
    [OpenApiQueryParameter("style", "exhaustive (the default) or concise.")]
    public async Task<IResult> GetDraftReportDocument(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps/{id}/report.docx")] HttpRequest request, string id, CancellationToken ct)
    {
        if (!TryParseStyle(request.Query["style"].FirstOrDefault(), out var style))
            return Problems.Validation("style", StyleRule);
        var document = await reports.DraftReportDocumentAsync(id, style, ct);
        return document is { } d
            ? TypedResults.File(d.Content, ReportFileRules.DocxContentType, d.FileName)
            : Problems.NotFound($"There is no IRP with id '{id}'.");
    }

    [Function(nameof(UseDraftReportDocument))]
    [OpenApiOperation("After the visit", "Store the generated Word document (GET …/report.docx, as it is now) as the IRP's draft report.",
        Description = "The same as uploading it with PUT …/draft-report: it replaces the current draft, and recording DraftIssued sends it for fact check. "
            + "Returns 200 with the file as recorded. 404 for an unknown IRP; 409 once the draft has been issued or when the IRP is terminated or completed.",
        Response = typeof(ReportFileView), ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status409Conflict])]
    public async Task<IResult> UseDraftReportDocument(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/irps/{id}/report.docx/use-as-draft")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Api);
        var (file, refusal) = await reports.UseGeneratedDraftAsync(id, durable, ct);
        return file is null ? Problems.For(refusal!) : TypedResults.Ok(ReportFileView.From(file));
    }

    [Function(nameof(GetReportSummary))]
    [OpenApiOperation("After the visit", "The report's Key findings sentences, counts, Summary of judgements and chart data, from the judgements so far.",
        Description = "?style=exhaustive (default: every judgement on the scale, as HMP Elmley's 2023 report) or "
            + "?style=concise (only judgements given, as HMP Hull's 2022 report).",
        Response = typeof(ReportSummaryResult), ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound])]
    [OpenApiQueryParameter("style", "exhaustive (the default) or concise.")]
    public async Task<IResult> GetReportSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps/{id}/summary")] HttpRequest request, string id, CancellationToken ct)
    {
        if (!TryParseStyle(request.Query["style"].FirstOrDefault(), out var parsed))
            return Problems.Validation("style", StyleRule);
        var summary = await reports.SummaryAsync(id, parsed, ct);
        return summary is null ? Problems.NotFound($"There is no IRP with id '{id}'.") : TypedResults.Ok(summary);
    }

    [Function(nameof(GetReportChart))]
    [OpenApiOperation("After the visit", "Key findings pie chart as SVG: recommendations.svg (figure 2) or themes.svg (figure 3).",
        ResponseContentType = "image/svg+xml", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public async Task<IResult> GetReportChart(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps/{id}/summary/charts/{chart}.svg")] HttpRequest request,
        string id, string chart, CancellationToken ct)
    {
        if (chart is not ("recommendations" or "themes"))
            return Problems.NotFound($"There is no chart '{chart}': use recommendations.svg or themes.svg.");
        var summary = await reports.SummaryAsync(id, ReportSummary.DefaultStyle, ct);
        if (summary is null) return Problems.NotFound($"There is no IRP with id '{id}'.");
        var svg = chart == "recommendations" ? summary.RecommendationsChartSvg : summary.ThemesChartSvg;
        return svg.Length == 0
            ? Problems.NotFound($"IRP '{id}' follows up no {(chart == "themes" ? "Ofsted themes" : "recommendations")}, so it has no such chart.")
            : TypedResults.Text(svg, "image/svg+xml");
    }

    private const string StyleRule = "must be 'exhaustive' (the default) or 'concise'.";

    private static bool TryParseStyle(string? style, out KeyFindingsStyle parsed)
    {
        KeyFindingsStyle? known = style?.ToLowerInvariant() switch
        {
            null or "" => ReportSummary.DefaultStyle,
            "exhaustive" => KeyFindingsStyle.Exhaustive,
            "concise" => KeyFindingsStyle.Concise,
            _ => null,
        };
        parsed = known ?? ReportSummary.DefaultStyle;
        return known is not null;
    }

    private Task<IResult> PutFileAsync(HttpRequest request, Func<string?, BinaryData, Task<(ReportFileUploadedData? File, Refusal? Refusal)>> store) =>
        ReportFileUploads.PutAsync(request, options.MaxFileSizeBytes, store);
}

/// <summary>Body (and answer) of <c>PUT /api/irps/{id}/notable-positive-practice</c>.</summary>
/// <param name="Examples">Each example as the report is to say it, e.g. "Leaders' oversight of body-worn cameras was excellent. (See paragraph 3.7)".</param>
public sealed record NotablePositivePracticeRequest([property: Items(Limits.NotablePractices)] List<NotablePracticeRequest?>? Examples);

/// <summary>One example of notable positive practice.</summary>
public sealed record NotablePracticeRequest([property: Text(Limits.Prose, Multiline = true)] string? Text);

/// <summary>Body (and answer) of <c>PUT /api/irps/{id}/findings/{ref}</c> and <c>PUT /api/irps/{id}/chief-inspectors-summary</c>.</summary>
/// <param name="Paragraphs">Each paragraph as the report is to print it, in order; the report numbers them.</param>
public sealed record ParagraphsRequest([property: Items(Limits.FindingsParagraphs)] List<string?>? Paragraphs);

/// <summary>Body (and answer) of <c>PUT /api/irps/{id}/glossary</c>.</summary>
public sealed record GlossaryRequest([property: Items(Limits.GlossaryEntries)] List<GlossaryEntryRequest?>? Entries)
{
    public static GlossaryRequest From(IReadOnlyList<GlossaryEntry> entries) => new([.. entries.Select(e => new GlossaryEntryRequest(e.Term, e.Definition))]);
}

/// <summary>One entry of the report's Appendix II glossary.</summary>
/// <param name="Term">As the report prints it in bold, e.g. "Challenge, support and intervention plan (CSIP)".</param>
/// <param name="Definition">What the term means, as the report is to say it.</param>
public sealed record GlossaryEntryRequest([property: Text(Limits.Name)] string? Term, [property: Text(Limits.Prose, Multiline = true)] string? Definition);

/// <summary>Body of <c>PUT /api/irps/{id}/judgements/{ref}</c>.</summary>
/// <param name="Judgement">An API name on the item's scale, e.g. "ReasonableProgress".</param>
/// <param name="Text">The written judgement for the report; optional.</param>
public sealed record JudgementRequest(
    [property: Text(Limits.Choice)] string? Judgement, [property: Text(IrpReportService.MaxJudgementTextLength, Multiline = true)] string? Text);
