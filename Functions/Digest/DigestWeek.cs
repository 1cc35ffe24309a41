using System.Globalization;

namespace IrpFlows.Digest;

/// <summary>
/// A week of the weekly digest: the Monday it starts on. Its digests are due from 07:00 that Monday, England time (the
/// inspectorates' working day, DESIGN.md section 2; 07:00 so they are there when the day starts, local policy), until the
/// next Monday's are.
/// </summary>
public readonly record struct DigestWeek(DateOnly Monday)
{
    /// <summary>England and Wales, where every date of the timelines is (prison guide, probation manual: DESIGN.md section 2).</summary>
    public static readonly TimeZoneInfo England = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>When on its Monday a week's digests are due (local policy: before the working day starts).</summary>
    public static readonly TimeOnly SendFrom = new(7, 0);

    /// <summary>How far ahead a digest looks: the week it starts and the next (issue 26: "steps due in the next two weeks").</summary>
    public const int DaysAhead = 14;

    /// <summary>The ISO 8601 week, such as <c>2026-W49</c>: the key of the week's records and messages.</summary>
    public string Key
    {
        get
        {
            var day = Monday.ToDateTime(TimeOnly.MinValue);
            return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}");
        }
    }

    /// <summary>The week whose digests are due at <paramref name="now"/>: the one whose Monday 07:00 came last.</summary>
    public static DigestWeek At(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, England).DateTime;
        var today = DateOnly.FromDateTime(local);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new DigestWeek(today == monday && TimeOnly.FromDateTime(local) < SendFrom ? monday.AddDays(-7) : monday);
    }

    /// <summary>The date in England at <paramref name="now"/>: what "overdue" and "due in the next two weeks" count from.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, England).DateTime);
}
