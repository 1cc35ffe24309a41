using IrpFlows.Documents;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Probation;

/// <summary>
/// The links in a probation inspection's report emails: the draft for factual accuracy checking (7.3), valid until the end of
/// the day <see cref="ReportOptions.DraftLinkDaysAfterFactCheckDeadline"/> days after the comments are due, and the embargoed
/// copy (7.4), valid until <see cref="ReportOptions.FinalReportLinkDaysAfterPublicationDeadline"/> days after publication. Each
/// depends only on the inspection's state, so an email rendered again carries the same link.
/// </summary>
public sealed class ProbationReportLinks(UploadLinks links, ProbationPlanner planner, ReportOptions options)
{
    public Uri? DraftLink(string instanceId, ProbationState state) =>
        state.DraftReport is null || !state.Progress.DraftIssued ? null
        : links.ForProbationReport(instanceId, final: false, links.EndOf(Date(state, ProbationSteps.FactualAccuracyDeadline).AddDays(options.DraftLinkDaysAfterFactCheckDeadline)));

    public Uri? FinalLink(string instanceId, ProbationState state) =>
        state.FinalReport is null ? null
        : links.ForProbationReport(instanceId, final: true, links.EndOf(Date(state, ProbationSteps.Publication).AddDays(options.FinalReportLinkDaysAfterPublicationDeadline)));

    private DateOnly Date(ProbationState state, string step) => planner.Plan(state.Facts, state.Progress).Single(s => s.Id == step).Date;
}

/// <summary>
/// A probation inspection's draft and final reports as the lead inspector uploads them (7.3, 7.4), kept by
/// <see cref="ReportFileStore"/> as an IRP's are: every check runs before anything is stored, and a file whose record is
/// refused is deleted, so a refused request changes nothing.
/// </summary>
public sealed class ProbationReports(WorkflowEngine engine, ReportFileStore files, ReportOptions options, SignedLinks signedLinks, TimeProvider time)
{
    /// <summary>
    /// Stores a draft report; the latest uploaded is the one the organisation gets. Refused (a conflict) once the draft report
    /// email has gone (the organisation is checking that version), or when the inspection is terminated or completed.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadDraftAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct) =>
        UploadAsync(id, ReportFileStore.DraftFolder, ProbationEvents.DraftReportUploaded, s => s.DraftReports, RefuseDraft, fileName, contentType, content, durable, ct);

    /// <summary>
    /// Stores the final report, which the embargoed copy carries (7.4); a new upload replaces it until that has gone. Refused (a
    /// conflict) before the draft was issued (the final report follows the factual accuracy check, 7.3), once the embargoed copy
    /// has gone, or when the inspection is terminated or completed.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadFinalAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct) =>
        UploadAsync(id, ReportFileStore.FinalFolder, ProbationEvents.FinalReportUploaded, s => s.FinalReports, RefuseFinal, fileName, contentType, content, durable, ct);

    /// <summary>
    /// Stores the planning meeting's minutes (3.5), sent as an attachment to the senior link manager and the administrator, so at
    /// most <see cref="ReportOptions.MaxAttachedFileSizeBytes"/>; a new upload replaces them until they have gone. Refused (a
    /// conflict) before the announcement call is recorded (there is no meeting to minute), once they have gone, or when the
    /// inspection is terminated or completed.
    /// </summary>
    public Task<(ReportFileUploadedData? File, Refusal? Refusal)> UploadMinutesAsync(
        string id, string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct) =>
        UploadAsync(id, MinutesFolder, ProbationEvents.PlanningMeetingMinutesUploaded, s => s.MinutesVersions, RefuseMinutes, fileName,
            contentType, content, durable, ct, Math.Min(options.MaxFileSizeBytes, options.MaxAttachedFileSizeBytes));

    /// <summary>
    /// The read link a report email's link (<c>/probation-reports/{draft|final}/{token}</c>) redirects to, valid for minutes; or
    /// why not: a bad or expired token (forbidden), no such inspection or no such report (not found).
    /// </summary>
    public async Task<(Uri? Download, Refusal? Refusal)> OpenAsync(string token, bool final, CancellationToken ct)
    {
        var (status, refusal) = await signedLinks.OpenAsync(token, final ? UploadTokenPayload.FinalReportPurpose : UploadTokenPayload.DraftReportPurpose,
            [ProbationWorkflow.KindName], "The link to the report is not valid or has expired. Please ask the lead inspector who sent it for the report.", ct);
        if (refusal is not null) return (null, refusal);
        var state = ProbationState.From(status!.Instance);
        var file = final ? state.FinalReport : state.Progress.DraftIssued ? state.DraftReport : null;
        return file is null
            ? (null, Refusal.NotFound(final ? "No final report has been uploaded for this inspection." : "No draft report has been issued for this inspection."))
            : (await files.DownloadUriAsync(status.Instance.Id, file, ct), null);
    }

    private async Task<(ReportFileUploadedData?, Refusal?)> UploadAsync(
        string id, string folder, string eventName, Func<ProbationState, IReadOnlyList<ReportFileUploadedData>> versions, Func<InstanceStatus, Refusal?> refuse,
        string? fileName, string? contentType, BinaryData content, DurableTaskClient durable, CancellationToken ct, long? maxBytes = null)
    {
        var (name, invalid) = ReportFileRules.Check(fileName, contentType, content.ToMemory().Span, maxBytes ?? options.MaxFileSizeBytes);
        if (invalid is not null) return (null, invalid);
        var status = await engine.GetAsync(ProbationWorkflow.KindName, id, ct);
        if (status is null) return (null, ProbationService.NotFound(id));
        if ((ProbationService.Finished(status) ?? refuse(status)) is { } early) return (null, early);

        var version = versions(ProbationState.From(status.Instance)).Count + 1;
        var file = await files.StoreAsync(id, folder, version, name!, contentType!, content, time.GetUtcNow(), ct);
        if (file is null) return (null, AnotherUpload());
        try
        {
            var appended = await engine.AppendAsync(ProbationWorkflow.KindName, id, current =>
            {
                if ((ProbationService.Finished(current) ?? refuse(current)) is { } late) throw new RefusedException(late);
                if (versions(ProbationState.From(current.Instance)).Count + 1 != version) throw new RefusedException(AnotherUpload());
                return [new NewEvent(eventName, EventData.ToData(file))];
            }, durable, ct);
            if (appended is not null) return (file, null);
            await files.DeleteAsync(id, file.BlobName, ct);
            return (null, ProbationService.NotFound(id));
        }
        catch (RefusedException e)
        {
            // Something changed between the first check and the record (the draft was issued meanwhile): keep nothing.
            await files.DeleteAsync(id, file.BlobName, ct);
            return (null, e.Refusal);
        }
    }

    // The version the organisation checks is the one its email linked to: replaceable until that email has gone.
    private static Refusal? RefuseDraft(InstanceStatus status) => status.Step(ProbationSteps.DraftReport)?.Status == StepStatus.Done
        ? Refusal.Conflict("Draft already issued",
            "The draft report has gone to the organisation for factual accuracy checking; it is checking that version, so it can no longer be replaced (manual 7.3).")
        : null;

    private static Refusal? RefuseFinal(InstanceStatus status) =>
        ProbationState.From(status.Instance).DraftIssuedOn is null
            ? Refusal.Conflict("No draft issued", "The final report follows the factual accuracy check of the draft (manual 7.3, 7.4); record DraftIssued first.")
        : status.Step(ProbationSteps.EmbargoedCopy)?.Status == StepStatus.Done
            ? Refusal.Conflict("Embargoed copy already sent", "The embargoed copy of the final report has gone to the organisation; that version can no longer be replaced.")
        : null;

    private const string MinutesFolder = "reports/minutes";

    private static Refusal? RefuseMinutes(InstanceStatus status) =>
        ProbationState.From(status.Instance).Progress.AnnouncementCallOn is null
            ? Refusal.Conflict("No announcement call recorded", "The planning meeting follows the announcement call (manual 3.5); record AnnouncementCallMade first.")
        : status.Step(ProbationSteps.PlanningMeetingMinutes)?.Status == StepStatus.Done
            ? Refusal.Conflict("Minutes already sent", "The planning meeting's minutes have gone to the senior link manager and administrator; they can no longer be replaced.")
        : null;

    private static Refusal AnotherUpload() =>
        Refusal.Conflict("Another upload got there first", "Another file was recorded for this inspection at the same moment; check its status and try again.");
}
