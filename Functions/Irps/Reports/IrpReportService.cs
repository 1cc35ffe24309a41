using IrpFlows.Documents;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Judgements;
using IrpFlows.Irps.Timeline;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// After the visit: the draft report and fact-check comments a coordinator uploads, the judgements on each recommendation
/// and Ofsted theme, and the report summary built from them. Every check runs before anything is stored, and a file
/// whose record is refused is deleted, so a refused request changes nothing.
/// </summary>
public sealed class IrpReportService(WorkflowEngine engine, IrpService irps, IrpReportFiles files, ReportOptions options, TimeProvider time)
{
    /// <summary>Longest written judgement accepted, in characters.</summary>
    public const int MaxJudgementTextLength = 2000;

    // An example of notable practice or a findings paragraph is prose as a written judgement is (the longest findings paragraph
    // of HMP Elmley's 2023 report is about 900 characters).
    private static readonly TextAttribute ProseRule = new(Limits.Prose) { Multiline = true };

    /// <summary>
    /// Stores a draft report and makes it the current draft. Refused (a conflict) once the draft has been issued for fact check
    /// (the establishment has that one), or when the IRP is terminated or completed.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadDraftAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct)
        => UploadVersionAsync(id, IrpFileKind.Draft, options.MaxFileSizeBytes, RefuseDraftUpload, s => s.DraftReports, IrpEvents.DraftReportUploaded,
            fileName, contentType, content, durable, ct);

    /// <summary>
    /// Stores the final report, to be sent to the Secretary of State for Justice (prison guide 14.1) or the Home Secretary and
    /// Minister (IRC guide 5.1) at once, or once a ministerial office is named. A new upload replaces it until it has gone; one
    /// uploaded after the coordinator recorded it sent outside IrpFlows is kept, not sent. Refused (a conflict) before the draft
    /// was issued (the final report follows the fact check), once it has been sent, or when the IRP is terminated or completed.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadFinalReportAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct)
        => UploadVersionAsync(id, IrpFileKind.Final, options.MaxFileSizeBytes, RefuseFinalReport, s => s.FinalReports, IrpEvents.FinalReportUploaded,
            fileName, contentType, content, durable, ct);

    /// <summary>
    /// Stores the team's debrief document (prison guide 8.1: the team leader prepares it on day 3 and the deliberation meeting
    /// finalises it; 13.1, IRC guide 4.3), to be shared with HMPPS, or the contractor and the Home Office, as an attachment. A new
    /// upload replaces it until it has gone. Refused (a conflict) before the visit starts, once it has been shared, or when the
    /// IRP is terminated or completed; invalid over <see cref="ReportOptions.MaxAttachedFileSizeBytes"/>.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadDebriefDocumentAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct)
    {
        var today = irps.Today();
        return UploadVersionAsync(id, IrpFileKind.Debrief, Math.Min(options.MaxFileSizeBytes, options.MaxAttachedFileSizeBytes),
            state => RefuseDebriefDocument(state, today), s => s.DebriefDocuments, IrpEvents.DebriefDocumentUploaded, fileName, contentType, content, durable, ct);
    }

    /// <summary>
    /// Stores the establishment's fact-check comments and, if not already recorded, records FactCheckReturned today (which
    /// stops the fact-check reminders). Refused (a conflict) before the draft was issued, after publication, or when the IRP is
    /// terminated or completed.
    /// </summary>
    public async Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadFactCheckCommentsAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct)
    {
        var (name, invalid) = ReportFileRules.Check(fileName, contentType, content.ToMemory().Span, options.MaxFileSizeBytes);
        if (invalid is not null) return (null, invalid);
        var (state, refusal) = await StateAsync(id, ct);
        if (refusal is not null) return (null, refusal);
        if (RefuseComments(state!) is { } early) return (null, early);

        var version = state!.FactCheckComments.Count + 1;
        var today = irps.Today();
        return await StoreAndRecordAsync(id, IrpFileKind.FactCheck, version, name!, contentType!, content, durable, ct, current =>
            RefuseComments(current) ?? (current.FactCheckComments.Count + 1 != version ? AnotherUpload() : null),
            (current, file) => current.Progress.FactCheckReturnedOn is null
                ? [new NewEvent(IrpEvents.FactCheckCommentsUploaded, EventData.ToData(file)),
                   new NewEvent(IrpEvents.FactCheckReturned, EventData.ToData(new FactCheckReturnedData(today)))]
                : [new NewEvent(IrpEvents.FactCheckCommentsUploaded, EventData.ToData(file))]);
    }

    /// <summary>
    /// Records the judgement on one recommendation (concern) or Ofsted theme, replacing any earlier one for that ref; the
    /// very judgement already recorded is accepted and records nothing. Not found for an unknown IRP or ref; invalid for a
    /// value off that item's scale (listing the scale) or a text over <see cref="MaxJudgementTextLength"/> characters; a conflict
    /// before the visit's first day (naming <c>judgement</c>), once the report is published or the IRP is terminated or completed.
    /// </summary>
    public async Task<(JudgementView? Judgement, Refusal? Refusal)> RecordJudgementAsync(
        string id, string reference, string? judgement, string? text, DurableTaskClient durable, CancellationToken ct)
    {
        var (state, refusal) = await StateAsync(id, ct);
        if (refusal is not null) return (null, refusal);
        var item = Judgements(state!).FirstOrDefault(j => j.Ref == reference);
        if (item is null && state!.Facts.Recommendations.FirstOrDefault(r => r.Ref == reference && r.Parts.Count > 0) is { } inParts)
            return (null, Refusal.Invalid("ref", $"'{reference}' is judged through its parts: record a judgement for each of {string.Join(", ", inParts.JudgedRefs())}."));
        if (item is null)
            return (null, Refusal.NotFound($"IRP '{id}' follows up no recommendation or Ofsted theme with ref '{reference}'."));
        var isTheme = item.Kind == SummaryOfJudgementsEntry.OfstedThemeKind;

        var value = isTheme
            ? JudgementScales.TryParseThemeJudgement(judgement, out var t) ? t.ToString() : null
            : JudgementScales.TryParseRecommendationJudgement(judgement, out var r) ? r.ToString() : null;
        if (value is null)
        {
            // Least to most progress, as the scales are defined in the guides (10.1, 11.1).
            var scale = isTheme
                ? JudgementScales.ThemeScale.Reverse().Select(j => j.ToString())
                : JudgementScales.RecommendationScale.Reverse().Select(j => j.ToString());
            var what = isTheme ? "an Ofsted theme" : item.Kind == SummaryOfJudgementsEntry.ConcernKind ? "a concern" : "a recommendation";
            return (null, Refusal.Invalid("judgement", $"must be one of {string.Join(", ", scale)} for {what}."));
        }
        var written = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (written?.Length > MaxJudgementTextLength)
            return (null, Refusal.Invalid("text", $"must be at most {MaxJudgementTextLength} characters (was {written.Length})."));

        var recorded = new JudgementRecordedData(reference, value, written);
        var today = irps.Today();
        var appended = await irps.AppendAsync(id, status =>
        {
            var current = OpenForFindings(status, today, "judgement", "its judgements");
            // Already true: a retried request, or the same one sent twice at once, records once.
            return current.Judgements.TryGetValue(reference, out var was) && was == recorded
                ? []
                : [new NewEvent(IrpEvents.JudgementRecorded, EventData.ToData(recorded))];
        }, durable, ct);
        return appended is null ? (item with { Judgement = value, WrittenJudgement = written }, null) : (null, appended);
    }

    /// <summary>
    /// Records the examples of notable positive practice for the report's section 2, replacing those recorded before (none is a
    /// finding too); the same examples again record nothing. Refused as a judgement is: before the visit, once published, or
    /// when the IRP is terminated or completed.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Examples, Refusal? Refusal)> RecordNotablePositivePracticeAsync(
        string id, IReadOnlyList<string?> examples, DurableTaskClient durable, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (examples.Count > Limits.NotablePractices) errors["examples"] = [$"must list at most {Limits.NotablePractices} examples; it lists {examples.Count}."];
        for (var i = 0; i < examples.Count && errors.Count == 0; i++)
        {
            if (string.IsNullOrWhiteSpace(examples[i])) errors[$"examples[{i}].text"] = ["is required: the example, as the report is to say it."];
            else if (ProseRule.Broken(examples[i]!.Trim()) is { } broken) errors[$"examples[{i}].text"] = [broken];
        }
        if (errors.Count > 0) return (null, Refusal.Invalid(errors));
        var recorded = new NotablePositivePracticeRecordedData(examples.Select(e => e!.Trim()).ToList());
        var today = irps.Today();
        var appended = await irps.AppendAsync(id, status =>
        {
            var current = OpenForFindings(status, today, "examples", "its findings");
            return current.NotablePositivePractice.SequenceEqual(recorded.Examples)
                ? []
                : [new NewEvent(IrpEvents.NotablePositivePracticeRecorded, EventData.ToData(recorded))];
        }, durable, ct);
        return appended is null ? (recorded.Examples, null) : (null, appended);
    }

    /// <summary>
    /// Records the inspector's findings on one recommendation (concern) or Ofsted theme, the paragraphs Section 3 numbers under
    /// it, replacing those recorded before (an empty list removes them); the same paragraphs again record nothing. A
    /// recommendation judged in parts has one set of findings, under its own ref (HMP Hull 2022, 3.7–3.13 for 1.34a and 1.34b).
    /// Not found for an unknown IRP or ref; invalid for a part's ref or a paragraph that breaks the text rules; a conflict
    /// before the visit (naming <c>paragraphs</c>), once the draft has been issued for fact check (the establishment is checking
    /// that text), or when the IRP is terminated or completed.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Paragraphs, Refusal? Refusal)> RecordFindingsAsync(
        string id, string reference, IReadOnlyList<string?>? paragraphs, DurableTaskClient durable, CancellationToken ct)
    {
        var (state, refusal) = await StateAsync(id, ct);
        if (refusal is not null) return (null, refusal);
        if (state!.Facts.Recommendations.FirstOrDefault(r => r.Parts.Any(p => p.Ref == reference)) is { } whole)
            return (null, Refusal.Invalid("ref", $"'{reference}' is a part of {whole.Ref}, whose findings are written once for all its parts: record them for {whole.Ref}."));
        if (!FindingsRefs(state).Contains(reference))
            return (null, Refusal.NotFound($"IRP '{id}' follows up no recommendation or Ofsted theme with ref '{reference}'."));
        var (written, invalid) = Paragraphs(paragraphs);
        if (invalid is not null) return (null, invalid);

        var appended = await RecordReportTextAsync(id, "paragraphs", "its findings",
            current => current.Findings.TryGetValue(reference, out var was) && was.SequenceEqual(written!),
            new NewEvent(IrpEvents.FindingsRecorded, EventData.ToData(new FindingsRecordedData(reference, written!))), durable, ct);
        return appended is null ? (written, null) : (null, appended);
    }

    /// <summary>
    /// Records the Chief Inspector's summary, the report's Section 1, replacing the one before; the same paragraphs again record
    /// nothing. Refused as findings are: invalid text, before the visit, once the draft has been issued, when finished.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Paragraphs, Refusal? Refusal)> RecordChiefInspectorsSummaryAsync(
        string id, IReadOnlyList<string?>? paragraphs, DurableTaskClient durable, CancellationToken ct)
    {
        var (written, invalid) = Paragraphs(paragraphs);
        if (invalid is not null) return (null, invalid);
        var appended = await RecordReportTextAsync(id, "paragraphs", "its summary", current => current.ChiefInspectorsSummary.SequenceEqual(written!),
            new NewEvent(IrpEvents.ChiefInspectorsSummaryRecorded, EventData.ToData(new ChiefInspectorsSummaryRecordedData(written!))), durable, ct);
        return appended is null ? (written, null) : (null, appended);
    }

    /// <summary>
    /// Records the IRP's own glossary entries for the report's Appendix II, replacing those before (an empty list removes them);
    /// the same entries again record nothing. Refused as the Chief Inspector's summary is, with errors naming <c>entries</c>:
    /// invalid entries (a term is one line of at most <see cref="Limits.Name"/> characters, given once and not one of the
    /// fixed entries'; a definition is prose), before the visit, once the draft has been issued, when finished.
    /// </summary>
    public async Task<(IReadOnlyList<GlossaryEntry>? Entries, Refusal? Refusal)> RecordGlossaryAsync(
        string id, IReadOnlyList<(string? Term, string? Definition)>? entries, DurableTaskClient durable, CancellationToken ct)
    {
        var (written, invalid) = GlossaryEntries(entries);
        if (invalid is not null) return (null, invalid);
        var appended = await RecordReportTextAsync(id, "entries", "its glossary", current => current.Glossary.SequenceEqual(written!),
            new NewEvent(IrpEvents.GlossaryRecorded, EventData.ToData(new GlossaryRecordedData(written!))), durable, ct);
        return appended is null ? (written, null) : (null, appended);
    }

    private static readonly TextAttribute TermRule = new(Limits.Name);

    /// <summary>The entries trimmed, or what is wrong with them, named as <c>entries</c> or <c>entries[i].term</c> / <c>.definition</c>.</summary>
    private static (IReadOnlyList<GlossaryEntry>? Entries, Refusal? Invalid) GlossaryEntries(IReadOnlyList<(string? Term, string? Definition)>? entries)
    {
        if (entries is null) return (null, Refusal.Invalid("entries", "is required: a list of { term, definition }, empty to remove them."));
        if (entries.Count > Limits.GlossaryEntries)
            return (null, Refusal.Invalid("entries", $"must list at most {Limits.GlossaryEntries} entries; it lists {entries.Count}."));
        var written = new List<GlossaryEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (term, definition) = (entries[i].Term?.Trim(), entries[i].Definition?.Trim());
            if (string.IsNullOrEmpty(term)) return (null, Refusal.Invalid($"entries[{i}].term", "has no term: the term comes first, as the report prints it."));
            if (TermRule.Broken(term) is { } badTerm) return (null, Refusal.Invalid($"entries[{i}].term", badTerm));
            if (ReportGlossary.FixedTerms.Concat(written.Select(e => e.Term)).FirstOrDefault(t => t.Equals(term, StringComparison.OrdinalIgnoreCase)) is { } twice)
                return (null, Refusal.Invalid($"entries[{i}].term", $"is already in the glossary as '{twice}': each term is defined once."));
            if (string.IsNullOrEmpty(definition)) return (null, Refusal.Invalid($"entries[{i}].definition", "has no definition: what the term means, after the term."));
            if (ProseRule.Broken(definition) is { } badDefinition) return (null, Refusal.Invalid($"entries[{i}].definition", badDefinition));
            written.Add(new GlossaryEntry(term, definition));
        }
        return (written, null);
    }

    /// <summary>
    /// Appends <paramref name="recorded"/> unless <paramref name="unchanged"/> says the IRP already holds that text (a retried
    /// request records once), refused while the report's text may not change (<see cref="OpenForReportText"/>).
    /// </summary>
    private async Task<Refusal?> RecordReportTextAsync(
        string id, string field, string frozen, Func<IrpState, bool> unchanged, NewEvent recorded, DurableTaskClient durable, CancellationToken ct)
    {
        var today = irps.Today();
        return await irps.AppendAsync(id, status => unchanged(OpenForReportText(status, today, field, frozen)) ? [] : [recorded], durable, ct);
    }

    /// <summary>The refs findings are recorded under: each recommendation (concern), in parts or not, and each Ofsted theme.</summary>
    private static HashSet<string> FindingsRefs(IrpState state) =>
        [.. state.Facts.Recommendations.Select(r => r.Ref), .. state.Facts.OfstedThemes.Select(t => t.Ref)];

    /// <summary>The paragraphs trimmed, or what is wrong with them, named as <c>paragraphs</c> or <c>paragraphs[i]</c>.</summary>
    private static (IReadOnlyList<string>? Paragraphs, Refusal? Invalid) Paragraphs(IReadOnlyList<string?>? paragraphs)
    {
        if (paragraphs is null) return (null, Refusal.Invalid("paragraphs", "is required: a list of paragraphs, empty to remove them."));
        if (paragraphs.Count > Limits.FindingsParagraphs)
            return (null, Refusal.Invalid("paragraphs", $"must list at most {Limits.FindingsParagraphs} paragraphs; it lists {paragraphs.Count}."));
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(paragraphs[i])) return (null, Refusal.Invalid($"paragraphs[{i}]", "is required: a paragraph of text."));
            if (ProseRule.Broken(paragraphs[i]!.Trim()) is { } broken) return (null, Refusal.Invalid($"paragraphs[{i}]", broken));
        }
        return ([.. paragraphs.Select(p => p!.Trim())], null);
    }

    /// <summary>
    /// The IRP as it is, if the report's text may still change: as <see cref="OpenForFindings"/> (naming <paramref name="field"/>
    /// before the visit), and until the draft is issued for fact check (prison guide 14.1, IRC guide 5.1), after which the
    /// establishment checks that text and its comments answer it.
    /// </summary>
    private static IrpState OpenForReportText(InstanceStatus status, DateOnly today, string field, string frozen)
    {
        var current = OpenForFindings(status, today, field, frozen);
        if (current.Progress.DraftIssuedOn is { } issued)
            throw new RefusedException(Refusal.Conflict("Draft already issued",
                $"The draft report was issued for fact check on {issued:yyyy-MM-dd} (prison guide 14.1, IRC guide 5.1); {frozen} can no longer change."));
        return current;
    }

    /// <summary>
    /// The IRP as it is, if the team's findings may still change: refused once it is terminated or completed, once the report is
    /// published (naming <paramref name="frozen"/>), and before the visit (naming <paramref name="field"/>).
    /// </summary>
    private static IrpState OpenForFindings(InstanceStatus status, DateOnly today, string field, string frozen)
    {
        IrpService.RefuseIfFinished(status);
        var current = IrpState.From(status.Instance);
        if (current.Progress.PublishedOn is { } published)
            throw new RefusedException(Refusal.Conflict("Already published",
                $"The report was published on {published:yyyy-MM-dd}; {frozen} can no longer change."));
        // Prison guide 9.1 / IRC guide 3.2: progress is judged on the evidence the team gathers during the visit.
        if (today < current.Facts.VisitStart)
            throw new RefusedException(Refusal.OutOfOrder("The visit has not started", field,
                $"cannot be recorded before the visit starts on {current.Facts.VisitStart:yyyy-MM-dd}: progress is judged on the evidence gathered there "
                + $"(prison guide 9.1, IRC guide 3.2). Today is {today:yyyy-MM-dd}."));
        return current;
    }

    /// <summary>
    /// The draft report as a Word document (<see cref="DraftReportDocument"/>) from what is recorded so far, its Key findings
    /// worded in <paramref name="style"/>, with the file name it is offered and stored under; null when there is no such IRP.
    /// </summary>
    public async Task<(byte[] Content, string FileName)?> DraftReportDocumentAsync(string id, KeyFindingsStyle style, CancellationToken ct)
    {
        var status = await engine.GetAsync(IrpWorkflow.KindName, id, ct);
        if (status is null) return null;
        var state = IrpState.From(status.Instance);
        var fileName = FileNames.Sanitise($"{state.Facts.Establishment.Name} IRP draft report.docx");
        return (DraftReportDocument.Write(state, irps.VisitEnd(state), irps.Today(), style), fileName);
    }

    /// <summary>
    /// Stores the generated document as the IRP's draft report, exactly as an uploaded draft (<see cref="UploadDraftAsync"/>):
    /// recording DraftIssued then sends it for fact check. Refused as that upload is; not found for an unknown IRP.
    /// </summary>
    public async Task<(ReportFileUploadedData? File, Refusal? Refusal)> UseGeneratedDraftAsync(string id, DurableTaskClient durable, CancellationToken ct)
    {
        if (await DraftReportDocumentAsync(id, ReportSummary.DefaultStyle, ct) is not { } document) return (null, IrpService.NotFound(id));
        return await UploadDraftAsync(id, document.FileName, ReportFileRules.DocxContentType, BinaryData.FromBytes(document.Content), durable, ct);
    }

    /// <summary>The report summary from the judgements recorded so far; null when there is no such IRP.</summary>
    public async Task<ReportSummaryResult?> SummaryAsync(string id, KeyFindingsStyle style, CancellationToken ct)
    {
        var status = await engine.GetAsync(IrpWorkflow.KindName, id, ct);
        if (status is null) return null;
        return Summary(IrpState.From(status.Instance), style);
    }

    /// <summary>The report summary from the judgements recorded in <paramref name="state"/>.</summary>
    public static ReportSummaryResult Summary(IrpState state, KeyFindingsStyle style)
    {
        var recommendations = state.Facts.Recommendations.Select(r => JudgedRecommendation.For(r,
            reference => state.Judgements.TryGetValue(reference, out var j) ? Enum.Parse<RecommendationJudgement>(j.Judgement) : null)).ToList();
        var themes = state.Facts.OfstedThemes.Select(t => new JudgedTheme(t,
            state.Judgements.TryGetValue(t.Ref, out var j) ? Enum.Parse<ThemeJudgement>(j.Judgement) : null)).ToList();
        return ReportSummary.Build(recommendations, themes, ReportSubject.For(state.Facts), style, state.NotablePositivePractice);
    }

    /// <summary>
    /// Everything that is judged, with its latest judgement or null: every recommendation (concern), or each of its parts when
    /// it has parts, then every Ofsted theme.
    /// </summary>
    public static IReadOnlyList<JudgementView> Judgements(IrpState state)
    {
        var recommendationKind = state.Facts.Kind == IrpKind.Immigration ? SummaryOfJudgementsEntry.ConcernKind : SummaryOfJudgementsEntry.RecommendationKind;
        IReadOnlyList<string> Findings(string reference) => state.Findings.TryGetValue(reference, out var f) ? f : [];
        JudgementView View(string reference, string kind, string text) => (state.Judgements.TryGetValue(reference, out var j)
            ? new JudgementView(reference, kind, text, j.Judgement, j.Text)
            : new JudgementView(reference, kind, text, null, null)) with { Findings = Findings(reference) };
        return
        [
            .. state.Facts.Recommendations.SelectMany(r => r.Parts.Count == 0
                ? [View(r.Ref, recommendationKind, r.Text)]
                : r.Parts.Select(p => View(p.Ref, recommendationKind, p.Text) with { PartOf = r.Ref, Findings = Findings(r.Ref) })),
            .. state.Facts.OfstedThemes.Select(t => View(t.Ref, SummaryOfJudgementsEntry.OfstedThemeKind, t.Text)),
        ];
    }

    /// <summary>
    /// Stores a new version of a file of which the latest counts (the draft, the final report, the debrief document) and records
    /// it with <paramref name="eventName"/>, unless <paramref name="refuse"/> refuses the IRP as it is, before and after the
    /// file is stored.
    /// </summary>
    private async Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadVersionAsync(
        string id, IrpFileKind kind, long maxBytes, Func<IrpState, Refusal?> refuse, Func<IrpState, IReadOnlyList<ReportFileUploadedData>> versions,
        string eventName, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct)
    {
        var (name, invalid) = ReportFileRules.Check(fileName, contentType, content.ToMemory().Span, maxBytes);
        if (invalid is not null) return (null, invalid);
        var (state, refusal) = await StateAsync(id, ct);
        if (refusal is not null) return (null, refusal);
        if (refuse(state!) is { } early) return (null, early);

        var version = versions(state!).Count + 1;
        return await StoreAndRecordAsync(id, kind, version, name!, contentType!, content, durable, ct, current =>
            refuse(current) ?? (versions(current).Count + 1 != version ? AnotherUpload() : null),
            (current, file) => [new NewEvent(eventName, EventData.ToData(file))]);
    }

    private async Task<(ReportFileUploadedData?, Refusal?)> StoreAndRecordAsync(
        string id, IrpFileKind kind, int version, string name, string contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct,
        Func<IrpState, Refusal?> recheck, Func<IrpState, ReportFileUploadedData, IReadOnlyList<NewEvent>> events)
    {
        var folder = kind switch
        {
            IrpFileKind.Draft => IrpReportFiles.DraftFolder,
            IrpFileKind.FactCheck => IrpReportFiles.FactCheckFolder,
            IrpFileKind.Debrief => IrpReportFiles.DebriefFolder,
            _ => IrpReportFiles.FinalFolder,
        };
        var file = await files.StoreAsync(id, folder, version, name, contentType, content, time.GetUtcNow(), ct);
        if (file is null) return (null, AnotherUpload());
        var refusal = await irps.AppendAsync(id, status =>
        {
            IrpService.RefuseIfFinished(status);
            var current = IrpState.From(status.Instance);
            if (recheck(current) is { } late) throw new RefusedException(late);
            return events(current, file);
        }, durable, ct);
        if (refusal is null) return (file, null);
        // Something changed between the first check and the record (e.g. the draft was issued meanwhile): keep nothing.
        await files.DeleteAsync(id, file.BlobName, ct);
        return (null, refusal);
    }

    private async Task<(IrpState?, Refusal?)> StateAsync(string id, CancellationToken ct)
    {
        var status = await engine.GetAsync(IrpWorkflow.KindName, id, ct);
        if (status is null) return (null, IrpService.NotFound(id));
        return IrpService.Finished(status) is { } finished ? (null, finished) : (IrpState.From(status.Instance), null);
    }

    private static Refusal? RefuseDraftUpload(IrpState state) => state.Progress.DraftIssuedOn is { } issued
        ? Refusal.Conflict("Draft already issued",
            $"The draft report was issued for fact check on {issued:yyyy-MM-dd}; the establishment is checking that version, so it can no longer be replaced.")
        : null;

    private static Refusal? RefuseComments(IrpState state) =>
        state.Progress.DraftIssuedOn is null
            ? Refusal.Conflict("No draft issued", "Fact-check comments answer the issued draft report; record DraftIssued first.")
        : state.Progress.PublishedOn is { } published
            ? Refusal.Conflict("Already published", $"The report was published on {published:yyyy-MM-dd}; the fact check is over.")
        : null;

    // Kept after publication too: a report sent to ministers outside IrpFlows is still the inspectorate's record.
    private static Refusal? RefuseFinalReport(IrpState state) =>
        state.Progress.DraftIssuedOn is null
            ? Refusal.Conflict("No draft issued", "The final report follows the factual accuracy check of the draft; record DraftIssued first.")
        : state.CompletedSteps.Contains(IrpSteps.FinalReport)
            ? Refusal.Conflict("Final report already sent", "The final report has been sent to ministers; that version can no longer be replaced.")
        : null;

    private static Refusal AnotherUpload() =>
        Refusal.Conflict("Another upload got there first", "Another file was recorded for this IRP at the same moment; check the IRP's status and try again.");

    private static Refusal? RefuseDebriefDocument(IrpState state, DateOnly today) =>
        today < state.Facts.VisitStart
            ? Refusal.Conflict("The visit has not started",
                $"The debrief document is written during the visit, which starts on {state.Facts.VisitStart:yyyy-MM-dd} (prison guide 8.1, IRC guide 3.1).")
        : state.CompletedSteps.Contains(IrpSteps.DebriefDocument)
            ? Refusal.Conflict("Debrief document already shared", "The debrief document has been shared; that version can no longer be replaced.")
        : null;

    private enum IrpFileKind { Draft, FactCheck, Final, Debrief }
}
