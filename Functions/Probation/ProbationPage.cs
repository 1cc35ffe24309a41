using System.Globalization;
using IrpFlows.Documents;
using IrpFlows.Pages;

namespace IrpFlows.Probation;

/// <summary>
/// One probation inspection (<c>GET /probation-inspections/{id}</c>): its timeline in the manual's weeks, the actions the API
/// has (each a form posting to <c>/probation-inspections/{id}/{action}</c>, as the IRP page's do), the ratings with their key
/// questions and the panel's decisions, documents received, emails sent and the history.
/// </summary>
public static class ProbationPage
{
    public static Html Render(ProbationView inspection, PageState state, string formToken, TimeZoneInfo zone)
    {
        var active = inspection.RuntimeStatus is "Running" or "Pending";
        var status = inspection.RuntimeStatus switch
        {
            "Terminated" => "Cancelled" + (inspection.CancellationReason is { } reason ? $": {reason}" : ""),
            "Completed" => "Completed",
            _ => inspection.CustomStatus,
        };
        var path = $"/probation-inspections/{inspection.Id}";
        var forms = new ActionForms(path, state, formToken);
        var organisation = inspection.Organisation;
        return Html.Of($"""
            <a href="/#probation" class="govuk-back-link">Back to the programme</a>
            <h1 class="govuk-heading-l">{organisation.Name}</h1>
            {state.ErrorSummary()}{PageLayout.Message(state.Message, isError: false)}
            <dl class="govuk-summary-list">
            {PageLayout.SummaryRow("Status", status, "status")}
            {PageLayout.SummaryRow("Organisation", $"{TypeText(organisation.Type)}, {organisation.Nation}")}
            {PageLayout.SummaryRow("Fieldwork", Fieldwork(inspection.FieldworkStart, inspection.FieldworkWeekThreeStart), "fieldwork")}
            {PageLayout.SummaryRow("Lead inspector", inspection.Contacts.LeadInspector.Name)}
            {PageLayout.SummaryRow("Senior link manager", inspection.Contacts.SeniorLinkManager is { } link ? $"{link.Name} ({link.Email})" : "Not named yet", "senior-link-manager")}
            {People(inspection.Contacts)}
            {(inspection.AnnouncementCall is { } call ? PageLayout.SummaryRow("Announcement call", $"{PageLayout.LongDate(call.Date)}, by the {ProbationRoles.Title(call.By).ToLowerInvariant()}{(call.Warning is { } warning ? $" ({warning})" : "")}", "announcement-call") : Html.Empty)}
            </dl>
            {Timeline(inspection, active, forms, zone)}
            {(active ? Actions(inspection, forms) : Html.Empty)}
            {Ratings(inspection, active, forms)}
            {DocumentsSection.Render(path, inspection.Documents, inspection.UploadLink, "The organisation's upload page", zone)}
            {InstanceSections.Emails(path, inspection.Emails, "Every email this inspection has sent", zone)}
            {InstanceSections.History(inspection.History, zone)}
            """);
    }

    private static Html Timeline(ProbationView inspection, bool active, ActionForms forms, TimeZoneInfo zone) => Html.Of($"""
        <h2 class="govuk-heading-m" id="timeline">Timeline</h2>
        <table class="govuk-table" id="timeline-table">
        <caption class="govuk-table__caption govuk-table__caption--s">Every step, with its week relative to fieldwork and the section of the manual its date comes from</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Week</th><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Manual</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
        <tbody class="govuk-table__body">
        {inspection.Timeline.Select(s => Html.Of($"""
            <tr class="govuk-table__row" id="step-{s.Id}"><td class="govuk-table__cell">{PageLayout.LongDate(s.Date)}{(s.Time is { } t ? " " + t : "")}{Until(s, zone)}</td><td class="govuk-table__cell">{s.Week}</td><th scope="row" class="govuk-table__header">{s.Title}</th><td class="govuk-table__cell">{s.Source}</td>
            <td class="govuk-table__cell">{PageLayout.StatusTag(s.Status)}{(s.CompletedAt is { } done ? PageLayout.Note(PageLayout.When(done, zone)) : Html.Empty)}{(s.WaitingFor is { } waiting && s.Status == "pending" ? PageLayout.Note($"Waits for: {waiting}") : Html.Empty)}{(s.SkippedReason is { } why && s.Status == "skipped" ? PageLayout.Note(why) : Html.Empty)}
            {(s.Status == "failed" ? Html.Of($"""
                <p class="govuk-error-message govuk-!-margin-top-2">{s.LastError ?? "Failed"}</p>
                {(active ? forms.Button("retry", $"Retry {s.Title}", ActionForms.Hidden("stepId", s.Id)) : Html.Empty)}
                """) : Html.Empty)}</td></tr>
            """))}
        </tbody>
        </table>
        """);

    /// <summary>The actions of <c>POST /api/probation-inspections/{id}/events/…</c> and the uploads, in the order the manual meets them.</summary>
    private static Html Actions(ProbationView inspection, ActionForms forms)
    {
        var nps = inspection.Organisation.Type == OrganisationType.Nps;
        var roles = ProbationRoles.All.Where(r => nps ? r != ProbationRoles.NpsDivision : true).Select(r => (r, RoleText(r)));
        var samples = ProbationSamples.For(inspection.Organisation.Type).Select(s => (s.Key, s.Title));
        const string today = "leave empty for today";
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="actions">Actions</h2>
            <div class="app-actions">
            {forms.Form("contact", "Name or correct a contact", Html.Join([
                forms.Select("contact", "role", "Role", roles, "The senior link manager is named on the announcement call (manual 3.3); letters go from and to the people named here."),
                forms.Field("contact", "name", "Full name", "text"), forms.Field("contact", "email", "Email address", "email")]), "Save the contact", "secondary")}
            {forms.Form("announcement-call", "Record the announcement call", Html.Join([
                forms.Field("announcement-call", "date", "Made on", "date", "Thursday or Friday of week -9 (manual 3.3); another day is recorded with a warning."),
                forms.Select("announcement-call", "by", "Made by", [(ProbationRoles.LeadInspector, "Lead inspector"), (ProbationRoles.DeputyLead, "Deputy lead inspector")])]), "Record the call")}
            {forms.Form("planning-meeting-agreed", "Record the planning meeting agreed",
                forms.Field("planning-meeting-agreed", "at", "Day and time", "datetime-local", "Agreed on the call, within a week of it (manual 3.5)."), "Record the meeting")}
            {forms.Form("planning-meeting-minutes", "Upload the planning meeting's minutes",
                forms.Field("planning-meeting-minutes", "file", "Minutes (PDF or Word, at most 3 MB)", "file", "They go at once, attached, to the senior link manager and the administrator (manual 3.5)."), "Upload the minutes", enctype: "multipart/form-data")}
            {forms.Form("planning-meeting-held", "Record the planning meeting held",
                forms.Field("planning-meeting-held", "date", "Held on", "date"), "Record it as held", "secondary")}
            {forms.Form("sample-returned", "Record a case sample returned other than by the upload page", Html.Join([
                forms.Select("sample-returned", "sample", "Sample", samples, "Manual 4.1, 4.4."),
                forms.Field("sample-returned", "date", $"Returned on ({today})", "date", required: false)]), "Record the sample", "secondary")}
            {(nps ? forms.Form("local-assessors", "Record the local assessors nominated", Html.Join([
                forms.Field("local-assessors", "trained", "Trained", "number", "Up to ten are trained (manual 3.9)."),
                forms.Field("local-assessors", "deployed", "Deployed on the fieldwork", "number", "Four to six (manual 3.9).")]), "Record the nominations", "secondary") : Html.Empty)}
            {forms.Form("move-fieldwork", "Move the fieldwork", Html.Join([
                forms.Field("move-fieldwork", "fieldworkStart", "Monday of fieldwork week one", "date", "Every pending date moves with it."),
                forms.Field("move-fieldwork", "fieldworkWeekThreeStart", "Monday of fieldwork week three (leave empty for two weeks later)", "date", required: false)]), "Move the fieldwork", "secondary")}
            {forms.Form("draft-report", "Upload the draft report",
                forms.Field("draft-report", "file", "Draft report (PDF or Word)", "file", inspection.DraftReport is { } draft ? $"Uploaded: {draft.FileName}." : null), "Upload the draft", enctype: "multipart/form-data")}
            {forms.Form("issue-draft", "Issue the draft report",
                forms.Field("issue-draft", "date", $"Issued on ({today})", "date", "The organisation is sent a link to it, and has ten working days to comment (manual 7.3).", required: false), "Issue the draft")}
            {forms.Form("comments-returned", "Record the factual accuracy comments returned",
                forms.Field("comments-returned", "date", $"Returned on ({today})", "date", required: false), "Record the comments", "secondary")}
            {forms.Form("final-report", "Upload the final report",
                forms.Field("final-report", "file", "Final report (PDF or Word)", "file", (inspection.FinalReport is { } final ? $"Uploaded: {final.FileName}. " : "") + "The embargoed copy links to it (manual 7.4)."), "Upload the final report", enctype: "multipart/form-data")}
            {forms.Form("publication-date", "Agree the publication date",
                forms.Field("publication-date", "date", "Publication on", "date", "Changes to the publication date may be agreed in advance (manual 7.4).", value: inspection.PublicationAgreedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "Agree the date", "secondary")}
            {forms.Form("published", "Record publication", Html.Join([
                forms.Field("published", "date", "Published on", "date"), forms.Field("published", "url", "Address of the published report", "url")]), "Record publication")}
            {forms.Form("action-plan", "Record the action plan as reviewed", Html.Join([
                forms.Field("action-plan", "date", $"Received on ({today})", "date", required: false),
                forms.TextArea("action-plan", "recommendations", "Each recommendation and the plan's response",
                    "One a line: the recommendation | Agreed, PartlyAgreed or NotAgreed (manual 7.5, Appendix 5)."),
                forms.TextArea("action-plan", "amendments", "Amendments asked for (leave empty to accept the plan)", rows: 3)]), "Record the action plan", "secondary")}
            {forms.Form("cancel", "Cancel this inspection", Html.Join([
                forms.Field("cancel", "reason", "Reason for cancelling", "text", "Given in the notice to the organisation, once it has been called.", required: false),
                forms.Confirm("cancel", "Yes, cancel the inspection and tell the organisation")]), "Cancel the inspection", "warning")}
            </div>
            """);
    }

    /// <summary>
    /// The summary of ratings (7.1), and while the inspection runs a form per standard: domain one's judged directly; domains two
    /// and three from their key questions, with the ratings panel's decision where the evidence is near a boundary (7.2).
    /// </summary>
    private static Html Ratings(ProbationView inspection, bool active, ActionForms forms)
    {
        var ratings = inspection.Ratings;
        var scale = Enum.GetValues<ProbationRating>().Select(r => (r.ToString(), ProbationStandards.Words(r)));
        Html Forms(RatingView r)
        {
            var key = r.Standard.Replace('.', '-');
            var standard = ActionForms.Hidden("standard", r.Standard);
            if (r.Domain == 1)
                return forms.Form("rating", $"Rate {r.Standard} {r.Title}", Html.Join([standard,
                    forms.Select($"rating-{key}", "rating", $"Rating of {r.Standard}", scale, "Judged directly by the lead inspector (manual 7.1).", r.Rating)]),
                    $"Rate {r.Standard}", "secondary", form: $"rating-{key}");
            var questions = forms.Form("key-questions", $"Key questions of {r.Standard} {r.Title}", Html.Join([standard,
                forms.TextArea($"key-questions-{key}", "keyQuestions", $"Key questions of {r.Standard}",
                    "One a line: the question | yes answers | cases inspected, e.g. \"Engagement | 34 | 50\". The lowest band rates the standard (manual 7.1).",
                    string.Join("\n", r.KeyQuestions.Select(q => $"{q.Question} | {q.Yes} | {q.Cases}")))]),
                $"Save the key questions of {r.Standard}", "secondary", form: $"key-questions-{key}");
            var panel = r.NearBoundary ? forms.Form("panel", $"Ratings panel's decision on {r.Standard}", Html.Join([standard,
                forms.Select($"panel-{key}", "rating", $"Rating the panel agreed for {r.Standard}", scale, "Confirm the rating the evidence gives, or change it (manual 7.2).", r.Panel?.Rating.ToString() ?? r.FromEvidence),
                forms.TextArea($"panel-{key}", "reason", $"Reason for the decision on {r.Standard}", "As the Ratings Panel Decision document records it.", r.Panel?.Reason, rows: 3),
                forms.Field($"panel-{key}", "chair", "Chair of the panel", "text", value: r.Panel?.Chair)]),
                $"Record the panel's decision on {r.Standard}", "secondary", form: $"panel-{key}") : Html.Empty;
            return Html.Join([questions, panel]);
        }
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="ratings">Summary of ratings</h2>
            <p class="govuk-body" id="overall">{(ratings.Overall is { } overall ? $"Overall: {Words(overall)} (score {ratings.Score} of 30)." : "The overall rating follows once every standard is rated (manual 7.1).")}</p>
            <table class="govuk-table" id="ratings-table"><caption class="govuk-table__caption govuk-table__caption--s">Every standard and its rating</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Standard</th><th scope="col" class="govuk-table__header">Domain</th><th scope="col" class="govuk-table__header">Rating</th><th scope="col" class="govuk-table__header">Evidence</th></tr></thead>
            <tbody class="govuk-table__body">{ratings.Standards.Select(r => Html.Of($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{r.Standard} {r.Title}</th><td class=\"govuk-table__cell\">{r.Domain}</td><td class=\"govuk-table__cell\">{Words(r.Rating) ?? "Not rated yet"}</td><td class=\"govuk-table__cell\">{Evidence(r)}</td></tr>"))}</tbody></table>
            {(active ? Html.Of($"<div class=\"app-actions\" id=\"rating-forms\">{ratings.Standards.Select(Forms)}</div>") : Html.Empty)}
            """);
    }

    private static Html Evidence(RatingView r) => r.Domain == 1 ? Html.Of($"Judged directly")
        : r.KeyQuestions.Count == 0 ? Html.Of($"–")
        : Html.Of($"""
            <ul class="govuk-list govuk-!-font-size-16">{r.KeyQuestions.Select(q => Html.Of($"<li>{q.Question}: {q.Yes} of {q.Cases}, {q.Percentage.ToString("0.#", CultureInfo.InvariantCulture)}% ({Words(q.Band)})</li>"))}</ul>
            {(r.NearBoundary ? Html.Of($"{PageLayout.StatusTag("flag", "Near a boundary")} ") : Html.Empty)}{(r.Panel is { } panel ? Html.Of($"<p class=\"govuk-body-s govuk-!-margin-top-2\">Panel ({panel.Chair}): {ProbationStandards.Words(panel.Rating)}. {panel.Reason}</p>") : Html.Empty)}
            """);

    // "Requires improvement", as the reports print it, for the API's RequiresImprovement.
    private static string? Words(string? rating) => Enum.TryParse<ProbationRating>(rating, out var r) ? ProbationStandards.Words(r) : rating;

    // A step that lasts (a fieldwork week, a training day): " until 14:00", or " until Fri 6 Oct 2028 14:00" on another day.
    private static string Until(ProbationTimelineEntry step, TimeZoneInfo zone)
    {
        if (step.EndsAt is not { } ends) return "";
        var local = TimeZoneInfo.ConvertTime(ends, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return " until " + (date == step.Date ? "" : PageLayout.LongDate(date) + " ") + TimeOnly.FromDateTime(local.DateTime).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    // Manual 3.1, 7.2–7.5, Appendix 1: the others the emails go from or to, as they are named.
    private static Html People(ProbationContacts contacts) => Html.Of($"""
        {new[] { ProbationRoles.DeputyLead, ProbationRoles.Administrator, ProbationRoles.HeadOfInspection, ProbationRoles.Osag, ProbationRoles.NpsDivision }
            .Where(role => contacts.Of(role) is not null).Select(role => PageLayout.SummaryRow(RoleText(role), $"{contacts.Of(role)!.Name} ({contacts.Of(role)!.Email})"))}
        """);

    /// <summary>How the page names a role.</summary>
    public static string RoleText(string role) => role switch
    {
        ProbationRoles.LeadInspector => "Lead inspector",
        ProbationRoles.ChiefExecutive => "Chief executive or divisional director",
        ProbationRoles.SeniorLinkManager => "Senior link manager",
        ProbationRoles.DeputyLead => "Deputy lead inspector",
        ProbationRoles.Administrator => "Administrator",
        ProbationRoles.HeadOfInspection => "Head of inspection",
        ProbationRoles.Osag => "OSAG",
        ProbationRoles.NpsDivision => "NPS division",
        _ => role,
    };

    public static string TypeText(OrganisationType type) => type == OrganisationType.Nps ? "NPS division" : "CRC";

    /// <summary>Fieldwork from the Monday of week one to the Friday of week three, saying so when week three is held apart.</summary>
    public static string Fieldwork(DateOnly start, DateOnly weekThreeStart) =>
        $"{PageLayout.LongDate(start)} to {PageLayout.LongDate(weekThreeStart.AddDays(4))}"
        + (weekThreeStart == start.AddDays(14) ? "" : $" (week three from {PageLayout.LongDate(weekThreeStart)})");
}
