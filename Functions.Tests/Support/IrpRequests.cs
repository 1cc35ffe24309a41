using System.Text.Json.Nodes;
using IrpFlows.Tests.Judgements;

namespace IrpFlows.Tests.Support;

/// <summary>Bodies for <c>POST /api/irps</c>: HMP Elmley's real recommendations and themes on dates after the test clock's start.</summary>
public static class IrpRequests
{
    /// <summary>
    /// A prison IRP announced Monday 23 November 2026 for a visit Monday 15 – Wednesday 17 February 2027
    /// (documents due Monday 8 February 2027), with Elmley's seven recommendations and four Ofsted themes.
    /// </summary>
    public static JsonObject Elmley(string announcementDate = "2026-11-23", string visitStart = "2027-02-15") => new()
    {
        ["kind"] = "prison",
        ["establishment"] = new JsonObject { ["name"] = "HMP Elmley", ["type"] = "adult", ["nation"] = "england" },
        ["sourceInspectionEnd"] = "2026-03-20",
        ["visitStart"] = visitStart,
        ["announcementDate"] = announcementDate,
        ["contacts"] = new JsonObject
        {
            ["coordinator"] = Contact("Sam Inspector", "sam.inspector@hmiprisons.example"),
            ["governor"] = Contact("Alex Governor", "governor.elmley@justice.example"),
            ["imbChair"] = Contact("Jo Chair", "imb.elmley@imb.example"),
        },
        ["recommendations"] = new JsonArray(PublishedReports.ElmleyRecommendations
            .Select(r => (JsonNode)new JsonObject { ["ref"] = r.Recommendation.Ref, ["area"] = "Safety", ["text"] = r.Recommendation.Text }).ToArray()),
        ["ofstedThemes"] = new JsonArray(PublishedReports.ElmleyThemes
            .Select(t => (JsonNode)new JsonObject { ["ref"] = t.Theme.Ref, ["text"] = t.Theme.Text }).ToArray()),
    };

    public static JsonObject Contact(string name, string email) => new() { ["name"] = name, ["email"] = email };
}
