using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Azurite;
using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;
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

public sealed class UploadCorsSetupTests(CorsAzuriteFixture fixture) : IClassFixture<CorsAzuriteFixture>, IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    /// <summary>What a deployment might have set: reads from a reporting site.</summary>
    private static readonly BlobCorsRule InfrastructureRule = new()
    {
        AllowedOrigins = "https://reports.example", AllowedMethods = "GET", AllowedHeaders = "*", ExposedHeaders = "*", MaxAgeInSeconds = 60,
    };

    // Each test starts from an account with the infrastructure's rule only.
    public async Task InitializeAsync()
    {
        var properties = (await fixture.Blobs.GetPropertiesAsync()).Value;
        properties.Cors = [InfrastructureRule];
        await fixture.Blobs.SetPropertiesAsync(properties);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private UploadCorsSetup Setup(string publicBaseUrl, bool configure = true)
    {
        var documents = new DocumentsOptions { ConfigureBlobCors = configure };
        var links = new UploadLinks(new UploadTokens(new string('k', 40)), documents, new IrpPolicy().TimeZone, new Uri(publicBaseUrl));
        return new UploadCorsSetup(fixture.Blobs, links, documents);
    }

    private async Task<IList<BlobCorsRule>> RulesAsync() => (await fixture.Blobs.GetPropertiesAsync()).Value.Cors;

    private static HttpRequestMessage Preflight(Uri uri, string origin, string method = "PUT")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, uri);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
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

    [Fact]
    public async Task TheAppAddsItsRule_KeepingTheRulesTheInfrastructureSet()
    {
        await Setup("https://irpflows.example").CreateIfNotExistsAsync(CancellationToken.None);
        var blob = fixture.Blobs.GetBlobContainerClient("irp-1").GetBlobClient("report.pdf").Uri;

        using var reportsStillRead = await Http.SendAsync(Preflight(blob, "https://reports.example", "GET"));

        var rules = await RulesAsync();
        Assert.Equal(["https://reports.example", "https://irpflows.example"], rules.Select(r => r.AllowedOrigins));
        Assert.Equal(HttpStatusCode.OK, reportsStillRead.StatusCode);
    }

    [Fact]
    public async Task RunningAgain_AddsNothing()
    {
        await Setup("https://irpflows.example").CreateIfNotExistsAsync(CancellationToken.None);
        await Setup("https://irpflows.example").CreateIfNotExistsAsync(CancellationToken.None);

        Assert.Equal(2, (await RulesAsync()).Count);
    }

    [Fact]
    public async Task TurnedOff_TheAppLeavesTheRulesAlone()
    {
        await Setup("https://irpflows.example", configure: false).CreateIfNotExistsAsync(CancellationToken.None);

        Assert.Equal("https://reports.example", Assert.Single(await RulesAsync()).AllowedOrigins);
    }

    [Fact]
    public async Task AFullSetOfOtherRules_IsExplained_NotReplaced()
    {
        var properties = (await fixture.Blobs.GetPropertiesAsync()).Value;
        properties.Cors = Enumerable.Range(1, UploadCorsSetup.MaxRules)
            .Select(i => new BlobCorsRule { AllowedOrigins = $"https://site{i}.example", AllowedMethods = "GET", AllowedHeaders = "*", ExposedHeaders = "*", MaxAgeInSeconds = 60 })
            .ToList();
        await fixture.Blobs.SetPropertiesAsync(properties);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Setup("https://irpflows.example").CreateIfNotExistsAsync(CancellationToken.None));

        Assert.Contains("Documents__ConfigureBlobCors=false", error.Message, StringComparison.Ordinal);
        Assert.Equal(UploadCorsSetup.MaxRules, (await RulesAsync()).Count);
    }
}
