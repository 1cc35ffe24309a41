using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IrpFlows.Tests.Judgements;
using IrpFlows.Tests.Mail;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// IRPs to drive through the after-the-visit API, dated after <see cref="Support.IrpFlowsHost.ClockStart"/>: announced Monday
/// 23 Nov 2026, visit Mon 15 – Wed 17 Feb 2027 (debrief 16:00), with HMP Elmley's recommendations and Ofsted themes.
/// </summary>
internal static partial class PostVisitIrps
{
    public const string GovernorEmail = "governor@justice.gov.uk";
    public const string CoordinatorEmail = "coordinator@justiceinspectorates.gov.uk";
    public const string ImbChairEmail = "imb.chair@imb.org.uk";
    public const string LiaisonEmail = "liaison@justice.gov.uk";
    public const string HomeOfficeEmail = "detention.engagement@homeoffice.gov.uk";

    /// <summary>The debrief is over: 17:00 UTC on Wednesday 17 Feb 2027.</summary>
    public const string AfterDebrief = "2027-02-17T17:00:00Z";

    /// <summary>Elmley's recommendations and themes re-run as a prison IRP in 2027.</summary>
    public static object Elmley() => new
    {
        kind = "prison",
        establishment = new { name = "HMP Elmley", type = "adult", nation = "england" },
        sourceInspectionEnd = "2026-04-17",
        visitStart = "2027-02-15",
        announcementDate = "2026-11-23",
        contacts = new
        {
            coordinator = new { name = "Cora Ordinator", email = CoordinatorEmail },
            governor = new { name = "Grace Governor", email = GovernorEmail },
            imbChair = new { name = "Ian Chair", email = ImbChairEmail },
            liaisonOfficer = new { name = "Lia Officer", email = LiaisonEmail },
        },
        recommendations = PublishedReports.ElmleyRecommendations
            .Select(r => new { @ref = r.Recommendation.Ref, area = (string?)null, text = r.Recommendation.Text }).ToList(),
        ofstedThemes = PublishedReports.ElmleyThemes.Select(t => new { @ref = t.Theme.Ref, text = t.Theme.Text }).ToList(),
    };

    /// <summary>An immigration removal centre with two concerns and no Ofsted themes, on the same dates.</summary>
    public static object Irc() => new
    {
        kind = "immigration",
        establishment = new { name = "Harmondsworth IRC", type = "irc", nation = "england" },
        sourceInspectionEnd = "2026-04-17",
        visitStart = "2027-02-15",
        announcementDate = "2026-11-23",
        contacts = new
        {
            coordinator = new { name = "Cora Ordinator", email = CoordinatorEmail },
            governor = new { name = "Chris Manager", email = GovernorEmail },
            imbChair = new { name = "Ian Chair", email = ImbChairEmail },
            liaisonOfficer = new { name = "Lia Officer", email = LiaisonEmail },
            homeOffice = new { name = "Home Office", email = HomeOfficeEmail },
        },
        recommendations = new[]
        {
            new { @ref = "C1", area = "Safety", text = "Detained people should feel safe." },
            new { @ref = "C2", area = "Care", text = "Detained people should have timely health care." },
        },
        ofstedThemes = Array.Empty<object>(),
    };

    /// <summary>Bytes that look like a small PDF, distinct per <paramref name="label"/>.</summary>
    public static byte[] Pdf(string label) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {label}\n%%EOF\n");

    /// <summary>The plain-text part of a raw MIME message, decoded, with line breaks and runs of spaces as single spaces.</summary>
    public static string PlainText(string rawMessage) => Whitespace().Replace(FindPlain(MimeTestParser.Parse(rawMessage))
        ?? throw new Xunit.Sdk.XunitException("The email has no text/plain part."), " ");

    public static IReadOnlyList<string> Addresses(JsonElement email, string field) =>
        email.GetProperty(field).EnumerateArray().Select(a => a.GetString()!).Order().ToList();

    /// <summary>The first http(s) link in a text that contains <paramref name="fragment"/>.</summary>
    public static Uri Link(string text, string fragment) =>
        new(LinkPattern().Matches(text).Select(m => m.Value).First(v => v.Contains(fragment, StringComparison.Ordinal)));

    private static string? FindPlain(MimeTestParser part) =>
        part.Boundary is not null
            ? part.Parts.Select(FindPlain).FirstOrDefault(t => t is not null)
            : (part.Header("Content-Type") ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) ? part.DecodedText() : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
