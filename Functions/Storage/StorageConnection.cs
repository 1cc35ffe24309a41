using Azure.Core;

namespace IrpFlows.Storage;

// Seam: this folder is a small stand-in for Azure.Storage.Blobs and Azure.Data.Tables, which cannot be restored here
// (they need System.IO.Hashing). Its types are shaped like the real SDKs; the day those packages are reachable,
// swapping them in is this folder's work only.

/// <summary>
/// Where a storage account lives and how requests to it are authorized: a Shared Key (from a connection string)
/// or an Entra ID <see cref="TokenCredential"/>. The key is never exposed, logged or included in <see cref="ToString"/>.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's well-known development account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published, well-known development key: public by design, not a secret.
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(string accountName, Uri blobEndpoint, Uri tableEndpoint, SharedKeyCredential? sharedKey, TokenCredential? token)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKey = sharedKey;
        TokenCredential = token;
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The Blob service endpoint (for Azurite it ends with the account name).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Table service endpoint (for Azurite it ends with the account name).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>True for Azurite's development account on a loopback address, whatever its ports.</summary>
    public bool IsDevelopmentStorage =>
        AccountName == DevelopmentAccountName && BlobEndpoint.IsLoopback && TableEndpoint.IsLoopback;

    internal SharedKeyCredential? SharedKey { get; }

    /// <summary><see cref="BlobEndpoint"/> as text without a trailing slash, to append paths to.</summary>
    internal string BlobBase => BlobEndpoint.AbsoluteUri.TrimEnd('/');

    /// <summary><see cref="TableEndpoint"/> as text without a trailing slash, to append paths to.</summary>
    internal string TableBase => TableEndpoint.AbsoluteUri.TrimEnd('/');

    internal TokenCredential? TokenCredential { get; }

    /// <summary>
    /// Parses <c>UseDevelopmentStorage=true</c> or a full connection string
    /// (<c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..;BlobEndpoint=..;TableEndpoint=..;EndpointSuffix=..</c>).
    /// Unknown parts (QueueEndpoint, FileEndpoint, ...) are ignored.
    /// </summary>
    /// <exception cref="FormatException">A part is missing or malformed; the message names the part but never contains the key.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = SplitParts(connectionString);

        if (parts.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present in a storage connection string.");
            }

            return Development(10000, 10002);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use AccountName and AccountKey.");
        }

        var accountName = Required(parts, "AccountName");
        var keyText = Required(parts, "AccountKey");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException)
        {
            // Deliberately no inner exception and no value: the key must never reach a log.
            throw new FormatException("The storage connection string's AccountKey is not valid base64.");
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'https' or 'http' in a storage connection string.");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var blob = Endpoint(parts, "BlobEndpoint", $"{protocol}://{accountName}.blob.{suffix}");
        var table = Endpoint(parts, "TableEndpoint", $"{protocol}://{accountName}.table.{suffix}");
        return new StorageConnection(accountName, blob, table, new SharedKeyCredential(accountName, key), null);
    }

    /// <summary>Azurite's development account on the given loopback ports.</summary>
    public static StorageConnection Development(int blobPort, int tablePort) =>
        new(DevelopmentAccountName,
            new Uri($"http://127.0.0.1:{blobPort}/{DevelopmentAccountName}"),
            new Uri($"http://127.0.0.1:{tablePort}/{DevelopmentAccountName}"),
            new SharedKeyCredential(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey)),
            null);

    /// <summary>
    /// A connection authorized by an Entra ID token (scope <c>https://storage.azure.com/.default</c>) instead of a key.
    /// Such a connection cannot generate SAS URIs (that needs the account key).
    /// </summary>
    public static StorageConnection WithTokenCredential(string accountName, Uri blobEndpoint, Uri tableEndpoint, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(accountName, TrimSlash(blobEndpoint), TrimSlash(tableEndpoint), null, credential);
    }

    /// <summary>Describes the account and endpoints; never the key.</summary>
    public override string ToString() =>
        $"StorageConnection(AccountName={AccountName}, BlobEndpoint={BlobEndpoint}, TableEndpoint={TableEndpoint})";

    internal SharedKeyCredential RequireSharedKeyForSas() =>
        SharedKey ?? throw new InvalidOperationException(
            "Generating a SAS requires the account key; this storage connection uses a token credential.");

    private static Dictionary<string, string> SplitParts(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            // Split at the first '=' only: base64 keys end with '='.
            var equals = segments[i].IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Part {i + 1} of the storage connection string is not of the form Name=Value.");
            }

            parts[segments[i][..equals].Trim()] = segments[i][(equals + 1)..].Trim();
        }

        return parts;
    }

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static Uri Endpoint(Dictionary<string, string> parts, string name, string fallback)
    {
        var text = parts.GetValueOrDefault(name, fallback);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"The storage connection string's {name} is not an absolute http(s) URI.");
        }

        return TrimSlash(uri);
    }

    private static Uri TrimSlash(Uri uri) => new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
