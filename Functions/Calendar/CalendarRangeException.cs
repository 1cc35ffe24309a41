namespace IrpFlows.Calendar;

/// <summary>
/// A date, or a walk over working days, falls outside the years whose bank holidays the calendar knows.
/// Thrown instead of guessing whether a day is a working day.
/// </summary>
public sealed class CalendarRangeException : ArgumentOutOfRangeException
{
    public CalendarRangeException(string paramName, DateOnly date, DateOnly supportedFrom, DateOnly supportedTo, string? walk = null)
        : base(paramName, date, Describe(date, supportedFrom, supportedTo, walk))
    {
        Date = date;
        SupportedFrom = supportedFrom;
        SupportedTo = supportedTo;
    }

    /// <summary>The first date outside the supported range that was asked about or reached.</summary>
    public DateOnly Date { get; }

    public DateOnly SupportedFrom { get; }

    public DateOnly SupportedTo { get; }

    private static string Describe(DateOnly date, DateOnly from, DateOnly to, string? walk) =>
        (walk is null ? $"{date:yyyy-MM-dd} is" : $"{walk} reaches {date:yyyy-MM-dd}, which is")
        + $" outside the England-and-Wales working-day calendar ({from:yyyy-MM-dd} to {to:yyyy-MM-dd});"
        + " add later bank holidays through the extra holidays file to extend it.";
}
