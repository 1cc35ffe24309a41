using Azure;

namespace IrpFlows.Storage;

/// <summary>Options for <see cref="BlobClient.UploadAsync"/>. Without conditions an upload overwrites any existing blob.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Stored and returned as the blob's Content-Type; <c>application/octet-stream</c> when null.</summary>
    public string? ContentType { get; set; }

    /// <summary>Upload only if no blob has this name (<c>If-None-Match: *</c>); otherwise a 409 <see cref="RequestFailedException"/>.</summary>
    public bool IfNoneExists { get; set; }

    /// <summary>Upload only if the blob's current ETag matches; otherwise a 412 <see cref="RequestFailedException"/>.</summary>
    public ETag? IfMatch { get; set; }

    /// <summary>Name/value pairs stored as <c>x-ms-meta-*</c>; names must be valid C# identifiers, values ASCII.</summary>
    public IDictionary<string, string>? Metadata { get; set; }
}

/// <summary>What an upload produced.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);

/// <summary>A downloaded blob's bytes and headers.</summary>
public sealed record BlobDownloadResult(BinaryData Content, string? ContentType, ETag ETag, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A blob's system properties and metadata.</summary>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    ETag ETag,
    DateTimeOffset LastModified,
    DateTimeOffset CreatedOn,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>One blob in a container listing.</summary>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, DateTimeOffset LastModified, DateTimeOffset? CreatedOn);

/// <summary>One CORS rule of the Blob service; list values are comma-separated as in the REST API.</summary>
public sealed record BlobCorsRule(string AllowedOrigins, string AllowedMethods, string AllowedHeaders, string ExposedHeaders, int MaxAgeInSeconds);

/// <summary>What a blob SAS grants. Letters are emitted in the order the service requires (<c>racwd</c>).</summary>
[Flags]
public enum BlobSasPermissions
{
    /// <summary>Read content, properties and metadata (r).</summary>
    Read = 1,

    /// <summary>Add blocks to an append blob (a).</summary>
    Add = 2,

    /// <summary>Create a new blob (c).</summary>
    Create = 4,

    /// <summary>Create or overwrite the blob's content and metadata (w).</summary>
    Write = 8,

    /// <summary>Delete the blob (d).</summary>
    Delete = 16,
}

/// <summary>What a container SAS grants. Letters are emitted in the order the service requires (<c>racwdl</c>).</summary>
[Flags]
public enum BlobContainerSasPermissions
{
    /// <summary>Read any blob in the container (r).</summary>
    Read = 1,

    /// <summary>Add blocks to append blobs (a).</summary>
    Add = 2,

    /// <summary>Create new blobs (c).</summary>
    Create = 4,

    /// <summary>Create or overwrite any blob (w).</summary>
    Write = 8,

    /// <summary>Delete any blob (d).</summary>
    Delete = 16,

    /// <summary>List the container's blobs (l).</summary>
    List = 32,
}
