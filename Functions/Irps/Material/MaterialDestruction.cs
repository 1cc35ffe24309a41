using IrpFlows.Documents;
using IrpFlows.Irps.Timeline;

namespace IrpFlows.Irps.Material;

/// <summary>What one run of the destruction deleted. Kept in the step's result next to the email record.</summary>
public sealed record DestructionRecord(int Files, long Bytes)
{
    /// <summary>The sentence the coordinator's email carries.</summary>
    public string Summary => Files == 0
        ? "There were no files left to delete in IrpFlows' storage for this review: anything uploaded had already been deleted. None remain."
        : $"We deleted {(Files == 1 ? "the 1 file" : $"all {Files} files")} ({UploadRules.Describe(Bytes)}) stored in IrpFlows for this review, including every document the establishment uploaded. None remain.";
}

/// <summary>
/// Destroys the material an establishment gave (prison guide Appendix A, IRC guide Appendix I): every blob in the IRP's
/// container. Idempotent: run again after a crash, it deletes nothing more and says so.
/// </summary>
public sealed class MaterialDestruction(DocumentStore store)
{
    public const string StepId = IrpSteps.MaterialDestruction;

    public async Task<DestructionRecord> DestroyAsync(string irpId, CancellationToken ct)
    {
        var (files, bytes) = await store.DeleteEverythingAsync(irpId, ct);
        return new DestructionRecord(files, bytes);
    }
}
