using System.Web;
using Azure.Core;
using Azure.Storage.Blobs;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IrpFlows.Tests.Storage;

/// <summary>
/// Links signed with user delegation keys, as in Azure where the app has no account key: on an Azurite that serves HTTPS
/// and accepts Entra ID tokens, which issues user delegation keys and checks the links signed with them.
/// </summary>
public sealed class UserDelegationSasTests : BlobSasTests
{
    private readonly FakeEntraToken _identity = new();
    private HttpClient? _browser;

    protected override HttpClient Http => _browser ?? throw new InvalidOperationException("No container made yet.");

    protected override async Task<(BlobContainerClient Container, BlobSasSigner Signer)> NewContainerAsync()
    {
        _browser ??= await IdentityStorage.BrowserAsync();
        var (blobs, signer) = await SignerAsync(TimeProvider.System);
        var container = blobs.GetBlobContainerClient(TestStorage.UniqueName("udk"));
        await container.CreateIfNotExistsAsync();
        return (container, signer);
    }

    /// <summary>A blob client on the identity and its signer, counting the requests the client makes.</summary>
    private async Task<(BlobServiceClient Blobs, BlobSasSigner Signer)> SignerAsync(TimeProvider clock, StorageRequestCounter? counter = null)
    {
        var account = await IdentityStorage.AccountAsync(_identity);
        var options = await IdentityStorage.BlobOptionsAsync();
        if (counter is not null) options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var blobs = account.CreateBlobServiceClient(options);
        return (blobs, account.CreateSasSigner(blobs, clock));
    }

    [Fact]
    public async Task Links_AreSignedWithAUserDelegationKeyOfTheAppsIdentity_ThatOutlivesThem()
    {
        var (container, signer) = await NewContainerAsync();
        var expiresOn = DateTimeOffset.UtcNow.AddMinutes(30);

        var link = HttpUtility.ParseQueryString((await signer.UploadOnceUriAsync(container.GetBlobClient("a.pdf"), expiresOn, default)).Query);

        Assert.Equal(FakeEntraToken.ObjectId, link["skoid"]);
        Assert.Equal(FakeEntraToken.TenantId, link["sktid"]);
        Assert.True(DateTimeOffset.Parse(link["ske"]!) >= DateTimeOffset.Parse(link["se"]!));
        Assert.Equal("https", link["spr"]);
        Assert.Contains("https://storage.azure.com/.default", _identity.Scopes);
    }

    [Fact]
    public async Task OneKey_SignsEveryLinkItOutlives_AndANewOneIsAskedForOnlyWhenItWouldNot()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start);
        var keyRequests = new StorageRequestCounter();
        var (blobs, signer) = await SignerAsync(clock, keyRequests);
        var blob = blobs.GetBlobContainerClient("c").GetBlobClient("b.pdf"); // signing needs no container

        for (var i = 0; i < 5; i++) await signer.UploadOnceUriAsync(blob, clock.GetUtcNow().AddMinutes(30), default);
        var afterFive = keyRequests.Count;
        clock.SetUtcNow(start + UserDelegationSasSigner.KeyLifetime - TimeSpan.FromMinutes(40)); // the key still outlives a 30-minute link
        await signer.UploadOnceUriAsync(blob, clock.GetUtcNow().AddMinutes(30), default);
        var beforeItsEnd = keyRequests.Count;
        clock.Advance(TimeSpan.FromMinutes(20)); // now it would not
        await signer.UploadOnceUriAsync(blob, clock.GetUtcNow().AddMinutes(30), default);

        Assert.Equal((1, 1, 2), (afterFive, beforeItsEnd, keyRequests.Count));
    }

    [Fact]
    public async Task ALinkLongerThanAKeyCanLive_IsRefused_BeforeAnyKeyIsAskedFor()
    {
        var keyRequests = new StorageRequestCounter();
        var (blobs, signer) = await SignerAsync(TimeProvider.System, keyRequests);
        var blob = blobs.GetBlobContainerClient("c").GetBlobClient("draft.pdf");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            signer.DownloadUriAsync(blob, "draft.pdf", "application/pdf", DateTimeOffset.UtcNow.AddDays(8), default));

        Assert.Equal(0, keyRequests.Count);
    }
}
