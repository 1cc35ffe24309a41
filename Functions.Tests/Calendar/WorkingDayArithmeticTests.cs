using IrpFlows.Calendar;

namespace IrpFlows.Tests.Calendar;

public class WorkingDayArithmeticTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2023-02-13", -5, "2023-02-06")] // plain week
    [InlineData("2022-04-14", 1, "2022-04-19")] // Maundy Thursday + 1 skips Good Friday and Easter Monday
    [InlineData("2022-04-19", -1, "2022-04-14")]
    [InlineData("2022-03-16", 25, "2022-04-22")] // HMP Hull publication deadline, across Easter 2022
    [InlineData("2021-12-23", 2, "2021-12-29")] // Christmas 2021: 24 Dec, then 29 Dec (27 and 28 are substitutes)
    [InlineData("2022-12-23", 1, "2022-12-28")] // Christmas 2022: Boxing Day and the substitute Christmas Day
    [InlineData("2021-12-31", 1, "2022-01-04")] // New Year 2022 substitute on Monday 3rd
    [InlineData("2022-01-04", -1, "2021-12-31")]
    [InlineData("2020-05-07", 1, "2020-05-11")] // VE day 2020-05-08
    [InlineData("2020-05-01", 1, "2020-05-04")] // 2020-05-04 is an ordinary working day
    [InlineData("2022-06-01", 1, "2022-06-06")] // Platinum Jubilee 2 and 3 June 2022
    [InlineData("2022-05-27", 1, "2022-05-30")] // 30 May 2022 is an ordinary working day
    [InlineData("2022-09-16", 1, "2022-09-20")] // State funeral 2022-09-19
    [InlineData("2023-05-05", 1, "2023-05-09")] // Coronation 2023-05-08
    [InlineData("2023-05-09", -1, "2023-05-05")]
    public void AddWorkingDays_SkipsWeekendsAndBankHolidays(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Theory]
    [InlineData("2023-02-11", 1, "2023-02-13")] // Saturday +1 = Monday
    [InlineData("2023-02-11", -1, "2023-02-10")] // Saturday -1 = Friday
    [InlineData("2023-04-10", 1, "2023-04-11")] // Easter Monday +1 = Tuesday
    [InlineData("2023-04-10", -1, "2023-04-06")] // Easter Monday -1 = Thursday before Good Friday
    [InlineData("2023-02-11", 0, "2023-02-11")] // zero leaves the date alone
    public void AddWorkingDays_FromANonWorkingDay_CountsFromTheNextOrPreviousDay(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Theory]
    [InlineData("2023-02-06", "2023-02-13", 5)]
    [InlineData("2023-02-13", "2023-02-06", -5)]
    [InlineData("2022-04-14", "2022-04-19", 1)] // Easter weekend
    [InlineData("2022-12-23", "2023-01-03", 4)] // 28, 29, 30 Dec and 3 Jan; 2 Jan is a substitute day
    [InlineData("2022-05-31", "2022-06-06", 2)] // 1 June and 6 June around the Jubilee
    [InlineData("2023-05-01", "2023-05-01", 0)]
    [InlineData("2023-02-10", "2023-02-12", 0)] // Saturday and Sunday do not count
    [InlineData("2023-02-11", "2023-02-10", -1)] // backwards from Saturday: Friday counts
    [InlineData("2023-02-13", "2023-02-10", -1)] // backwards from Monday: Friday counts, Monday does not
    public void CountWorkingDays_ExcludesStartIncludesEnd(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.CountWorkingDays(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void CountWorkingDays_UndoesAddWorkingDays_FromEveryDayOf2022_WorkingOrNot()
    {
        for (var day = new DateOnly(2022, 1, 1); day.Year == 2022; day = day.AddDays(1))
        {
            foreach (var n in new[] { -25, -5, -1, 1, 10, 25 })
            {
                Assert.Equal(n, Calendar.CountWorkingDays(day, Calendar.AddWorkingDays(day, n)));
            }
        }
    }

    [Theory]
    [InlineData("2022-06-02", "2022-06-06")]
    [InlineData("2022-12-24", "2022-12-28")]
    [InlineData("2023-02-13", "2023-02-13")]
    public void NextWorkingDayOnOrAfter_ReturnsTheDayItselfOrTheNextWorkingDay(string from, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.NextWorkingDayOnOrAfter(DateOnly.Parse(from)));
    }
}
