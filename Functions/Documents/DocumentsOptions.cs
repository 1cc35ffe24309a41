namespace IrpFlows.Documents;

/// <summary>How documents are collected from establishments. Bound from the "Documents" section (<c>Documents__…</c> app settings).</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>How long after the end of the documents deadline (a day in England) the upload link keeps working.</summary>
    public TimeSpan UploadGracePeriod { get; set; } = TimeSpan.FromDays(10);

    /// <summary>How long the create-only SAS returned for one file stays valid.</summary>
    public TimeSpan UploadSasLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the read SAS a coordinator is redirected to when downloading a file stays valid.</summary>
    public TimeSpan DownloadSasLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileSizeBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Allowed file extensions (lower case, no dot) and, for each, the content types accepted, comma-separated; the first
    /// is used when a client sends none. A setting adds or changes an extension
    /// (<c>Documents__AllowedTypes__odt=application/vnd.oasis.opendocument.text</c>); an empty value disallows it.
    /// </summary>
    public Dictionary<string, string> AllowedTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        // Browsers on Windows report .csv files as Excel's type; some send text/plain.
        ["csv"] = "text/csv,application/vnd.ms-excel,text/plain",
        ["txt"] = "text/plain",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["zip"] = "application/zip,application/x-zip-compressed",
    };

    /// <summary>Table of upload SASs handed out and not yet completed, read by the reconciliation pass.</summary>
    public string UploadsTable { get; set; } = "documentuploads";

    /// <summary>
    /// Set the Blob service's CORS rules at start-up so browsers on the upload page can PUT files. On in development
    /// (Azurite); in Azure the deployment sets them (infra/), so this may be turned off there.
    /// </summary>
    public bool ConfigureBlobCors { get; set; } = true;
}
