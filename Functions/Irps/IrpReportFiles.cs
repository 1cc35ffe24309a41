using IrpFlows.Storage;
using IrpFlows.Timeline;

namespace IrpFlows.Irps;

/// <summary>
/// The report files of an IRP in its blob container <c>irp-{id}</c>: draft reports under <c>reports/draft/</c>, fact-check
/// comments under <c>reports/fact-check/</c> and final reports under <c>reports/final/</c>. Each upload gets its own numbered folder (<c>reports/draft/2/name.pdf</c>)
/// and is written only if that blob does not exist, so no file is ever overwritten: replacing a draft adds a new version,
/// and a draft that went out for fact check stays exactly as it went.
/// </summary>
public sealed class IrpReportFiles(BlobServiceClient blobs, IrpPlanner planner, IrpPolicy policy, ReportOptions options)
{
    public const string DraftFolder = "reports/draft";
    public const string FactCheckFolder = "reports/fact-check";
    public const string FinalFolder = "reports/final";

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
        await container.CreateIfNotExistsAsync(ct);
        var blobName = $"{folder}/{version}/{fileName}";
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { ContentType = contentType, IfNoneExists = true }, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        return new ReportFileUploadedData(blobName, fileName, contentType, content.ToMemory().Length, uploadedAt);
    }

    /// <summary>Deletes a stored file that was never recorded (its upload was refused after it was written).</summary>
    public Task DeleteAsync(string irpId, string blobName, CancellationToken ct) =>
        blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(blobName).DeleteIfExistsAsync(ct);

    /// <summary>
    /// A read-only link to the current draft once it has been issued, else null. It expires at
    /// <see cref="DraftLinksExpireOn"/>; it depends only on the IRP's state, so an email rendered again carries the same link.
    /// </summary>
    /// <exception cref="InvalidOperationException">Storage is reached with a token credential: a SAS needs the account key.</exception>
    public Uri? DraftReadLink(string irpId, IrpState state)
    {
        if (DraftLinksExpireOn(state) is not { } expiresOn || state.DraftReport is not { } draft) return null;
        return blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(draft.BlobName)
            .GenerateSasUri(BlobSasPermissions.Read, expiresOn);
    }

    /// <summary>
    /// A read-only link to the final report once uploaded, else null, for the email to ministers. It expires at the end of the
    /// day <see cref="ReportOptions.FinalReportLinkDaysAfterPublicationDeadline"/> days after the publication deadline, and
    /// depends only on the IRP's state, so an email rendered again carries the same link.
    /// </summary>
    /// <exception cref="InvalidOperationException">Storage is reached with a token credential: a SAS needs the account key.</exception>
    public Uri? FinalReadLink(string irpId, IrpState state)
    {
        if (state.FinalReport is not { } final) return null;
        var deadline = planner.Plan(state.Facts, state.Progress).Single(s => s.Id == IrpSteps.PublicationDeadline).Date;
        return blobs.GetBlobContainerClient(ContainerName(irpId)).GetBlobClient(final.BlobName)
            .GenerateSasUri(BlobSasPermissions.Read, EndOfDay(deadline.AddDays(options.FinalReportLinkDaysAfterPublicationDeadline)));
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
