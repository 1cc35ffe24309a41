using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;

namespace IrpFlows.Irps.Material;

/// <summary>
/// Destroys the material an establishment gave (prison guide Appendix A, IRC guide Appendix I: "the material requested and
/// used by the inspection team"): the documents it uploaded to the IRP's container. HMI Prisons' own files (draft and final
/// reports, fact-check comments, the debrief document) are the inspectorate's record and stay.
/// </summary>
public sealed class MaterialDestruction(DocumentStore store)
{
    public const string StepId = IrpSteps.MaterialDeletion;

    /// <summary>
    /// Deletes every uploaded document and says which were deleted. Run again after a crash between the deletion and its
    /// record, it finds the documents the log recorded already gone and still names them: they were deleted by the attempt
    /// before, as nothing else deletes an establishment's documents.
    /// </summary>
    public async Task<MaterialDestroyedData> DestroyAsync(string irpId, IReadOnlyList<DocumentReceivedData> recorded, CancellationToken ct)
    {
        var deletedNow = await store.DeleteDocumentsAsync(irpId, ct);
        var recordedNames = recorded.Select(d => d.BlobName).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<DestroyedFile> files =
        [
            .. recorded.Select(d => new DestroyedFile(d.Key, d.FileName, d.Size)),
            // A file stored but not yet recorded (its upload's completion still on its way) goes too.
            .. deletedNow.Where(b => !recordedNames.Contains(b.Name))
                .Select(b => new DestroyedFile(KeyOf(b.Name), DocumentStore.FileNameOf(b.Name), b.Properties.ContentLength ?? 0)),
        ];
        return new MaterialDestroyedData(files, files.Sum(f => f.Size));
    }

    private static string KeyOf(string blobName)
    {
        var rest = blobName[DocumentStore.DocumentsFolder.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : rest[..slash];
    }
}
