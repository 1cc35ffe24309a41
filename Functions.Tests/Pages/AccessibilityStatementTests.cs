using System.Net;
using IrpFlows.Pages;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Pages;

/// <summary>The accessibility statement is for anyone, and every page's footer links to it.</summary>
public sealed class AccessibilityStatementTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheStatement_IsServedWithoutSigningIn_AndSaysHowItWasTestedAndHowToReportAProblem()
    {
        using var response = await _app.Anonymous.GetAsync(AccessibilityStatement.Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Accessibility statement for IrpFlows</h1>", html, StringComparison.Ordinal);
        foreach (var section in new[] { "How we tested IrpFlows", "Reporting accessibility problems", "Enforcement procedure", "Compliance status" })
            Assert.Contains(section, html, StringComparison.Ordinal);
        Assert.Equal(PageLayout.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task EveryPage_SignedInOrNot_LinksToTheStatementFromItsFooter()
    {
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/irps/new");
        signedIn.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "Cora Ordinator");
        using var coordinatorPage = await _app.Anonymous.SendAsync(signedIn);
        using var refusalPage = await _app.Anonymous.GetAsync("/upload/not-a-token");

        foreach (var page in new[] { coordinatorPage, refusalPage })
        {
            var html = await page.Content.ReadAsStringAsync();
            var footer = html[html.IndexOf("<footer class=\"govuk-footer\">", StringComparison.Ordinal)..];
            Assert.Contains($"<a class=\"govuk-footer__link\" href=\"{AccessibilityStatement.Path}\">Accessibility statement</a>", footer, StringComparison.Ordinal);
        }
    }
}
