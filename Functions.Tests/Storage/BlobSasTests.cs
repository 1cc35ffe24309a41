using System.Net;
using Azure.Storage.Blobs;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

/// <summary>The app's SAS links, used with a plain HttpClient as a browser or a script would use them.</summary>
public sealed class BlobSasTests
{
    private static readonly HttpClient Http = new();
    private static readonly DateTimeOffset InAnHour = DateTimeOffset.UtcNow.AddHours(1);

    private static async Task<(BlobContainerClient Container, BlobSasSigner Signer)> NewContainerAsync()
    {
        var account = StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync());
        var container = account.CreateBlobServiceClient().GetBlobContainerClient(TestStorage.UniqueName("sas"));
        await container.CreateIfNotExistsAsync();
        return (container, account.CreateSasSigner());
    }

    private static Task<HttpResponseMessage> PutBlockBlobAsync(Uri uri, string content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task UploadLink_AllowsAPlainPutOfThatBlob()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("documents/evidence/upload.pdf");

        using var response = await PutBlockBlobAsync(await signer.UploadUriAsync(blob, InAnHour, default), "uploaded");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("uploaded", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadLink_RefusesReadingThatBlob_ListingTheContainer_AndWritingAnotherName()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("granted.txt");
        var sas = await signer.UploadUriAsync(blob, InAnHour, default);
        using (var put = await PutBlockBlobAsync(sas, "granted")) Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var read = await Http.GetAsync(sas);
        using var list = await Http.GetAsync($"{container.Uri}?restype=container&comp=list&{sas.Query.TrimStart('?')}");
        using var other = await PutBlockBlobAsync(new UriBuilder(sas) { Path = sas.AbsolutePath.Replace("granted.txt", "other.txt", StringComparison.Ordinal) }.Uri, "sneaky");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.False((await container.GetBlobClient("other.txt").ExistsAsync()).Value);
    }

    [Fact]
    public async Task ExpiredUploadLink_IsRefused()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("late.txt");

        using var response = await PutBlockBlobAsync(await signer.UploadUriAsync(blob, DateTimeOffset.UtcNow.AddMinutes(-5), default), "late");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task ReadLink_AllowsDownload_ButNotOverwrite()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("report.pdf");
        await blob.UploadAsync(BinaryData.FromString("report"));
        var sas = await signer.ReadUriAsync(blob, InAnHour, default);

        var content = await Http.GetStringAsync(sas);
        using var overwrite = await PutBlockBlobAsync(sas, "changed");

        Assert.Equal("report", content);
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
    }

    [Fact]
    public async Task Links_AllowHttpOnlyOnAnHttpEndpoint()
    {
        var account = StorageAccount.FromConnectionString("AccountName=irpflows;AccountKey=" + Convert.ToBase64String(new byte[32]));
        var signer = account.CreateSasSigner();
        var remote = account.CreateBlobServiceClient().GetBlobContainerClient("c").GetBlobClient("b");
        var (local, _) = await NewContainerAsync();

        var https = await signer.ReadUriAsync(remote, InAnHour, default);
        var http = await signer.ReadUriAsync(local.GetBlobClient("b"), InAnHour, default);

        Assert.Equal("https://irpflows.blob.core.windows.net/c/b", https.GetLeftPart(UriPartial.Path));
        Assert.Contains("spr=https&", https.Query, StringComparison.Ordinal);
        Assert.Contains("spr=https,http&", http.Query, StringComparison.Ordinal);
    }
}
