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
            Results.Content(SignInPage(LocalPath(request.Query["post_login_redirect_uri"])), "text/html; charset=utf-8"));
        app.MapPost(CoordinatorSignIn.SignInPath, async (HttpContext context) =>
        {
            var (form, notRead) = await PageForms.ReadAsync(context.Request, context.RequestAborted);
            if (form is null) return Results.Content(SignInPage("/", notRead?.Message ?? "Enter your name."), "text/html; charset=utf-8", statusCode: notRead?.Status ?? 400);
            var name = form["name"].FirstOrDefault()?.Trim();
            var back = LocalPath(form["post_login_redirect_uri"]);
            if (string.IsNullOrEmpty(name)) return Results.Content(SignInPage(back, "Enter your name."), "text/html; charset=utf-8", statusCode: 400);
            // The name is recorded on everything the person does: the rule the app reads it with (CoordinatorSignIn.Read).
            if (CoordinatorSignIn.NameRule.Broken(name) is { } broken)
                return Results.Content(SignInPage(back, $"Your name {broken}"), "text/html; charset=utf-8", statusCode: 400);
            context.Response.Cookies.Append(CookieName, name, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.Redirect(back);
        });
        app.MapGet("/.auth/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect(CoordinatorSignIn.SignInPath);
        });
    }

    // Only a path on this site, so the stand-in cannot be used to send someone elsewhere.
    private static string LocalPath(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/";

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
}
