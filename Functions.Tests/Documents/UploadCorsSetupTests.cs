using System.Net;
using Azure.Storage.Blobs;
using IrpFlows.Documents;
using IrpFlows.Hosting.Azurite;
using IrpFlows.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Documents;

/// <summary>An Azurite of its own: the Blob service's CORS rules belong to the whole account.</summary>
public sealed class CorsAzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance _azurite = null!;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteLauncher.StartAsync(
            new AzuriteStartOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, NullLogger.Instance, CancellationToken.None);
        Blobs = new BlobServiceClient(_azurite.ConnectionString);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();
}

public sealed class UploadCorsSetupTests(CorsAzuriteFixture fixture) : IClassFixture<CorsAzuriteFixture>
{
    private static readonly HttpClient Http = new();

    private UploadCorsSetup Setup(string publicBaseUrl)
    {
        var documents = new DocumentsOptions();
        var links = new UploadLinks(new UploadTokens(new string('k', 40)), documents, new IrpPolicy(), new Uri(publicBaseUrl));
        return new UploadCorsSetup(fixture.Blobs, links, documents);
    }

    private static HttpRequestMessage Preflight(Uri uri, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, uri);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "x-ms-blob-type,content-type");
        return request;
    }

    [Fact]
    public async Task TheAppsRule_LetsABrowserOnItsOriginPutABlob_AndNoOtherOrigin()
    {
        await Setup("https://irpflows.example/").CreateIfNotExistsAsync(CancellationToken.None);
        var blob = fixture.Blobs.GetBlobContainerClient("irp-1").GetBlobClient("documents/evidence/upload.pdf").Uri;

        using var allowed = await Http.SendAsync(Preflight(blob, "https://irpflows.example"));
        using var refused = await Http.SendAsync(Preflight(blob, "https://elsewhere.example"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://irpflows.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
