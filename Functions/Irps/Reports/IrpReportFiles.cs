using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;
using IrpFlows.Storage;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// The report files of an IRP in its blob container <c>irp-{id}</c>: draft reports under <c>reports/draft/</c>, fact-check
/// comments under <c>reports/fact-check/</c>, final reports under <c>reports/final/</c> and the team's debrief documents under
/// <c>reports/debrief/</c>. Each upload gets its own numbered folder (<c>reports/draft/2/name.pdf</c>)
/// and is written only if that blob does not exist, so no file is ever overwritten: replacing a draft adds a new version,
/// and a draft that went out for fact check stays exactly as it went.
/// </summary>
/// <param name="storageClock">The clock read-link expiry is based on: the storage service's, which the development clock does not move.</param>
public sealed class IrpReportFiles(
    BlobServiceClient blobs, BlobSasSigner sas, UploadLinks links, IrpPlanner planner, IrpPolicy policy, ReportOptions options, TimeProvider storageClock)
{
    public const string DraftFolder = "reports/draft";
    public const string FactCheckFolder = "reports/fact-check";
    public const string FinalFolder = "reports/final";
    public const string DebriefFolder = "reports/debrief";

    /// <summary>The IRP's container: valid for any IRP id (32 lowercase hex digits).</summary>
    public static string ContainerName(string irpId) => "irp-" + irpId;

    /// <summary>
    /// Stores a file as version <paramref name="version"/> in <paramref name="folder"/>, creating the container if needed.
    /// Returns null when that version already exists (another upload got there first).
    /// </summary>
    public async Task<ReportFileUploadedData?> StoreAsync(
        string irpId, string folder, int version, string fileName, string contentType, BinaryData content, DateTimeOffset uploadedAt, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(ContainerName(irpId));
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blobName = $"{folder}/{version}/{fileName}";
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        return new ReportFileUploadedData(blobName, fileName, contentType, content.ToMemory().Length, uploadedAt);
    }

    /// <summary>The bytes of a stored report file, to attach to an email.</summary>
    public async Task<BinaryData> ReadAsync(string irpId, ReportFileUploadedData file, CancellationToken ct) =>
        (await blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(file.BlobName).DownloadContentAsync(ct)).Value.Content;

    /// <summary>Deletes a stored file that was never recorded (its upload was refused after it was written).</summary>
    public Task DeleteAsync(string irpId, string blobName, CancellationToken ct) =>
        blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: ct);

    /// <summary>
    /// The link to the current draft once it has been issued, else null: the app's <see cref="UploadLinks.ForFactCheckDraft"/>,
    /// valid until <see cref="DraftLinksExpireOn"/>. It depends only on the IRP's state, so an email rendered again carries
    /// the same link.
    /// </summary>
    public Uri? DraftLink(string irpId, IrpState state) =>
        DraftLinksExpireOn(state) is { } expiresOn && state.DraftReport is not null ? links.ForFactCheckDraft(irpId, expiresOn) : null;

    /// <summary>
    /// A read link to a stored report file, valid for <see cref="ReportOptions.DownloadSasLifetime"/>, that storage answers as
    /// an attachment named as the file with its recorded content type.
    /// </summary>
    public Task<Uri> DownloadUriAsync(string irpId, ReportFileUploadedData file, CancellationToken ct) =>
        sas.DownloadUriAsync(blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(file.BlobName), file.FileName, file.ContentType,
            storageClock.GetUtcNow() + options.DownloadSasLifetime, ct);

    /// <summary>
    /// The link to the final report once uploaded, else null, for the email to ministers: the app's
    /// <see cref="UploadLinks.ForFinalReport"/>, valid until the end of the day
    /// <see cref="ReportOptions.FinalReportLinkDaysAfterPublicationDeadline"/> days after the publication deadline. It depends
    /// only on the IRP's state, so an email rendered again carries the same link.
    /// </summary>
    public Uri? FinalReportLink(string irpId, IrpState state)
    {
        if (state.FinalReport is null) return null;
        var deadline = planner.Plan(state.Facts, state.Progress).Single(s => s.Id == IrpSteps.PublicationDeadline).Date;
        return links.ForFinalReport(irpId, EndOfDay(deadline.AddDays(options.FinalReportLinkDaysAfterPublicationDeadline)));
    }

    /// <summary>
    /// When the links sent with the draft (to read it and to upload comments) expire: the end of the day, in England,
    /// <see cref="ReportOptions.DraftLinkDaysAfterFactCheckDeadline"/> days after the fact-check deadline. Null until the
    /// draft has been issued.
    /// </summary>
    public DateTimeOffset? DraftLinksExpireOn(IrpState state)
    {
        if (state.Progress.DraftIssuedOn is null) return null;
        return EndOfDay(FactCheckDeadline(state).AddDays(options.DraftLinkDaysAfterFactCheckDeadline));
    }

    private DateTimeOffset EndOfDay(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), policy.TimeZone), TimeSpan.Zero);

    /// <summary>The date by which the establishment's fact-check comments are due, from the IRP's timeline.</summary>
    public DateOnly FactCheckDeadline(IrpState state) =>
        planner.Plan(state.Facts, state.Progress).Single(s => s.Id == IrpSteps.FactCheckDeadline).Date;
}
