using IrpFlows.Documents;
using IrpFlows.Irps.Judgements;
using IrpFlows.Pages;
using IrpFlows.Workflow;

namespace IrpFlows.Irps.Pages;

/// <summary>What the IRP page shows besides the IRP (<see cref="PageState"/>), and the dates a visit move would change, awaiting confirmation.</summary>
public sealed record IrpPageState(string? Message = null, Refusal? Refusal = null, string? Form = null, IFormCollection? Values = null)
    : PageState(Message, Refusal, Form, Values)
{
    public IReadOnlyList<DateMove>? VisitMove { get; init; }
    public string? VisitMoveTo { get; init; }
}

/// <summary>One IRP (<c>GET /irps/{id}</c>): timeline, documents, emails, actions, judgements and the report summary, feedback, history.</summary>
public static class IrpPage
{
    public static Html Render(IrpView irp, ReportSummaryResult? summary, IrpPageState state, string formToken, TimeZoneInfo zone)
    {
        var active = irp.RuntimeStatus is "Running" or "Pending";
        var status = irp.RuntimeStatus switch
        {
            "Terminated" => "Cancelled" + (irp.CancellationReason is { } reason ? $": {reason}" : ""),
            "Completed" => "Completed",
            _ => irp.CustomStatus,
        };
        return Html.Of($"""
            <a href="/" class="govuk-back-link">Back to the programme</a>
            <h1 class="govuk-heading-l">{irp.Establishment.Name}</h1>
            {state.ErrorSummary()}{PageLayout.Message(state.Message, isError: false)}
            <dl class="govuk-summary-list">
            {PageLayout.SummaryRow("Status", status, "status")}
            {PageLayout.SummaryRow("Visit", PageLayout.LongDate(irp.VisitStart) + (irp.VisitEnd is { } end ? " to " + PageLayout.LongDate(end) : ""), "visit")}
            {PageLayout.SummaryRow("Announced", PageLayout.LongDate(irp.AnnouncementDate))}
            {PageLayout.SummaryRow("Coordinator", irp.Contacts.Coordinator.Name)}
            {PageLayout.SummaryRow("Liaison officer", irp.Contacts.LiaisonOfficer is { } lo ? $"{lo.Name} ({lo.Email})" : "Not appointed yet", "liaison")}
            </dl>
            {(irp.Warnings.Count > 0 ? Html.Of($"""
                <h2 class="govuk-heading-m" id="departures">Departures from the guide</h2>
                <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><div class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
                <ul class="govuk-list">{irp.Warnings.Select(w => Html.Of($"<li><code>{w.Field}</code> {w.Message}</li>"))}</ul></div></div>
                """) : Html.Empty)}
            {Timeline(irp, active, new ActionForms($"/irps/{irp.Id}", state, formToken), zone)}
            {(active ? Actions(irp, state, formToken) : Html.Empty)}
            {DocumentsSection.Render($"/irps/{irp.Id}", irp.Documents, irp.UploadLink, "The establishment's upload page", zone)}
            {InstanceSections.Emails($"/irps/{irp.Id}", irp.Emails, "Every email this IRP has sent", zone)}
            {Judgements(irp, summary, state, formToken, active)}
            {Feedback(irp, state, formToken, zone)}
            {InstanceSections.History(irp.History, zone)}
            """);
    }

    private static Html Timeline(IrpView irp, bool active, ActionForms forms, TimeZoneInfo zone) => Html.Of($"""
        <h2 class="govuk-heading-m" id="timeline">Timeline</h2>
        <table class="govuk-table" id="timeline-table">
        <caption class="govuk-table__caption govuk-table__caption--s">Every step, with the paragraph of the guide its date comes from</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Guide</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
        <tbody class="govuk-table__body">
        {irp.Timeline.Select(s => Html.Of($"""
            <tr class="govuk-table__row" id="step-{s.Id}"><td class="govuk-table__cell">{PageLayout.LongDate(s.Date)}{(s.Time is { } t ? " " + t : "")}</td><th scope="row" class="govuk-table__header">{s.Title}</th><td class="govuk-table__cell">{s.Source}</td>
            <td class="govuk-table__cell">{PageLayout.StatusTag(s.Status)}{(s.CompletedAt is { } done ? PageLayout.Note(PageLayout.When(done, zone)) : Html.Empty)}{(s.WaitingFor is { } waiting && s.Status == "pending" ? PageLayout.Note($"Waits for: {waiting}") : Html.Empty)}{(s.SkippedReason is { } why && s.Status == "skipped" ? PageLayout.Note(why) : Html.Empty)}{(s.RetryAt is { } retryAt ? PageLayout.Note($"Attempt {s.FailedAttempts} failed ({s.LastError}); trying again {PageLayout.When(retryAt, zone)}") : Html.Empty)}
            {(s.Status == "failed" ? Html.Of($"""
                <p class="govuk-error-message govuk-!-margin-top-2">{s.LastError ?? "Failed"} ({s.FailedAttempts} attempts)</p>
                {(active ? forms.Button("retry", $"Retry {s.Title}", ActionForms.Hidden("stepId", s.Id)) : Html.Empty)}
                """) : Html.Empty)}</td></tr>
            """))}
        </tbody>
        </table>
        """);

    private static Html Actions(IrpView irp, IrpPageState state, string formToken)
    {
        var forms = new ActionForms($"/irps/{irp.Id}", state, formToken);

        // The dates a move would change, beside its form, to confirm or leave: a notification banner, as it answers the
        // coordinator's "Show the dates that move" and nothing has changed yet.
        var move = state.VisitMove is { } moves ? Html.Of($"""
            <div class="govuk-notification-banner" role="region" aria-labelledby="move-preview-title" data-module="govuk-notification-banner" id="move-preview">
            <div class="govuk-notification-banner__header"><h3 class="govuk-notification-banner__title" id="move-preview-title">Check the dates that move</h3></div>
            <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">If the visit starts on {PageLayout.LongDate(DateOnly.Parse(state.VisitMoveTo!, PageLayout.English))}, these dates move.</p>
            <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Dates that will move</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Now</th><th scope="col" class="govuk-table__header">After the move</th></tr></thead>
            <tbody class="govuk-table__body">{moves.Select(m => Html.Of($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{m.Title}</th><td class=\"govuk-table__cell\">{PageLayout.LongDate(m.From)}</td><td class=\"govuk-table__cell\">{PageLayout.LongDate(m.To)}</td></tr>"))}</tbody></table>
            <form method="post" action="/irps/{irp.Id}/move-visit">{PageLayout.FormToken(formToken)}{ActionForms.Hidden("visitStart", state.VisitMoveTo!)}{ActionForms.Hidden("confirm", "yes")}
            <div class="govuk-button-group"><button type="submit" class="govuk-button" data-module="govuk-button">Confirm the move</button> <a class="govuk-link" href="/irps/{irp.Id}#move-visit-title">Do not move it</a></div></form>
            </div></div>
            """) : Html.Empty;

        return Html.Of($"""
            <h2 class="govuk-heading-m" id="actions">Actions</h2>
            <div class="app-actions">
            {forms.Form("liaison-officer", "Appoint the liaison officer",
                Html.Join([forms.Field("liaison-officer", "name", "Full name", "text"), forms.Field("liaison-officer", "email", "Email address", "email")]), "Appoint")}
            {forms.Form("preparation-visit", irp.Kind == "immigration" ? "Arrange the preparation contact" : "Arrange the preparation visit",
                forms.Field("preparation-visit", "date", "Date", "date", irp.Kind == "immigration"
                    ? "The coordinating inspector contacts the centre in advance (IRC guide 2.5)."
                    : "Half a day, with a one-hour meeting with the governor (prison guide 7.1, Appendix A). The announcement names it if it has not gone yet."), "Arrange")}
            {forms.Form("inspector", $"Name the inspector for a {(irp.Kind == "immigration" ? "concern" : "recommendation")}",
                Html.Join([forms.Field("inspector", "ref", "Ref", "text", $"One of {string.Join(", ", irp.Recommendations.Select(r => r.Ref))}. Prison guide 7.2: the establishment is told who will look at each."),
                    forms.Field("inspector", "name", "Inspector", "text")]), "Name the inspector", "secondary")}
            <div>{forms.Form("move-visit", "Move the visit",
                forms.Field("move-visit", "visitStart", "New first day of the visit", "date", "A working day. You will see the dates that move before anything changes."), "Show the dates that move", "secondary")}{move}</div>
            {forms.Form("debrief-document", "Upload the debrief document",
                forms.Field("debrief-document", "file", "Debrief document (PDF or Word, at most 3 MB)", "file",
                    $"The team's document, finalised at the deliberation meeting (prison guide 8.1, 13.1; IRC guide 3.1, 4.3). It is attached to the email to {(irp.Kind == "immigration" ? "the contractor and the Home Office" : "HMPPS")}. The summary of judgements below is only a starting text for it.{(irp.DebriefDocument is { } debrief ? $" Uploaded: {debrief.FileName}." : "")}"),
                "Upload the debrief document", enctype: "multipart/form-data")}
            {forms.Form("draft-report", "Upload the draft report",
                forms.Field("draft-report", "file", "Draft report (PDF or Word)", "file"), "Upload the draft", enctype: "multipart/form-data")}
            {forms.Form("issue-draft", "Issue the draft for fact check",
                forms.Field("issue-draft", "date", "Issued on (leave empty for today)", "date",
                    $"{(irp.DraftReport is { } draft ? $"Uploaded: {draft.FileName}." : "Upload the draft report first.")} The establishment is sent a link to it.", required: false), "Issue the draft")}
            {forms.Form("fact-check-returned", "Record the fact check returned",
                forms.Field("fact-check-returned", "date", "Returned on (leave empty for today)", "date", required: false), "Record the fact check")}
            {forms.Form("ministerial-office", "Name the ministerial office",
                Html.Of($"<p class=\"govuk-body\">{(irp.Contacts.MinisterialOffice is { } office ? $"Now: {office.Name}, {office.Email}." : "None yet: the final report cannot go to ministers from IrpFlows until one is named.")}</p>{Html.Join([forms.Field("ministerial-office", "name", "Office", "text"), forms.Field("ministerial-office", "email", "Office's email", "email")])}"), "Name the office", "secondary")}
            {forms.Form("final-report", "Upload the final report",
                forms.Field("final-report", "file", "Final report (PDF or Word)", "file",
                    $"It goes to {(irp.Kind == "immigration" ? "the Home Secretary and Minister" : "the Secretary of State for Justice")} at once, before publication (prison guide 14.1, IRC guide 5.1)."),
                "Upload the final report", enctype: "multipart/form-data")}
            {forms.Form("final-report-elsewhere", "Record the final report sent outside IrpFlows",
                forms.Field("final-report-elsewhere", "date", "Sent on (leave empty for today)", "date", required: false), "Record it as sent", "secondary")}
            {forms.Form("published", "Record publication",
                Html.Join([forms.Field("published", "date", "Published on", "date"), forms.Field("published", "url", "Address of the published report", "url")]), "Record publication")}
            {forms.Form("cancel", "Cancel this IRP", Html.Of($"""
                {forms.Field("cancel", "reason", "Reason", "text", "Told to the establishment with the cancellation.")}
                {forms.Confirm("cancel", "Yes, cancel the IRP and tell everyone")}
                """), "Cancel the IRP", "warning")}
            </div>
            """);
    }

    private static Html Judgements(IrpView irp, ReportSummaryResult? summary, IrpPageState state, string formToken, bool active)
    {
        if (irp.Judgements.Count == 0) return Html.Empty;
        var forms = new ActionForms($"/irps/{irp.Id}", state, formToken);
        var form = forms.Form("judgements", "Record the judgements", Html.Join(irp.Judgements.Select(j => JudgementFields(j, state))), "Save the judgements");
        var practiceForm = forms.Form("notable-positive-practice", "Notable positive practice",
            forms.TextArea("notable-positive-practice", "examples", "Examples found",
                "One a line, as the report is to say it, e.g. \"Leaders' oversight of body-worn cameras was excellent. (See paragraph 3.7)\". Leave empty when the inspectors found none.",
                string.Join("\n", summary?.NotablePositivePractice.Examples ?? [])),
            "Save the examples", "secondary");
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="judgements">Judgements</h2>
            {(summary is null ? Html.Empty : Definitions(summary.Definitions))}
            {(active ? form : Html.Empty)}
            {(active ? practiceForm : Html.Empty)}
            {Report(irp, state, formToken, active)}
            {(summary is null ? Html.Empty : Html.Of($"""
                <h2 class="govuk-heading-m" id="key-findings">Key findings</h2>
                <div class="govuk-inset-text" id="starting-text">Written by IrpFlows from the judgements recorded: a starting text for the team's debrief document and the report, not the debrief document itself (prison guide 8.1, 13.1; IRC guide 3.1, 4.3).</div>
                <div id="key-findings-text">
                {new[] { summary.KeyFindings.FollowedUp, summary.KeyFindings.Recommendations, summary.KeyFindings.Themes }.Where(p => p.Length > 0).Select(p => Html.Of($"<p class=\"govuk-body\">{p}</p>"))}
                </div>
                <div class="app-pies">
                {(summary.RecommendationsChartSvg.Length > 0 ? Html.Of($"<figure>{Html.Trusted(summary.RecommendationsChartSvg)}<figcaption class=\"govuk-body-s\">{summary.RecommendationsChartTitle}{(summary.RecommendationsChartNote.Length > 0 ? PageLayout.Note(summary.RecommendationsChartNote) : Html.Empty)}</figcaption></figure>") : Html.Empty)}
                {(summary.ThemesChartSvg.Length > 0 ? Html.Of($"<figure>{Html.Trusted(summary.ThemesChartSvg)}<figcaption class=\"govuk-body-s\">{summary.ThemesChartTitle}</figcaption></figure>") : Html.Empty)}
                </div>
                <h3 class="govuk-heading-s" id="notable-positive-practice">Notable positive practice</h3>
                <div id="notable-positive-practice-text">
                <p class="govuk-body">{summary.NotablePositivePractice.Definition}</p>
                <p class="govuk-body">{summary.NotablePositivePractice.Found}</p>
                {summary.NotablePositivePractice.Examples.Select(e => Html.Of($"<p class=\"govuk-body\">{e}</p>"))}
                </div>
                <h2 class="govuk-heading-m" id="summary-of-judgements">Summary of judgements</h2>
                <p class="govuk-body" id="summary-of-judgements-intro">{summary.SummaryOfJudgementsIntro}</p>
                <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Every recommendation and theme followed up, with its judgement</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Ref</th><th scope="col" class="govuk-table__header">Recommendation or theme</th><th scope="col" class="govuk-table__header">Judgement</th></tr></thead>
                <tbody class="govuk-table__body">{summary.SummaryOfJudgements.Select(e => Html.Of($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{e.Ref}</td><td class=\"govuk-table__cell\">{e.Text}{(e.HmppsResponse is { } answer ? $" ({answer})" : "")}</td><td class=\"govuk-table__cell\">{e.JudgementLabel}</td></tr>"))}</tbody></table>
                """))}
            """);
    }

    /// <summary>
    /// One recommendation's or theme's judgement and written judgement, as GOV.UK's fieldset around a select and a textarea.
    /// Every item's fields share the names <c>ref</c>, <c>judgement</c> and <c>text</c> (the form posts them in order); an
    /// item's error, keyed by its ref, sits in its fieldset, and the error summary's link (<c>#judgements-{ref}</c>) is its select.
    /// A refused form shows what was chosen and typed again; otherwise what is recorded.
    /// </summary>
    private static Html JudgementFields(JudgementView j, IrpPageState state)
    {
        var id = $"judgements-{j.Ref}";
        var isTheme = j.Kind == SummaryOfJudgementsEntry.OfstedThemeKind;
        var scale = isTheme
            ? JudgementScales.ThemeScale.Select(s => (Value: s.ToString(), Label: s.ToLabel()))
            : JudgementScales.RecommendationScale.Select(s => (Value: s.ToString(), Label: s.ToLabel()));
        var posted = state.Form == "judgements" && state.Values is { } values ? values["ref"].ToList().IndexOf(j.Ref) : -1;
        var (chosen, written) = posted >= 0
            ? (state.Values!["judgement"].ElementAtOrDefault(posted), state.Values["text"].ElementAtOrDefault(posted))
            : (j.Judgement, j.WrittenJudgement);
        var error = state.Error("judgements", j.Ref);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
            <fieldset class="govuk-fieldset"{PageLayout.DescribedBy(id, hint: true, error is not null)}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{(isTheme ? "Theme" : "Recommendation")} {j.Ref}</legend>
            {PageLayout.FieldHint(id, j.Text)}
            {PageLayout.FieldError(id, error)}
            {ActionForms.Hidden("ref", j.Ref)}
            <div class="govuk-form-group"><label class="govuk-label" for="{id}">Judgement on {j.Ref}</label>
            <select class="govuk-select{(error is null ? "" : " govuk-select--error")}" id="{id}" name="judgement"><option value="">Not judged yet</option>{scale.Select(s => Html.Of($"<option value=\"{s.Value}\"{(s.Value == chosen ? Html.Of($" selected") : Html.Empty)}>{s.Label}</option>"))}</select></div>
            <div class="govuk-form-group"><label class="govuk-label" for="{id}-text">Written judgement on {j.Ref} (optional)</label>
            <textarea class="govuk-textarea{(error is null ? "" : " govuk-textarea--error")}" id="{id}-text" name="text" rows="3">{written}</textarea></div>
            </fieldset></div>
            """);
    }

    /// <summary>
    /// The report's text as the team writes it (the Chief Inspector's summary, the glossary's own entries, each item's findings:
    /// paragraphs parted by an empty line), the draft report assembled as a Word document, and a button that makes that document the draft for fact check.
    /// </summary>
    private static Html Report(IrpView irp, IrpPageState state, string formToken, bool active)
    {
        var forms = new ActionForms($"/irps/{irp.Id}", state, formToken);
        // The text is the team's until the draft is issued: the establishment then checks that version.
        var open = active && irp.History.All(e => e.Type != IrpEvents.DraftIssued);
        const string Hint = "One paragraph after another, parted by an empty line; the report numbers them.";
        // A recommendation in parts has one set of findings, under its own ref: its parts share it.
        var items = irp.Judgements.DistinctBy(j => j.PartOf ?? j.Ref)
            .Select(j => (Ref: j.PartOf ?? j.Ref, Title: $"{(j.Kind == SummaryOfJudgementsEntry.OfstedThemeKind ? "Theme" : j.Kind)} {j.PartOf ?? j.Ref}", j.Findings));
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="report">The report</h2>
            <p class="govuk-body"><a class="govuk-link" href="/irps/{irp.Id}/report.docx" id="report-document">Download the draft report (Word)</a>, assembled from the judgements, findings and summary recorded here.</p>
            {(open ? forms.Button("use-generated-draft", "Use the generated document as the draft report", Html.Empty) : Html.Empty)}
            {(open ? Html.Of($"""
                {forms.Form("chief-inspectors-summary", "Chief Inspector's summary",
                    forms.TextArea("chief-inspectors-summary", "paragraphs", "Section 1: the Chief Inspector's summary", Hint, string.Join("\n\n", irp.ChiefInspectorsSummary), rows: 6),
                    "Save the summary", "secondary")}
                {forms.Form("glossary", "Glossary",
                    forms.TextArea("glossary", "entries", "Appendix II: the IRP's own glossary entries",
                        "Each entry's term on its first line and its definition on the next; entries parted by an empty line. The report adds its fixed entries and sorts them.",
                        string.Join("\n\n", irp.Glossary.Select(e => $"{e.Term}\n{e.Definition}")), rows: 6),
                    "Save the glossary", "secondary")}
                {items.Select(i => forms.Form("findings", $"Findings: {i.Title}",
                    Html.Join([ActionForms.Hidden("item", i.Ref), forms.TextArea($"findings-{i.Ref}", "paragraphs", $"Findings on {i.Ref}", Hint, string.Join("\n\n", i.Findings), rows: 6)]),
                    "Save the findings", "secondary", form: $"findings-{i.Ref}"))}
                """) : Html.Empty)}
            """);
    }

    /// <summary>What each judgement means, beside the form that records them, as the guide of the IRP's kind defines them.</summary>
    private static Html Definitions(JudgementDefinitions definitions)
    {
        static Html Scale(IReadOnlyList<JudgementDefinition> scale) =>
            Html.Of($"<dl class=\"govuk-summary-list\">{scale.Select(d => PageLayout.SummaryRow(d.Label, d.Definition))}</dl>");
        return Html.Of($"""
            <details class="govuk-details" id="judgement-definitions"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What each judgement means ({definitions.Source})</span></summary>
            <div class="govuk-details__text">
            {Scale(definitions.Recommendations)}
            {(definitions.Themes.Count > 0 ? Html.Of($"<h3 class=\"govuk-heading-s\">Themes</h3>{Scale(definitions.Themes)}") : Html.Empty)}
            </div></details>
            """);
    }

    /// <summary>
    /// The feedback on how the review was run (prison guide 16.1, IRC guide 5.3), and a form for a reply that came by email.
    /// Shown whatever the IRP's state: feedback is asked for after publication, and may come after the IRP has ended.
    /// </summary>
    private static Html Feedback(IrpView irp, IrpPageState state, string formToken, TimeZoneInfo zone)
    {
        var forms = new ActionForms($"/irps/{irp.Id}", state, formToken);
        // An answer keeps the lines it was written in, each a paragraph.
        static Html Answer(string answer) => Html.Join(answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => Html.Of($"<p class=\"govuk-body\">{line}</p>")));
        var received = irp.Feedback.Count == 0
            ? Html.Of($"<p class=\"govuk-body\">None yet. The requests for feedback link to a short form; its answers appear here.</p>")
            : Html.Of($"""
                <ol class="govuk-list" id="feedback-list">{irp.Feedback.Select(f => Html.Of($"""
                    <li><h3 class="govuk-heading-s govuk-!-margin-bottom-1">{f.Name}{(f.Role.Length > 0 ? ", " + f.Role : "")}</h3>
                    {PageLayout.Note($"{(f.Via == FeedbackReceivedData.ViaForm ? "On the feedback form" : "By email, recorded by the coordinator")}, {PageLayout.When(f.ReceivedAt, zone)}")}
                    <dl class="govuk-summary-list govuk-!-margin-top-4">{f.Answers.Select(a => Html.Of($"""<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{a.Question}</dt><dd class="govuk-summary-list__value">{Answer(a.Answer)}</dd></div>"""))}</dl></li>
                    """))}</ol>
                """);
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="feedback">Feedback on the review</h2>
            {received}
            {forms.Form("feedback", "Record feedback that came by email", Html.Join([
                forms.Field("feedback", "name", "Who replied", "text"),
                forms.Field("feedback", "role", "Their role (optional)", "text", required: false),
                forms.TextArea("feedback", "text", "What they said", rows: 5)]), "Record the feedback", "secondary")}
            """);
    }
}
