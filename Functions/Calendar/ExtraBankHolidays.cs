using System.Globalization;
using System.Text.Json;

namespace IrpFlows.Calendar;

/// <summary>
/// Reads bank holidays from JSON in the shape gov.uk publishes at https://www.gov.uk/bank-holidays.json
/// (only the <c>england-and-wales</c> division is read), so new holidays need no code change.
/// </summary>
internal static class ExtraBankHolidays
{
    private const string Division = "england-and-wales";

    /// <exception cref="FormatException">The JSON is malformed or an event lacks a title or a yyyy-MM-dd date;
    /// the message names <paramref name="source"/> and the event.</exception>
    public static IReadOnlyList<(DateOnly Date, string Name)> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Extra bank holidays {source} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(Division, out var division)
                || division.ValueKind != JsonValueKind.Object
                || !division.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException(
                    $"Extra bank holidays {source} must have the gov.uk shape {{\"{Division}\":{{\"events\":[{{\"title\":…,\"date\":\"yyyy-MM-dd\"}}]}}}}.");
            }

            var result = new List<(DateOnly, string)>();
            var index = 0;
            foreach (var entry in events.EnumerateArray())
            {
                result.Add(ReadEvent(entry, $"{source}, {Division}.events[{index}]"));
                index++;
            }

            return result;
        }
    }

    private static (DateOnly, string) ReadEvent(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Extra bank holidays {where} must be an object with a title and a date.");
        }

        var title = entry.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new FormatException($"Extra bank holidays {where} has no title.");
        }

        var text = entry.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Extra bank holidays {where} ('{title}') has date '{text}', which is not a date in the form yyyy-MM-dd.");
        }

        return (date, title);
    }
}
