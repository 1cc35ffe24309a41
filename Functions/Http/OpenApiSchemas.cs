using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace IrpFlows.Http;

/// <summary>
/// The schemas of an OpenAPI document's JSON bodies, generated from their .NET types by System.Text.Json's
/// <see cref="JsonSchemaExporter"/> with the app's JSON conventions, and read into the document with Microsoft.OpenApi's
/// own reader. Every object type becomes one schema in the document's components, named after the type (two body types
/// may not share a name) and referenced wherever it appears.
/// </summary>
internal sealed class OpenApiSchemas(OpenApiDocument document)
{
    // The functions read bodies with EventData.Json and write them with ASP.NET Core's JSON options, which ServiceRegistration
    // sets alike: Web defaults (camelCase names), enums as camelCase strings. Numbers are documented as the app writes them,
    // as numbers, though it also reads quoted ones.
    private static readonly JsonSerializerOptions Conventions = new(EventData.Json)
    {
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private readonly Dictionary<string, Type> _components = [];

    /// <summary>The schema of a body of <paramref name="type"/>; for an object type, a reference to its component.</summary>
    public IOpenApiSchema For(Type type)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Conventions, type,
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = ToComponent });
        return schema["$ref"] is null ? Read(schema) : new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>
    /// Adds a text property's <see cref="TextAttribute"/> as <c>maxLength</c> and <c>pattern</c>, and a list's
    /// <see cref="ItemsAttribute"/> as <c>maxItems</c>. Puts an object type's schema
    /// in the components and refers to it there, keeping the nullability of the place it is
    /// used. The exporter calls this for the innermost schemas first, so a type's properties already refer to theirs.
    /// </summary>
    private JsonNode ToComponent(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(TextAttribute), inherit: false) is [TextAttribute text, ..]
            && schema is JsonObject property)
        {
            property["maxLength"] = text.MaxLength;
            property["pattern"] = text.Pattern;
        }
        if (context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ItemsAttribute), inherit: false) is [ItemsAttribute items, ..]
            && schema is JsonObject list)
        {
            list["maxItems"] = items.MaxItems;
        }
        if (context.TypeInfo.Kind != JsonTypeInfoKind.Object) return schema;
        var nullable = schema["type"] is JsonArray types && types.Any(t => (string?)t == "null");
        // The exporter describes a type that repeats within one tree by a reference to its first place in that tree:
        // that place now refers to the component, so this one does too.
        if (schema["$ref"] is null) Register(context.TypeInfo, schema.AsObject());
        var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + context.TypeInfo.Type.Name };
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
    }

    private void Register(JsonTypeInfo typeInfo, JsonObject schema)
    {
        var (type, name) = (typeInfo.Type, typeInfo.Type.Name);
        if (_components.TryGetValue(name, out var registered))
        {
            if (registered != type)
                throw new InvalidOperationException($"{registered.FullName} and {type.FullName} are both body types named {name}: rename one, as the document names schemas by type.");
            return;
        }
        _components.Add(name, type);
        schema["type"] = "object";
        // Required is what the reader enforces (C# required members, [JsonRequired]), not every constructor parameter, as
        // the exporter would have it: the app's readers leave a missing one null, and its validators name what is missing.
        var required = typeInfo.Properties.Where(p => p.IsRequired).Select(p => JsonValue.Create(p.Name)).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        else schema.Remove("required");
        document.AddComponent<IOpenApiSchema>(name, Read(schema));
    }

    private OpenApiSchema Read(JsonNode schema)
    {
        var read = OpenApiModelFactory.Parse<OpenApiSchema>(schema.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, OpenApiConstants.Json);
        return read is not null && diagnostic.Errors.Count == 0
            ? read
            : throw new InvalidOperationException($"Microsoft.OpenApi cannot read the generated schema {schema}: {string.Join("; ", diagnostic.Errors)}");
    }
}
