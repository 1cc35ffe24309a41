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
            <p><a href="/">Back to the programme</a></p>
            <h1>{irp.Establishment.Name}</h1>
            {state.ErrorSummary()}{PageLayout.Message(state.Message, isError: false)}
            <dl class="facts">
            <dt>Status</dt><dd id="status">{status}</dd>
            <dt>Visit</dt><dd id="visit">{PageLayout.LongDate(irp.VisitStart)}{(irp.VisitEnd is { } end ? " to " + PageLayout.LongDate(end) : "")}</dd>
            <dt>Announced</dt><dd>{PageLayout.LongDate(irp.AnnouncementDate)}</dd>
            <dt>Coordinator</dt><dd>{irp.Contacts.Coordinator.Name}</dd>
            <dt>Liaison officer</dt><dd id="liaison">{(irp.Contacts.LiaisonOfficer is { } lo ? $"{lo.Name} ({lo.Email})" : "Not appointed yet")}</dd>
            </dl>
            {(irp.Warnings.Count > 0 ? Html.Of($"<h2>Departures from the guide</h2><ul>{irp.Warnings.Select(w => Html.Of($"<li><code>{w.Field}</code> {w.Message}</li>"))}</ul>") : Html.Empty)}
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
        <h2 id="timeline">Timeline</h2>
        <table id="timeline-table">
        <caption>Every step, with the paragraph of the guide its date comes from</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Step</th><th scope="col">Guide</th><th scope="col">Status</th></tr></thead>
        <tbody>
        {irp.Timeline.Select(s => Html.Of($"""
            <tr id="step-{s.Id}"><td class="date">{PageLayout.LongDate(s.Date)}{(s.Time is { } t ? " " + t : "")}</td><th scope="row">{s.Title}</th><td>{s.Source}</td>
            <td>{PageLayout.StatusTag(s.Status)}{(s.CompletedAt is { } done ? Html.Of($"<br><span class=\"hint\">{PageLayout.When(done, zone)}</span>") : Html.Empty)}{(s.WaitingFor is { } waiting && s.Status == "pending" ? Html.Of($"<br><span class=\"hint\">Waits for: {waiting}</span>") : Html.Empty)}{(s.SkippedReason is { } why && s.Status == "skipped" ? Html.Of($"<br><span class=\"hint\">{why}</span>") : Html.Empty)}{(s.RetryAt is { } retryAt ? Html.Of($"<br><span class=\"hint\">Attempt {s.FailedAttempts} failed ({s.LastError}); trying again {PageLayout.When(retryAt, zone)}</span>") : Html.Empty)}
            {(s.Status == "failed" ? Html.Of($"""
                <p class="error-message">{s.LastError ?? "Failed"} ({s.FailedAttempts} attempts)</p>
                {(active ? forms.Button("retry", $"Retry {s.Title}", ActionForms.Hidden("stepId", s.Id)) : Html.Empty)}
                """) : Html.Empty)}</td></tr>
            """))}
        </tbody>
        </table>
        """);

    private static Html Actions(IrpView irp, IrpPageState state, string formToken)
    {
        var forms = new ActionForms($"/irps/{irp.Id}", state, formToken);

        var move = state.VisitMove is { } moves ? Html.Of($"""
            <div id="move-preview">
            <p>If the visit starts on <strong>{PageLayout.LongDate(DateOnly.Parse(state.VisitMoveTo!, PageLayout.English))}</strong>, these dates move:</p>
            <table><caption>Dates that will move</caption><thead><tr><th scope="col">Step</th><th scope="col">Now</th><th scope="col">After the move</th></tr></thead>
            <tbody>{moves.Select(m => Html.Of($"<tr><th scope=\"row\">{m.Title}</th><td>{PageLayout.LongDate(m.From)}</td><td>{PageLayout.LongDate(m.To)}</td></tr>"))}</tbody></table>
            <form method="post" action="/irps/{irp.Id}/move-visit">{PageLayout.FormToken(formToken)}<input type="hidden" name="visitStart" value="{state.VisitMoveTo}"><input type="hidden" name="confirm" value="yes">
            <button type="submit">Confirm the move</button> <a href="/irps/{irp.Id}#move-visit-title">Do not move it</a></form>
            </div>
            """) : Html.Empty;

        return Html.Of($"""
            <h2 id="actions">Actions</h2>
            <div class="actions">
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
                Html.Of($"<p class=\"hint\">The team's document, finalised at the deliberation meeting (prison guide 8.1, 13.1; IRC guide 3.1, 4.3). It is attached to the email to {(irp.Kind == "immigration" ? "the contractor and the Home Office" : "HMPPS")}. The summary of judgements below is only a starting text for it.{(irp.DebriefDocument is { } debrief ? $" Uploaded: {debrief.FileName}." : "")}</p>{forms.Field("debrief-document", "file", "Debrief document (PDF or Word, at most 3 MB)", "file")}"), "Upload the debrief document", enctype: "multipart/form-data")}
            {forms.Form("draft-report", "Upload the draft report",
                forms.Field("draft-report", "file", "Draft report (PDF or Word)", "file"), "Upload the draft", enctype: "multipart/form-data")}
            {forms.Form("issue-draft", "Issue the draft for fact check",
                Html.Of($"<p class=\"hint\">{(irp.DraftReport is { } draft ? $"Uploaded: {draft.FileName}." : "Upload the draft report first.")} The establishment is sent a link to it.</p>{forms.Field("issue-draft", "date", "Issued on (leave empty for today)", "date", required: false)}"), "Issue the draft")}
            {forms.Form("fact-check-returned", "Record the fact check returned",
                forms.Field("fact-check-returned", "date", "Returned on (leave empty for today)", "date", required: false), "Record the fact check")}
            {forms.Form("ministerial-office", "Name the ministerial office",
                Html.Of($"<p class=\"hint\">{(irp.Contacts.MinisterialOffice is { } office ? $"Now: {office.Name}, {office.Email}." : "None yet: the final report cannot go to ministers from IrpFlows until one is named.")}</p>{Html.Join([forms.Field("ministerial-office", "name", "Office", "text"), forms.Field("ministerial-office", "email", "Office's email", "email")])}"), "Name the office", "secondary")}
            {forms.Form("final-report", "Upload the final report",
                Html.Of($"<p class=\"hint\">It goes to {(irp.Kind == "immigration" ? "the Home Secretary and Minister" : "the Secretary of State for Justice")} at once, before publication (prison guide 14.1, IRC guide 5.1).</p>{forms.Field("final-report", "file", "Final report (PDF or Word)", "file")}"), "Upload the final report", enctype: "multipart/form-data")}
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

    private static Html Described(string id, string? hint, string? error) => PageLayout.DescribedBy(id, hint is not null, error is not null);

    private static Html Judgements(IrpView irp, ReportSummaryResult? summary, IrpPageState state, string formToken, bool active)
    {
        if (irp.Judgements.Count == 0) return Html.Empty;
        var form = Html.Of($"""
            <form method="post" action="/irps/{irp.Id}/judgements" id="judgements-form">
            {PageLayout.FormToken(formToken)}
            {irp.Judgements.Select((j, i) =>
            {
                var isTheme = j.Kind == SummaryOfJudgementsEntry.OfstedThemeKind;
                var scale = isTheme
                    ? JudgementScales.ThemeScale.Select(s => (s.ToString(), s.ToLabel()))
                    : JudgementScales.RecommendationScale.Select(s => (s.ToString(), s.ToLabel()));
                var error = state.Error("judgements", j.Ref);
                return Html.Of($"""
                    <fieldset class="{(error is null ? "" : "error")}"><legend>{(isTheme ? "Theme" : "Recommendation")} {j.Ref}</legend>
                    <p>{j.Text}</p>{(error is null ? Html.Empty : Html.Of($"<p class=\"error-message\">Error: {error}</p>"))}
                    <input type="hidden" name="ref" value="{j.Ref}">
                    <div class="field"><label for="judgement-{i}">Judgement on {j.Ref}</label>
                    <select id="judgement-{i}" name="judgement"><option value="">Not judged yet</option>{scale.Select(s => Html.Of($"<option value=\"{s.Item1}\"{(s.Item1 == j.Judgement ? Html.Of($" selected") : Html.Empty)}>{s.Item2}</option>"))}</select></div>
                    <div class="field"><label for="text-{i}">Written judgement on {j.Ref} (optional)</label>
                    <textarea id="text-{i}" name="text" rows="3">{j.WrittenJudgement}</textarea></div>
                    </fieldset>
                    """);
            })}
            <button type="submit">Save the judgements</button>
            </form>
            """);
        var examplesError = state.Error("notable-positive-practice", "examples");
        var practiceForm = Html.Of($"""
            <section aria-labelledby="notable-positive-practice-title"><h3 id="notable-positive-practice-title">Notable positive practice</h3>
            <form method="post" action="/irps/{irp.Id}/notable-positive-practice" novalidate>
            {PageLayout.FormToken(formToken)}
            <div class="field{(examplesError is null ? "" : " error")}"><label for="notable-positive-practice-examples">Examples found</label>
            <p class="hint" id="notable-positive-practice-examples-hint">One a line, as the report is to say it, e.g. "Leaders' oversight of body-worn cameras was excellent. (See paragraph 3.7)". Leave empty when the inspectors found none.</p>{(examplesError is null ? Html.Empty : Html.Of($"<p class=\"error-message\" id=\"notable-positive-practice-examples-error\">Error: {examplesError}</p>"))}
            <textarea id="notable-positive-practice-examples" name="examples" rows="4"{Described("notable-positive-practice-examples", "hint", examplesError)}>{(state.Form == "notable-positive-practice" ? state.Value("notable-positive-practice", "examples") : string.Join("\n", summary?.NotablePositivePractice.Examples ?? []))}</textarea></div>
            <button type="submit" class="secondary">Save the examples</button>
            </form></section>
            """);
        return Html.Of($"""
            <h2 id="judgements">Judgements</h2>
            {(summary is null ? Html.Empty : Definitions(summary.Definitions))}
            {(active ? form : Html.Empty)}
            {(active ? practiceForm : Html.Empty)}
            {Report(irp, state, formToken, active)}
            {(summary is null ? Html.Empty : Html.Of($"""
                <h2 id="key-findings">Key findings</h2>
                <p class="hint" id="starting-text">Written by IrpFlows from the judgements recorded: a starting text for the team's debrief document and the report, not the debrief document itself (prison guide 8.1, 13.1; IRC guide 3.1, 4.3).</p>
                <div id="key-findings-text">
                {new[] { summary.KeyFindings.FollowedUp, summary.KeyFindings.Recommendations, summary.KeyFindings.Themes }.Where(p => p.Length > 0).Select(p => Html.Of($"<p>{p}</p>"))}
                </div>
                <div class="pies">
                {(summary.RecommendationsChartSvg.Length > 0 ? Html.Of($"<figure>{Html.Trusted(summary.RecommendationsChartSvg)}<figcaption>{summary.RecommendationsChartTitle}{(summary.RecommendationsChartNote.Length > 0 ? Html.Of($"<br><span class=\"hint\">{summary.RecommendationsChartNote}</span>") : Html.Empty)}</figcaption></figure>") : Html.Empty)}
                {(summary.ThemesChartSvg.Length > 0 ? Html.Of($"<figure>{Html.Trusted(summary.ThemesChartSvg)}<figcaption>{summary.ThemesChartTitle}</figcaption></figure>") : Html.Empty)}
                </div>
                <h3 id="notable-positive-practice">Notable positive practice</h3>
                <div id="notable-positive-practice-text">
                <p>{summary.NotablePositivePractice.Definition}</p>
                <p>{summary.NotablePositivePractice.Found}</p>
                {summary.NotablePositivePractice.Examples.Select(e => Html.Of($"<p>{e}</p>"))}
                </div>
                <h2 id="summary-of-judgements">Summary of judgements</h2>
                <p id="summary-of-judgements-intro">{summary.SummaryOfJudgementsIntro}</p>
                <table><caption>Every recommendation and theme followed up, with its judgement</caption>
                <thead><tr><th scope="col">Ref</th><th scope="col">Recommendation or theme</th><th scope="col">Judgement</th></tr></thead>
                <tbody>{summary.SummaryOfJudgements.Select(e => Html.Of($"<tr><td>{e.Ref}</td><td>{e.Text}{(e.HmppsResponse is { } answer ? $" ({answer})" : "")}</td><td>{e.JudgementLabel}</td></tr>"))}</tbody></table>
                """))}
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
            <h2 id="report">The report</h2>
            <p><a href="/irps/{irp.Id}/report.docx" id="report-document">Download the draft report (Word)</a>, assembled from the judgements, findings and summary recorded here.</p>
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
            Html.Of($"<dl class=\"definitions\">{scale.Select(d => Html.Of($"<dt>{d.Label}</dt><dd>{d.Definition}</dd>"))}</dl>");
        return Html.Of($"""
            <details id="judgement-definitions"><summary>What each judgement means ({definitions.Source})</summary>
            {Scale(definitions.Recommendations)}
            {(definitions.Themes.Count > 0 ? Html.Of($"<p>Themes:</p>{Scale(definitions.Themes)}") : Html.Empty)}
            </details>
            """);
    }

    /// <summary>
    /// The feedback on how the review was run (prison guide 16.1, IRC guide 5.3), and a form for a reply that came by email.
    /// Shown whatever the IRP's state: feedback is asked for after publication, and may come after the IRP has ended.
    /// </summary>
    private static Html Feedback(IrpView irp, IrpPageState state, string formToken, TimeZoneInfo zone)
    {
        Html Field(string name, string label, Html control)
        {
            var error = state.Error("feedback", name);
            return Html.Of($"""
                <div class="field{(error is null ? "" : " error")}"><label for="feedback-{name}">{label}</label>
                {(error is null ? Html.Empty : Html.Of($"<p class=\"error-message\" id=\"feedback-{name}-error\">Error: {error}</p>"))}{control}</div>
                """);
        }
        Html Invalid(string name) => PageLayout.DescribedBy($"feedback-{name}", hint: false, state.Error("feedback", name) is not null);
        var received = irp.Feedback.Count == 0
            ? Html.Of($"<p>None yet. The requests for feedback link to a short form; its answers appear here.</p>")
            : Html.Of($"""
                <ol id="feedback-list">{irp.Feedback.Select(f => Html.Of($"""
                    <li><p><strong>{f.Name}</strong>{(f.Role.Length > 0 ? ", " + f.Role : "")} <span class="hint">{(f.Via == FeedbackReceivedData.ViaForm ? "on the feedback form" : "by email, recorded by the coordinator")}, {PageLayout.When(f.ReceivedAt, zone)}</span></p>
                    <dl>{f.Answers.Select(a => Html.Of($"<dt>{a.Question}</dt><dd class=\"prose\">{a.Answer}</dd>"))}</dl></li>
                    """))}</ol>
                """);
        return Html.Of($"""
            <h2 id="feedback">Feedback on the review</h2>
            {received}
            <section aria-labelledby="feedback-title"><h3 id="feedback-title">Record feedback that came by email</h3>
            <form method="post" action="/irps/{irp.Id}/feedback" novalidate>
            {PageLayout.FormToken(formToken)}
            {Field("name", "Who replied", Html.Of($"<input type=\"text\" id=\"feedback-name\" name=\"name\" value=\"{state.Value("feedback", "name")}\"{Invalid("name")}>"))}
            {Field("role", "Their role (optional)", Html.Of($"<input type=\"text\" id=\"feedback-role\" name=\"role\" value=\"{state.Value("feedback", "role")}\"{Invalid("role")}>"))}
            {Field("text", "What they said", Html.Of($"<textarea id=\"feedback-text\" name=\"text\" rows=\"5\"{Invalid("text")}>{state.Value("feedback", "text")}</textarea>"))}
            <button type="submit" class="secondary">Record the feedback</button>
            </form></section>
            """);
    }
}
