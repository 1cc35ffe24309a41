using System.Globalization;
using IrpFlows.Validation;

namespace IrpFlows.Documents;

/// <summary>What a client asks to upload: the name on its disk, the size in bytes and the browser's content type (may be empty).</summary>
public sealed record UploadRequest([property: Text(Limits.FileName)] string? FileName, long? Size, [property: Text(Limits.ContentType)] string? ContentType);

/// <summary>An accepted upload request: the sanitised name and the content type the blob will have.</summary>
public sealed record AcceptedUpload(string SafeName, long Size, string ContentType);

/// <summary>Which files establishments may send: size and type, from <see cref="DocumentsOptions"/>.</summary>
public sealed class UploadRules(DocumentsOptions options)
{
    /// <summary>Allowed extensions (lower case, no dot) with their accepted content types; extensions with none are left out.</summary>
    public IReadOnlyDictionary<string, string[]> AllowedTypes { get; } = options.AllowedTypes
        .Select(p => (Extension: p.Key.Trim().TrimStart('.').ToLowerInvariant(),
            Types: (p.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        .Where(p => p.Types.Length > 0)
        .ToDictionary(p => p.Extension, p => p.Types);

    public long MaxFileSizeBytes => options.MaxFileSizeBytes;

    /// <summary>
    /// Checks a request, naming each field that breaks a rule. An empty content type means the browser did not know it:
    /// the extension's first allowed type is used. Content type parameters (<c>; charset=…</c>) are ignored.
    /// </summary>
    public (AcceptedUpload? Accepted, IReadOnlyDictionary<string, string[]> Errors) Check(UploadRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var allowedList = string.Join(", ", AllowedTypes.Keys.Order());
        var safeName = FileNames.Sanitise(request.FileName);
        var extension = FileNames.Extension(safeName);
        string[]? types = null;
        if (string.IsNullOrWhiteSpace(request.FileName))
            errors["fileName"] = ["is required: the name of the file, with its extension."];
        else if (!AllowedTypes.TryGetValue(extension, out types))
            errors["fileName"] = [$"must end with one of these extensions: {allowedList}{(extension.Length == 0 ? "" : $" ('.{extension}' is not accepted)")}."];

        if (request.Size is not { } size || size <= 0)
            errors["size"] = ["is required: the file's size in bytes, more than 0 (empty files cannot be uploaded)."];
        else if (size > options.MaxFileSizeBytes)
            errors["size"] = [$"must be at most {Describe(options.MaxFileSizeBytes)} ({Bytes(options.MaxFileSizeBytes)}); this file is {DescribeBeside(size, options.MaxFileSizeBytes)}."];

        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        if (types is not null && contentType.Length > 0 && !types.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            errors["contentType"] = [$"must be {string.Join(" or ", types)} for a .{extension} file, not '{contentType}'."];

        return errors.Count > 0
            ? (null, errors)
            : (new AcceptedUpload(safeName, request.Size!.Value, contentType.Length > 0 ? contentType : types![0]), errors);
    }

    /// <summary>
    /// Checks a file as it was stored, not as the client described it when it began (a SAS cannot limit what is PUT): its
    /// real size, the content type it was stored with (which must be one of its extension's, as the upload was told), and its
    /// first bytes (<paramref name="head"/>, at least <see cref="FileSignatures.HeadLength"/> of them), which must be what its
    /// extension says (<see cref="FileSignatures"/>). Names the field of each broken rule: fileName, size, contentType, or content.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> CheckStored(string fileName, long size, string? contentType, ReadOnlySpan<byte> head)
    {
        var errors = new Dictionary<string, string[]>();
        var extension = FileNames.Extension(fileName);
        if (size <= 0)
            errors["size"] = ["The file uploaded is empty."];
        else if (size > options.MaxFileSizeBytes)
            errors["size"] = [$"The file uploaded is {DescribeBeside(size, options.MaxFileSizeBytes)}, over the limit of {Describe(options.MaxFileSizeBytes)}."];

        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        if (!AllowedTypes.TryGetValue(extension, out var types))
            errors["fileName"] = [$"A .{extension} file cannot be uploaded."];
        else if (!types.Contains(type, StringComparer.OrdinalIgnoreCase))
            errors["contentType"] = [$"The file was stored as '{(type.Length == 0 ? "no type" : type)}'; a .{extension} file must be {string.Join(" or ", types)}: PUT it with the contentType the upload returned."];
        else if (size > 0 && FileSignatures.Broken(extension, head) is { } notWhatItSays)
            errors["content"] = [$"The file is not {notWhatItSays}"];
        return errors;
    }

    /// <summary>
    /// A size said beside a <paramref name="limit"/>: as <see cref="Describe"/> gives it, or in bytes ("104,857,601 bytes")
    /// when that would read the same as the limit, so a file just over it is never said to be the limit's size.
    /// </summary>
    public static string DescribeBeside(long bytes, long limit) => Describe(bytes) is var described && described == Describe(limit) && bytes != limit
        ? Bytes(bytes) : described;

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");

    /// <summary>A size for people: "850 bytes", "12.5 KB", "3.4 MB" (1 KB = 1024 bytes).</summary>
    public static string Describe(long bytes)
    {
        string[] units = ["KB", "MB", "GB", "TB"];
        if (bytes < 1024) return bytes == 1 ? "1 byte" : $"{bytes} bytes";
        var value = bytes / 1024d;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
