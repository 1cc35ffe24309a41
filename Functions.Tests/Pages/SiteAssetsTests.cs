using System.Net;
using System.Text.RegularExpressions;
using IrpFlows.Pages;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Pages;

/// <summary>
/// The app serves GOV.UK Frontend's and MOJ Frontend's files itself, at the paths their compiled CSS asks for; the CSS is
/// compiled with the system font stack, so it asks for no font and the app serves none.
/// </summary>
public sealed class SiteAssetsTests : IAsyncLifetime
{
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("govuk-frontend.min.css", "text/css")]
    [InlineData("moj-frontend.min.css", "text/css")]
    [InlineData("govuk-frontend.min.js", "text/javascript")]
    [InlineData("moj-frontend.min.js", "text/javascript")]
    [InlineData("irpflows.mjs", "text/javascript")]
    [InlineData("images/govuk-crest.svg", "image/svg+xml")]
    [InlineData("images/favicon.ico", "image/x-icon")]
    public async Task EachAsset_IsServedAnonymously_WithItsContentType(string path, string contentType)
    {
        using var response = await _app.Anonymous.GetAsync(SiteAssets.PathPrefix + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("govuk-frontend.min.css", ".govuk-header")]
    [InlineData("moj-frontend.min.css", ".moj-header")]
    public async Task EachStylesheet_IsInArial_AsksForNoFont_AndEveryImageItAsksFor_IsServed(string stylesheet, string itsRule)
    {
        var css = await _app.Anonymous.GetStringAsync(SiteAssets.PathPrefix + stylesheet);

        Assert.Contains(itsRule, css, StringComparison.Ordinal);
        Assert.Contains("font-family:arial,sans-serif", css, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        var urls = Regex.Matches(css, @"url\((/assets/[^)]+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.DoesNotContain(urls, url => url.StartsWith("/assets/fonts/", StringComparison.Ordinal));
        foreach (var url in urls)
        {
            using var response = await _app.Anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task GovukFrontendsFont_IsNotServed()
    {
        using var response = await _app.Anonymous.GetAsync(SiteAssets.PathPrefix + "fonts/bold-b542beb274-v2.woff2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AVersionedLink_MayBeKeptForAYear_AndAnUnchangedFileIsNotSentAgain()
    {
        var url = SiteAssets.Url("govuk-frontend.min.css");

        using var first = await _app.Anonymous.GetAsync(url);
        Assert.Equal(TimeSpan.FromDays(365), first.Headers.CacheControl?.MaxAge);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _app.Anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task AnUnknownAsset_Is404()
    {
        using var response = await _app.Anonymous.GetAsync(SiteAssets.PathPrefix + "fonts/nothing.woff2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
