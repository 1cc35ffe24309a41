using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IrpFlows.Workflow;

/// <summary>How every workflow kind writes the data of its events (and the API reads bodies): web JSON, enums as camelCase strings.</summary>
public static class EventData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonObject ToData<T>(T payload) => JsonSerializer.SerializeToNode(payload, Json)!.AsObject();

    public static T FromData<T>(JsonObject data) => data.Deserialize<T>(Json)!;
}
