using System.Globalization;
using IrpFlows.Pages;

namespace IrpFlows.Probation;

/// <summary>
/// One probation inspection (<c>GET /probation-inspections/{id}</c>), read-only: its timeline in the manual's weeks, the
/// summary of ratings, documents received and emails sent. Coordinators act on it through the API for now.
/// </summary>
public static class ProbationPage
{
    public static Html Render(ProbationView inspection, TimeZoneInfo zone)
    {
        var status = inspection.RuntimeStatus switch
        {
            "Terminated" => "Cancelled" + (inspection.CancellationReason is { } reason ? $": {reason}" : ""),
            "Completed" => "Completed",
            _ => inspection.CustomStatus,
        };
        var organisation = inspection.Organisation;
        return Html.Of($"""
            <p><a href="/#probation">Back to the programme</a></p>
            <h1>{organisation.Name}</h1>
            <dl class="facts">
            <dt>Status</dt><dd id="status">{status}</dd>
            <dt>Organisation</dt><dd>{TypeText(organisation.Type)}, {organisation.Nation.ToString()}</dd>
            <dt>Fieldwork</dt><dd id="fieldwork">{Fieldwork(inspection.FieldworkStart, inspection.FieldworkWeekThreeStart)}</dd>
            <dt>Lead inspector</dt><dd>{inspection.Contacts.LeadInspector.Name}</dd>
            <dt>Senior link manager</dt><dd>{(inspection.Contacts.SeniorLinkManager is { } link ? $"{link.Name} ({link.Email})" : "Not named yet")}</dd>
            {People(inspection.Contacts)}
            </dl>
            {Timeline(inspection, zone)}
            {Ratings(inspection.Ratings)}
            {Documents(inspection, zone)}
            {Emails(inspection, zone)}
            """);
    }

    private static Html Timeline(ProbationView inspection, TimeZoneInfo zone) => Html.Of($"""
        <h2 id="timeline">Timeline</h2>
        <table id="timeline-table">
        <caption>Every step, with its week relative to fieldwork and the section of the manual its date comes from</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Week</th><th scope="col">Step</th><th scope="col">Manual</th><th scope="col">Status</th></tr></thead>
        <tbody>
        {inspection.Timeline.Select(s => Html.Of($"""
            <tr id="step-{s.Id}"><td class="date">{PageLayout.LongDate(s.Date)}{(s.Time is { } t ? " " + t : "")}{Until(s, zone)}</td><td>{s.Week}</td><th scope="row">{s.Title}</th><td>{s.Source}</td>
            <td><span class="tag {s.Status}">{s.Status}</span>{(s.CompletedAt is { } done ? Html.Of($"<br><span class=\"hint\">{PageLayout.When(done, zone)}</span>") : Html.Empty)}{(s.WaitingFor is { } waiting && s.Status == "pending" ? Html.Of($"<br><span class=\"hint\">Waits for: {waiting}</span>") : Html.Empty)}{(s.Status == "failed" ? Html.Of($"<p class=\"error-message\">{s.LastError ?? "Failed"}</p>") : Html.Empty)}</td></tr>
            """))}
        </tbody>
        </table>
        """);

    // A step that lasts (a fieldwork week, a training day): " until 14:00", or " until Fri 6 Oct 2028 14:00" on another day.
    private static string Until(ProbationTimelineEntry step, TimeZoneInfo zone)
    {
        if (step.EndsAt is not { } ends) return "";
        var local = TimeZoneInfo.ConvertTime(ends, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return " until " + (date == step.Date ? "" : PageLayout.LongDate(date) + " ") + TimeOnly.FromDateTime(local.DateTime).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static Html Ratings(RatingsSummary ratings) => Html.Of($"""
        <h2 id="ratings">Summary of ratings</h2>
        <p id="overall">{(ratings.Overall is { } overall ? $"Overall: {overall} (score {ratings.Score} of 30)." : "The overall rating follows once every standard is rated (manual 7.1).")}</p>
        <table id="ratings-table"><caption>Every standard and its rating</caption>
        <thead><tr><th scope="col">Standard</th><th scope="col">Domain</th><th scope="col">Rating</th></tr></thead>
        <tbody>{ratings.Standards.Select(r => Html.Of($"<tr><th scope=\"row\">{r.Standard} {r.Title}</th><td>{r.Domain}</td><td>{r.Rating ?? "Not rated yet"}</td></tr>"))}</tbody></table>
        """);

    private static Html Documents(ProbationView inspection, TimeZoneInfo zone) => Html.Of($"""
        <h2 id="documents">Documents</h2>
        <p>{inspection.Documents.Count(d => d.Status == "received")} of {inspection.Documents.Count} received.</p>
        <table id="documents-table"><caption>Documents requested</caption>
        <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Files</th></tr></thead>
        <tbody>{inspection.Documents.Select(d => Html.Of($"""
            <tr><th scope="row">{d.Title}<br><span class="hint">{d.Source}</span></th><td><span class="tag {d.Status}">{d.Status}</span></td>
            <td>{(d.Files.Count == 0 ? Html.Of($"–") : Html.Of($"<ul>{d.Files.Select(f => Html.Of($"<li>{f.Name} <span class=\"hint\">{PageLayout.When(f.ReceivedAt, zone)}</span></li>"))}</ul>"))}</td></tr>
            """))}</tbody></table>
        """);

    private static Html Emails(ProbationView inspection, TimeZoneInfo zone) => Html.Of($"""
        <h2 id="emails">Emails sent</h2>
        {(inspection.Emails.Count == 0 ? Html.Of($"<p>None yet.</p>") : Html.Of($"""
            <table id="emails-table"><caption>Every email this inspection has sent</caption>
            <thead><tr><th scope="col">Sent</th><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Copied to</th></tr></thead>
            <tbody>{inspection.Emails.Select(e => Html.Of($"<tr><td>{PageLayout.When(e.SentAt, zone)}</td><th scope=\"row\">{e.Subject}</th><td>{string.Join(", ", e.To)}</td><td>{string.Join(", ", e.Cc)}</td></tr>"))}</tbody></table>
            """))}
        """);

    // Manual 3.1, 7.2–7.5, Appendix 1: the others the emails go from or to, as they are named.
    private static Html People(ProbationContacts contacts) => Html.Of($"""
        {new[] { ("Deputy lead inspector", contacts.DeputyLead), ("Administrator", contacts.Administrator), ("Head of inspection", contacts.HeadOfInspection),
                ("OSAG", contacts.Osag), ("NPS division", contacts.NpsDivision) }
            .Where(p => p.Item2 is not null).Select(p => Html.Of($"<dt>{p.Item1}</dt><dd>{p.Item2!.Name} ({p.Item2.Email})</dd>"))}
        """);

    public static string TypeText(OrganisationType type) => type == OrganisationType.Nps ? "NPS division" : "CRC";

    /// <summary>Fieldwork from the Monday of week one to the Friday of week three, saying so when week three is held apart.</summary>
    public static string Fieldwork(DateOnly start, DateOnly weekThreeStart) =>
        $"{PageLayout.LongDate(start)} to {PageLayout.LongDate(weekThreeStart.AddDays(4))}"
        + (weekThreeStart == start.AddDays(14) ? "" : $" (week three from {PageLayout.LongDate(weekThreeStart)})");
}
