using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

/// <summary>
/// What the app's SAS links allow, used with a plain HttpClient as a browser or a script would use them. The same
/// behaviour is asked of every way of signing them.
/// </summary>
public abstract class BlobSasTests
{
    private static readonly DateTimeOffset InAnHour = DateTimeOffset.UtcNow.AddHours(1);

    /// <summary>A new container, reached as the signer's account reaches it, and the signer.</summary>
    protected abstract Task<(BlobContainerClient Container, BlobSasSigner Signer)> NewContainerAsync();

    /// <summary>A client with no credential, as a browser has.</summary>
    protected abstract HttpClient Http { get; }

    private Task<HttpResponseMessage> PutBlockBlobAsync(Uri uri, string content, string contentType = "application/pdf")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task UploadLink_CreatesTheBlobOnce_ASecondPutIsRefusedWith403_AndTheFirstFileStays()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("documents/evidence/upload.pdf");
        var link = await signer.UploadOnceUriAsync(blob, InAnHour, default);

        using var first = await PutBlockBlobAsync(link, "%PDF-uploaded");
        using var second = await PutBlockBlobAsync(link, "replaced");

        Assert.Contains("sp=c&", link.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("%PDF-uploaded", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadLink_RefusesReadingThatBlob_ListingTheContainer_AndWritingAnotherName()
    {
        var (container, signer) = await NewContainerAsync();
        var link = await signer.UploadOnceUriAsync(container.GetBlobClient("granted.pdf"), InAnHour, default);
        using (var put = await PutBlockBlobAsync(link, "granted")) Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var read = await Http.GetAsync(link);
        using var list = await Http.GetAsync($"{container.Uri}?restype=container&comp=list&{link.Query.TrimStart('?')}");
        using var other = await PutBlockBlobAsync(new UriBuilder(link) { Path = link.AbsolutePath.Replace("granted.pdf", "other.pdf", StringComparison.Ordinal) }.Uri, "sneaky");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.False((await container.GetBlobClient("other.pdf").ExistsAsync()).Value);
    }

    [Fact]
    public async Task ExpiredUploadLink_IsRefused()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("late.pdf");

        using var response = await PutBlockBlobAsync(await signer.UploadOnceUriAsync(blob, DateTimeOffset.UtcNow.AddMinutes(-5), default), "late");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task DownloadLink_IsAnAttachmentWithTheGivenType_SoAnUploadedSvgNeverRendersOnTheStorageOrigin()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("documents/evidence/chart.svg");
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>";
        await blob.UploadAsync(BinaryData.FromString(svg), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/svg+xml" } });

        using var response = await Http.GetAsync(await signer.DownloadUriAsync(blob, "Chart – Elmley.svg", "image/svg+xml", InAnHour, default));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Chart _ Elmley.svg", disposition.FileName!.Trim('"'));
        Assert.Equal("Chart – Elmley.svg", disposition.FileNameStar);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(svg, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DownloadLink_ServesTheTypeItWasSignedWith_NotTheOneStored()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("report.pdf");
        await blob.UploadAsync(BinaryData.FromString("<html>not a pdf</html>"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } });

        using var response = await Http.GetAsync(await signer.DownloadUriAsync(blob, "report.pdf", null, InAnHour, default));

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task DownloadLink_CannotOverwriteOrDelete()
    {
        var (container, signer) = await NewContainerAsync();
        var blob = container.GetBlobClient("report.pdf");
        await blob.UploadAsync(BinaryData.FromString("report"));
        var link = await signer.DownloadUriAsync(blob, "report.pdf", "application/pdf", InAnHour, default);

        using var overwrite = await PutBlockBlobAsync(link, "changed");
        using var delete = await Http.DeleteAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("report", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}

/// <summary>Links signed with the account key, as locally (Azurite over http, a connection string).</summary>
public sealed class AccountKeySasTests : BlobSasTests
{
    private static readonly HttpClient Browser = new();

    protected override HttpClient Http => Browser;

    protected override async Task<(BlobContainerClient Container, BlobSasSigner Signer)> NewContainerAsync()
    {
        var account = StorageAccount.FromConnectionString(await TestStorage.ConnectionStringAsync());
        var blobs = account.CreateBlobServiceClient();
        var container = blobs.GetBlobContainerClient(TestStorage.UniqueName("sas"));
        await container.CreateIfNotExistsAsync();
        return (container, account.CreateSasSigner(blobs, TimeProvider.System));
    }

    [Fact]
    public async Task Links_AllowHttpOnlyOnAnHttpEndpoint()
    {
        var account = StorageAccount.FromConnectionString("AccountName=irpflows;AccountKey=" + Convert.ToBase64String(new byte[32]));
        var remoteBlobs = account.CreateBlobServiceClient();
        var remote = remoteBlobs.GetBlobContainerClient("c").GetBlobClient("b");
        var (local, signer) = await NewContainerAsync();

        var https = await account.CreateSasSigner(remoteBlobs, TimeProvider.System).UploadOnceUriAsync(remote, DateTimeOffset.UtcNow.AddHours(1), default);
        var http = await signer.UploadOnceUriAsync(local.GetBlobClient("b"), DateTimeOffset.UtcNow.AddHours(1), default);

        Assert.Equal("https://irpflows.blob.core.windows.net/c/b", https.GetLeftPart(UriPartial.Path));
        Assert.Contains("spr=https&", https.Query, StringComparison.Ordinal);
        Assert.Contains("spr=https,http&", http.Query, StringComparison.Ordinal);
    }
}
