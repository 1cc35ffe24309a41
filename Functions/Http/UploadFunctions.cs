using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Timeline;
using IrpFlows.Pages;
using IrpFlows.Probation;
using IrpFlows.Validation;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Http;

/// <summary>
/// The establishment's side of document collection, authorised by the signed token in the URL alone: the upload page and
/// the upload protocol (see ../shared/API.md, "Documents"). And the coordinator's download of a received file.
/// </summary>
public sealed class UploadFunctions(DocumentCollection documents, DocumentStore store, UploadRules rules, IrpPolicy policy, WorkflowEngine engine)
{
    [Function(nameof(UploadPage))]
    [OpenApiOperation("Documents", "The establishment's upload page: every requested document with its status, and file uploads.",
        ResponseContentType = "text/html", ErrorStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status410Gone])]
    public async Task<IResult> UploadPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "upload/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var response = request.HttpContext.Response;
        KeepTokenPrivate(response);
        var (access, refusal) = await documents.OpenAsync(token, ct);
        if (refusal is not null) return RefusalPage(response, refusal);
        if (access!.Cancelled) return RefusalPage(response, access.CancelledRefusal);
        // The page's script talks to this app and PUTs files to blob storage; nothing else.
        var storageOrigin = store.Container(access.IrpId).Uri.GetLeftPart(UriPartial.Authority);
        response.Headers.ContentSecurityPolicy =
            $"{PageLayout.SiteResources}; connect-src 'self' {storageOrigin}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return Results.Content(Documents.UploadPage.Render(access, token, rules, policy.TimeZone).ToString(), "text/html; charset=utf-8");
    }

    [Function(nameof(BeginUpload))]
    [OpenApiOperation("Documents", "Start uploading one file for a checklist item: returns a create-only SAS for one new blob. PUT the bytes there once, with x-ms-blob-type: BlockBlob and the Content-Type returned.",
        RequestBody = typeof(UploadRequest), Response = typeof(UploadGrantResponse),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone])]
    public async Task<IResult> BeginUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads/{token}/{key}")] HttpRequest request,
        string token, string key, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<UploadRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (grant, refusal) = await documents.BeginUploadAsync(token, key, body!, ct);
        if (refusal is not null) return Problems.For(refusal);
        return TypedResults.Ok(new UploadGrantResponse(grant!.UploadUrl, grant.BlobName, grant.ExpiresOn, grant.ContentType));
    }

    [Function(nameof(CompleteUpload))]
    [OpenApiOperation("Documents", "Report a file uploaded: the item is recorded as received. Idempotent. For a cancelled review, 410: the file is deleted and its deletion recorded in the review's history (UploadDeletedAfterCancellation).",
        RequestBody = typeof(CompleteUploadRequest), Response = typeof(DocumentView),
        ErrorStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone])]
    public async Task<IResult> CompleteUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads/{token}/{key}/complete")] HttpRequest request,
        string token, string key, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        using var by = Actor.Use(Actor.Link);
        var (body, problem) = await JsonBody.ReadAsync<CompleteUploadRequest>(request, EventData.Json);
        if (problem is not null) return problem;
        var (item, refusal) = await documents.CompleteUploadAsync(token, key, body!.BlobName, durable, ct);
        return refusal is not null ? Problems.For(refusal) : TypedResults.Ok(item!);
    }

    [Function(nameof(DownloadDocument))]
    [OpenApiOperation("Documents", "Download a received file: a redirect to a read-only link valid for a few minutes, which storage answers as an attachment. name is the file's name as listed, or its blob name's last segment.",
        ResponseStatus = StatusCodes.Status302Found, ErrorStatuses = [StatusCodes.Status404NotFound, StatusCodes.Status410Gone])]
    public async Task<IResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/irps/{id}/documents/{key}/files/{name}")] HttpRequest request,
        string id, string key, string name, CancellationToken ct)
    {
        var (link, refusal) = await DocumentLinkAsync(engine, store, IrpWorkflow.KindName, id, key, name, ct);
        return link is null ? Problems.For(refusal!) : TypedResults.Redirect(link.ToString());
    }

    /// <summary>
    /// A read-only link, valid for a few minutes, to a file received for an IRP or a probation inspection (<paramref name="kind"/>);
    /// 404 or 410 (destroyed) refusals otherwise.
    /// </summary>
    internal static async Task<(Uri? Link, Refusal? Refusal)> DocumentLinkAsync(
        WorkflowEngine engine, DocumentStore store, string kind, string id, string key, string name, CancellationToken ct)
    {
        var status = await engine.GetAsync(kind, id, ct);
        if (status is null) return (null, kind == IrpWorkflow.KindName ? IrpService.NotFound(id) : ProbationService.NotFound(id));
        var received = kind == IrpWorkflow.KindName ? IrpState.From(status.Instance).DocumentsReceived : ProbationState.From(status.Instance).DocumentsReceived;
        var files = received.Where(f => f.Key == key).ToList();
        // A blob name's last segment is unique; a file name may have been uploaded more than once: the latest wins.
        var file = files.FirstOrDefault(f => f.BlobName == DocumentStore.Folder(key) + name)
            ?? files.Where(f => f.FileName == name).MaxBy(f => f.ReceivedAt);
        if (file is null) return (null, Refusal.NotFound($"No file named '{name}' has been received for '{key}'."));
        if (await store.GetDocumentAsync(id, key, file.BlobName, ct) is not { } stored)
            return (null, Refusal.Gone("Deleted", $"'{name}' was received but has since been deleted (material is destroyed after publication)."));
        return (await store.DownloadUriAsync(id, file.BlobName, file.FileName, stored.ContentType, ct), null);
    }

    /// <summary>A page whose URL carries a token is the credential: keep it out of Referer headers and caches.</summary>
    internal static void KeepTokenPrivate(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>
    /// A page with a plain form that posts back to its own address (the fact-check and feedback pages): nothing from outside
    /// this app, nothing inline, and forms only to this app.
    /// </summary>
    internal static IResult FormPage(HttpResponse response, Html page, int status)
    {
        response.Headers.ContentSecurityPolicy = PageLayout.ContentSecurityPolicy;
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The short refusal page with the refusal's status, under a CSP that allows no form at all.</summary>
    internal static IResult RefusalPage(HttpResponse response, Refusal refusal)
    {
        response.Headers.ContentSecurityPolicy = $"{PageLayout.SiteResources}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return Results.Content(Documents.UploadPage.RenderRefusal(refusal).ToString(), "text/html; charset=utf-8", statusCode: Problems.StatusOf(refusal));
    }
}

/// <summary>The body of <c>POST /api/uploads/{token}/{key}/complete</c>.</summary>
/// <param name="BlobName">As the grant returned it: the item's folder, a unique prefix and the sanitised file name.</param>
public sealed record CompleteUploadRequest([property: Text(Limits.BlobName)] string? BlobName);

/// <summary>
/// Where to PUT the file (a create-only SAS for one new blob: a second PUT is refused with 403), the blob's name for the
/// completion call, when the SAS expires, and the Content-Type to PUT with (completion refuses a file stored with another).
/// </summary>
public sealed record UploadGrantResponse(Uri UploadUrl, string BlobName, DateTimeOffset ExpiresOn, string ContentType);
