using System.Globalization;
using System.Text;

namespace IrpFlows.Storage;

/// <summary>Builds service SAS query strings for a container or blob (string to sign of version 2020-12-06 and later).</summary>
internal static class BlobSas
{
    public static string Permissions(BlobSasPermissions permissions) =>
        Letters((int)permissions, "racwd");

    public static string Permissions(BlobContainerSasPermissions permissions) =>
        Letters((int)permissions, "racwdl");

    /// <summary>
    /// The SAS query (without '?'). <paramref name="blobName"/> null means a container SAS (<c>sr=c</c>).
    /// http is allowed alongside https only when the endpoint itself is http (Azurite).
    /// </summary>
    public static string BuildQuery(StorageConnection connection, string containerName, string? blobName, string permissions, DateTimeOffset expiresOn)
    {
        var key = connection.RequireSharedKeyForSas();
        if (permissions.Length == 0)
        {
            throw new ArgumentException("A SAS must grant at least one permission.", nameof(permissions));
        }

        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var protocol = connection.BlobEndpoint.Scheme == "http" ? "https,http" : "https";
        var resource = blobName is null ? "c" : "b";
        var canonical = $"/blob/{connection.AccountName}/{containerName}" + (blobName is null ? string.Empty : "/" + blobName);

        // Field order is fixed by the spec: sp, st, se, resource, si, sip, spr, sv, sr, snapshot time, encryption scope,
        // then the five response-header overrides (rscc, rscd, rsce, rscl, rsct).
        var stringToSign = string.Join('\n',
            permissions, string.Empty, expiry, canonical, string.Empty, string.Empty, protocol,
            StorageClientOptions.ServiceVersion, resource, string.Empty, string.Empty,
            string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

        return new StringBuilder()
            .Append("sv=").Append(StorageClientOptions.ServiceVersion)
            .Append("&se=").Append(Uri.EscapeDataString(expiry))
            .Append("&sr=").Append(resource)
            .Append("&sp=").Append(permissions)
            .Append("&spr=").Append(Uri.EscapeDataString(protocol))
            .Append("&sig=").Append(Uri.EscapeDataString(key.ComputeSignature(stringToSign)))
            .ToString();
    }

    private static string Letters(int flags, string lettersInOrder)
    {
        var builder = new StringBuilder();
        for (var bit = 0; bit < lettersInOrder.Length; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                builder.Append(lettersInOrder[bit]);
            }
        }

        return builder.ToString();
    }
}
