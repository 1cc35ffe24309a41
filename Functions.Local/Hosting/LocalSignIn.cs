using System.Text.Encodings.Web;
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

    /// <summary>Every page of the stand-in: no scripts, forms that post only here, never framed, never cached (as the app's pages).</summary>
    private static IResult Page(HttpResponse response, string html, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy = PageLayout.ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string SignInPage(string back, string? error = null)
    {
        var e = HtmlEncoder.Default;
        return $"""
            <!doctype html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in – IrpFlows (local)</title>
            <style>body{"{"}font-family:system-ui,Arial,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c{"}"} label{"{"}display:block;font-weight:700{"}"} input{"{"}font:inherit;padding:.3rem;border:2px solid #0b0c0c{"}"} button{"{"}font:inherit;font-weight:700;padding:.45rem 1.1rem;border:0;background:#00703c;color:#fff;margin-top:1rem{"}"} .notice{"{"}color:#d4351c;font-weight:700{"}"}</style></head>
            <body><main>
            <h1>Sign in to IrpFlows</h1>
            <p>This is the local stand-in for Microsoft Entra ID sign-in. In Azure, App Service Authentication signs you in instead.</p>
            {(error is null ? "" : $"<p class=\"notice\" role=\"alert\">{e.Encode(error)}</p>")}
            <form method="post" action="{CoordinatorSignIn.SignInPath}">
            <input type="hidden" name="post_login_redirect_uri" value="{e.Encode(back)}">
            <label for="name">Your name</label>
            <input type="text" id="name" name="name" autocomplete="name" required>
            <button type="submit">Sign in</button>
            </form>
            </main></body></html>
            """;
    }

    private static string SignOutPage(Person person, string formToken, string? error = null)
    {
        var e = HtmlEncoder.Default;
        return $"""
            <!doctype html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign out – IrpFlows (local)</title>
            <style>body{"{"}font-family:system-ui,Arial,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c{"}"} button{"{"}font:inherit;font-weight:700;padding:.45rem 1.1rem;border:0;background:#00703c;color:#fff{"}"} .notice{"{"}color:#d4351c;font-weight:700{"}"}</style></head>
            <body><main>
            <h1>Sign out of IrpFlows</h1>
            {(error is null ? "" : $"<p class=\"notice\" role=\"alert\">{e.Encode(error)}</p>")}
            <p>You are signed in as <strong>{e.Encode(person.Name)}</strong>.</p>
            <form method="post" action="{LogoutPath}">
            <input type="hidden" name="{FormTokens.FieldName}" value="{e.Encode(formToken)}">
            <button type="submit">Sign out</button>
            </form>
            </main></body></html>
            """;
    }
}
