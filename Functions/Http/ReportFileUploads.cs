using IrpFlows.Documents;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IrpFlows.Http;

/// <summary>
/// A coordinator's upload of a report file (an IRP's draft, comments, final report or debrief document; a probation
/// inspection's draft or final report): the raw body with its Content-Type, and its name in <c>?fileName=</c>.
/// </summary>
public static class ReportFileUploads
{
    /// <summary>The file's name and bytes checked against <see cref="ReportFileRules"/>, then stored by <paramref name="store"/>; 200 with the file as recorded.</summary>
    public static async Task<IResult> PutAsync(
        HttpRequest request, long maxBytes, Func<string?, BinaryData, Task<(ReportFileUploadedData? File, Refusal? Refusal)>> store)
    {
        using var by = Actor.Use(Actor.Api);
        var fileName = request.Query["fileName"].FirstOrDefault();
        var (content, problem) = await ReadAsync(request, fileName, maxBytes);
        if (problem is not null) return problem;
        var (file, refusal) = await store(fileName, content!);
        return file is null ? Problems.For(refusal!) : TypedResults.Ok(ReportFileView.From(file));
    }

    /// <summary>
    /// Reads the raw body, refusing before reading when the declared file is not acceptable, and never buffering more than
    /// one chunk over the limit (a body without Content-Length is measured as it arrives).
    /// </summary>
    private static async Task<(BinaryData? Content, ValidationProblem? Problem)> ReadAsync(HttpRequest request, string? fileName, long max)
    {
        // Unknown length (chunked): check the name and type now, the size once read.
        if (ReportFileRules.Check(fileName, request.ContentType, request.ContentLength ?? 1, max).Error is { } declared)
            return (null, Problems.Validation(declared.Errors!.ToDictionary()));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) break;
        }
        var error = ReportFileRules.Check(fileName, request.ContentType, buffer.Length, max).Error;
        return error is null ? (new BinaryData(buffer.ToArray()), null) : (null, Problems.Validation(error.Errors!.ToDictionary()));
    }
}
