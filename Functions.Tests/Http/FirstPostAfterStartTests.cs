using System.Net;
using System.Text.RegularExpressions;
using IrpFlows.Pages;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Http;

/// <summary>
/// A page's form is held to the API's text rules (TextRules) even as the first thing a freshly started app reads: the rules
/// read the API's JSON contracts, which a first read of a JSON body used to prepare. In this test process other tests have
/// long prepared them, so the app runs as a process of its own, as after a deployment or a restart.
/// </summary>
public sealed partial class FirstPostAfterStartTests
{
    [Fact]
    public async Task TheNewIrpForm_AsTheFreshAppsFirstPost_IsPreviewed_NotA500()
    {
        await using var app = await IrpFlowsApp.StartProcessAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Anonymous.BaseAddress };
        browser.DefaultRequestHeaders.Add(CoordinatorSignIn.PrincipalNameHeader, "Cora Ordinator");
        var form = await browser.GetStringAsync("/irps/new");
        var token = FormToken().Match(form).Groups[1].Value;

        using var preview = await browser.PostAsync("/irps/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormTokens.FieldName] = token, ["kind"] = "prison", ["establishment.name"] = "HMP Fresh", ["intent"] = IrpFlows.Irps.Pages.NewIrpPage.IntentPreview,
        }));

        var html = await preview.Content.ReadAsStringAsync();
        // Refused for what it lacks (the dates, the contacts), beside its fields: the form was read and checked.
        Assert.True(preview.StatusCode == HttpStatusCode.BadRequest, $"{(int)preview.StatusCode}: {html[..Math.Min(html.Length, 500)]}\n{app.Process!.OutputTail}");
        Assert.Contains("id=\"f-visitStart-error\"", html);
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
