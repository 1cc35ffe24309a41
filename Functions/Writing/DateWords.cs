using System.Globalization;

namespace IrpFlows.Writing;

/// <summary>Dates and lists of names as the inspectorates write them in letters and pages.</summary>
public static class DateWords
{
    /// <summary>"Monday 13 February 2023".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"13 to 15 February 2023", "30 January to 1 February 2023", "30 December 2024 to 1 January 2025".</summary>
    public static string ShortRange(DateOnly first, DateOnly last)
    {
        if (first.Year != last.Year)
        {
            return Format(first, "d MMMM yyyy") + " to " + Format(last, "d MMMM yyyy");
        }
        return first.Month == last.Month
            ? Format(first, "%d") + " to " + Format(last, "d MMMM yyyy")
            : Format(first, "d MMMM") + " to " + Format(last, "d MMMM yyyy");
    }

    /// <summary>"Monday 13 February 2023 to Wednesday 15 February 2023".</summary>
    public static string LongRange(DateOnly first, DateOnly last) => LongDate(first) + " to " + LongDate(last);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static string Format(DateOnly date, string pattern) => date.ToString(pattern, CultureInfo.InvariantCulture);
}
