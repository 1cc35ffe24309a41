using IrpFlows.Calendar;

namespace IrpFlows.Tests.Calendar;

public class CalendarRangeTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void SupportedRange_Is2015To2035()
    {
        Assert.Equal(new DateOnly(2015, 1, 1), Calendar.SupportedFrom);
        Assert.Equal(new DateOnly(2035, 12, 31), Calendar.SupportedTo);
    }

    [Theory]
    [InlineData("2014-12-31")]
    [InlineData("2036-01-01")]
    public void DatesOutsideTheRange_AreRejected_NotGuessed(string date)
    {
        var day = DateOnly.Parse(date);

        var ex = Assert.Throws<CalendarRangeException>(() => Calendar.IsWorkingDay(day));
        Assert.Contains($"{date} is outside the England-and-Wales working-day calendar (2015-01-01 to 2035-12-31)", ex.Message);
        Assert.Throws<CalendarRangeException>(() => Calendar.IsBankHoliday(day, out _));
        Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(day, 1));
        Assert.Throws<CalendarRangeException>(() => Calendar.CountWorkingDays(new DateOnly(2020, 1, 1), day));
        Assert.Throws<CalendarRangeException>(() => Calendar.NextWorkingDayOnOrAfter(day));
        Assert.Throws<CalendarRangeException>(() => Calendar.BankHolidaysIn(day.Year));
    }

    [Fact]
    public void WalkingPastTheEnd_ThrowsAndSaysWhichWalk()
    {
        var ex = Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2035, 12, 20), 25));

        Assert.Equal(new DateOnly(2036, 1, 1), ex.Date);
        Assert.Contains("Adding 25 working days to 2035-12-20 reaches 2036-01-01", ex.Message);
    }

    [Fact]
    public void WalkingBeforeTheStart_Throws()
    {
        var ex = Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2015, 1, 5), -5));

        Assert.Equal(new DateOnly(2014, 12, 31), ex.Date);
    }

    [Fact]
    public void RangeException_IsAnArgumentOutOfRangeException()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(new DateOnly(2040, 1, 2)));
    }
}
