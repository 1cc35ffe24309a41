using IrpFlows.Calendar;
using IrpFlows.Irps;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Letters;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

/// <summary>Real IRPs to render: HMP Elmley (visit 13–15 February 2023, seven recommendations, four Ofsted themes) and an IRC.</summary>
internal static class TestIrps
{
    public static readonly Contact Coordinator = new("Sarah Jones", "sarah.jones@hmiprisons.gov.uk");
    public static readonly Contact Governor = new("David Brown", "governor.elmley@justice.gov.uk");
    public static readonly Contact ImbChair = new("Margaret Hill", "imb.elmley@imb.org.uk");
    public static readonly Contact Liaison = new("Priya Patel", "priya.patel@justice.gov.uk");
    public static readonly Contact HomeOffice = new("Tom Clarke", "detention.compliance@homeoffice.gov.uk");
    public static readonly Contact Hmpps = new("Kate Green", "prison.group.director@justice.gov.uk");
    public static readonly Contact Contractor = new("Serena Cole", "contract.manager@contractor.example");
    public static readonly Contact MinisterialOffice = new("Private Office", "private.office@justice.gov.uk");

    public static readonly IReadOnlyList<Recommendation> ElmleyRecommendations =
    [
        new("1.42", "Behaviour management", "Investigations into incidents of violence should be sufficiently thorough to understand and respond to the causes of violence, ensuring that perpetrators and victims are managed and supported appropriately."),
        new("1.43", "Use of force", "Leaders should make sure that staff routinely switch on body-worn cameras during use of force incidents, and there is proper oversight of documentation."),
        new("1.44", "Governance of safety", "There should be effective oversight of all aspects of safety in the prison. Governance meetings should be well attended, and discussion and action should focus on key priorities in each area informed by good data analysis."),
        new("1.45", "Equality, diversity and faith", "The prison should have a clear strategy to identify and meet the needs of prisoners from all protected characteristic groups, ensuring there is no disproportionate treatment."),
        new("1.46", "Health care", "Staffing levels should be sufficient to ensure that prisoners have timely access to the full range of primary health services and appointments."),
        new("1.51", "Public protection", "Leaders should enforce robust arrangements to protect the public by identifying and managing effectively the risks posed by all high-risk prisoners in custody and before their release."),
        new("1.52", "Interventions", "Prisoners should be able to access appropriate offending behaviour interventions to reduce their risk and progress through their sentence."),
    ];

    public static readonly IReadOnlyList<OfstedTheme> ElmleyThemes =
    [
        new("1.47", "Leaders should take rapid action to address the poor quality of teaching in classroom-based education."),
        new("1.48", "Leaders should make more effective use of data to scrutinise the performance of learners on education courses."),
        new("1.49", "Leaders should make sure that prisoners benefit from a good-quality induction, carried out sensitively."),
        new("1.50", "Leaders should make sure that prisoners with learning difficulties and/or disabilities needs receive appropriate support."),
    ];

    public static IrpFacts Elmley(Contact? liaison = null, bool cqc = false, Nation nation = Nation.England) => new(
        IrpKind.Prison,
        new Establishment("HMP Elmley", EstablishmentType.Adult, nation),
        SourceInspectionEnd: new DateOnly(2022, 3, 4),
        VisitStart: new DateOnly(2023, 2, 13),
        AnnouncementDate: new DateOnly(2022, 11, 21),
        new IrpContacts(Coordinator, Governor, ImbChair, liaison, HomeOffice: null) { Hmpps = Hmpps, MinisterialOffice = MinisterialOffice },
        ElmleyRecommendations,
        ElmleyThemes,
        CqcIssuedNotices: cqc);

    public static IrpFacts Irc(Contact? liaison = null) => new(
        IrpKind.Immigration,
        new Establishment("Harmondsworth IRC", EstablishmentType.Irc, Nation.England),
        SourceInspectionEnd: new DateOnly(2024, 6, 14),
        VisitStart: new DateOnly(2025, 5, 19),
        AnnouncementDate: new DateOnly(2025, 2, 24),
        new IrpContacts(Coordinator, new Contact("Alan Reed", "centre.manager@harmondsworth.example"), ImbChair, liaison, HomeOffice)
        {
            Contractor = Contractor, MinisterialOffice = MinisterialOffice,
        },
        [
            new("C1", "Safety", "Detainees at risk of self-harm were not always identified promptly."),
            new("C2", null, "Too many detainees were held for long periods."),
        ],
        [],
        CqcIssuedNotices: true);

    public static readonly IReadOnlyList<DocumentRequestItem> Documents =
    [
        new("pro-forma", "Manager pro forma for each recommendation", Received: true),
        new("action-plan", "Updated action plan", Received: false),
        new("presentation", "Day 1 presentation", Received: false),
        new("data-request", "Bespoke data request", Received: true),
        new("osag", "OSAG reports", Received: false),
    ];

    public static readonly Uri UploadLink = new("https://irpflows.example/upload/abc123");
    public static readonly Uri FinalReportLink = new("https://irpflows.example/reports/final/1/final.pdf?sig=x");

    public static IrpMailContext Context(
        IrpFacts facts,
        IReadOnlyList<DocumentRequestItem>? documents = null,
        bool withUploadLink = true,
        Uri? draftReportLink = null,
        Uri? factCheckUploadLink = null,
        DateOnly? publishedOn = null,
        Uri? publicationUrl = null,
        string? cancellationReason = null,
        MaterialDestroyedData? destroyed = null,
        string instanceId = "irp-elmley-2023",
        int visitReschedules = 0,
        MailAttachment? debriefDocument = null,
        bool finalReportSent = false)
    {
        var start = facts.VisitStart;
        var dates = new Dictionary<string, DateOnly>
        {
            ["visit-start"] = start,
            ["visit-end"] = start.AddDays(2),
            ["documents-deadline"] = start.AddDays(-7),
            ["fact-check-deadline"] = start.AddDays(30),
            ["publication-deadline"] = start.AddDays(37),
            ["material-destruction"] = start.AddDays(50),
        };
        return new IrpMailContext(
            instanceId, facts, dates, visitReschedules, documents ?? Documents, withUploadLink ? UploadLink : null,
            draftReportLink, factCheckUploadLink, publishedOn, publicationUrl, cancellationReason, destroyed)
        {
            DebriefDocument = debriefDocument ?? TeamsDebriefDocument,
            FinalReportLink = FinalReportLink,
            FinalReportSent = finalReportSent,
        };
    }

    /// <summary>The team's debrief document, as the coordinator uploaded it.</summary>
    public static readonly MailAttachment TeamsDebriefDocument = new("HMP Elmley debrief document.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", BinaryData.FromString("PK debrief document"));
}
