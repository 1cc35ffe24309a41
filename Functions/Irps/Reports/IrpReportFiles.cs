using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;

namespace IrpFlows.Irps.Reports;

/// <summary>
/// The report files of an IRP in its blob container <c>irp-{id}</c> (kept by <see cref="ReportFileStore"/>): draft reports under <c>reports/draft/</c>, fact-check
/// comments under <c>reports/fact-check/</c>, final reports under <c>reports/final/</c> and the team's debrief documents under
/// <c>reports/debrief/</c>. Each upload gets its own numbered folder (<c>reports/draft/2/name.pdf</c>)
/// and is written only if that blob does not exist, so no file is ever overwritten: replacing a draft adds a new version,
/// and a draft that went out for fact check stays exactly as it went.
/// </summary>
public sealed class IrpReportFiles(ReportFileStore store, UploadLinks links, IrpPlanner planner, IrpPolicy policy, ReportOptions options)
{
    public const string DraftFolder = ReportFileStore.DraftFolder;
    public const string FactCheckFolder = "reports/fact-check";
    public const string FinalFolder = ReportFileStore.FinalFolder;
    public const string DebriefFolder = "reports/debrief";

    /// <inheritdoc cref="ReportFileStore.StoreAsync"/>
    public Task<ReportFileUploadedData?> StoreAsync(
        string irpId, string folder, int version, string fileName, string contentType, BinaryData content, DateTimeOffset uploadedAt, CancellationToken ct) =>
        store.StoreAsync(irpId, folder, version, fileName, contentType, content, uploadedAt, ct);

    /// <inheritdoc cref="ReportFileStore.ReadAsync"/>
    public Task<BinaryData> ReadAsync(string irpId, ReportFileUploadedData file, CancellationToken ct) => store.ReadAsync(irpId, file, ct);

    /// <inheritdoc cref="ReportFileStore.DeleteAsync"/>
    public Task DeleteAsync(string irpId, string blobName, CancellationToken ct) => store.DeleteAsync(irpId, blobName, ct);

    /// <summary>
    /// The link to the current draft once it has been issued, else null: the app's <see cref="UploadLinks.ForFactCheckDraft"/>,
    /// valid until <see cref="DraftLinksExpireOn"/>. It depends only on the IRP's state, so an email rendered again carries
    /// the same link.
    /// </summary>
    public Uri? DraftLink(string irpId, IrpState state) =>
        DraftLinksExpireOn(state) is { } expiresOn && state.DraftReport is not null ? links.ForFactCheckDraft(irpId, expiresOn) : null;

    /// <inheritdoc cref="ReportFileStore.DownloadUriAsync"/>
    public Task<Uri> DownloadUriAsync(string irpId, ReportFileUploadedData file, CancellationToken ct) => store.DownloadUriAsync(irpId, file, ct);

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
