using IrpFlows.Calendar;

namespace IrpFlows.Tests.Calendar;

/// <summary>Bank holidays as gov.uk lists them for England and Wales.</summary>
public class BankHolidayTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    public static TheoryData<int, string[]> GovUkLists => new()
    {
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(GovUkLists))]
    public void BankHolidaysIn_MatchesGovUkList(int year, string[] expected)
    {
        var actual = Calendar.BankHolidaysIn(year).Select(h => h.Date.ToString("yyyy-MM-dd")).ToArray();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2021-12-27", "Christmas Day (substitute day)")] // Christmas on Saturday
    [InlineData("2021-12-28", "Boxing Day (substitute day)")] // Boxing Day on Sunday
    [InlineData("2022-01-03", "New Year's Day (substitute day)")] // New Year on Saturday
    [InlineData("2022-12-27", "Christmas Day (substitute day)")] // Christmas on Sunday skips Boxing Day on Monday
    [InlineData("2023-01-02", "New Year's Day (substitute day)")] // New Year on Sunday
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2015-12-28", "Boxing Day (substitute day)")] // first supported year
    [InlineData("2033-01-03", "New Year's Day (substitute day)")]
    public void WeekendFixedHoliday_MovesToNextFreeWeekday(string date, string name)
    {
        Assert.True(Calendar.IsBankHoliday(DateOnly.Parse(date), out var actual));
        Assert.Equal(name, actual);
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2020-05-04")] // early May moved to VE day
    [InlineData("2022-05-30")] // spring bank holiday moved to the Platinum Jubilee
    public void MovedHoliday_IsAWorkingDayOnItsUsualDate(string date)
    {
        Assert.False(Calendar.IsBankHoliday(DateOnly.Parse(date), out _));
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2023-04-10", "Easter Monday")]
    public void OneOffAndEasterHolidays_AreNamed(string date, string name)
    {
        Assert.True(Calendar.IsBankHoliday(DateOnly.Parse(date), out var actual));
        Assert.Equal(name, actual);
    }

    [Fact]
    public void EveryYear_HasEightBankHolidays_ExceptTheOneOffYears()
    {
        for (var year = 2015; year <= 2035; year++)
        {
            var expected = year switch { 2022 => 10, 2023 => 9, _ => 8 };
            Assert.True(expected == Calendar.BankHolidaysIn(year).Count, $"{year}");
            Assert.All(Calendar.BankHolidaysIn(year), h => Assert.InRange((int)h.Date.DayOfWeek, 1, 5));
        }
    }

    [Theory]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2035, "2035-03-25")]
    public void GoodFriday_IsTwoDaysBeforeEasterSunday(int year, string easterSunday)
    {
        var goodFriday = DateOnly.Parse(easterSunday).AddDays(-2);

        Assert.True(Calendar.IsBankHoliday(goodFriday, out var name));
        Assert.Equal("Good Friday", name);
        Assert.Equal(year, goodFriday.Year);
    }

    [Fact]
    public void DescribeNonWorkingDay_NamesTheHolidayOrTheWeekday()
    {
        Assert.Equal("Easter Monday", Calendar.DescribeNonWorkingDay(new DateOnly(2023, 4, 10)));
        Assert.Equal("a Saturday", Calendar.DescribeNonWorkingDay(new DateOnly(2023, 2, 11)));
        Assert.Null(Calendar.DescribeNonWorkingDay(new DateOnly(2023, 2, 13)));
    }
}
