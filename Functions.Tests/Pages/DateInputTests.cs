using IrpFlows.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IrpFlows.Tests.Pages;

/// <summary>
/// A date as typed in GOV.UK's date input, read as its guidance says
/// (https://design-system.service.gov.uk/components/date-input/, "Error messages"): the highest-priority problem only, in its
/// words, marking only the fields it is about.
/// </summary>
public sealed class DateInputTests
{
    public static TheoryData<string, string, string, string> RealDates => new()
    {
        { "13", "2", "2023", "2023-02-13" },
        { "06", "02", "2023", "2023-02-06" },
        { " 29 ", " 2 ", " 2024 ", "2024-02-29" }, // a leap year; spaces around the numbers are not the person's mistake
        { "31", "December", "2026", "2026-12-31" }, // month names, in full or from three letters (the guidance: accept 'january' or 'jan')
        { "1", "jan", "2027", "2027-01-01" },
        { "30", "Sept", "2026", "2026-09-30" },
    };

    [Theory]
    [MemberData(nameof(RealDates))]
    public void Parts_ThatMakeARealDate_AreThatDate(string day, string month, string year, string iso)
    {
        var (date, problem) = new DateParts(day.Trim(), month.Trim(), year.Trim()).Read();

        Assert.Null(problem);
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    public static TheoryData<string, string, string, string, DateFields> NotDates => new()
    {
        // Missing or incomplete first: only the fields to fill in are marked.
        { "", "2", "2023", "must include a day", DateFields.Day },
        { "13", "", "2023", "must include a month", DateFields.Month },
        { "", "", "2023", "must include a day and month", DateFields.Day | DateFields.Month },
        { "13", "", "", "must include a month and year", DateFields.Month | DateFields.Year },
        { "13", "2", "23", "must include a year with 4 numbers", DateFields.Year },
        { "32", "2", "20233", "must include a year with 4 numbers", DateFields.Year }, // incomplete comes before cannot be correct
        // Cannot be correct: the field that cannot be, or the date as a whole when each field could be.
        { "31", "2", "2023", "must be a real date", DateFields.All },
        { "29", "2", "2023", "must be a real date", DateFields.All },
        { "13", "13", "2023", "must be a real date", DateFields.Month },
        { "0", "2", "2023", "must be a real date", DateFields.Day },
        { "x", "2", "2023", "must be a real date", DateFields.Day },
        { "-1", "2", "2023", "must be a real date", DateFields.Day },
        { "13", "ju", "2023", "must be a real date", DateFields.Month }, // June or July: two letters say neither
        { "13", "2", "2o23", "must be a real date", DateFields.Year },
        { "13", "2", "0000", "must be a real date", DateFields.Year },
        { "99", "99", "2023", "must be a real date", DateFields.Day | DateFields.Month },
    };

    [Theory]
    [MemberData(nameof(NotDates))]
    public void Parts_ThatAreNoDate_SayWhy_AndMarkTheFieldsAtFault(string day, string month, string year, string rule, DateFields fields)
    {
        var (date, problem) = new DateParts(day, month, year).Read();

        Assert.Null(date);
        Assert.Equal((rule, fields), (problem!.Rule, problem.Fields));
    }

    [Fact]
    public void EveryPartEmpty_IsTheFieldLeftEmpty()
    {
        Assert.Equal((null, null), new DateParts("", "", "").Read());
    }

    [Fact]
    public void Fold_PutsEachDateTypedInPartsUnderItsName_RefusesThoseThatAreNone_AndLeavesISOValuesAndEmptyDatesAlone()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["visitStart-day"] = "13", ["visitStart-month"] = "feb", ["visitStart-year"] = "2023",
            ["announcementDate-day"] = "31", ["announcementDate-month"] = "2", ["announcementDate-year"] = "2023",
            ["date-day"] = "", ["date-month"] = "", ["date-year"] = "",
            ["sourceInspectionEnd"] = "2022-03-18",
            ["name"] = "Lia Officer",
        });

        var (folded, refused) = DateInput.Fold(form);

        Assert.Equal("2023-02-13", folded["visitStart"]);
        Assert.Equal("feb", folded["visitStart-month"]); // the parts stay, to be shown again if the form is refused
        Assert.False(folded.ContainsKey("announcementDate"));
        Assert.False(folded.ContainsKey("date"));
        Assert.Equal("2022-03-18", folded["sourceInspectionEnd"]);
        Assert.Equal("Lia Officer", folded["name"]);
        var error = Assert.Single(refused!.Errors!);
        Assert.Equal(("announcementDate", "The announcement date must be a real date"), (error.Key, Assert.Single(error.Value)));
    }

    [Fact]
    public void AFormWithoutParts_ComesBackAsItIs()
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["date"] = "2023-02-13" });

        Assert.Equal((form, null), DateInput.Fold(form));
    }

    [Fact]
    public void Render_MarksOnlyTheFieldsAtFault_AndTheDayCarriesTheDatesId()
    {
        var html = DateInput.Render("published-date", "date", "Published on", null, new DateParts("13", "13", "2023"), "The date must be a real date").ToString();

        Assert.Contains("<input class=\"govuk-input govuk-date-input__input govuk-input--width-2\" id=\"published-date\" name=\"date-day\" type=\"text\" inputmode=\"numeric\" value=\"13\">", html);
        Assert.Contains("<input class=\"govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error\" id=\"published-date-month\" name=\"date-month\" type=\"text\" inputmode=\"numeric\" value=\"13\" aria-invalid=\"true\">", html);
        Assert.Contains("id=\"published-date-year\" name=\"date-year\"", html);
        Assert.Contains("<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"published-date-error\">", html);
        Assert.Contains("<span class=\"govuk-visually-hidden\">Error:</span> The date must be a real date</p>", html);
        // Refused as a whole (in the future, not a working day): every field is marked.
        var whole = DateInput.Render("published-date", "date", "Published on", null, new DateParts("13", "2", "2099"), "must not be in the future").ToString();
        Assert.Equal(3, whole.Split("govuk-input--error").Length - 1);
    }
}
