namespace IrpFlows.Workflow;

/// <summary>Turns a local England-and-Wales date and time into the instant a step fires, for every planner.</summary>
public static class LocalInstant
{
    /// <summary>
    /// The UTC instant of a local date and time. A time skipped when clocks go forward fires an hour later (as a clock would
    /// show it); a time repeated when clocks go back fires at its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
