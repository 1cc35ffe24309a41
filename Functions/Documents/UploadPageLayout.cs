using IrpFlows.Pages;

namespace IrpFlows.Documents;

/// <summary>
/// The frame of the pages behind the links emailed to establishments and providers (documents upload, fact-check comments,
/// a link that does not work): the GOV.UK page template with the MOJ header naming the inspectorate (<see cref="PageLayout.Frame"/>).
/// </summary>
public static class UploadPageLayout
{
    public const string PrisonsInspectorate = "HM Inspectorate of Prisons";

    /// <summary>A whole page, titled "<paramref name="title"/> – <paramref name="inspectorate"/>".</summary>
    /// <param name="bodyAttributes">Attributes of the body element, each with its leading space; empty for none.</param>
    /// <param name="script">What follows the footer, ending with a line break: the upload page's script; empty for none.</param>
    public static Html Page(string title, string inspectorate, Html main, Html bodyAttributes = default, Html script = default) =>
        PageLayout.Frame(title, inspectorate, PageLayout.Header(inspectorate), main, bodyAttributes, script);

    /// <summary>One file received, as the pages list it: its name, size and when it arrived (in <paramref name="zone"/>).</summary>
    public static Html ReceivedFile(string name, long size, DateTimeOffset receivedAt, TimeZoneInfo zone) =>
        Html.Of($"<li><span class=\"name\">{name}</span> <span class=\"meta govuk-hint\">{UploadRules.Describe(size)}, received {PageLayout.When(receivedAt, zone)}</span></li>\n");
}
