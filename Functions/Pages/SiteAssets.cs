using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace IrpFlows.Pages;

/// <summary>One file served under <c>/assets/</c>: its bytes, content type and a short hash of its content.</summary>
public sealed record SiteAsset(byte[] Content, string ContentType, string Version);

/// <summary>
/// The files the pages load from <c>/assets/</c>: GOV.UK Frontend's and MOJ Frontend's stylesheets (compiled from their Sass
/// at build, with no fonts: infra/frontend/govuk-frontend.scss), scripts and images, and the app's own stylesheet and script,
/// all embedded in the assembly at build (Functions.csproj), so the Functions host and the local host serve the same bytes
/// and the deployed package needs no folder of its own.
/// </summary>
public static class SiteAssets
{
    public const string PathPrefix = "/assets/";

    private const string ResourcePrefix = "IrpFlows.Assets/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/manifest+json",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, SiteAsset> Assets = Load(typeof(SiteAssets).Assembly);

    /// <summary>The asset at <paramref name="path"/> (below <c>/assets/</c>, e.g. <c>images/favicon.svg</c>), or null.</summary>
    public static SiteAsset? Find(string path) => Assets.GetValueOrDefault(path);

    /// <summary>
    /// The address a page links to: the path with the content's hash as <c>?v=</c>, so a browser may keep it for a year and
    /// still loads the new file the day the packages are upgraded.
    /// </summary>
    public static string Url(string path) =>
        $"{PathPrefix}{path}?v={(Find(path) ?? throw new InvalidOperationException($"No asset {path} is embedded (see Functions.csproj).")).Version}";

    private static FrozenDictionary<string, SiteAsset> Load(Assembly assembly)
    {
        var assets = new Dictionary<string, SiteAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // MSBuild's RecursiveDir has the build machine's separator.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            assets[path] = new SiteAsset(content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
