using System.Net;
using Azure.Core;
using IrpFlows.Storage;

namespace IrpFlows.Tests.Storage;

/// <summary>SAS URIs checked with a plain HttpClient, as a browser or the liaison officer's upload would use them.</summary>
public sealed class BlobSasTests
{
    private static readonly HttpClient Http = new();
    private static readonly DateTimeOffset InAnHour = DateTimeOffset.UtcNow.AddHours(1);

    private static Task<HttpResponseMessage> PutBlockBlobAsync(Uri uri, string content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task WriteOnlyBlobSas_AllowsAPlainPutOfThatBlob()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var blob = container.GetBlobClient("irp-1/upload.pdf");

        using var response = await PutBlockBlobAsync(blob.GenerateSasUri(BlobSasPermissions.Write, InAnHour), "uploaded");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("uploaded", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task WriteOnlyBlobSas_RefusesReadingThatBlob()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var blob = container.GetBlobClient("secret.txt");
        await blob.UploadAsync(BinaryData.FromString("secret"));

        using var response = await Http.GetAsync(blob.GenerateSasUri(BlobSasPermissions.Write, InAnHour));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BlobSas_RefusesWritingAnotherBlobName()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var sas = container.GetBlobClient("granted.txt").GenerateSasUri(BlobSasPermissions.Write, InAnHour);
        var other = new UriBuilder(sas) { Path = sas.AbsolutePath.Replace("granted.txt", "other.txt", StringComparison.Ordinal) }.Uri;

        using var response = await PutBlockBlobAsync(other, "sneaky");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await container.GetBlobClient("other.txt").ExistsAsync());
    }

    [Fact]
    public async Task BlobSas_RefusesListingTheContainer()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var sas = container.GetBlobClient("granted.txt").GenerateSasUri(BlobSasPermissions.Read | BlobSasPermissions.Write, InAnHour);

        using var response = await Http.GetAsync($"{container.Uri}?restype=container&comp=list&{sas.Query.TrimStart('?')}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredBlobSas_IsRefused()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var blob = container.GetBlobClient("late.txt");

        using var response = await PutBlockBlobAsync(blob.GenerateSasUri(BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(-5)), "late");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task ReadOnlyBlobSas_AllowsDownload_ButNotOverwrite()
    {
        var container = await BlobClientTests.NewContainerAsync();
        var blob = container.GetBlobClient("report.pdf");
        await blob.UploadAsync(BinaryData.FromString("report"));
        var sas = blob.GenerateSasUri(BlobSasPermissions.Read, InAnHour);

        var content = await Http.GetStringAsync(sas);
        using var overwrite = await PutBlockBlobAsync(sas, "changed");

        Assert.Equal("report", content);
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
    }

    [Fact]
    public async Task ContainerListSas_ListsTheContainer()
    {
        var container = await BlobClientTests.NewContainerAsync();
        await container.GetBlobClient("listed.txt").UploadAsync(BinaryData.FromString("x"));

        var listing = await Http.GetStringAsync($"{container.GenerateSasUri(BlobContainerSasPermissions.List, InAnHour)}&comp=list");

        Assert.Contains("<Name>listed.txt</Name>", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void SasPermissions_AreWrittenInTheOrderTheServiceRequires()
    {
        var connection = StorageConnection.Development(10000, 10002);
        var container = new BlobServiceClient(connection).GetBlobContainerClient("c");

        var blobSas = container.GetBlobClient("b").GenerateSasUri(BlobSasPermissions.Delete | BlobSasPermissions.Read | BlobSasPermissions.Create, InAnHour);
        var containerSas = container.GenerateSasUri(BlobContainerSasPermissions.List | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Read, InAnHour);

        Assert.Contains("sp=rcd&", blobSas.Query, StringComparison.Ordinal);
        Assert.Contains("sr=b&", blobSas.Query, StringComparison.Ordinal);
        Assert.Contains("spr=https%2Chttp&", blobSas.Query, StringComparison.Ordinal);
        Assert.Contains("sp=rwl&", containerSas.Query, StringComparison.Ordinal);
        Assert.Contains("sr=c&", containerSas.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void SasOnAnHttpsEndpoint_AllowsHttpsOnly()
    {
        var connection = StorageConnection.Parse("AccountName=irpflows;AccountKey=" + Convert.ToBase64String(new byte[32]));

        var sas = new BlobServiceClient(connection).GetBlobContainerClient("c").GetBlobClient("b").GenerateSasUri(BlobSasPermissions.Read, InAnHour);

        Assert.Equal("https://irpflows.blob.core.windows.net/c/b", sas.GetLeftPart(UriPartial.Path));
        Assert.Contains("spr=https&", sas.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void SasWithATokenCredential_ExplainsThatAKeyIsRequired()
    {
        var connection = StorageConnection.WithTokenCredential("irpflows",
            new Uri("https://irpflows.blob.core.windows.net"), new Uri("https://irpflows.table.core.windows.net"), new NoTokenCredential());
        var blob = new BlobServiceClient(connection).GetBlobContainerClient("c").GetBlobClient("b");

        var error = Assert.Throws<InvalidOperationException>(() => blob.GenerateSasUri(BlobSasPermissions.Read, InAnHour));

        Assert.Contains("requires the account key", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in this test.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in this test.");
    }
}
