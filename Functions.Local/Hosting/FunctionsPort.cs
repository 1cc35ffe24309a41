namespace IrpFlows.Local.Hosting;

/// <summary>
/// Where the local host listens: <c>--urls</c> / <c>ASPNETCORE_URLS</c> when given, else the Functions default
/// http://localhost:7071. Links in emails point there too, unless the setting <c>PublicBaseUrl</c> says otherwise.
/// </summary>
public static class FunctionsPort
{
    public const int LocalDefaultPort = 7071;
    public const string PublicBaseUrlSetting = "PublicBaseUrl";

    /// <summary>Listens where asked (7071 by default) and, when <c>PublicBaseUrl</c> is empty, makes it that address.</summary>
    public static void UseFunctionsPort(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = $"http://localhost:{LocalDefaultPort}";
            builder.WebHost.UseUrls(urls);
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration[PublicBaseUrlSetting]))
            builder.Configuration[PublicBaseUrlSetting] = PublicAddress(urls);
    }

    /// <summary>The first listening address as a browser would use it: a wildcard host ("*", "+", "0.0.0.0", "[::]") is localhost.</summary>
    internal static string PublicAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var wildcard = System.Text.RegularExpressions.Regex.Match(first, @"^(?<scheme>https?)://(\*|\+|0\.0\.0\.0|\[::\])(?<rest>(:\d+)?.*)$");
        return wildcard.Success ? $"{wildcard.Groups["scheme"].Value}://localhost{wildcard.Groups["rest"].Value}" : first;
    }
}
