using IrpFlows.Pages;

namespace IrpFlows.Documents;

/// <summary>
/// The frame of the pages behind the links emailed to establishments and providers (documents upload, fact-check comments,
/// a link that does not work): the head with the stylesheet, a banner naming the inspectorate, and main. The stylesheet is
/// <c>upload.css</c>, embedded in the assembly, read once and inlined: the pages load no stylesheet or script from anywhere.
/// </summary>
public static class UploadPageLayout
{
    public const string PrisonsInspectorate = "HM Inspectorate of Prisons";

    // This app's own file, inlined as it is.
    private static readonly Html Css = Html.Trusted(Resource("upload.css"));

    /// <summary>A whole page, titled "<paramref name="title"/> – <paramref name="inspectorate"/>".</summary>
    /// <param name="bodyAttributes">Attributes of the body element, each with its leading space; empty for none.</param>
    /// <param name="script">What follows main, ending with a line break: the upload page's script, with the page's CSP nonce; empty for none.</param>
    public static Html Page(string title, string inspectorate, Html main, Html bodyAttributes = default, Html script = default) => Html.Of($"""
        {PageLayout.Head(title, inspectorate, Css)}
        <body{bodyAttributes}>
        <header class="banner"><p>{inspectorate}</p></header>
        <main>
        {main}
        </main>
        {script}</body>
        </html>

        """);

    /// <summary>One file received, as the pages list it: its name, size and when it arrived (in <paramref name="zone"/>).</summary>
    public static Html ReceivedFile(string name, long size, DateTimeOffset receivedAt, TimeZoneInfo zone) =>
        Html.Of($"<li><span class=\"name\">{name}</span> <span class=\"meta\">{UploadRules.Describe(size)}, received {PageLayout.When(receivedAt, zone)}</span></li>\n");

    /// <summary>A file embedded under <c>Documents/</c> (see Functions.csproj), for the static field that keeps it.</summary>
    internal static string Resource(string fileName)
    {
        using var stream = typeof(UploadPageLayout).Assembly.GetManifestResourceStream($"{typeof(UploadPageLayout).Namespace}.{fileName}")
            ?? throw new InvalidOperationException($"{fileName} is not embedded in {typeof(UploadPageLayout).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd();
    }
}
