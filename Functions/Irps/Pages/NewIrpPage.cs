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
            ? Html.Of($"<p class=\"govuk-error-message\" id=\"{Id(field)}-error\">{messages.Select(m => Html.Of($"<span class=\"govuk-visually-hidden\">Error:</span> {m}<br>"))}</p>") : Html.Empty;
        Html Attributes(string field, string? hint) => PageLayout.DescribedBy(Id(field), hint is not null, errors.ContainsKey(field));
        Html Hint(string field, string? hint) => PageLayout.FieldHint(Id(field), hint);
        string Group(string field) => errors.ContainsKey(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";
        string Invalid(string field, string control) => errors.ContainsKey(field) ? $" {control}--error" : "";
        Html Input(string field, string label, string type, string? hint = null, bool required = true) => Html.Of($"""
            <div class="{Group(field)}"><label class="govuk-label govuk-label--s" for="{Id(field)}">{label}</label>{Hint(field, hint)}{Error(field)}
            <input class="govuk-input{Invalid(field, "govuk-input")}" type="{type}" id="{Id(field)}" name="{field}" value="{V(field)}"{(required ? Html.Of($" required") : Html.Empty)}{Attributes(field, hint)}></div>
            """);
        // GOV.UK's date input: as typed when the form comes back, or as a script posted its ISO value.
        Html Date(string field, string legend, string? hint = null) => DateInput.Render(Id(field), field, legend, hint,
            (values is null ? null : DateInput.Posted(values, field)) ?? DateParts.FromIso(V(field)),
            errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null);
        Html Select(string field, string label, (string Value, string Label)[] options) => Html.Of($"""
            <div class="{Group(field)}"><label class="govuk-label govuk-label--s" for="{Id(field)}">{label}</label>{Error(field)}
            <select class="govuk-select{Invalid(field, "govuk-select")}" id="{Id(field)}" name="{field}"{Attributes(field, null)}>{options.Select(o => Html.Of($"<option value=\"{o.Value}\"{(V(field) == o.Value ? Html.Of($" selected") : Html.Empty)}>{o.Label}</option>"))}</select></div>
            """);
        Html TextArea(string field, string label, string hint) => Html.Of($"""
            <div class="{Group(field)}"><label class="govuk-label govuk-label--s" for="{Id(field)}">{label}</label>{Hint(field, hint)}{Error(field)}
            <textarea class="govuk-textarea{Invalid(field, "govuk-textarea")}" id="{Id(field)}" name="{field}" rows="8"{Attributes(field, hint)}>{V(field)}</textarea></div>
            """);
        Html Contact(string role, string title, bool required) => Html.Of($"""
            <div class="{Group($"contacts.{role}")}"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{title}{(required ? "" : " (optional)")}</legend>
            {Error($"contacts.{role}")}{Input($"contacts.{role}.name", $"{title}: name", "text", required: required)}{Input($"contacts.{role}.email", $"{title}: email address", "email", required: required)}
            </fieldset></div>
            """);
        // Every error at the top, each linking to its field; one that belongs to no field says which part of the request it is about.
        Html Summary(KeyValuePair<string, List<string>> error) => Html.Of($"""{error.Value.Select(m => IsFormField(error.Key)
            ? Html.Of($"<li><a href=\"#{Id(FieldOf(error.Key))}\">{m}</a></li>") : Html.Of($"<li>{error.Key}: {m}</li>"))}""");

        return Html.Of($"""
            <h1 class="govuk-heading-l">Start an independent review of progress</h1>
            {(errors.Count > 0 ? PageLayout.ErrorSummary(Html.Of($"""
                <p class="govuk-body">The IRP cannot start yet: {errors.Values.Sum(v => v.Count)} {(errors.Values.Sum(v => v.Count) == 1 ? "problem" : "problems")}.</p>
                <ul class="govuk-list govuk-error-summary__list">{errors.Select(Summary)}</ul>
                """)) : Html.Empty)}
            {PageLayout.Message(problem, isError: true)}
            {(preview is null ? Html.Empty : Preview(preview))}
            <form method="post" action="/irps/new" novalidate>
            {PageLayout.FormToken(formToken)}
            {Select("kind", "Kind of establishment", [("prison", "Prison or young offender institution"), ("immigration", "Immigration removal centre")])}
            {Input("establishment.name", "Establishment", "text", "As it is written in letters, e.g. HMP Elmley.")}
            {Select("establishment.type", "Type", [("adult", "Adult prison"), ("yoi", "Young offender institution"), ("split", "Split site (adult and YOI)"), ("irc", "Immigration removal centre")])}
            {Select("establishment.nation", "Nation", [("england", "England"), ("wales", "Wales")])}
            {Date("sourceInspectionEnd", "Last day of the inspection followed up")}
            {Date("announcementDate", "Announcement date", "The announcement letter is sent on this day; not before today.")}
            {Date("visitStart", "First day of the visit", "A working day in England and Wales.")}
            {Contact("coordinator", "Coordinating inspector", true)}
            {Contact("governor", "Governor or centre manager", true)}
            {Contact("imbChair", "IMB chair", true)}
            {Contact("liaisonOfficer", "Liaison officer", false)}
            {Contact("homeOffice", "Home Office (immigration removal centres)", false)}
            {TextArea("recommendations", "Recommendations followed up", "One a line: ref | area | text, e.g. 1.34 | Safety | Leaders should …")}
            {TextArea("ofstedThemes", "Ofsted themes followed up (prisons)", "One a line: ref | text, or the text alone (themes need no ref). Leave empty when Ofsted follows up no themes.")}
            <div class="govuk-button-group">
            <button type="submit" name="intent" value="{IntentPreview}" class="govuk-button govuk-button--secondary" data-module="govuk-button">Preview the dates</button>
            <button type="submit" name="intent" value="{IntentCreate}" class="govuk-button" data-module="govuk-button">Start the IRP</button>
            </div>
            </form>
            """);
    }

    // The field an error is about: a contact's error as a whole (both its parts missing) goes to its name.
    private static string FieldOf(string key) => ContactRoles.FirstOrDefault(r => key == $"contacts.{r}") is { } role ? $"contacts.{role}.name" : key;

    private static bool IsFormField(string key) =>
        key is "kind" or "establishment.name" or "establishment.type" or "establishment.nation" or "sourceInspectionEnd" or "announcementDate"
            or "visitStart" or "recommendations" or "ofstedThemes"
        || ContactRoles.Any(r => key == $"contacts.{r}" || key.StartsWith($"contacts.{r}.", StringComparison.Ordinal));

    private static string Id(string field) => "f-" + field.Replace('.', '-');

    private static Html Preview(IrpPreview preview) => Html.Of($"""
        <section id="preview" aria-labelledby="preview-title">
        <h2 class="govuk-heading-m" id="preview-title">The dates this IRP will have</h2>
        {(preview.Warnings.Count > 0 ? Html.Of($"<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><div class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span><ul class=\"govuk-list\">{preview.Warnings.Select(w => Html.Of($"<li><code>{w.Field}</code> {w.Message}</li>"))}</ul></div></div>") : Html.Empty)}
        <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Nothing is created until you start the IRP</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Guide</th></tr></thead>
        <tbody class="govuk-table__body">{preview.Timeline.Where(s => s.Status != "skipped").Select(s => Html.Of($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{PageLayout.LongDate(s.Date)}</td><th scope=\"row\" class=\"govuk-table__header\">{s.Title}</th><td class=\"govuk-table__cell\">{s.Source}</td></tr>"))}</tbody></table>
        </section>
        """);
}
