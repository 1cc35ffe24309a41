using System.Net;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

public sealed class BlobCorsTests
{
    [Fact]
    public async Task CorsRules_MakeTheServiceAnswerABrowserPreflightFromAnAllowedOrigin_AndOnlyThatOrigin()
    {
        var service = new BlobServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()));
        var container = service.GetBlobContainerClient(TestStorage.UniqueName("cors"));
        await container.CreateIfNotExistsAsync();
        await service.SetCorsRulesAsync(
            [new BlobCorsRule("https://irpflows.example", "PUT,GET", "x-ms-blob-type,content-type", "etag", 600)]);
        using var http = new HttpClient();

        using var allowed = await http.SendAsync(Preflight(container.GetBlobClient("upload.pdf").Uri, "https://irpflows.example"));
        using var refused = await http.SendAsync(Preflight(container.GetBlobClient("upload.pdf").Uri, "https://elsewhere.example"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://irpflows.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(Uri uri, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, uri);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "x-ms-blob-type");
        return request;
    }
}
