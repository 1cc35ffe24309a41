namespace IrpFlows.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays (the inspectorates cover England and Wales).
/// Knows every bank holiday from 2015 to 2035 by rule, including substitute days and the one-off holidays of 2020, 2022
/// and 2023, plus any holidays loaded from a gov.uk-shaped JSON file. Asking about any date outside
/// <see cref="SupportedFrom"/>..<see cref="SupportedTo"/>, or walking past either end, throws
/// <see cref="CalendarRangeException"/> rather than guessing. Immutable and thread-safe.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays;

    private WorkingDayCalendar(Dictionary<DateOnly, string> holidays, DateOnly supportedTo)
    {
        _holidays = holidays;
        SupportedTo = supportedTo;
    }

    /// <summary>The built-in calendar, 2015-01-01 to 2035-12-31, with no extra holidays.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = FromEvents([], "built-in rules");

    /// <summary>First date the calendar answers for: 2015-01-01.</summary>
    public DateOnly SupportedFrom { get; } = new(BankHolidayRules.FirstYear, 1, 1);

    /// <summary>Last date the calendar answers for: 2035-12-31, or later when extra holidays extend it.</summary>
    public DateOnly SupportedTo { get; }

    /// <summary>
    /// The built-in calendar plus the bank holidays in a gov.uk-shaped JSON file
    /// (<c>{"england-and-wales":{"events":[{"title":"…","date":"yyyy-MM-dd"}]}}</c>); <c>null</c> or empty path: built-in only.
    /// </summary>
    /// <remarks>
    /// For 2015–2035 the file's events are added to the rule-based holidays (a date already known keeps its name), so a
    /// new one-off holiday needs no code change; the file cannot remove a rule-based holiday. Events after 2035 are taken as
    /// gov.uk publishes them, complete years: the supported range then ends on 31 December of the file's latest year, and
    /// those years get the file's events only (no rules). Every year from 2036 to that latest year must have events.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is malformed, an event is not a yyyy-MM-dd date with a title, an event
    /// is before 2015, or a year after 2035 is skipped; the message names the file and the event.</exception>
    public static WorkingDayCalendar Create(string? extraHolidaysJsonPath)
    {
        if (string.IsNullOrWhiteSpace(extraHolidaysJsonPath))
        {
            return EnglandAndWales;
        }

        var source = $"file '{extraHolidaysJsonPath}'";
        return FromEvents(ExtraBankHolidays.Parse(File.ReadAllText(extraHolidaysJsonPath), source), source);
    }

    /// <summary>As <see cref="Create"/>, from JSON text rather than a file.</summary>
    public static WorkingDayCalendar FromJson(string extraHolidaysJson) =>
        FromEvents(ExtraBankHolidays.Parse(extraHolidaysJson, "JSON"), "JSON");

    private static WorkingDayCalendar FromEvents(IReadOnlyList<(DateOnly Date, string Name)> extra, string source)
    {
        var holidays = new Dictionary<DateOnly, string>();
        for (var year = BankHolidayRules.FirstYear; year <= BankHolidayRules.LastYear; year++)
        {
            foreach (var (date, name) in BankHolidayRules.For(year))
            {
                holidays[date] = name;
            }
        }

        foreach (var (date, name) in extra)
        {
            if (date.Year < BankHolidayRules.FirstYear)
            {
                throw new FormatException(
                    $"Extra bank holidays {source}: '{name}' on {date:yyyy-MM-dd} is before {BankHolidayRules.FirstYear}, the first year the calendar supports.");
            }

            holidays.TryAdd(date, name);
        }

        var lastYear = extra.Count == 0 ? BankHolidayRules.LastYear : Math.Max(BankHolidayRules.LastYear, extra.Max(e => e.Date.Year));
        for (var year = BankHolidayRules.LastYear + 1; year <= lastYear; year++)
        {
            if (!extra.Any(e => e.Date.Year == year))
            {
                throw new FormatException(
                    $"Extra bank holidays {source} lists holidays up to {lastYear} but none in {year}; every year after {BankHolidayRules.LastYear} up to the last one must be listed.");
            }
        }

        return new WorkingDayCalendar(holidays, new DateOnly(lastYear, 12, 31));
    }

    /// <summary>True for Monday to Friday when the day is not a bank holiday.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="date"/> is outside the supported range.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        return !BankHolidayRules.IsWeekend(date) && !_holidays.ContainsKey(date);
    }

    /// <summary>True when <paramref name="date"/> is an England-and-Wales bank holiday; <paramref name="name"/> is its gov.uk-style title.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="date"/> is outside the supported range.</exception>
    public bool IsBankHoliday(DateOnly date, out string? name)
    {
        EnsureSupported(date, nameof(date));
        return _holidays.TryGetValue(date, out name);
    }

    /// <summary>Why a day is not a working day, for messages: "Easter Monday", "a Saturday"; null for a working day.</summary>
    public string? DescribeNonWorkingDay(DateOnly date) =>
        IsBankHoliday(date, out var name) ? name
        : BankHolidayRules.IsWeekend(date) ? $"a {date.DayOfWeek}"
        : null;

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when negative).
    /// Counting starts from the day after (before) <paramref name="date"/>, so <paramref name="date"/> itself never counts,
    /// whether or not it is a working day: from Saturday, +1 is the following Monday and -1 the preceding Friday.
    /// The result is always a working day, except for 0, which returns <paramref name="date"/> unchanged.
    /// For any result r, <c>CountWorkingDays(date, r) == workingDays</c>.
    /// </summary>
    /// <exception cref="CalendarRangeException"><paramref name="date"/> is outside the supported range, or the walk passes either end of it.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        EnsureSupported(date, nameof(date));
        var step = Math.Sign(workingDays);
        var result = date;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            result = Step(result, step, () => $"Adding {workingDays} working days to {date:yyyy-MM-dd}");
            if (IsWorkingDay(result))
            {
                remaining--;
            }
        }

        return result;
    }

    /// <summary>
    /// The number of working days d with <paramref name="fromExclusive"/> &lt; d &lt;= <paramref name="toInclusive"/>.
    /// When <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/> the count runs backwards and is
    /// negative: minus the working days d with <paramref name="toInclusive"/> &lt;= d &lt; <paramref name="fromExclusive"/>
    /// (the start is still excluded, the end still included). Same date: 0. This makes it the inverse of
    /// <see cref="AddWorkingDays"/> from any date, working day or not.
    /// </summary>
    /// <exception cref="CalendarRangeException">Either date is outside the supported range.</exception>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        EnsureSupported(fromExclusive, nameof(fromExclusive));
        EnsureSupported(toInclusive, nameof(toInclusive));
        var (first, last, sign) = toInclusive >= fromExclusive
            ? (fromExclusive.AddDays(1), toInclusive, 1)
            : (toInclusive, fromExclusive.AddDays(-1), -1);
        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return sign * count;
    }

    /// <summary><paramref name="date"/> when it is a working day, otherwise the first working day after it.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="date"/> is outside the supported range, or no working day follows it within the range.</exception>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        var result = date;
        while (!IsWorkingDay(result))
        {
            result = Step(result, 1, () => $"Looking for the next working day from {date:yyyy-MM-dd}");
        }

        return result;
    }

    /// <summary>Every bank holiday in <paramref name="year"/>, in date order.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="year"/> is outside the supported range.</exception>
    public IReadOnlyList<(DateOnly Date, string Name)> BankHolidaysIn(int year)
    {
        if (year < SupportedFrom.Year || year > SupportedTo.Year)
        {
            throw new CalendarRangeException(nameof(year), new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), SupportedFrom, SupportedTo);
        }

        return _holidays.Where(h => h.Key.Year == year).OrderBy(h => h.Key).Select(h => (h.Key, h.Value)).ToList();
    }

    private DateOnly Step(DateOnly date, int direction, Func<string> walk)
    {
        if ((direction > 0 && date >= SupportedTo) || (direction < 0 && date <= SupportedFrom))
        {
            throw new CalendarRangeException("workingDays", date.AddDays(direction), SupportedFrom, SupportedTo, walk());
        }

        return date.AddDays(direction);
    }

    private void EnsureSupported(DateOnly date, string paramName)
    {
        if (date < SupportedFrom || date > SupportedTo)
        {
            throw new CalendarRangeException(paramName, date, SupportedFrom, SupportedTo);
        }
    }
}
