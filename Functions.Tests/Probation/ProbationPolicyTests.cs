using IrpFlows.Calendar;
using IrpFlows.Probation;
using Microsoft.Extensions.Configuration;

namespace IrpFlows.Tests.Probation;

/// <summary>The probation policy binds from settings over the manual's values, and refuses a value the timeline cannot use.</summary>
public sealed class ProbationPolicyTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build().GetSection(ProbationPolicy.SectionName);

    [Fact]
    public void ASetting_ChangesTheRule_ForEveryInspection()
    {
        var policy = ProbationPolicy.FromConfiguration(Settings(("ProbationPolicy:PublicationWeekWales", "18")));
        var facts = ProbationExamples.Facts(new DateOnly(2028, 10, 2), nation: Nation.Wales);

        var plan = new ProbationPlanner(WorkingDayCalendar.EnglandAndWales, policy).Plan(facts, new ProbationProgress());

        Assert.Equal(new DateOnly(2029, 2, 19), plan.Date("publication"));    // week +18 instead of +17 (manual 7.4)
        Assert.Equal(new DateOnly(2029, 3, 5), plan.Date("action-plan"));     // still two weeks after (7.5)
    }

    [Fact]
    public void APublicationBeforeTheFactualAccuracyCheck_IsRefused_NamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProbationPolicy.FromConfiguration(Settings(("ProbationPolicy:PublicationWeekEngland", "8"))));

        Assert.Equal("ProbationPolicy:PublicationWeekEngland must be at least 9, after the factual accuracy check of week +8.", error.Message);
    }

    [Fact]
    public void TheLocalPolicySettings_DefaultToMondayToWednesdayTraining_Fieldwork1300To1400_TheNoticeInWeekMinus2_AndTheOutlineInWeekMinus8()
    {
        var policy = ProbationPolicy.FromConfiguration(Settings());

        Assert.Equal(DayOfWeek.Monday, policy.LocalAssessorTrainingFirstDay);
        Assert.Equal((new TimeOnly(13, 0), new TimeOnly(14, 0)), (policy.FieldworkStartTime, policy.FieldworkEndTime));
        Assert.Equal((2, 8), (policy.NpsDivisionNoticeWeeksBeforeFieldwork, policy.OutlineScheduleWeeksBeforeFieldwork));
    }

    [Fact]
    public void TheLocalPolicySettings_BindFromSettings()
    {
        var policy = ProbationPolicy.FromConfiguration(Settings(
            ("ProbationPolicy:LocalAssessorTrainingFirstDay", "Tuesday"), ("ProbationPolicy:FieldworkStartTime", "12:30"),
            ("ProbationPolicy:FieldworkEndTime", "12:00"), ("ProbationPolicy:NpsDivisionNoticeWeeksBeforeFieldwork", "3"),
            ("ProbationPolicy:OutlineScheduleWeeksBeforeFieldwork", "7")));

        Assert.Equal(DayOfWeek.Tuesday, policy.LocalAssessorTrainingFirstDay);
        Assert.Equal((new TimeOnly(12, 30), new TimeOnly(12, 0)), (policy.FieldworkStartTime, policy.FieldworkEndTime));
        Assert.Equal((3, 7), (policy.NpsDivisionNoticeWeeksBeforeFieldwork, policy.OutlineScheduleWeeksBeforeFieldwork));
    }

    [Theory]
    // 3.9: three days of week -2 must follow the first.
    [InlineData("LocalAssessorTrainingFirstDay", "Thursday", "must be Monday, Tuesday or Wednesday, so the three days of training fit in week -2")]
    [InlineData("LocalAssessorTrainingFirstDay", "Sunday", "must be Monday, Tuesday or Wednesday, so the three days of training fit in week -2")]
    // 6.10: Monday afternoon; Friday between 12:00 and 14:00.
    [InlineData("FieldworkStartTime", "09:00", "must be in the afternoon (12:00 to 17:59): fieldwork commences on Monday afternoon (manual 6.10)")]
    [InlineData("FieldworkStartTime", "18:00", "must be in the afternoon (12:00 to 17:59): fieldwork commences on Monday afternoon (manual 6.10)")]
    [InlineData("FieldworkEndTime", "11:59", "must be between 12:00 and 14:00: fieldwork ends on Friday between 12:00 and 14:00 (manual 6.10)")]
    [InlineData("FieldworkEndTime", "14:01", "must be between 12:00 and 14:00: fieldwork ends on Friday between 12:00 and 14:00 (manual 6.10)")]
    // 6.1: prior to fieldwork, and not before the announcement.
    [InlineData("NpsDivisionNoticeWeeksBeforeFieldwork", "0", "must be from 1 to 8: after the announcement of week -9 (3.3) and prior to fieldwork (6.1)")]
    [InlineData("NpsDivisionNoticeWeeksBeforeFieldwork", "9", "must be from 1 to 8: after the announcement of week -9 (3.3) and prior to fieldwork (6.1)")]
    // 5.2: following the announcement, and before the final schedules (5.1).
    [InlineData("OutlineScheduleWeeksBeforeFieldwork", "9", "must be from 3 to 8: following the announcement of week -9 (5.2) and before the final schedules of week -2 (5.1)")]
    [InlineData("OutlineScheduleWeeksBeforeFieldwork", "2", "must be from 3 to 8: following the announcement of week -9 (5.2) and before the final schedules of week -2 (5.1)")]
    public void ALocalPolicyValueTheManualRulesOut_IsRefused_NamingTheSetting(string setting, string value, string rule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProbationPolicy.FromConfiguration(Settings(("ProbationPolicy:" + setting, value))));

        Assert.Equal($"ProbationPolicy:{setting} {rule}.", error.Message);
    }
}
