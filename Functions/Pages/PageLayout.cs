using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace IrpFlows.Pages;

/// <summary>The frame every page shares, on the GOV.UK page template with the MOJ header: head, header, main, footer.</summary>
public static class PageLayout
{
    // The app runs in globalisation-invariant mode; the invariant culture's day and month names are English.
    public static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>
    /// Stylesheets, images and scripts only from this app's <c>/assets/</c> (no inline script or style: the design
    /// systems' scripts start from a file of ours), no fonts (the pages use the system's), and forms that post only to this app.
    /// </summary>
    public const string ContentSecurityPolicy = SiteResources + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>What every page may load: its stylesheets, images and scripts from this app, nothing inline, no font.</summary>
    public const string SiteResources = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'";

    /// <summary>
    /// Every page's start, to the end of its head: titled "<paramref name="title"/> – <paramref name="site"/>", with GOV.UK
    /// Frontend's, MOJ Frontend's and the app's stylesheets and the script that starts their components, all from this app.
    /// </summary>
    public static Html Head(string title, string site) => Html.Of($"""
        <!doctype html>
        <html lang="en-GB" class="govuk-template">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
        <meta name="theme-color" content="#1d70b8">
        <meta name="referrer" content="no-referrer">
        <title>{title} – {site}</title>
        <link rel="stylesheet" href="{SiteAssets.Url("govuk-frontend.min.css")}">
        <link rel="stylesheet" href="{SiteAssets.Url("moj-frontend.min.css")}">
        <link rel="stylesheet" href="{SiteAssets.Url("irpflows.css")}">
        <script type="module" src="{SiteAssets.Url("irpflows.mjs")}"></script>
        </head>
        """);

    /// <summary>
    /// A whole page on the GOV.UK page template: skip link, <paramref name="header"/>, the width container with main, and the
    /// footer that links to the accessibility statement.
    /// </summary>
    /// <param name="bodyAttributes">Attributes of the body element, each with its leading space; empty for none.</param>
    /// <param name="script">What follows the footer, ending with a line break (the upload page's script); empty for none.</param>
    public static Html Frame(string title, string site, Html header, Html main, Html bodyAttributes = default, Html script = default) => Html.Of($"""
        {Head(title, site)}
        <body class="govuk-template__body"{bodyAttributes}>
        <a href="#main" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        {header}
        <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main" tabindex="-1">
        {main}
        </main>
        </div>
        <footer class="govuk-footer"><div class="govuk-width-container"><div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{AccessibilityStatement.Path}">Accessibility statement</a></li></ul>
        <p class="govuk-footer__licence-description">IrpFlows runs the inspections of HM Inspectorate of Prisons and HM Inspectorate of Probation.</p>
        </div></div></div></footer>
        {script}</body>
        </html>

        """);

    /// <summary>An establishment's page header: the MOJ header with the crest and the inspectorate's name.</summary>
    public static Html Header(string inspectorate) =>
        MojHeader(Html.Of($"<span class=\"moj-header__link moj-header__link--organisation-name\">{inspectorate}</span>"), Html.Empty);

    /// <summary>A coordinator's page: who is signed in and the sign-out link in the header, the service's navigation beneath.</summary>
    public static Html Page(string title, Person person, Html main) => Frame(title, "IrpFlows", Html.Of($"""
        {MojHeader(Html.Of($"""
            <span class="moj-header__link moj-header__link--organisation-name">HMI Prisons and HMI Probation</span>
            <a class="moj-header__link moj-header__link--service-name" href="/">IrpFlows</a>
            """), Html.Of($"""
            <div class="moj-header__content"><nav class="moj-header__navigation" aria-label="Account">
            <ul class="moj-header__navigation-list">
            <li class="moj-header__navigation-item">Signed in as <strong>{person.Name}</strong></li>
            <li class="moj-header__navigation-item"><a class="moj-header__navigation-link" href="/.auth/logout">Sign out</a></li>
            </ul></nav></div>
            """))}
        <div class="govuk-service-navigation" data-module="govuk-service-navigation"><div class="govuk-width-container"><div class="govuk-service-navigation__container">
        <nav aria-label="Main" class="govuk-service-navigation__wrapper">
        <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="service-navigation" hidden>Menu</button>
        <ul class="govuk-service-navigation__list" id="service-navigation">
        <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/">Programme</a></li>
        <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/irps/new">Start an IRP</a></li>
        </ul></nav></div></div></div>
        """), main);

    private static Html MojHeader(Html names, Html content) => Html.Of($"""
        <header class="moj-header" role="banner"><div class="moj-header__container">
        <div class="moj-header__logo">
        {Crest}
        {names}
        </div>{content}
        </div></header>
        """);

    /// <summary>
    /// The MOJ crest as MOJ Frontend's header template draws it: inline, white, hidden from assistive technology (the names
    /// beside it say who this is). Not an img of its file: MOJ Frontend 11.1.0's <c>images/moj-logotype-crest-2024.svg</c>
    /// fills nothing (its root says <c>fill="none"</c> and its paths no fill of their own), so as an image it draws nothing;
    /// the template never links to it. The paths are the file's, so an upgrade brings its drawing with it.
    /// </summary>
    private static readonly Html Crest = InlineCrest("images/moj-logotype-crest-2024.svg");

    private static Html InlineCrest(string path)
    {
        var file = SiteAssets.Find(path) ?? throw new InvalidOperationException($"No asset {path} is embedded (see Functions.csproj).");
        var svg = XElement.Parse(Encoding.UTF8.GetString(file.Content));
        var paths = svg.Elements(svg.Name.Namespace + "path").Select(p => p.Attribute("d")?.Value).OfType<string>().ToList();
        if (paths.Count == 0 || svg.Attribute("viewBox")?.Value is not { } viewBox)
            throw new InvalidOperationException($"{path} is no longer a drawing of paths in a viewBox: see how MOJ Frontend's header draws the crest now.");
        return Html.Of($"""<svg aria-hidden="true" focusable="false" class="moj-header__logotype-crest" xmlns="http://www.w3.org/2000/svg" viewBox="{viewBox}" width="40" height="40" fill="#ffffff">{paths.Select(d => Html.Of($"<path d=\"{d}\"/>"))}</svg>""");
    }

    public static IResult Result(HttpResponse response, Html page, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static string LongDate(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

    public static string When(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy, HH:mm", English);

    /// <summary>
    /// A message at the top of a page: an error in GOV.UK's error summary (role alert), or a confirmation in a success
    /// notification banner, its text the page's status.
    /// </summary>
    public static Html Message(string? text, bool isError) => text is null ? Html.Empty
        : isError ? ErrorSummary(Html.Of($"<p class=\"govuk-body\">{text}</p>"))
        : Html.Of($"""
            <div class="govuk-notification-banner govuk-notification-banner--success" role="region" aria-labelledby="confirmation-title" data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="confirmation-title">Done</h2></div>
            <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading" role="status">{text}</p></div>
            </div>
            """);

    /// <summary>GOV.UK's error summary, "There is a problem", around <paramref name="body"/>; its script moves focus to it.</summary>
    public static Html ErrorSummary(Html body) => Html.Of($"""
        <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">{body}</div>
        </div></div>
        """);

    /// <summary>
    /// A status as GOV.UK's tag, coloured by what it asks of the reader: done or received green, failed or flagged red,
    /// skipped grey, anything still to come (pending, missing) blue.
    /// </summary>
    public static Html StatusTag(string status, string? text = null) =>
        Html.Of($"<strong class=\"govuk-tag{TagColour(status)}\">{text ?? status}</strong>");

    private static string TagColour(string status) => status switch
    {
        "done" or "received" => " govuk-tag--green",
        "failed" or "flag" => " govuk-tag--red",
        "skipped" => " govuk-tag--grey",
        _ => "",
    };

    /// <summary>One row of GOV.UK's summary list: what it is, and its value (its element given <paramref name="id"/>, if any).</summary>
    public static Html SummaryRow(string key, string value, string? id = null) => Html.Of($"""
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{key}</dt><dd class="govuk-summary-list__value"{(id is null ? Html.Empty : Html.Of($" id=\"{id}\""))}>{value}</dd></div>
        """);

    /// <summary>A line of secondary text under a value (a table cell's time done, a file's size): GOV.UK's hint, small.</summary>
    public static Html Note(string text) => Html.Of($"<p class=\"govuk-hint govuk-!-font-size-16 govuk-!-margin-top-1 govuk-!-margin-bottom-0\">{text}</p>");

    /// <summary>
    /// The attributes that tie field <paramref name="id"/> to its hint (<c>{id}-hint</c>) and its error (<c>{id}-error</c>),
    /// and mark it invalid while it has an error; nothing when it has neither.
    /// </summary>
    public static Html DescribedBy(string id, bool hint, bool error)
    {
        var ids = string.Join(" ", new[] { hint ? id + "-hint" : null, error ? id + "-error" : null }.OfType<string>());
        return ids.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{ids}\"{(error ? Html.Of($" aria-invalid=\"true\"") : Html.Empty)}");
    }

    /// <summary>GOV.UK's hint under field <paramref name="id"/>'s label, as <c>{id}-hint</c> (<see cref="DescribedBy"/>); nothing without one.</summary>
    public static Html FieldHint(string id, string? hint) => hint is null ? Html.Empty
        : Html.Of($"<div class=\"govuk-hint\" id=\"{id}-hint\">{hint}</div>");

    /// <summary>GOV.UK's error message beside field <paramref name="id"/>, as <c>{id}-error</c> (<see cref="DescribedBy"/>); nothing without an error.</summary>
    public static Html FieldError(string id, string? error) => error is null ? Html.Empty
        : Html.Of($"<p class=\"govuk-error-message\" id=\"{id}-error\"><span class=\"govuk-visually-hidden\">Error:</span> {error}</p>");

    /// <summary>The hidden anti-forgery field every form carries.</summary>
    public static Html FormToken(string token) => Html.Of($"<input type=\"hidden\" name=\"{FormTokens.FieldName}\" value=\"{token}\">");
}
