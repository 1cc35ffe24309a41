using Azure;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Storage;

public sealed class BlobClientTests
{
    internal static async Task<BlobContainerClient> NewContainerAsync(StorageClientOptions? options = null)
    {
        var service = new BlobServiceClient(StorageConnection.Parse(await TestStorage.ConnectionStringAsync()), options);
        var container = service.GetBlobContainerClient(TestStorage.UniqueName("blobs"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    [Fact]
    public async Task UploadedBlob_DownloadsWithItsContentTypeMetadataAndETag()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("irp-1/action-plan.docx");

        var info = await blob.UploadAsync(BinaryData.FromString("hello"), new BlobUploadOptions
        {
            ContentType = "text/plain; charset=utf-8",
            Metadata = new Dictionary<string, string> { ["uploadedby"] = "liaison", ["step"] = "documents" },
        });
        var download = await blob.DownloadContentAsync();

        Assert.Equal("hello", download.Content.ToString());
        Assert.Equal("text/plain; charset=utf-8", download.ContentType);
        Assert.Equal(info.ETag, download.ETag);
        Assert.Equal("liaison", download.Metadata["uploadedby"]);
        Assert.Equal("documents", download.Metadata["step"]);
    }

    [Fact]
    public async Task Properties_ReportLengthTypeDatesAndMetadata_OrNullWhenMissing()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("file.bin");
        var info = await blob.UploadAsync(new BinaryData(new byte[1234]), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["kind"] = "evidence" },
        });

        var properties = await blob.GetPropertiesIfExistsAsync();
        var missing = await container.GetBlobClient("absent.bin").GetPropertiesIfExistsAsync();

        Assert.NotNull(properties);
        Assert.Equal(1234, properties.ContentLength);
        Assert.Equal("application/octet-stream", properties.ContentType);
        Assert.Equal(info.ETag, properties.ETag);
        Assert.Equal(info.LastModified, properties.LastModified);
        Assert.True(properties.CreatedOn <= properties.LastModified);
        Assert.Equal("evidence", properties.Metadata["kind"]);
        Assert.Null(missing);
        Assert.True(await blob.ExistsAsync());
        Assert.False(await container.GetBlobClient("absent.bin").ExistsAsync());
    }

    [Fact]
    public async Task UploadIfNoneExists_OverAnExistingBlob_Fails409_AndKeepsTheOriginal()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("once.txt");
        await blob.UploadAsync(BinaryData.FromString("first"), new BlobUploadOptions { IfNoneExists = true });

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("second"), new BlobUploadOptions { IfNoneExists = true }));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task UploadIfMatch_WithAStaleETag_Fails412_AndWithTheCurrentOneOverwrites()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("versioned.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        var second = await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { IfMatch = first.ETag });

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { IfMatch = first.ETag }));

        Assert.Equal(412, error.Status);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Content.ToString());
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task DownloadingAMissingBlob_Fails404BlobNotFound()
    {
        var container = await NewContainerAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("nope").DownloadContentAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteIfExists_ReportsWhetherThereWasABlobToDelete()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("temp.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        Assert.True(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task Listing_FiltersByPrefix_AndFollowsEveryPage()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 7; i++)
        {
            await container.GetBlobClient($"irp-1/doc-{i}.pdf").UploadAsync(BinaryData.FromString(new string('x', i)), new BlobUploadOptions { ContentType = "application/pdf" });
        }

        await container.GetBlobClient("irp-2/other.pdf").UploadAsync(BinaryData.FromString("y"));

        var paged = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync("irp-1/", pageSize: 3))
        {
            paged.Add(item);
        }

        var all = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync())
        {
            all.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"irp-1/doc-{i}.pdf"), paged.Select(b => b.Name));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), paged.Select(b => b.ContentLength));
        Assert.All(paged, b => Assert.Equal("application/pdf", b.ContentType));
        Assert.All(paged, b => Assert.NotNull(b.CreatedOn));
        Assert.Equal(8, all.Count);
    }

    [Fact]
    public async Task DeletedContainer_TakesItsBlobsWithIt_AndDeletingAgainIsHarmless()
    {
        var container = await NewContainerAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("a"));

        await container.DeleteIfExistsAsync();
        await container.DeleteIfExistsAsync();

        Assert.False(await container.GetBlobClient("a.txt").ExistsAsync());
    }
}
