using IrpFlows.Storage;
using Microsoft.Azure.Functions.Worker;

namespace IrpFlows.Digest;

/// <summary>
/// Every hour, on the hour: sends the week's digests once Monday 07:00 in England has come, unless they have gone
/// (<see cref="WeeklyDigest"/>). Hourly rather than weekly, so that a host that was down at 07:00 on Monday, or met a storage
/// outage then, sends them within the hour it is back; once a week's have gone, a run costs one table read. Timer schedules
/// are UTC: an hourly one needs no summer time of its own. While storage is not available it does nothing.
/// </summary>
public sealed class WeeklyDigestFunction(WeeklyDigest digest, StorageInitializer storage)
{
    [Function(nameof(SendWeeklyDigest))]
    public async Task SendWeeklyDigest([TimerTrigger("0 0 * * * *")] TimerInfo timer, CancellationToken ct)
    {
        if (!storage.IsAvailable) return;
        try
        {
            await digest.SendDueAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && StorageInitializer.IsOutage(e))
        {
            storage.ReportUnavailable("The weekly digest could not reach storage: " + StorageInitializer.FirstLine(e.Message));
        }
    }
}
