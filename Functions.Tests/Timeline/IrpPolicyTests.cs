using IrpFlows.Irps.Timeline;
using Microsoft.Extensions.Configuration;

namespace IrpFlows.Tests.Timeline;

public class IrpPolicyTests
{
    private static IrpPolicy Bind(Dictionary<string, string?> settings) =>
        IrpPolicy.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(IrpPolicy.SectionName));

    [Fact]
    public void Defaults_AreTheGuidesValues()
    {
        var policy = new IrpPolicy();

        Assert.Equal(5, policy.DocumentsDeadlineWorkingDaysBeforeVisit);
        Assert.Equal(3, policy.VisitLengthWorkingDays);
        Assert.Equal(10, policy.DraftReportWorkingDaysAfterVisit);
        Assert.Equal(25, policy.PublicationWorkingDaysAfterVisit);
        Assert.Equal([10, 5, 2], policy.DocumentsReminderWorkingDaysBeforeDeadline);
        Assert.Equal((2, 3), (policy.NoticeMinMonths, policy.NoticeMaxMonths));
        Assert.Equal((8, 12), (policy.SourceInspectionMinMonths, policy.SourceInspectionMaxMonths));
        Assert.Equal(15, policy.MaxRecommendations);
        Assert.False(policy.MaxRecommendationsIsHard);
        Assert.Equal(new TimeOnly(9, 0), policy.StepTimeOfDay);
        Assert.Equal(10, policy.VisitArrangementsWorkingDaysBeforeVisit); // two weeks for gate passes and keys (Appendix A)
        Assert.Equal(1, policy.DebriefDocumentWorkingDaysAfterVisit);
        Assert.Equal((5, 5), (policy.FinalisingWorkingDaysBeforePublicationDeadline, policy.FactCheckMinimumWorkingDays));
        Assert.Equal("Europe/London", policy.TimeZoneId);
    }

    [Fact]
    public void FromConfiguration_OverridesScalarsAndTimes_KeepingOtherDefaults()
    {
        // Environment variable Policy__PublicationWorkingDaysAfterVisit arrives as the key Policy:PublicationWorkingDaysAfterVisit.
        var policy = Bind(new() { ["Policy:PublicationWorkingDaysAfterVisit"] = "30", ["Policy:StepTimeOfDay"] = "08:30" });

        Assert.Equal(30, policy.PublicationWorkingDaysAfterVisit);
        Assert.Equal(new TimeOnly(8, 30), policy.StepTimeOfDay);
        Assert.Equal(5, policy.DocumentsDeadlineWorkingDaysBeforeVisit);
        Assert.Equal([10, 5, 2], policy.DocumentsReminderWorkingDaysBeforeDeadline);
    }

    [Fact]
    public void FromConfiguration_ConfiguredListReplacesTheDefaultList()
    {
        var policy = Bind(new()
        {
            ["Policy:DocumentsReminderWorkingDaysBeforeDeadline:0"] = "7",
            ["Policy:DocumentsReminderWorkingDaysBeforeDeadline:1"] = "3",
            ["Policy:FactCheckReminderWorkingDaysBeforeDeadline:0"] = "2",
        });

        Assert.Equal([7, 3], policy.DocumentsReminderWorkingDaysBeforeDeadline);
        Assert.Equal([2], policy.FactCheckReminderWorkingDaysBeforeDeadline);
    }

    [Fact]
    public void FromConfiguration_RejectsInvalidValues()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["Policy:VisitArrangementsWorkingDaysBeforeVisit"] = "-2" }));

        Assert.Contains("Policy:VisitArrangementsWorkingDaysBeforeVisit must not be negative (was -2).", ex.Message);
    }

    [Fact]
    public void Validate_AcceptsTheDefaults()
    {
        new IrpPolicy().Validate();
    }

    public static TheoryData<Action<IrpPolicy>, string> Nonsense => new()
    {
        { p => p.DocumentsDeadlineWorkingDaysBeforeVisit = -1, "Policy:DocumentsDeadlineWorkingDaysBeforeVisit must not be negative" },
        { p => p.VisitLengthWorkingDays = 0, "Policy:VisitLengthWorkingDays must be at least 1" },
        { p => p.FactCheckWorkingDays = 0, "Policy:FactCheckWorkingDays must be at least 1" },
        { p => p.NoticeMaxMonths = 1, "Policy:NoticeMaxMonths must not be less than NoticeMinMonths (2)" },
        { p => p.SourceInspectionMaxMonths = 6, "Policy:SourceInspectionMaxMonths must not be less than SourceInspectionMinMonths (8)" },
        { p => p.PublicationWorkingDaysAfterVisit = 8, "Policy:PublicationWorkingDaysAfterVisit must not be less than DraftReportWorkingDaysAfterVisit (10)" },
        { p => p.PublicationAlertWorkingDaysBeforeDeadline = 25, "Policy:PublicationAlertWorkingDaysBeforeDeadline must be less than PublicationWorkingDaysAfterVisit (25)" },
        { p => p.DocumentsReminderWorkingDaysBeforeDeadline = [5, 0], "Policy:DocumentsReminderWorkingDaysBeforeDeadline entries must each be at least 1" },
        { p => p.DocumentsReminderWorkingDaysBeforeDeadline = [5, 5], "Policy:DocumentsReminderWorkingDaysBeforeDeadline entries must not repeat" },
        { p => p.FactCheckReminderWorkingDaysBeforeDeadline = [10], "Policy:FactCheckReminderWorkingDaysBeforeDeadline entries must be less than FactCheckWorkingDays (10)" },
        { p => p.FactCheckMinimumWorkingDays = 11, "Policy:FactCheckMinimumWorkingDays must not be more than FactCheckWorkingDays (10)" },
        { p => p.FactCheckMinimumWorkingDays = 0, "Policy:FactCheckMinimumWorkingDays must be at least 1" },
        { p => p.FinalisingWorkingDaysBeforePublicationDeadline = -1, "Policy:FinalisingWorkingDaysBeforePublicationDeadline must not be negative" },
        { p => p.TimeZoneId = "Mars/Olympus", "Policy:TimeZoneId 'Mars/Olympus' is not a time zone known on this machine" },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Validate_RejectsNonsense_NamingTheSetting(Action<IrpPolicy> change, string expected)
    {
        var policy = new IrpPolicy();
        change(policy);

        var ex = Assert.Throws<InvalidOperationException>(policy.Validate);

        Assert.Contains(expected, ex.Message);
    }
}
