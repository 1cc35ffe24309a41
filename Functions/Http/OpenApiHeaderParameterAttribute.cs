namespace IrpFlows.Http;

/// <summary>An optional request header an HTTP function reads, as the OpenAPI document lists it (a string).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiHeaderParameterAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
}
