using System.Text.Json.Nodes;
using IrpFlows.Tests.Judgements;

namespace IrpFlows.Tests.Support;

/// <summary>
/// Bodies for <c>POST /api/irps</c>, all with the same people. By default dated after <see cref="IrpFlowsApp.MondayMorning"/>:
/// announced Monday 23 November 2026, visit Monday 15 – Wednesday 17 February 2027 (documents due Monday 8 February 2027,
/// debrief at 16:00 on the last day).
/// </summary>
public static class IrpRequests
{
    public const string CoordinatorEmail = "coordinator@justiceinspectorates.gov.uk";
    public const string GovernorEmail = "governor@justice.gov.uk";
    public const string ImbChairEmail = "imb.chair@imb.org.uk";
    public const string LiaisonEmail = "liaison@justice.gov.uk";
    public const string HomeOfficeEmail = "detention.engagement@homeoffice.gov.uk";
    public const string HmppsEmail = "prison.group.director@justice.gov.uk";
    public const string ContractorEmail = "contract.manager@contractor.example";
    public const string MinisterialOfficeEmail = "private.office@justice.gov.uk";

    /// <summary>
    /// <paramref name="request"/> with the contacts that receive the debrief document (HMPPS, or the IRC's contractor) and the
    /// final report (the ministerial office), so that every step of the guide has someone to send to.
    /// </summary>
    public static JsonObject WithReportContacts(this JsonObject request)
    {
        var contacts = request["contacts"]!.AsObject();
        if (request["kind"]!.GetValue<string>() == "immigration") contacts["contractor"] = Contact("Serena Cole", ContractorEmail);
        else contacts["hmpps"] = Contact("Kate Green", HmppsEmail);
        contacts["ministerialOffice"] = Contact("Private Office", MinisterialOfficeEmail);
        return request;
    }

    /// <summary>The visit has begun: 09:00 UTC on Monday 15 February 2027, from when its judgements may be recorded.</summary>
    public static readonly DateTimeOffset VisitFirstMorning = new(2027, 2, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The debrief is over: 17:00 UTC on Wednesday 17 February 2027.</summary>
    public static readonly DateTimeOffset AfterDebrief = new(2027, 2, 17, 17, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A prison IRP with HMP Elmley's seven published recommendations and four Ofsted themes, its governor and IMB chair
    /// (and, with <paramref name="liaisonOfficer"/>, its liaison officer) as contacts.
    /// </summary>
    public static JsonObject Elmley(string name = "HMP Elmley", string sourceInspectionEnd = "2026-03-20",
        string announcementDate = "2026-11-23", string visitStart = "2027-02-15", bool liaisonOfficer = false)
    {
        var contacts = new JsonObject
        {
            ["coordinator"] = Contact("Cora Ordinator", CoordinatorEmail),
            ["governor"] = Contact("Grace Governor", GovernorEmail),
            ["imbChair"] = Contact("Ian Chair", ImbChairEmail),
        };
        if (liaisonOfficer) contacts["liaisonOfficer"] = Contact("Lia Officer", LiaisonEmail);
        return new JsonObject
        {
            ["kind"] = "prison",
            ["establishment"] = new JsonObject { ["name"] = name, ["type"] = "adult", ["nation"] = "england" },
            ["sourceInspectionEnd"] = sourceInspectionEnd,
            ["visitStart"] = visitStart,
            ["announcementDate"] = announcementDate,
            ["contacts"] = contacts,
            ["recommendations"] = new JsonArray(PublishedReports.ElmleyRecommendations
                .Select(r => (JsonNode)new JsonObject { ["ref"] = r.Recommendation.Ref, ["area"] = "Safety", ["text"] = r.Recommendation.Text }).ToArray()),
            ["ofstedThemes"] = new JsonArray(PublishedReports.ElmleyThemes
                .Select(t => (JsonNode)new JsonObject { ["ref"] = t.Theme.Ref, ["text"] = t.Theme.Text }).ToArray()),
        };
    }

    /// <summary>Monday 28 November 2022, 08:00 UTC: a clock start before <see cref="ElmleyIn2023"/>'s announcement.</summary>
    public static readonly DateTimeOffset ElmleyIn2023AnnouncementMorning = new(2022, 11, 28, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <see cref="Elmley"/> on the dates of its real IRP: announced Monday 28 November 2022, documents requested Monday
    /// 5 December 2022 and due Monday 6 February 2023, visit 13–15 February 2023.
    /// </summary>
    public static JsonObject ElmleyIn2023(string name = "HMP Elmley") =>
        Elmley(name, sourceInspectionEnd: "2022-03-18", announcementDate: "2022-11-28", visitStart: "2023-02-13");

    /// <summary>HMP Hull's visit has begun: 09:00 UTC on Monday 14 March 2022.</summary>
    public static readonly DateTimeOffset HullVisitFirstMorning = new(2022, 3, 14, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Tuesday 4 January 2022, 08:00 UTC: a clock start before <see cref="HullIn2022"/>'s announcement.</summary>
    public static readonly DateTimeOffset HullIn2022AnnouncementMorning = new(2022, 1, 4, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// HMP Hull's IRP on its real dates (visit 14–16 March 2022, after the inspection of July 2021, announced Tuesday 4 January
    /// 2022) with its nine published recommendations, 1.34 given as its two parts 1.34a and 1.34b, and its three Ofsted themes.
    /// </summary>
    public static JsonObject HullIn2022() => new()
    {
        ["kind"] = "prison",
        ["establishment"] = new JsonObject { ["name"] = "HMP Hull", ["type"] = "adult", ["nation"] = "england" },
        ["sourceInspectionEnd"] = "2021-07-09",
        ["visitStart"] = "2022-03-14",
        ["announcementDate"] = "2022-01-04",
        ["contacts"] = new JsonObject
        {
            ["coordinator"] = Contact("Cora Ordinator", CoordinatorEmail),
            ["governor"] = Contact("Grace Governor", GovernorEmail),
            ["imbChair"] = Contact("Ian Chair", ImbChairEmail),
        },
        ["recommendations"] = new JsonArray(PublishedReports.HullRecommendations.Select(r => (JsonNode)(r.Parts.Count == 0
            ? new JsonObject { ["ref"] = r.Recommendation.Ref, ["text"] = r.Recommendation.Text }
            : new JsonObject
            {
                ["ref"] = r.Recommendation.Ref,
                ["area"] = r.Recommendation.Area,
                ["parts"] = new JsonArray(r.Parts.Select(p => (JsonNode)new JsonObject { ["ref"] = p.Part.Ref, ["text"] = p.Part.Text }).ToArray()),
            })).ToArray()),
        ["ofstedThemes"] = new JsonArray(PublishedReports.HullThemes
            .Select(t => (JsonNode)new JsonObject { ["ref"] = t.Theme.Ref, ["text"] = t.Theme.Text }).ToArray()),
    };

    /// <summary>An immigration removal centre with two concerns and no Ofsted themes, on the default dates.</summary>
    public static JsonObject Irc() => new()
    {
        ["kind"] = "immigration",
        ["establishment"] = new JsonObject { ["name"] = "Harmondsworth IRC", ["type"] = "irc", ["nation"] = "england" },
        ["sourceInspectionEnd"] = "2026-03-20",
        ["visitStart"] = "2027-02-15",
        ["announcementDate"] = "2026-11-23",
        ["contacts"] = new JsonObject
        {
            ["coordinator"] = Contact("Cora Ordinator", CoordinatorEmail),
            ["governor"] = Contact("Chris Manager", GovernorEmail),
            ["imbChair"] = Contact("Ian Chair", ImbChairEmail),
            ["liaisonOfficer"] = Contact("Lia Officer", LiaisonEmail),
            ["homeOffice"] = Contact("Home Office", HomeOfficeEmail),
        },
        ["recommendations"] = new JsonArray(
            new JsonObject { ["ref"] = "C1", ["area"] = "Safety", ["text"] = "Detained people should feel safe." },
            new JsonObject { ["ref"] = "C2", ["area"] = "Care", ["text"] = "Detained people should have timely health care." }),
        ["ofstedThemes"] = new JsonArray(),
    };

    public static JsonObject Contact(string name, string email) => new() { ["name"] = name, ["email"] = email };
}
