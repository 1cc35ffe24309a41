using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace IrpFlows.Storage;

/// <summary>
/// Signs with a user delegation key, which the app's own Entra ID identity asks the Blob service for (Get User Delegation
/// Key; the identity needs a role that allows it, such as Storage Blob Data Contributor), so no account key is needed.
/// One key serves every link it outlives: a new one is asked for only when the cached key would expire before the link.
/// Thread-safe.
/// </summary>
internal sealed class UserDelegationSasSigner(BlobServiceClient service, TimeProvider clock) : BlobSasSigner
{
    /// <summary>How long a new key is asked for. The service allows up to <see cref="MaxLifetime"/>.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    /// <summary>The longest a key, and so a link signed with it, may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    // A key starts a little in the past: the service's clock may be behind ours.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private UserDelegationKey? _key;

    /// <exception cref="ArgumentOutOfRangeException">The link would live longer than <see cref="MaxLifetime"/>.</exception>
    protected override async Task<Uri> SignAsync(BlobClient blob, BlobSasBuilder sas, CancellationToken ct) =>
        blob.GenerateUserDelegationSasUri(sas, await KeyOutlivingAsync(sas.ExpiresOn, ct));

    private async Task<UserDelegationKey> KeyOutlivingAsync(DateTimeOffset expiresOn, CancellationToken ct)
    {
        if (Volatile.Read(ref _key) is { } cached && cached.SignedExpiresOn >= expiresOn) return cached;
        await _refresh.WaitAsync(ct);
        try
        {
            if (_key is { } fresh && fresh.SignedExpiresOn >= expiresOn) return fresh; // another caller just asked
            var now = clock.GetUtcNow();
            if (expiresOn > now + MaxLifetime)
                throw new ArgumentOutOfRangeException(nameof(expiresOn), expiresOn,
                    $"A user-delegation SAS can live at most {MaxLifetime.TotalDays:0} days; link to the app for longer and let it sign a short one on each use.");
            var keyExpiresOn = expiresOn > now + KeyLifetime ? expiresOn : now + KeyLifetime;
            var key = (await service.GetUserDelegationKeyAsync(
                new BlobGetUserDelegationKeyOptions(keyExpiresOn) { StartsOn = now - ClockSkew }, ct)).Value;
            Volatile.Write(ref _key, key);
            return key;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
