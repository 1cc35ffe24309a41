using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Reports;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Http;

/// <summary>
/// The final report link in the email to the ministerial office, <c>/final-report/{token}</c>, authorised by the signed token
/// alone (purpose <see cref="UploadTokenPayload.FinalReportPurpose"/>): a redirect to a read link valid for minutes.
/// </summary>
public sealed class FinalReportFunctions(SignedLinks links, IrpReportFiles files)
{
    [Function(nameof(FinalReportDownload))]
    [OpenApiOperation("Reports", "The final report sent to ministers: a redirect to a read-only link valid for a few minutes.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound])]
    public async Task<IResult> FinalReportDownload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "final-report/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        UploadFunctions.KeepTokenPrivate(response);
        var (status, refusal) = await links.OpenAsync(token, UploadTokenPayload.FinalReportPurpose, [IrpWorkflow.KindName],
            "The link to the final report is not valid or has expired. Please ask the IRP coordinator who sent it for the report.", ct);
        if (refusal is not null) return UploadFunctions.RefusalPage(response, refusal);
        if (IrpState.From(status!.Instance).FinalReport is not { } final)
            return UploadFunctions.RefusalPage(response, Refusal.NotFound("No final report has been uploaded for this review."));
        return Results.Redirect((await files.DownloadUriAsync(status.Instance.Id, final, ct)).ToString());
    }
}
