using IrpFlows.Digest;

namespace IrpFlows.Tests.Digest;

public sealed class DigestWeekTests
{
    [Theory]
    // Winter (GMT): 07:00 in London is 07:00 UTC.
    [InlineData("2026-11-30T06:59:00Z", "2026-11-23", "2026-W48")]
    [InlineData("2026-11-30T07:00:00Z", "2026-11-30", "2026-W49")]
    [InlineData("2026-12-06T23:59:00Z", "2026-11-30", "2026-W49")]
    // Summer (BST): 07:00 in London is 06:00 UTC.
    [InlineData("2027-06-07T05:59:00Z", "2027-05-31", "2027-W22")]
    [InlineData("2027-06-07T06:00:00Z", "2027-06-07", "2027-W23")]
    // The ISO week of a Monday late in December can be the next year's first.
    [InlineData("2029-12-31T09:00:00Z", "2029-12-31", "2030-W01")]
    public void AWeeksDigests_AreDueFromSevenOnItsMonday_InEnglandsTime(string now, string monday, string key)
    {
        var week = DigestWeek.At(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), key), (week.Monday, week.Key));
    }
}
