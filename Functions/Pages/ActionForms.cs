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

    /// <summary>The message at the top of the page: a refusal that names no field (or no form) in full, else a pointer to the fields.</summary>
    public string? TopError => Refusal is { } refused && (refused.Errors is null || Form is null) ? $"{refused.Title} {refused.Detail}"
        : Refusal is not null ? "The form has errors: see below." : null;
}

/// <summary>
/// The forms of a coordinator page's actions, alike on every page: each posts to <c>{path}/{action}</c> with the anti-forgery
/// token; each field has its label, optional hint and error beside it, ids <c>{form}-{name}</c>, and keeps what was typed when
/// the form is refused. A form's key is its action, or its action and what it is for when a page has several (a rating per standard).
/// </summary>
public sealed class ActionForms(string path, PageState state, string formToken)
{
    public Html Field(string form, string name, string label, string type, string? hint = null, bool required = true, string? value = null) =>
        Wrapped(form, name, label, hint, (id, described) => Html.Of($"""
            <input type="{type}" id="{id}" name="{name}" value="{Refilled(form, name, value)}"{(required ? Html.Of($" required") : Html.Empty)}{described}>
            """));

    public Html Select(string form, string name, string label, IEnumerable<(string Value, string Label)> options, string? hint = null, string? value = null)
    {
        var chosen = Refilled(form, name, value);
        return Wrapped(form, name, label, hint, (id, described) => Html.Of($"""
            <select id="{id}" name="{name}"{described}>{options.Select(o => Html.Of($"<option value=\"{o.Value}\"{(o.Value == chosen ? Html.Of($" selected") : Html.Empty)}>{o.Label}</option>"))}</select>
            """));
    }

    public Html TextArea(string form, string name, string label, string? hint = null, string? value = null, int rows = 4) =>
        Wrapped(form, name, label, hint, (id, described) => Html.Of($"""
            <textarea id="{id}" name="{name}" rows="{rows}"{described}>{Refilled(form, name, value)}</textarea>
            """));

    /// <summary>A box to tick before something that cannot be undone (cancelling), with its error when it was not ticked.</summary>
    public Html Confirm(string form, string label)
    {
        var error = state.Error(form, "confirm");
        return Html.Of($"""
            <div class="field{(error is null ? "" : " error")}">{(error is null ? Html.Empty : Html.Of($"<p class=\"error-message\" id=\"{form}-confirm-error\">Error: {error}</p>"))}
            <input type="checkbox" id="{form}-confirm" name="confirm" value="yes" required{PageLayout.DescribedBy($"{form}-confirm", false, error is not null)}> <label for="{form}-confirm" style="display:inline">{label}</label></div>
            """);
    }

    public static Html Hidden(string name, string value) => Html.Of($"<input type=\"hidden\" name=\"{name}\" value=\"{value}\">");

    /// <summary>
    /// One action's form under its heading. novalidate: the app's own checks answer, beside each field, in the same words whether
    /// or not the browser checks first. <paramref name="form"/> defaults to <paramref name="action"/>.
    /// </summary>
    public Html Form(string action, string title, Html fields, string button, string cssClass = "", string enctype = "", string? form = null)
    {
        var key = form ?? action;
        return Html.Of($"""
            <section aria-labelledby="{key}-title"><h3 id="{key}-title">{title}</h3>
            <form method="post" action="{path}/{action}" novalidate{(enctype.Length > 0 ? Html.Of($" enctype=\"{enctype}\"") : Html.Empty)}>
            {PageLayout.FormToken(formToken)}{fields}
            <button type="submit"{(cssClass.Length > 0 ? Html.Of($" class=\"{cssClass}\"") : Html.Empty)}>{button}</button>
            </form></section>
            """);
    }

    /// <summary>A button alone (retry a step): the token and the hidden fields it needs.</summary>
    public Html Button(string action, string button, Html hidden, string cssClass = "secondary") => Html.Of($"""
        <form method="post" action="{path}/{action}">{PageLayout.FormToken(formToken)}{hidden}<button type="submit" class="{cssClass}">{button}</button></form>
        """);

    // The value typed when this form was refused; otherwise what is recorded, if anything.
    private string Refilled(string form, string name, string? recorded) => state.Form == form ? state.Value(form, name) : recorded ?? "";

    private Html Wrapped(string form, string name, string label, string? hint, Func<string, Html, Html> control)
    {
        var id = $"{form}-{name}";
        var error = state.Error(form, name);
        return Html.Of($"""
            <div class="field{(error is null ? "" : " error")}"><label for="{id}">{label}</label>
            {(hint is null ? Html.Empty : Html.Of($"<p class=\"hint\" id=\"{id}-hint\">{hint}</p>"))}{(error is null ? Html.Empty : Html.Of($"<p class=\"error-message\" id=\"{id}-error\">Error: {error}</p>"))}
            {control(id, PageLayout.DescribedBy(id, hint is not null, error is not null))}</div>
            """);
    }
}
