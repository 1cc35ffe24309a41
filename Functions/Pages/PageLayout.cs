using System.Globalization;

namespace IrpFlows.Pages;

/// <summary>The frame every coordinator page shares, in the upload pages' look: banner, who is signed in, navigation, main.</summary>
public static class PageLayout
{
    // The app runs in globalisation-invariant mode; the invariant culture's day and month names are English.
    public static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>No scripts at all, and forms that post only to this app.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Every page's start, to the end of its head: titled "<paramref name="title"/> – <paramref name="site"/>", with its
    /// own stylesheet inlined, so a page loads nothing from anywhere and sends no referrer.
    /// </summary>
    public static Html Head(string title, string site, Html css) => Html.Of($"""
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{title} – {site}</title>
        <style>{css}</style>
        </head>
        """);

    public static Html Page(string title, Person person, Html main) => Html.Of($"""
        {Head(title, "IrpFlows", Html.Trusted(Css))}
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="banner"><div><p class="brand"><a href="/">IrpFlows</a> <span>HM Inspectorate of Prisons</span></p>
        <nav aria-label="Main"><ul><li><a href="/">Programme</a></li><li><a href="/irps/new">Start an IRP</a></li></ul></nav>
        <p class="person">Signed in as <strong>{person.Name}</strong> · <a href="/.auth/logout">Sign out</a></p></div></header>
        <main id="main" tabindex="-1">
        {main}
        </main>
        </body>
        </html>
        """);

    public static IResult Result(HttpResponse response, Html page, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static string LongDate(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

    public static string When(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy, HH:mm", English);

    /// <summary>A message at the top of a page: an error (role alert) or a confirmation (role status).</summary>
    public static Html Message(string? text, bool isError) => text is null ? Html.Empty
        : isError ? Html.Of($"<p class=\"notice\" role=\"alert\">{text}</p>") : Html.Of($"<p class=\"confirmation\" role=\"status\">{text}</p>");

    /// <summary>The hidden anti-forgery field every form carries.</summary>
    /// <summary>
    /// The attributes that tie field <paramref name="id"/> to its hint (<c>{id}-hint</c>) and its error (<c>{id}-error</c>),
    /// and mark it invalid while it has an error; nothing when it has neither.
    /// </summary>
    public static Html DescribedBy(string id, bool hint, bool error)
    {
        var ids = string.Join(" ", new[] { hint ? id + "-hint" : null, error ? id + "-error" : null }.OfType<string>());
        return ids.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{ids}\"{(error ? Html.Of($" aria-invalid=\"true\"") : Html.Empty)}");
    }

    public static Html FormToken(string token) => Html.Of($"<input type=\"hidden\" name=\"{FormTokens.FieldName}\" value=\"{token}\">");

    // Colours are GOV.UK's, every text pair at least 4.5:1 against its background.
    private const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#0b0c0c;background:#f3f2f1}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem;z-index:1}
        .banner{background:#0b0c0c;color:#fff;padding:.5rem 1rem}
        .banner>div{max-width:72rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:center}
        .banner p{margin:0}.banner a{color:#fff}.brand a{font-weight:700;text-decoration:none;font-size:1.25rem}.brand span{color:#dcdcdc}
        .banner ul{list-style:none;margin:0;padding:0;display:flex;gap:1.25rem}.person{margin-left:auto}
        main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:#fff;min-height:100vh}
        h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
        h2{font-size:1.35rem;margin:2rem 0 .5rem;border-top:1px solid #b1b4b6;padding-top:1rem}
        h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
        a{color:#1d70b8}
        a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
        .hint{color:#505a5f;margin:0 0 .25rem}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0 0 1rem}.facts dt{font-weight:700}.facts dd{margin:0}
        .notice{border-left:5px solid #d4351c;padding:.5rem 1rem;background:#fef7f6}
        .confirmation{border-left:5px solid #00703c;padding:.5rem 1rem;background:#f3faf6;font-weight:700}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
        th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #b1b4b6}
        th{font-weight:700}caption{text-align:left;font-weight:700;margin-bottom:.25rem}
        .tag{display:inline-block;padding:.05rem .5rem;border-radius:3px;font-weight:700;font-size:.8125rem;text-transform:uppercase;letter-spacing:.02em;margin:.1rem .2rem .1rem 0}
        .tag.done,.tag.received{background:#cce2d8;color:#005a30}
        .tag.pending,.tag.missing{background:#d2e2f1;color:#0c2d4a}
        .tag.failed,.tag.flag{background:#f4cdc6;color:#2a0b06}
        .tag.skipped{background:#e5e6e7;color:#0b0c0c}
        form{margin:.5rem 0 1rem}
        .field{margin:0 0 1rem}.field label,.field legend{display:block;font-weight:700}
        fieldset{border:1px solid #b1b4b6;padding:.5rem 1rem;margin:0 0 1rem}legend{font-weight:700;padding:0 .25rem}
        input[type=text],input[type=email],input[type=date],input[type=url],select,textarea{font:inherit;padding:.3rem;border:2px solid #0b0c0c;max-width:100%}
        input[type=text],input[type=email],input[type=url],textarea{width:32rem}
        textarea{min-height:8rem}
        .field.error{border-left:5px solid #d4351c;padding-left:.75rem}.error-message{color:#d4351c;font-weight:700;margin:0}
        button{font:inherit;font-weight:700;padding:.45rem 1.1rem;border:0;border-radius:3px;background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18;cursor:pointer}
        button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
        button.warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
        .filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end}
        .actions{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
        .yearview{max-width:100%;height:auto;border:1px solid #b1b4b6}
        .pies{display:flex;flex-wrap:wrap;gap:2rem}.pies figure{margin:0;max-width:30rem}
        details{margin:.25rem 0}summary{cursor:pointer;color:#1d70b8}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f2f1;padding:.75rem}
        .prose{white-space:pre-line;overflow-wrap:anywhere;margin:0 0 .75rem}
        @media (max-width:40rem){main{padding:.75rem}input[type=text],input[type=email],input[type=url],textarea{width:100%}}
        """;
}
