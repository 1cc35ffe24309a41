namespace IrpFlows.Irps.Reports;

/// <summary>Settings for the report files a coordinator uploads (draft report, fact-check comments, final report). Bound from the "Reports" section.</summary>
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
}
