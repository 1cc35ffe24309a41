using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Azurite;
using IrpFlows.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace IrpFlows.Tests.Support;

/// <summary>
/// Storage reached as the app reaches it in Azure: service URIs and Entra ID tokens, no account key. One Azurite per test
/// process serves it over HTTPS with OAuth on (started on first use, killed at process exit), with a self-signed
/// certificate made here that only these clients trust. Tests isolate themselves with <see cref="TestStorage.UniqueName"/>.
/// </summary>
public static class IdentityStorage
{
    private static readonly Lazy<Task<(AzuriteInstance Azurite, string Thumbprint)>> Instance =
        new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The account at this Azurite's service URIs, with tokens from <paramref name="credential"/>.</summary>
    public static async Task<StorageAccount> AccountAsync(FakeEntraToken credential)
    {
        var (azurite, _) = await Instance.Value;
        return StorageAccount.FromServiceUris(azurite.BlobServiceUri, azurite.TableServiceUri, credential);
    }

    /// <summary>Options for a Blob client of <see cref="AccountAsync"/>: they trust the test certificate.</summary>
    public static async Task<BlobClientOptions> BlobOptionsAsync() => new() { Transport = new HttpClientTransport(await HttpAsync()) };

    /// <summary>Options for a Table client of <see cref="AccountAsync"/>: they trust the test certificate.</summary>
    public static async Task<TableClientOptions> TableOptionsAsync() => new() { Transport = new HttpClientTransport(await HttpAsync()) };

    /// <summary>A plain client with no credential, as a browser has, that trusts the test certificate.</summary>
    public static async Task<HttpClient> BrowserAsync() => await HttpAsync();

    private static async Task<HttpClient> HttpAsync()
    {
        var (_, thumbprint) = await Instance.Value;
        return new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 presented && presented.Thumbprint == thumbprint,
            },
        });
    }

    private static async Task<(AzuriteInstance, string)> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("irpflows-azurite-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        var options = new AzuriteStartOptions
        {
            BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true,
            OAuthOverHttps = new AzuriteCertificate(certificatePath, keyPath),
        };
        var instance = await AzuriteLauncher.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            instance.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return (instance, certificate.Thumbprint);
    }
}
