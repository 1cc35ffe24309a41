using IrpFlows.Pages;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Http;

/// <summary>The accessibility statement, for anyone: the footer of every page links to it, signed in or not.</summary>
public sealed class AccessibilityFunctions
{
    [Function(nameof(AccessibilityStatementPage))]
    [OpenApiOperation("Pages", "The accessibility statement: what was tested, what is known not to work, how to report a problem.",
        ResponseContentType = "text/html")]
    public IResult AccessibilityStatementPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "accessibility")] HttpRequest request) =>
        PageLayout.Result(request.HttpContext.Response, AccessibilityStatement.Render());
}
