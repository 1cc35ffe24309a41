using IrpFlows.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace IrpFlows.Http;

/// <summary>The pages' stylesheets, scripts and images (<see cref="SiteAssets"/>), anonymous and needing no storage.</summary>
public sealed class AssetFunctions
{
    // A year: the pages link with ?v= (the content's hash).
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string OneDay = "public, max-age=86400";

    [Function(nameof(Asset))]
    [OpenApiOperation("Pages", "A stylesheet, script or image of the pages (GOV.UK Frontend, MOJ Frontend, the app's own).",
        ResponseContentType = "text/css", ErrorStatuses = [StatusCodes.Status404NotFound])]
    public IResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{*path}")] HttpRequest request, string path)
    {
        if (SiteAssets.Find(path) is not { } asset) return Results.NotFound();
        request.HttpContext.Response.Headers.CacheControl = request.Query["v"] == asset.Version ? Immutable : OneDay;
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Version}\""));
    }
}
