using System.Text.Json.Nodes;

namespace IrpFlows.Tests.Support;

/// <summary>Assertions on JSON read as <see cref="JsonObject"/> that tell JSON <c>null</c> from a missing property.</summary>
public static class JsonAssert
{
    /// <summary>Asserts that <paramref name="json"/> has <paramref name="property"/> and that it is JSON <c>null</c>.</summary>
    public static void NullProperty(JsonObject json, string property)
    {
        Assert.True(json.TryGetPropertyValue(property, out var value), $"'{property}' is missing from {json.ToJsonString()}");
        Assert.Null(value);
    }

    /// <summary>The string value of <paramref name="property"/>, or null when it is JSON <c>null</c>; fails when it is missing.</summary>
    public static string? StringOrNull(JsonObject json, string property)
    {
        Assert.True(json.TryGetPropertyValue(property, out var value), $"'{property}' is missing from {json.ToJsonString()}");
        return value?.GetValue<string>();
    }
}
