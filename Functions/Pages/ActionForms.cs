using IrpFlows.Workflow;

namespace IrpFlows.Pages;

/// <summary>
/// What a coordinator page shows besides its subject: the outcome of the last action (a confirmation, or a refusal whose field
/// errors sit beside the fields of the form <see cref="Form"/> names, refilled from <see cref="Values"/>).
/// </summary>
/// <param name="Form">The key of the form that was posted (<see cref="ActionForms"/>): its action, or its action and what it is for.</param>
public record PageState(string? Message = null, Refusal? Refusal = null, string? Form = null, IFormCollection? Values = null)
{
    public string? Error(string form, string field) =>
        Form == form && Refusal?.Errors?.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;

    public string Value(string form, string field) => Form == form ? Values?[field].FirstOrDefault() ?? "" : "";

    /// <summary>
    /// GOV.UK's error summary at the top of the page: a refusal that names no field (or no form) in full, else every field
    /// error, each linking to its field (<c>{form}-{field}</c>, as <see cref="ActionForms"/> names them); nothing without a refusal.
    /// </summary>
    public Html ErrorSummary() => Refusal switch
    {
        null => Html.Empty,
        { Errors: { } errors } when Form is not null => PageLayout.ErrorSummary(Html.Of($"""
            <ul class="govuk-list govuk-error-summary__list">{errors.Select(e => Html.Of($"<li><a href=\"#{Form}-{e.Key}\">{string.Join(" ", e.Value)}</a></li>"))}</ul>
            """)),
        var refused => PageLayout.Message($"{refused.Title} {refused.Detail}", isError: true),
    };
}

/// <summary>
/// The forms of a coordinator page's actions, alike on every page and built from GOV.UK Frontend's components: each posts to
/// <c>{path}/{action}</c> with the anti-forgery token; each field has its label, optional hint and error beside it, ids
/// <c>{form}-{name}</c>, and keeps what was typed when the form is refused. A form's key is its action, or its action and what
/// it is for when a page has several (a rating per standard).
/// </summary>
public sealed class ActionForms(string path, PageState state, string formToken)
{
    /// <summary>
    /// A field of <paramref name="type"/> (an input's type), under <paramref name="label"/>. A <c>date</c> is GOV.UK's date
    /// input (<see cref="DateInput"/>): <paramref name="label"/> its legend, <paramref name="value"/> an ISO date, and no
    /// field of it <paramref name="required"/>, as GOV.UK's are not: the app says what is missing.
    /// </summary>
    public Html Field(string form, string name, string label, string type, string? hint = null, bool required = true, string? value = null) => type == "date"
        ? DateInput.Render($"{form}-{name}", name, label, hint, TypedDate(form, name, value), state.Error(form, name))
        : Wrapped(form, name, label, hint, (id, described, error) => Html.Of($"""
            <input class="{InputClass(type, error)}" type="{type}" id="{id}" name="{name}" value="{Refilled(form, name, value)}"{(required ? Html.Of($" required") : Html.Empty)}{described}>
            """));

    public Html Select(string form, string name, string label, IEnumerable<(string Value, string Label)> options, string? hint = null, string? value = null)
    {
        var chosen = Refilled(form, name, value);
        return Wrapped(form, name, label, hint, (id, described, error) => Html.Of($"""
            <select class="govuk-select{(error ? " govuk-select--error" : "")}" id="{id}" name="{name}"{described}>{options.Select(o => Html.Of($"<option value=\"{o.Value}\"{(o.Value == chosen ? Html.Of($" selected") : Html.Empty)}>{o.Label}</option>"))}</select>
            """));
    }

    public Html TextArea(string form, string name, string label, string? hint = null, string? value = null, int rows = 4) =>
        Wrapped(form, name, label, hint, (id, described, error) => Html.Of($"""
            <textarea class="govuk-textarea{(error ? " govuk-textarea--error" : "")}" id="{id}" name="{name}" rows="{rows}"{described}>{Refilled(form, name, value)}</textarea>
            """));

    /// <summary>A box to tick before something that cannot be undone (cancelling), with its error when it was not ticked.</summary>
    public Html Confirm(string form, string label)
    {
        var id = $"{form}-confirm";
        var error = state.Error(form, "confirm");
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">{PageLayout.FieldError(id, error)}
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" type="checkbox" id="{id}" name="confirm" value="yes" required{PageLayout.DescribedBy(id, false, error is not null)}>
            <label class="govuk-label govuk-checkboxes__label" for="{id}">{label}</label>
            </div></div></div>
            """);
    }

    public static Html Hidden(string name, string value) => Html.Of($"<input type=\"hidden\" name=\"{name}\" value=\"{value}\">");

    /// <summary>
    /// One action's form under its heading. novalidate: the app's own checks answer, beside each field and in the error summary,
    /// in the same words whether or not the browser checks first. <paramref name="form"/> defaults to <paramref name="action"/>.
    /// </summary>
    /// <param name="cssClass">The button's kind: empty for the main action, "secondary" or "warning" (GOV.UK's button variants).</param>
    public Html Form(string action, string title, Html fields, string button, string cssClass = "", string enctype = "", string? form = null)
    {
        var key = form ?? action;
        return Html.Of($"""
            <section aria-labelledby="{key}-title"><h3 class="govuk-heading-s" id="{key}-title">{title}</h3>
            <form method="post" action="{path}/{action}" novalidate{(enctype.Length > 0 ? Html.Of($" enctype=\"{enctype}\"") : Html.Empty)}>
            {PageLayout.FormToken(formToken)}{fields}
            {SubmitButton(button, cssClass)}
            </form></section>
            """);
    }

    /// <summary>A button alone (retry a step): the token and the hidden fields it needs.</summary>
    public Html Button(string action, string button, Html hidden, string cssClass = "secondary") => Html.Of($"""
        <form method="post" action="{path}/{action}">{PageLayout.FormToken(formToken)}{hidden}{SubmitButton(button, cssClass)}</form>
        """);

    private static Html SubmitButton(string text, string kind) => Html.Of($"""
        <button type="submit" class="govuk-button{(kind.Length > 0 ? " govuk-button--" + kind : "")}" data-module="govuk-button">{text}</button>
        """);

    // A file is GOV.UK's file upload; other inputs its text input: numbers short, text, email and address fields the column's width.
    private static string InputClass(string type, bool error) => type == "file"
        ? "govuk-file-upload" + (error ? " govuk-file-upload--error" : "")
        : "govuk-input" + (type == "number" ? " govuk-input--width-4" : "") + (error ? " govuk-input--error" : "");

    // The value typed when this form was refused; otherwise what is recorded, if anything.
    private string Refilled(string form, string name, string? recorded) => state.Form == form ? state.Value(form, name) : recorded ?? "";

    // The date typed when this form was refused (its parts, or the ISO value a script posted); otherwise what is recorded.
    private DateParts TypedDate(string form, string name, string? recorded) => state.Form == form && state.Values is { } values
        ? DateInput.Posted(values, name) ?? DateParts.FromIso(values[name].FirstOrDefault())
        : DateParts.FromIso(recorded);

    private Html Wrapped(string form, string name, string label, string? hint, Func<string, Html, bool, Html> control)
    {
        var id = $"{form}-{name}";
        var error = state.Error(form, name);
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}"><label class="govuk-label govuk-label--s" for="{id}">{label}</label>
            {PageLayout.FieldHint(id, hint)}{PageLayout.FieldError(id, error)}
            {control(id, PageLayout.DescribedBy(id, hint is not null, error is not null), error is not null)}</div>
            """);
    }
}
