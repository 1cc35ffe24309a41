using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Timeline;

/// <summary>Facts of real IRPs (from the published reports) and variations of them.</summary>
internal static class IrpExamples
{
    private static readonly IrpContacts Contacts = new(
        new Contact("Coordinator", "coordinator@justiceinspectorates.gov.uk"),
        new Contact("Governor", "governor@justice.gov.uk"),
        new Contact("IMB Chair", "imb.chair@imb.org.uk"),
        LiaisonOfficer: null,
        HomeOffice: null);

    /// <summary>HMP Elmley: visit Mon 13 – Wed 15 Feb 2023, seven recommendations and four Ofsted themes.</summary>
    public static IrpFacts Elmley(DateOnly? visitStart = null, DateOnly? announcement = null) => new(
        IrpKind.Prison,
        new Establishment("HMP Elmley", EstablishmentType.Adult, Nation.England),
        SourceInspectionEnd: new DateOnly(2022, 3, 18),
        VisitStart: visitStart ?? new DateOnly(2023, 2, 13),
        AnnouncementDate: announcement ?? new DateOnly(2022, 11, 28),
        Contacts,
        Enumerable.Range(1, 7).Select(i => new Recommendation($"1.{i}", "Safety", $"Recommendation {i}")).ToList(),
        Enumerable.Range(1, 4).Select(i => new OfstedTheme($"T{i}", $"Theme {i}")).ToList());

    /// <summary>HMP Hull: visit 14–16 Mar 2022, nine recommendations and three Ofsted themes.</summary>
    public static IrpFacts Hull() => Elmley(new DateOnly(2022, 3, 14), new DateOnly(2022, 1, 4)) with
    {
        Establishment = new Establishment("HMP Hull", EstablishmentType.Adult, Nation.England),
        SourceInspectionEnd = new DateOnly(2021, 5, 28),
    };

    /// <summary>The facts with an HMPPS contact, who receives the debrief document (prison guide 13.1).</summary>
    public static IrpFacts WithHmpps(IrpFacts facts) =>
        facts with { Contacts = facts.Contacts with { Hmpps = new Contact("Prison Group Director", "pgd@justice.gov.uk") } };

    /// <summary>The facts with a ministerial office contact, which receives the final report (prison guide 14.1, IRC guide 5.1).</summary>
    public static IrpFacts WithMinisterialOffice(IrpFacts facts) =>
        facts with { Contacts = facts.Contacts with { MinisterialOffice = new Contact("Private Office", "private.office@justice.gov.uk") } };

    /// <summary>HMP Parc, a prison in Wales, on Elmley's dates, with <paramref name="themes"/> Estyn themes.</summary>
    public static IrpFacts Welsh(int themes) => Elmley() with
    {
        Establishment = new Establishment("HMP Parc", EstablishmentType.Adult, Nation.Wales),
        OfstedThemes = Enumerable.Range(1, themes).Select(i => new OfstedTheme($"T{i}", $"Theme {i}")).ToList(),
    };

    /// <summary>An immigration removal centre whose visit starts Monday 1 Sep 2025, a week after the summer bank holiday.</summary>
    public static IrpFacts Irc() => new(
        IrpKind.Immigration,
        new Establishment("Harmondsworth IRC", EstablishmentType.Irc, Nation.England),
        SourceInspectionEnd: new DateOnly(2024, 11, 22),
        VisitStart: new DateOnly(2025, 9, 1),
        AnnouncementDate: new DateOnly(2025, 6, 2),
        Contacts with { HomeOffice = new Contact("Home Office", "detention.engagement@homeoffice.gov.uk") },
        [new Recommendation("C1", null, "Concern 1")],
        []);
}
