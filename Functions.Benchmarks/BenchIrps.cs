using System.Globalization;
using System.Text.Json.Nodes;

namespace IrpFlows.Benchmarks;

/// <summary>The IRP every scenario starts: an adult prison in England, seven recommendations and one Ofsted theme.</summary>
internal static class BenchIrps
{
    /// <summary>Signs the upload links in the documents emails; any value of 32+ characters will do for a benchmark.</summary>
    public const string UploadSigningKey = "benchmark-upload-signing-key-0123456789";

    /// <summary>
    /// Monday 2 November 2026, 08:00 UTC (GMT in London): where every app's development clock starts, an hour before the
    /// 09:00 step time of an IRP announced that day.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(ClockStart.UtcDateTime);

    /// <summary>
    /// <c>POST /api/irps</c> for a prison IRP announced on <paramref name="announcement"/>, its visit twelve weeks later (a
    /// Monday when the announcement is), with a liaison officer already appointed unless <paramref name="liaisonOfficer"/> is false.
    /// IRPs of one app need their own <paramref name="establishment"/>: the app refuses a second IRP visiting one establishment within 90 days.
    /// </summary>
    public static JsonObject Prison(DateOnly announcement, bool liaisonOfficer = true, string establishment = "HMP Benchmark")
    {
        var contacts = new JsonObject
        {
            ["coordinator"] = Contact("Sam Inspector", "sam.inspector@hmiprisons.example"),
            ["governor"] = Contact("Alex Governor", "governor.benchmark@justice.example"),
            ["imbChair"] = Contact("Jo Chair", "imb.benchmark@imb.example"),
        };
        if (liaisonOfficer) contacts["liaisonOfficer"] = Contact("Lee Liaison", "liaison.benchmark@justice.example");
        return new JsonObject
        {
            ["kind"] = "prison",
            ["establishment"] = new JsonObject { ["name"] = establishment, ["type"] = "adult", ["nation"] = "england" },
            ["sourceInspectionEnd"] = Date(announcement.AddMonths(-8)),
            ["visitStart"] = Date(VisitStart(announcement)),
            ["announcementDate"] = Date(announcement),
            ["contacts"] = contacts,
            ["recommendations"] = new JsonArray(Enumerable.Range(1, 7).Select(i => (JsonNode)new JsonObject
            {
                ["ref"] = $"R{i}", ["area"] = "Safety", ["text"] = $"Recommendation {i}: prisoners should be kept safe.",
            }).ToArray()),
            ["ofstedThemes"] = new JsonArray(new JsonObject { ["ref"] = "T1", ["text"] = "Attendance at education, skills and work activities." }),
        };
    }

    public static DateOnly VisitStart(DateOnly announcement) => announcement.AddDays(7 * 12);

    public static JsonObject Contact(string name, string email) => new() { ["name"] = name, ["email"] = email };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One step of a timeline (<c>timeline</c> of an IRP or a preview).</summary>
    public static JsonObject Step(JsonArray timeline, string stepId) =>
        timeline.Select(s => s!.AsObject()).Single(s => s["id"]!.GetValue<string>() == stepId);

    public static string Status(JsonObject step) => step["status"]!.GetValue<string>();

    public static DateTimeOffset Due(JsonObject step) => step["due"]!.GetValue<DateTimeOffset>();
}
