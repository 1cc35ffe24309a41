using IrpFlows.Calendar;

namespace IrpFlows.Tests.Calendar;

public sealed class ExtraHolidaysTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("irp-calendar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string GovUk(params (string Title, string Date)[] events) =>
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
        + string.Join(",", events.Select(e => $"{{\"title\":\"{e.Title}\",\"date\":\"{e.Date}\",\"notes\":\"\",\"bunting\":true}}"))
        + "]}}";

    private string WriteFile(string json)
    {
        var path = Path.Combine(_directory, "holidays.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void ExtraOneOffHoliday_InTheRuleYears_BecomesANonWorkingDay()
    {
        var calendar = WorkingDayCalendar.Create(WriteFile(GovUk(("Royal event", "2030-06-14"))));

        Assert.True(calendar.IsBankHoliday(new DateOnly(2030, 6, 14), out var name));
        Assert.Equal("Royal event", name);
        Assert.Equal(new DateOnly(2030, 6, 17), calendar.AddWorkingDays(new DateOnly(2030, 6, 13), 1));
        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(new DateOnly(2030, 6, 14)));
    }

    [Fact]
    public void GovUkEvents_ForKnownHolidays_ChangeNothing()
    {
        var calendar = WorkingDayCalendar.FromJson(GovUk(("Good Friday", "2023-04-07"), ("Coronation", "2023-05-08")));

        Assert.Equal(WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2023), calendar.BankHolidaysIn(2023));
    }

    [Fact]
    public void EventsAfter2035_ExtendTheRangeToTheEndOfTheirYear_WithOnlyTheListedHolidays()
    {
        var calendar = WorkingDayCalendar.FromJson(GovUk(("New Year's Day", "2036-01-01"), ("Good Friday", "2036-04-11")));

        Assert.Equal(new DateOnly(2036, 12, 31), calendar.SupportedTo);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2036, 1, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2036, 4, 11)));
        Assert.Equal(new DateOnly(2036, 1, 2), calendar.AddWorkingDays(new DateOnly(2035, 12, 31), 1));
        Assert.Throws<CalendarRangeException>(() => calendar.IsWorkingDay(new DateOnly(2037, 1, 1)));
    }

    [Fact]
    public void NullPath_GivesTheBuiltInCalendar()
    {
        Assert.Same(WorkingDayCalendar.EnglandAndWales, WorkingDayCalendar.Create(null));
    }

    [Fact]
    public void ShippedExtraHolidaysFile_Loads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "extra-bank-holidays.json");

        Assert.Equal(new DateOnly(2035, 12, 31), WorkingDayCalendar.Create(path).SupportedTo);
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("{\"scotland\":{\"events\":[]}}", "must have the gov.uk shape")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"2036-13-01\"}]}}",
        "england-and-wales.events[0] ('X') has date '2036-13-01', which is not a date in the form yyyy-MM-dd")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"2030-01-02\"},{\"date\":\"2030-01-03\"}]}}",
        "england-and-wales.events[1] has no title")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"Old\",\"date\":\"2014-05-05\"}]}}",
        "'Old' on 2014-05-05 is before 2015")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"Far\",\"date\":\"2037-01-01\"}]}}",
        "lists holidays up to 2037 but none in 2036")]
    public void BadFile_ThrowsNamingTheFileAndTheEntry(string json, string expected)
    {
        var path = WriteFile(json);

        var ex = Assert.Throws<FormatException>(() => WorkingDayCalendar.Create(path));

        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => WorkingDayCalendar.Create(Path.Combine(_directory, "absent.json")));
    }
}
