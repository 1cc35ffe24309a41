namespace IrpFlows.Documents;

/// <summary>
/// Settings for the report files a coordinator uploads (an IRP's draft report, fact-check comments, final report and debrief
/// document; a probation inspection's draft and final reports). Bound from the "Reports" section.
/// </summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// Largest file accepted, in bytes (default 25 MiB). Kestrel refuses request bodies over 30,000,000 bytes unless its own
    /// limit is raised, so a larger value here needs that too.
    /// </summary>
    public long MaxFileSizeBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// Largest debrief document accepted, in bytes (default 3 MiB; never more than <see cref="MaxFileSizeBytes"/>): it goes as an
    /// attachment, and Microsoft Graph's sendMail takes a request of at most 4 MB, its attachments base64-encoded.
    /// </summary>
    public long MaxAttachedFileSizeBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>
    /// The link to the draft report in the draft-report email (and its reminders) expires at the end of the day this many
    /// calendar days after the fact-check deadline, England-and-Wales time.
    /// </summary>
    public int DraftLinkDaysAfterFactCheckDeadline { get; set; } = 10;

    /// <summary>How long the read SAS that the draft report link redirects to stays valid.</summary>
    public TimeSpan DownloadSasLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The read link to the final report in the email to ministers expires at the end of the day this many calendar days after
    /// the publication deadline, England-and-Wales time; by then the report is on the website.
    /// </summary>
    public int FinalReportLinkDaysAfterPublicationDeadline { get; set; } = 10;

    /// <summary>Binds the section over the defaults and validates.</summary>
    /// <exception cref="InvalidOperationException">A value is invalid, named with its setting.</exception>
    public static ReportOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new ReportOptions();
        configuration.GetSection(SectionName).Bind(options);
        if (options.MaxFileSizeBytes < 1)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxFileSizeBytes)} must be at least 1 (was {options.MaxFileSizeBytes}).");
        if (options.MaxAttachedFileSizeBytes < 1)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxAttachedFileSizeBytes)} must be at least 1 (was {options.MaxAttachedFileSizeBytes}).");
        if (options.DraftLinkDaysAfterFactCheckDeadline < 0)
            throw new InvalidOperationException($"{SectionName}:{nameof(DraftLinkDaysAfterFactCheckDeadline)} must not be negative (was {options.DraftLinkDaysAfterFactCheckDeadline}).");
        return options;
    }
}
