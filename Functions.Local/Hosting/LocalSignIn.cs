using IrpFlows.Pages;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Stands in for App Service Authentication on this machine: <c>/.auth/login/aad</c> asks for a name and keeps it in a
/// cookie, which every request then carries to the app as <c>X-MS-CLIENT-PRINCIPAL-NAME</c>, the header Azure would set.
/// A request that already carries that header (a test, a script) is taken as that person. No password: this host is for
/// development, and the pages trust these headers only because the app is told it runs here.
/// </summary>
public static class LocalSignIn
{
    public const string CookieName = "irpflows-local-person";

    /// <summary>Tells the app to trust the sign-in headers this host sets.</summary>
    public static void AddLocalSignIn(this WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection([new(CoordinatorSignIn.LocalSignInSetting, "true")]);

    public static void UseLocalSignIn(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (string.IsNullOrEmpty(headers[CoordinatorSignIn.PrincipalNameHeader]) && context.Request.Cookies[CookieName] is { Length: > 0 } name)
                headers[CoordinatorSignIn.PrincipalNameHeader] = name;
            return next(context);
        });
        app.MapGet(CoordinatorSignIn.SignInPath, (HttpRequest request) =>
            Page(request.HttpContext.Response, SignInPage(LocalPath(request.Query["post_login_redirect_uri"]))));
        app.MapPost(CoordinatorSignIn.SignInPath, async (HttpContext context) =>
        {
            var (form, notRead) = await PageForms.ReadAsync(context.Request, context.RequestAborted);
            if (form is null) return Page(context.Response, SignInPage("/", notRead?.Message ?? "Enter your name."), notRead?.Status ?? 400);
            var name = form["name"].FirstOrDefault()?.Trim();
            var back = LocalPath(form["post_login_redirect_uri"]);
            if (string.IsNullOrEmpty(name)) return Page(context.Response, SignInPage(back, "Enter your name."), 400);
            // The name is recorded on everything the person does: the rule the app reads it with (CoordinatorSignIn.Read).
            if (CoordinatorSignIn.NameRule.Broken(name) is { } broken) return Page(context.Response, SignInPage(back, $"Your name {broken}"), 400);
            context.Response.Cookies.Append(CookieName, name, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.Redirect(back);
        });
        // App Service signs out on a GET of /.auth/logout, which is what the pages link to. Here that link shows a button
        // instead, and only a POST carrying the form token signs out, so another site cannot sign a coordinator out.
        app.MapGet(LogoutPath, (HttpContext context, CoordinatorSignIn signIn, FormTokens forms) =>
            signIn.Read(context.Request) is { } person
                ? Page(context.Response, SignOutPage(person, forms.Issue(context, person)))
                : Results.Redirect(CoordinatorSignIn.SignInPath));
        app.MapPost(LogoutPath, async (HttpContext context, CoordinatorSignIn signIn, FormTokens forms) =>
        {
            if (signIn.Read(context.Request) is not { } person) return Results.Redirect(CoordinatorSignIn.SignInPath);
            var (form, notRead) = await PageForms.ReadAsync(context.Request, context.RequestAborted);
            if (form is null || !forms.IsValid(context.Request, form, person))
                return Page(context.Response, SignOutPage(person, forms.Issue(context, person), notRead?.Message ?? "Sign out with this page's button."),
                    notRead?.Status ?? 400);
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect(CoordinatorSignIn.SignInPath);
        });
    }

    /// <summary>Where App Service Authentication (and this stand-in) signs people out.</summary>
    public const string LogoutPath = "/.auth/logout";

    /// <summary>
    /// Only a path on this site, so the stand-in cannot be used to send someone elsewhere: one leading slash, no "//" nor any
    /// backslash (browsers read "/\" as "//"), and no control, whitespace or non-ASCII character (browsers drop tabs and
    /// line breaks, so "/\t/evil.example" is "//evil.example"; a header cannot carry the others), checked as given and again
    /// after percent-decoding. Anything else goes to the programme.
    /// </summary>
    internal static string LocalPath(string? back) =>
        back is not null && IsSameSitePath(back) && IsSameSitePath(Uri.UnescapeDataString(back)) ? back : "/";

    private static bool IsSameSitePath(string path) =>
        path.StartsWith('/') && !path.Contains("//", StringComparison.Ordinal) && path.All(c => c is > ' ' and < '\x7f' and not '\\');

    /// <summary>Every page of the stand-in under the app's pages' policy: nothing inline, forms that post only here, never framed, never cached.</summary>
    private static IResult Page(HttpResponse response, string html, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy = PageLayout.ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string SignInPage(string back, string? error = null) => PageLayout.Frame("Sign in", "IrpFlows (local)", PageLayout.Header("IrpFlows"), Html.Of($"""
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        {(error is null ? Html.Empty : PageLayout.ErrorSummary(Html.Of($"<ul class=\"govuk-list govuk-error-summary__list\"><li><a href=\"#name\">{error}</a></li></ul>")))}
        <h1 class="govuk-heading-l">Sign in to IrpFlows</h1>
        <p class="govuk-body">This is the local stand-in for Microsoft Entra ID sign-in. In Azure, App Service Authentication signs you in instead.</p>
        <form method="post" action="{CoordinatorSignIn.SignInPath}" novalidate>
        <input type="hidden" name="post_login_redirect_uri" value="{back}">
        <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
        <label class="govuk-label govuk-label--s" for="name">Your name</label>
        {(error is null ? Html.Empty : Html.Of($"<p class=\"govuk-error-message\" id=\"name-error\"><span class=\"govuk-visually-hidden\">Error:</span> {error}</p>"))}
        <input class="govuk-input govuk-!-width-two-thirds{(error is null ? "" : " govuk-input--error")}" type="text" id="name" name="name" autocomplete="name" spellcheck="false" required{PageLayout.DescribedBy("name", false, error is not null)}>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
        </form>
        </div></div>
        """)).ToString();

    private static string SignOutPage(Person person, string formToken, string? error = null) => PageLayout.Frame("Sign out", "IrpFlows (local)", PageLayout.Header("IrpFlows"), Html.Of($"""
        {PageLayout.Message(error, isError: true)}
        <h1 class="govuk-heading-l">Sign out of IrpFlows</h1>
        <p class="govuk-body">You are signed in as <strong>{person.Name}</strong>.</p>
        <form method="post" action="{LogoutPath}">
        {PageLayout.FormToken(formToken)}
        <button type="submit" class="govuk-button" data-module="govuk-button">Sign out</button>
        </form>
        """)).ToString();
}
