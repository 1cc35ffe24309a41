using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IrpFlows.Workflow;

/// <summary>How every workflow kind writes the data of its events (and the API reads bodies): web JSON, enums as camelCase strings.</summary>
public static class EventData
{
    /// <summary>
    /// Ready to read contracts from its first use: TextRules walks a request's contract (GetTypeInfo) before anything is
    /// serialized, which only a first (de)serialization would otherwise prepare, so a fresh app's first page form answered 500.
    /// </summary>
    public static readonly JsonSerializerOptions Json = ReadOnly(new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    });

    public static JsonObject ToData<T>(T payload) => JsonSerializer.SerializeToNode(payload, Json)!.AsObject();

    public static T FromData<T>(JsonObject data) => data.Deserialize<T>(Json)!;

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
