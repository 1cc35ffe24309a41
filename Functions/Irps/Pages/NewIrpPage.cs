using System.Text.RegularExpressions;
using IrpFlows.Irps.Facts;
using IrpFlows.Mail;
using IrpFlows.Pages;

namespace IrpFlows.Irps.Pages;

/// <summary>
/// The form that starts an IRP (<c>GET /irps/new</c>): the API's fields, checked by the API's validator, previewed before
/// anything is created. Recommendations and themes are lines of text ("ref | area | text", "ref | text"), so a coordinator
/// can paste them from the last inspection report.
/// </summary>
public static partial class NewIrpPage
{
    public const string IntentPreview = "preview";
    public const string IntentCreate = "create";

    private static readonly string[] ContactRoles = ["coordinator", "governor", "imbChair", "liaisonOfficer", "homeOffice"];

    /// <summary>The API's request from the form's fields; field names are the API's JSON paths.</summary>
    public static CreateIrpRequest ToRequest(IFormCollection form)
    {
        string? F(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        ContactRequest? Contact(string role) =>
            F($"contacts.{role}.name") is null && F($"contacts.{role}.email") is null ? null : new ContactRequest(F($"contacts.{role}.name"), F($"contacts.{role}.email"));
        return new CreateIrpRequest
        {
            Kind = F("kind"),
            Establishment = new EstablishmentRequest(F("establishment.name"), F("establishment.type"), F("establishment.nation")),
            SourceInspectionEnd = F("sourceInspectionEnd"),
            AnnouncementDate = F("announcementDate"),
            VisitStart = F("visitStart"),
            Contacts = new ContactsRequest(Contact("coordinator"), Contact("governor"), Contact("imbChair"), Contact("liaisonOfficer"), Contact("homeOffice")),
            Recommendations = Lines(F("recommendations")).Select(parts => parts.Length >= 3
                ? new RecommendationRequest(parts[0], parts[1], string.Join(" | ", parts[2..]))
                : new RecommendationRequest(parts[0], null, parts.Length > 1 ? parts[1] : null)).ToList()!,
            // A line without a ref is the theme's text alone.
            OfstedThemes = Lines(F("ofstedThemes")).Select(parts => parts.Length > 1
                ? new OfstedThemeRequest(parts[0], string.Join(" | ", parts[1..]))
                : new OfstedThemeRequest(null, parts[0])).ToList()!,
        };
    }

    private static IEnumerable<string[]> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries));

    /// <summary>
    /// The validator's errors by form field: "recommendations[2].text" belongs to the recommendations box, said of its line 3.
    /// </summary>
    public static Dictionary<string, List<string>> FieldErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var byField = new Dictionary<string, List<string>>();
        foreach (var (key, messages) in errors)
        {
            var match = ListItem().Match(key);
            var field = match.Success ? match.Groups["list"].Value : key;
            var prefix = match.Success ? $"Line {int.Parse(match.Groups["index"].Value, PageLayout.English) + 1}{(match.Groups["rest"].Value is { Length: > 0 } rest ? " (" + rest.TrimStart('.') + ")" : "")}: " : "";
            if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
            list.AddRange(messages.Select(m => prefix + m));
        }
        return byField;
    }

    [GeneratedRegex(@"^(?<list>recommendations|ofstedThemes)\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex ListItem();

    public static Html Render(IFormCollection? values, Dictionary<string, List<string>> errors, IrpPreview? preview, string? problem, string formToken)
    {
        string V(string name) => values?[name].FirstOrDefault() ?? "";
        Html Error(string field) => errors.TryGetValue(field, out var messages)
            ? Html.Of($"<p class=\"error-message\" id=\"{Id(field)}-error\">{messages.Select(m => Html.Of($"Error: {m}<br>"))}</p>") : Html.Empty;
        Html Attributes(string field, string? hint) => PageLayout.DescribedBy(Id(field), hint is not null, errors.ContainsKey(field));
        Html Hint(string field, string? hint) => hint is null ? Html.Empty : Html.Of($"<p class=\"hint\" id=\"{Id(field)}-hint\">{hint}</p>");
        Html Input(string field, string label, string type, string? hint = null, bool required = true) => Html.Of($"""
            <div class="field{(errors.ContainsKey(field) ? " error" : "")}"><label for="{Id(field)}">{label}</label>{Hint(field, hint)}{Error(field)}
            <input type="{type}" id="{Id(field)}" name="{field}" value="{V(field)}"{(required ? Html.Of($" required") : Html.Empty)}{Attributes(field, hint)}></div>
            """);
        Html Select(string field, string label, (string Value, string Label)[] options) => Html.Of($"""
            <div class="field{(errors.ContainsKey(field) ? " error" : "")}"><label for="{Id(field)}">{label}</label>{Error(field)}
            <select id="{Id(field)}" name="{field}"{Attributes(field, null)}>{options.Select(o => Html.Of($"<option value=\"{o.Value}\"{(V(field) == o.Value ? Html.Of($" selected") : Html.Empty)}>{o.Label}</option>"))}</select></div>
            """);
        Html TextArea(string field, string label, string hint) => Html.Of($"""
            <div class="field{(errors.ContainsKey(field) ? " error" : "")}"><label for="{Id(field)}">{label}</label>{Hint(field, hint)}{Error(field)}
            <textarea id="{Id(field)}" name="{field}" rows="8"{Attributes(field, hint)}>{V(field)}</textarea></div>
            """);
        Html Contact(string role, string title, bool required) => Html.Of($"""
            <fieldset><legend>{title}{(required ? "" : " (optional)")}</legend>
            {Input($"contacts.{role}.name", $"{title}: name", "text", required: required)}{Input($"contacts.{role}.email", $"{title}: email address", "email", required: required)}
            {Error($"contacts.{role}")}</fieldset>
            """);
        var otherErrors = errors.Where(e => !IsFormField(e.Key)).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList();

        return Html.Of($"""
            <h1>Start an independent review of progress</h1>
            {(errors.Count > 0 ? Html.Of($"<div class=\"notice\" role=\"alert\"><p><strong>The IRP cannot start yet: {errors.Values.Sum(v => v.Count)} {(errors.Values.Sum(v => v.Count) == 1 ? "problem" : "problems")} below.</strong></p>{(otherErrors.Count > 0 ? Html.Of($"<ul>{otherErrors.Select(m => Html.Of($"<li>{m}</li>"))}</ul>") : Html.Empty)}</div>") : Html.Empty)}
            {PageLayout.Message(problem, isError: true)}
            {(preview is null ? Html.Empty : Preview(preview))}
            <form method="post" action="/irps/new" novalidate>
            {PageLayout.FormToken(formToken)}
            {Select("kind", "Kind of establishment", [("prison", "Prison or young offender institution"), ("immigration", "Immigration removal centre")])}
            {Input("establishment.name", "Establishment", "text", "As it is written in letters, e.g. HMP Elmley.")}
            {Select("establishment.type", "Type", [("adult", "Adult prison"), ("yoi", "Young offender institution"), ("split", "Split site (adult and YOI)"), ("irc", "Immigration removal centre")])}
            {Select("establishment.nation", "Nation", [("england", "England"), ("wales", "Wales")])}
            {Input("sourceInspectionEnd", "Last day of the inspection followed up", "date")}
            {Input("announcementDate", "Announcement date", "date", "The announcement letter is sent on this day; not before today.")}
            {Input("visitStart", "First day of the visit", "date", "A working day in England and Wales.")}
            {Contact("coordinator", "Coordinating inspector", true)}
            {Contact("governor", "Governor or centre manager", true)}
            {Contact("imbChair", "IMB chair", true)}
            {Contact("liaisonOfficer", "Liaison officer", false)}
            {Contact("homeOffice", "Home Office (immigration removal centres)", false)}
            {TextArea("recommendations", "Recommendations followed up", "One a line: ref | area | text, e.g. 1.34 | Safety | Leaders should …")}
            {TextArea("ofstedThemes", "Ofsted themes followed up (prisons)", "One a line: ref | text, or the text alone (themes need no ref). Leave empty when Ofsted follows up no themes.")}
            <button type="submit" name="intent" value="{IntentPreview}" class="secondary">Preview the dates</button>
            <button type="submit" name="intent" value="{IntentCreate}">Start the IRP</button>
            </form>
            """);
    }

    private static bool IsFormField(string key) =>
        key is "kind" or "establishment.name" or "establishment.type" or "establishment.nation" or "sourceInspectionEnd" or "announcementDate"
            or "visitStart" or "recommendations" or "ofstedThemes"
        || ContactRoles.Any(r => key == $"contacts.{r}" || key.StartsWith($"contacts.{r}.", StringComparison.Ordinal));

    private static string Id(string field) => "f-" + field.Replace('.', '-');

    private static Html Preview(IrpPreview preview) => Html.Of($"""
        <section id="preview" aria-labelledby="preview-title">
        <h2 id="preview-title">The dates this IRP will have</h2>
        {(preview.Warnings.Count > 0 ? Html.Of($"<ul class=\"notice\">{preview.Warnings.Select(w => Html.Of($"<li><code>{w.Field}</code> {w.Message}</li>"))}</ul>") : Html.Empty)}
        <table><caption>Nothing is created until you start the IRP</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Step</th><th scope="col">Guide</th></tr></thead>
        <tbody>{preview.Timeline.Where(s => s.Status != "skipped").Select(s => Html.Of($"<tr><td>{PageLayout.LongDate(s.Date)}</td><th scope=\"row\">{s.Title}</th><td>{s.Source}</td></tr>"))}</tbody></table>
        </section>
        """);
}
