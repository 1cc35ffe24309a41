using System.Globalization;
using IrpFlows.Workflow;
using Microsoft.Extensions.Primitives;

namespace IrpFlows.Pages;

/// <summary>The fields of a date input an error is about, to be marked in error (and only those).</summary>
[Flags]
public enum DateFields
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// What is wrong with a date as typed: the fields to mark and the rule, worded as GOV.UK's date input guidance words it
/// (https://design-system.service.gov.uk/components/date-input/, "Error messages"), to follow what the date is.
/// </summary>
/// <param name="Rule">"must include a month", "must be a real date".</param>
public sealed record DateProblem(DateFields Fields, string Rule)
{
    /// <param name="what">What the date is, as a sentence starts: "The first day of the visit".</param>
    public string Message(string what) => $"{what} {Rule}";
}

/// <summary>
/// A date as typed in GOV.UK's date input: a day, a month and a year, each as the person typed it (trimmed), not yet known
/// to be a date.
/// </summary>
public readonly record struct DateParts(string Day, string Month, string Year)
{
    public bool IsEmpty => Day.Length == 0 && Month.Length == 0 && Year.Length == 0;

    /// <summary>A date as its fields show it: no leading zeros, as a person types it.</summary>
    public static DateParts Of(DateOnly date) =>
        new(date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The fields of an ISO value (<c>yyyy-MM-dd</c>): a date's, or what a script posted that is not one ("2027-13-45" shows
    /// 45, 13 and 2027, so the person sees what was refused); empty fields for no value or one not in three parts.
    /// </summary>
    public static DateParts FromIso(string? value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Of(date);
        return value?.Split('-') is [var year, var month, var day] ? new(day.Trim(), month.Trim(), year.Trim()) : new("", "", "");
    }

    /// <summary>
    /// The date, or none when every field is empty (the field left empty), or what is wrong with it. Checked in the order of
    /// priority GOV.UK's guidance gives: a field missing first (and a year of other than 4 numbers, which it counts as
    /// incomplete), then fields that cannot be correct (day 32, month 13, letters, year 0000), then a day the month does not
    /// have (31 February). A month may be typed as a number or as its English name, in full or from its first three letters
    /// ("jan", "Sept"), as the guidance asks.
    /// </summary>
    public (DateOnly? Date, DateProblem? Problem) Read()
    {
        if (IsEmpty) return (null, null);
        var missing = (Day.Length == 0 ? DateFields.Day : DateFields.None) | (Month.Length == 0 ? DateFields.Month : DateFields.None)
            | (Year.Length == 0 ? DateFields.Year : DateFields.None);
        if (missing != DateFields.None)
            return (null, new(missing, "must include a " + string.Join(" and ", new[] { (DateFields.Day, "day"), (DateFields.Month, "month"), (DateFields.Year, "year") }
                .Where(f => missing.HasFlag(f.Item1)).Select(f => f.Item2))));
        if (Year.Length != 4 && Year.All(char.IsAsciiDigit)) return (null, new(DateFields.Year, "must include a year with 4 numbers"));

        var day = Number(Day) is var d and >= 1 and <= 31 ? d : 0;
        var month = MonthNumber(Month);
        var year = Year.Length == 4 && Number(Year) is var y and >= 1 ? y : 0;
        var wrong = (day == 0 ? DateFields.Day : DateFields.None) | (month == 0 ? DateFields.Month : DateFields.None) | (year == 0 ? DateFields.Year : DateFields.None);
        if (wrong != DateFields.None) return (null, new(wrong, NotReal));
        // The fields are each possible; together they may not be (31 February): the date as a whole is wrong.
        return day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), null) : (null, new(DateFields.All, NotReal));
    }

    private const string NotReal = "must be a real date";

    // Digits only (no sign, spaces or decimal point); 0 for anything else, which no field accepts.
    private static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    // 1 to 12, or the month whose English name starts with the text (three letters at least: each month's first three are its own).
    private static int MonthNumber(string text) => Number(text) is var n and >= 1 and <= 12 ? n
        : text.Length >= 3 && Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, name => name.StartsWith(text, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 and < 12 ? i + 1
        : 0;
}

/// <summary>
/// GOV.UK's date input component (https://design-system.service.gov.uk/components/date-input/) on the coordinator pages: a
/// date field <c>{name}</c> is three fields, <c>{name}-day</c>, <c>{name}-month</c> and <c>{name}-year</c>, which
/// <see cref="Fold"/> turns back into the ISO value (<c>yyyy-MM-dd</c>) that the pages' handlers, scripts and the API read
/// under <c>{name}</c>.
/// </summary>
public static class DateInput
{
    public const string DaySuffix = "-day", MonthSuffix = "-month", YearSuffix = "-year";

    /// <summary>
    /// <paramref name="form"/> with every date typed in parts folded into its ISO value under its name, the parts kept (a
    /// refused form shows them again as typed); and the refusal of every date whose parts are not one, in GOV.UK's words, by
    /// its name. A date whose parts are all empty is left empty (or as its ISO value, when a script posts that instead). A
    /// form without parts (a script posting ISO values) comes back as it is.
    /// </summary>
    public static (IFormCollection Form, Refusal? Refused) Fold(IFormCollection form)
    {
        var names = form.Keys.Select(NameOfPart).OfType<string>().Distinct().ToList();
        if (names.Count == 0) return (form, null);
        var values = form.ToDictionary(f => f.Key, f => f.Value);
        var errors = new Dictionary<string, string[]>();
        foreach (var name in names)
        {
            var (date, problem) = Posted(form, name)!.Value.Read();
            if (problem is not null) errors[name] = [problem.Message(What(name))];
            else if (date is { } typed) values[name] = new StringValues(typed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return (new FormCollection(values, form.Files), errors.Count > 0 ? Refusal.Invalid(errors) : null);
    }

    /// <summary>The parts of date <paramref name="name"/> as posted, trimmed; null when the form has none of them.</summary>
    public static DateParts? Posted(IFormCollection form, string name)
    {
        if (!form.ContainsKey(name + DaySuffix) && !form.ContainsKey(name + MonthSuffix) && !form.ContainsKey(name + YearSuffix)) return null;
        string Part(string suffix) => form[name + suffix].FirstOrDefault()?.Trim() ?? "";
        return new DateParts(Part(DaySuffix), Part(MonthSuffix), Part(YearSuffix));
    }

    /// <summary>
    /// What date <paramref name="name"/> is, as its error messages start ("[whatever it is] must be a real date"); each date
    /// field of the pages, by the name they share with the API. A form's <c>date</c> is what its legend says (issued,
    /// returned, published): "The date".
    /// </summary>
    public static string What(string name) => name switch
    {
        "visitStart" => "The first day of the visit",
        "sourceInspectionEnd" => "The last day of the inspection",
        "announcementDate" => "The announcement date",
        "fieldworkStart" => "The Monday of fieldwork week one",
        "fieldworkWeekThreeStart" => "The Monday of fieldwork week three",
        _ => "The date",
    };

    /// <summary>
    /// The component's markup: <paramref name="legend"/> and <paramref name="hint"/> over the Day, Month and Year fields (text
    /// with <c>inputmode="numeric"</c>, as GOV.UK Frontend renders them), the error beside them. The day field's id is
    /// <paramref name="id"/>, so an error summary's link to the date lands in it; the month's and year's
    /// <c>{id}-month</c> and <c>{id}-year</c>. With an error, only the fields it is about are marked: those
    /// <see cref="DateParts.Read"/> finds wrong in <paramref name="parts"/>, else (a date refused as a whole: not a working
    /// day, in the future) all three, as the guidance says.
    /// </summary>
    public static Html Render(string id, string name, string legend, string? hint, DateParts parts, string? error)
    {
        var inError = error is null ? DateFields.None : parts.Read().Problem?.Fields ?? DateFields.All;
        var describedBy = string.Join(" ", new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        Html Field(DateFields field, string label, string fieldId, string suffix, string value, int width)
        {
            var wrong = inError.HasFlag(field);
            return Html.Of($"""
                <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{fieldId}">{label}</label>
                <input class="govuk-input govuk-date-input__input govuk-input--width-{width}{(wrong ? " govuk-input--error" : "")}" id="{fieldId}" name="{name}{suffix}" type="text" inputmode="numeric" value="{value}"{(wrong ? Html.Of($" aria-invalid=\"true\"") : Html.Empty)}></div></div>
                """);
        }
        return Html.Of($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
            <fieldset class="govuk-fieldset" role="group"{(describedBy.Length > 0 ? Html.Of($" aria-describedby=\"{describedBy}\"") : Html.Empty)}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
            {PageLayout.FieldHint(id, hint)}{PageLayout.FieldError(id, error)}
            <div class="govuk-date-input">
            {Field(DateFields.Day, "Day", id, DaySuffix, parts.Day, 2)}{Field(DateFields.Month, "Month", id + MonthSuffix, MonthSuffix, parts.Month, 2)}{Field(DateFields.Year, "Year", id + YearSuffix, YearSuffix, parts.Year, 4)}
            </div>
            </fieldset></div>
            """);
    }

    // "visitStart" of "visitStart-day"; null for a field that is no date's part.
    private static string? NameOfPart(string key) => new[] { DaySuffix, MonthSuffix, YearSuffix }
        .FirstOrDefault(suffix => key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal)) is { } part ? key[..^part.Length] : null;
}
