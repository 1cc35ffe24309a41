using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Storage;
using IrpFlows.Workflow;

namespace IrpFlows.Digest;

/// <summary>
/// The weekly digest (issue 26): once a week, from Monday 07:00 in England, each person who runs inspections (an IRP's
/// coordinator, a probation inspection's lead inspector) gets one email listing, for each of theirs, the steps that failed,
/// those overdue and those due in the next two weeks, each inspection with its page. Read from the instances' headers
/// (<see cref="WorkflowEngine.UnfinishedAgendasAsync"/>), so what it lists is what their timelines say when it runs.
/// Exactly once per person and week: a run that meets an outage, a restart, or another host's run at the same moment sends
/// only what has not gone (<see cref="DigestRecords"/>).
/// </summary>
public sealed partial class WeeklyDigest(
    WorkflowEngine engine, DigestRecords records, IMailSender mail, UploadLinks links, TimeProvider time, ILogger<WeeklyDigest> logger)
{
    /// <summary>
    /// Sends the digests of the week due now that have not gone; returns how many this call sent. A week late in being run
    /// (the host was down on Monday morning, or the development clock jumped past it) is sent when it is run, listing what
    /// is true then; a week the clock jumped over entirely is not sent at all: its dates are behind everyone.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        // Another host may have moved the development clock: the week is the one every host agrees on.
        if (time is ISyncedClock shared) await shared.SyncAsync(ct);
        var now = time.GetUtcNow();
        var week = DigestWeek.At(now);
        if (await records.IsWeekSentAsync(week, ct)) return 0;
        var digests = PersonDigest.For(await engine.UnfinishedAgendasAsync(ct), DigestWeek.Today(now));
        var sent = 0;
        var everyoneHasTheirs = true;
        foreach (var digest in digests)
        {
            var recipient = DigestMail.RecipientKey(digest.Email);
            var claim = await records.ClaimAsync(week, recipient, ct);
            if (claim == DigestClaim.HeldElsewhere) everyoneHasTheirs = false;
            if (claim != DigestClaim.Claimed) continue;
            try
            {
                var message = await mail.SendAsync(DigestMail.Render(week, digest, links.PublicBaseUrl), ct);
                await records.RecordSentAsync(week, recipient, message, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageInitializer.IsOutage(e))
            {
                // One person's digest (a mailbox refusing it, an address mail cannot carry) holds up no one else's; its claim
                // lapses and the next run tries it again.
                Log.NotSent(logger, e, week.Key);
                everyoneHasTheirs = false;
            }
        }
        if (everyoneHasTheirs) await records.RecordWeekSentAsync(week, digests.Count, ct);
        Log.Sent(logger, week.Key, sent);
        return sent;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Weekly digest of {Week}: {Count} sent by this run")]
        public static partial void Sent(ILogger logger, string week, int count);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "A weekly digest of {Week} was not sent; the next run tries it again")]
        public static partial void NotSent(ILogger logger, Exception exception, string week);
    }
}
