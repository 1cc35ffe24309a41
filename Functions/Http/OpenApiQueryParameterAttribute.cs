namespace IrpFlows.Http;

/// <summary>A query string parameter an HTTP function reads, as the OpenAPI document lists it (a string).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiQueryParameterAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;

    /// <summary>Whether a request without it is refused; false unless given.</summary>
    public bool Required { get; init; }
}
