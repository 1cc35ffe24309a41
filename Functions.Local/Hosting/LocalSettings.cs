using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Reads settings the Azure Functions way: the <c>Values</c> object of <c>local.settings.json</c>, or of
/// <c>local.settings.sample.json</c> when the former is absent. Keys use "__" for sections, as app settings do in Azure
/// (<c>Policy__PublicationWorkingDaysAfterVisit</c>). Environment variables are added after this source, so they win.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>
    /// Adds the first settings file found walking up from <paramref name="startDirectory"/>, just before the environment
    /// variables so that they override it. Returns the file's path, or null when there is none.
    /// </summary>
    public static string? AddLocalSettingsBeforeEnvironment(this IConfigurationManager configuration, string startDirectory)
    {
        var path = Find(startDirectory) ?? Find(Directory.GetCurrentDirectory());
        if (path is null) return null;
        var source = new MemoryConfigurationSource { InitialData = ReadValues(path) };
        var sources = configuration.Sources;
        var environment = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(environment < 0 ? sources.Count : environment, source);
        return path;
    }

    internal static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var name in new[] { FileName, SampleFileName })
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    internal static Dictionary<string, string?> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"{path} has no \"Values\" object.");
        return values.EnumerateObject().ToDictionary(
            p => p.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
    }
}
