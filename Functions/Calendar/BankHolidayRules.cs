namespace IrpFlows.Calendar;

/// <summary>
/// England-and-Wales bank holidays by rule (Banking and Financial Dealings Act 1971 and the yearly royal proclamations),
/// with the one-off changes announced on gov.uk between 2015 and 2035.
/// </summary>
internal static class BankHolidayRules
{
    public const int FirstYear = 2015;
    public const int LastYear = 2035;

    /// <summary>Every bank holiday of <paramref name="year"/>, keyed by date.</summary>
    public static Dictionary<DateOnly, string> For(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new Dictionary<DateOnly, string>
        {
            [easter.AddDays(-2)] = "Good Friday",
            [easter.AddDays(1)] = "Easter Monday",
            [FirstMonday(year, 5)] = "Early May bank holiday",
            [LastMonday(year, 5)] = "Spring bank holiday",
            [LastMonday(year, 8)] = "Summer bank holiday",
        };

        ApplyOneOffs(year, holidays);

        // Fixed-date holidays on a weekday first, so that a substitute day never lands on one (Christmas 2022 -> Tuesday 27th,
        // because Monday 26th is Boxing Day).
        (DateOnly Date, string Name)[] fixedDates =
        [
            (new DateOnly(year, 1, 1), "New Year's Day"),
            (new DateOnly(year, 12, 25), "Christmas Day"),
            (new DateOnly(year, 12, 26), "Boxing Day"),
        ];
        foreach (var (date, name) in fixedDates.Where(f => !IsWeekend(f.Date)))
        {
            holidays[date] = name;
        }

        // A fixed-date holiday on a weekend moves to the next weekday that is not already a holiday.
        foreach (var (date, name) in fixedDates.Where(f => IsWeekend(f.Date)))
        {
            var substitute = date;
            while (IsWeekend(substitute) || holidays.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            holidays[substitute] = $"{name} (substitute day)";
        }

        return holidays;
    }

    private static void ApplyOneOffs(int year, Dictionary<DateOnly, string> holidays)
    {
        switch (year)
        {
            case 2020:
                // Early May bank holiday moved from Monday 4 May to Friday 8 May for the 75th anniversary of VE day.
                holidays.Remove(new DateOnly(2020, 5, 4));
                holidays[new DateOnly(2020, 5, 8)] = "Early May bank holiday (VE day)";
                break;
            case 2022:
                // Platinum Jubilee: spring bank holiday moved from Monday 30 May to Thursday 2 June, plus Friday 3 June.
                holidays.Remove(new DateOnly(2022, 5, 30));
                holidays[new DateOnly(2022, 6, 2)] = "Spring bank holiday";
                holidays[new DateOnly(2022, 6, 3)] = "Platinum Jubilee bank holiday";
                holidays[new DateOnly(2022, 9, 19)] = "Bank Holiday for the State Funeral of Queen Elizabeth II";
                break;
            case 2023:
                holidays[new DateOnly(2023, 5, 8)] = "Bank holiday for the coronation of King Charles III";
                break;
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
