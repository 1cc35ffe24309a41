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
}
