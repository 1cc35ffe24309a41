using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace IrpFlows.Storage;

/// <summary>
/// The storage account the app keeps everything in, as the <c>AzureWebJobsStorage</c> settings describe it, reached in one
/// of two ways, each of which also decides how the app's SAS links are signed:
/// <list type="bullet">
/// <item>a connection string with the account key (<c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> for Azurite, or a
/// full one): requests and SAS links are signed with the key;</item>
/// <item>the identity-based settings Azure Functions documents (<c>AzureWebJobsStorage__blobServiceUri</c> and
/// <c>__tableServiceUri</c>, or <c>__accountName</c>; <c>__credential=managedidentity</c>; <c>__clientId</c> for a
/// user-assigned identity): requests carry Entra ID tokens and SAS links are user-delegation SAS, so no key is needed.
/// <c>__queueServiceUri</c> is for the Functions host; the app uses no queue.</item>
/// </list>
/// A connection string wins when both are set, as it does for the Functions host. The key is never logged or shown.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private readonly string? _connectionString;
    private readonly Uri? _blobServiceUri;
    private readonly Uri? _tableServiceUri;

    private StorageAccount(string? connectionString, Uri? blobServiceUri, Uri? tableServiceUri, TokenCredential? credential)
    {
        _connectionString = connectionString;
        _blobServiceUri = blobServiceUri;
        _tableServiceUri = tableServiceUri;
        Credential = credential;
    }

    /// <summary>True only for the literal setting <c>UseDevelopmentStorage=true</c>: the local host then starts Azurite (<see cref="IDevelopmentStorage"/>).</summary>
    public bool IsDevelopmentStorage =>
        string.Equals(_connectionString?.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string with the account key; null when the account is reached with an identity.</summary>
    internal string? ConnectionString => _connectionString;

    /// <summary>The identity requests are made as; null with a connection string.</summary>
    internal TokenCredential? Credential { get; }

    /// <summary>Reads <see cref="SettingName"/> and, when it has no value, its identity-based <c>__</c> settings.</summary>
    /// <exception cref="InvalidOperationException">The settings are missing or invalid; the message says which and never quotes a key.</exception>
    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        if (section.Value is { Length: > 0 } connectionString) return FromConnectionString(connectionString);
        if (!section.GetChildren().Any())
            throw new InvalidOperationException(
                $"The setting {SettingName} is missing: set it to {DevelopmentStorage} or a storage connection string, or connect with an identity: " +
                $"{SettingName}__blobServiceUri and {SettingName}__tableServiceUri (or {SettingName}__accountName), and {SettingName}__credential=managedidentity.");
        var accountName = section["accountName"];
        return FromServiceUris(
            ServiceUri(section, "blobServiceUri", accountName, "blob"),
            ServiceUri(section, "tableServiceUri", accountName, "table"),
            IdentityCredential(section["credential"], section["clientId"]));
    }

    /// <summary>An account reached with a connection string that holds its key.</summary>
    /// <exception cref="InvalidOperationException">Not a storage connection string; the message never contains it.</exception>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        try
        {
            // Both clients parse the string now, so a bad setting stops the app at start rather than at its first request.
            _ = new BlobServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // No inner exception: it could quote the string, and with it the key.
            throw new InvalidOperationException(
                $"The setting {SettingName} is not a valid storage connection string: use {DevelopmentStorage} or DefaultEndpointsProtocol=…;AccountName=…;AccountKey=….");
        }
        return new StorageAccount(connectionString, null, null, null);
    }

    /// <summary>An account reached at these service URIs with Entra ID tokens from <paramref name="credential"/>: no key.</summary>
    public static StorageAccount FromServiceUris(Uri blobServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(null, blobServiceUri, tableServiceUri, credential);
    }

    /// <summary>A Blob service client; <paramref name="options"/> may add pipeline policies (a request counter).</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        _connectionString is not null ? new(_connectionString, options) : new(_blobServiceUri, Credential, options);

    /// <summary>A Table service client; <paramref name="options"/> may add pipeline policies (a request counter).</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null ? new(_connectionString, options) : new(_tableServiceUri, Credential, options);

    /// <summary>
    /// The signer of SAS links to blobs of <paramref name="blobs"/>, a client this account created: with the account key, or
    /// with user delegation keys that <paramref name="blobs"/> asks the service for.
    /// </summary>
    /// <param name="clock">The clock a user delegation key's validity is decided by: the storage service's, so the system clock.</param>
    public BlobSasSigner CreateSasSigner(BlobServiceClient blobs, TimeProvider clock) =>
        _connectionString is not null ? new AccountKeySasSigner() : new UserDelegationSasSigner(blobs, clock);

    /// <summary>Describes the account and how it is reached, never a key.</summary>
    public override string ToString() => _connectionString is not null
        ? $"StorageAccount({CreateBlobServiceClient().AccountName}, account key)"
        : $"StorageAccount({_blobServiceUri}, {Credential!.GetType().Name})";

    /// <summary>
    /// The credential the identity-based settings ask for: the app's managed identity (<c>credential=managedidentity</c>,
    /// user-assigned when <c>clientId</c> is set), or, with no <c>credential</c>, the developer's own sign-in as Azure
    /// Functions does locally (DefaultAzureCredential).
    /// </summary>
    internal static TokenCredential IdentityCredential(string? credential, string? clientId) => credential?.Trim().ToLowerInvariant() switch
    {
        "managedidentity" => new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId.Trim())),
        null or "" => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim() }),
        _ => throw new InvalidOperationException(
            $"The setting {SettingName}__credential must be 'managedidentity', or absent to use the developer's own sign-in; it is '{credential}'."),
    };

    private static Uri ServiceUri(IConfigurationSection section, string setting, string? accountName, string service)
    {
        if (section[setting] is { Length: > 0 } text)
        {
            // Tokens go over TLS only: the SDK refuses to send one to an http endpoint.
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                ? uri
                : throw new InvalidOperationException($"The setting {SettingName}__{setting} must be an absolute https URI, e.g. https://<account>.{service}.core.windows.net.");
        }
        return accountName is { Length: > 0 }
            ? new Uri($"https://{accountName.Trim()}.{service}.core.windows.net")
            : throw new InvalidOperationException($"The setting {SettingName}__{setting} (or {SettingName}__accountName) is missing.");
    }
}
