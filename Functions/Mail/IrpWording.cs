using System.Globalization;
using IrpFlows.Timeline;

namespace IrpFlows.Mail;

/// <summary>The words that change between a prison IRP and an immigration removal centre IRP, and how dates are written.</summary>
internal sealed class IrpWording(IrpFacts facts)
{
    public bool IsImmigration => facts.Kind == IrpKind.Immigration;

    public string Establishment => facts.Establishment.Name;

    /// <summary>"recommendation" (prison guide) or "concern" (IRC guide).</summary>
    public string Item => IsImmigration ? "concern" : "recommendation";

    public string Items => Item + "s";

    /// <summary>"Recommendation" or "Concern", as a heading or column title.</summary>
    public string ItemTitle => IsImmigration ? "Concern" : "Recommendation";

    /// <summary>Who inspects a prison's education and judges its themes: "Ofsted", or "Estyn" in Wales (prison guide 5.2, 5.3).</summary>
    public EducationInspectorate EducationInspectorate => IrpPartners.EducationInspectorate(facts.Establishment.Nation);

    /// <summary>The head of the establishment: governor (prison) or centre manager (IRC).</summary>
    public string Head => IsImmigration ? "centre manager" : "governor";

    public string SubjectPrefix => "Independent review of progress at " + Establishment;

    /// <summary>Who receives the final report (prison guide 14.1, IRC guide 5.1).</summary>
    public string ReportRecipients => IsImmigration ? "the Home Secretary and the Minister" : "the Secretary of State for Justice";

    /// <summary>"Monday 13 February 2023".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"13 to 15 February 2023", "30 January to 1 February 2023", "30 December 2024 to 1 January 2025".</summary>
    public static string ShortRange(DateOnly first, DateOnly last)
    {
        if (first.Year != last.Year)
        {
            return Format(first, "d MMMM yyyy") + " to " + Format(last, "d MMMM yyyy");
        }
        return first.Month == last.Month
            ? Format(first, "%d") + " to " + Format(last, "d MMMM yyyy")
            : Format(first, "d MMMM") + " to " + Format(last, "d MMMM yyyy");
    }

    /// <summary>"Monday 13 February 2023 to Wednesday 15 February 2023".</summary>
    public static string LongRange(DateOnly first, DateOnly last) => LongDate(first) + " to " + LongDate(last);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static string Format(DateOnly date, string pattern) => date.ToString(pattern, CultureInfo.InvariantCulture);
}
