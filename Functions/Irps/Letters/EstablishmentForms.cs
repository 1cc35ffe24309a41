using System.Text;
using IrpFlows.Irps.Facts;
using IrpFlows.Mail;

namespace IrpFlows.Irps.Letters;

/// <summary>
/// The forms HMI Prisons supplies with the documents request (prison guide 7.3, IRC guide 2.7): the manager pro forma and
/// the bespoke data request, each one row per item judged (a recommendation, or each part of one in parts), as CSV that
/// opens in a spreadsheet. Every cell is quoted, and one starting like a formula is prefixed with an apostrophe, so
/// text from the request can never run as a formula.
/// </summary>
internal static class EstablishmentForms
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>"complete a proforma to identify a manager responsible for each of the recommendations" (prison guide 7.3).</summary>
    public static MailAttachment ManagerProForma(IrpFacts facts, IrpWording w, string slug) => Csv(
        $"manager-pro-forma-{slug}.csv",
        ["Ref", "Area", w.ItemTitle, "Responsible manager", "Job title", "Email address"],
        Rows(facts).Select(r => new[] { r.Ref, r.Area, r.Text, "", "", "" }));

    /// <summary>"complete a bespoke data request, which HMI Prisons will supply" (prison guide 7.3, IRC guide 2.7).</summary>
    public static MailAttachment DataRequest(IrpFacts facts, IrpWording w, string slug) => Csv(
        $"data-request-{slug}.csv",
        ["Ref", "Area", w.ItemTitle, "Inspector", "Data showing progress since the inspection", "Period covered", "File name if uploaded separately"],
        Rows(facts).Select(r => new[] { r.Ref, r.Area, r.Text, r.Inspector, "", "", "" }));

    private static IEnumerable<(string Ref, string Area, string Text, string Inspector)> Rows(IrpFacts facts) =>
        facts.Recommendations.SelectMany(r => r.Parts.Count == 0
            ? [(r.Ref, r.Area ?? "", r.Text, r.Inspector ?? "")]
            : r.Parts.Select(p => (p.Ref, r.Area ?? "", p.Text, r.Inspector ?? "")));

    private static MailAttachment Csv(string fileName, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder("\uFEFF"); // a byte order mark, so spreadsheets read the file as UTF-8
        foreach (var row in rows.Prepend(header.ToArray()))
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return new MailAttachment(fileName, ContentType, BinaryData.FromString(csv.ToString()));
    }

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
