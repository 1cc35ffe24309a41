using IrpFlows.Http;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Tests.Http;

/// <summary><see cref="Problems.For"/>: the one place where a refusal's kind becomes an HTTP status and a problem body.</summary>
public sealed class ProblemsTests
{
    private static readonly (Refusal Refusal, int Status)[] OneOfEachKind =
    [
        (Refusal.Malformed("The form is incomplete.", "Each recommendation and theme needs its judgement and text fields."), 400),
        (Refusal.Forbidden("This link is not valid or has expired", "Ask for a new link."), 403),
        (Refusal.NotFound("There is no IRP with id 'x'."), 404),
        (Refusal.Conflict("Already published", "The report was published on 2027-06-01."), 409),
        (Refusal.Gone("Deleted", "'plan.pdf' was received but has since been deleted."), 410),
    ];

    public static TheoryData<Refusal, int> EachKind()
    {
        var data = new TheoryData<Refusal, int>();
        foreach (var (refusal, status) in OneOfEachKind) data.Add(refusal, status);
        return data;
    }

    [Fact]
    public void TheCasesBelow_CoverEveryKind() =>
        Assert.Equal(Enum.GetValues<RefusalKind>(), OneOfEachKind.Select(c => c.Refusal.Kind).Order());

    [Theory]
    [MemberData(nameof(EachKind))]
    public void ARefusalAboutNoField_IsAProblemWithItsKindsStatus_AndItsOwnTitleAndDetail(Refusal refusal, int status)
    {
        var problem = Assert.IsType<ProblemHttpResult>(Problems.For(refusal)).ProblemDetails;

        Assert.Equal(status, Problems.StatusOf(refusal));
        Assert.Equal((status, refusal.Title, refusal.Detail), (problem.Status, problem.Title, problem.Detail));
    }

    [Fact]
    public void AnInvalidRequestNamingFields_IsAValidationProblem_400_WithTheFieldsUnderErrors()
    {
        var result = Assert.IsType<ValidationProblem>(Problems.For(Refusal.Invalid("date", "must be a date in the form yyyy-MM-dd.")));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("The request is not valid.", result.ProblemDetails.Title);
        Assert.Equal(["must be a date in the form yyyy-MM-dd."], result.ProblemDetails.Errors["date"]);
    }

    [Fact]
    public void ARequestTooEarly_Is409_NamingTheFieldItWasAbout_WithItsOwnTitle()
    {
        var result = Assert.IsType<ProblemHttpResult>(Problems.For(Refusal.OutOfOrder("The visit has not started", "judgement", "cannot be recorded yet.")));
        var problem = Assert.IsType<HttpValidationProblemDetails>(result.ProblemDetails);

        Assert.Equal((409, "The visit has not started", "cannot be recorded yet."), (problem.Status, problem.Title, problem.Detail));
        Assert.Equal(["cannot be recorded yet."], problem.Errors["judgement"]);
    }
}
