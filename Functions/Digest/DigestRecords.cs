using Azure;
using Azure.Data.Tables;
using IrpFlows.Mail;
using IrpFlows.Storage;
using IrpFlows.Workflow;

namespace IrpFlows.Digest;

/// <summary>Where one person's digest of a week stands before it is sent.</summary>
public enum DigestClaim
{
    /// <summary>This run sends it.</summary>
    Claimed,
    /// <summary>It went: nothing to do.</summary>
    Sent,
    /// <summary>Another run (another host) claimed it moments ago and is sending it.</summary>
    HeldElsewhere,
}

/// <summary>
/// The record of the digests, which belong to people, not to an instance: a table beside the workflow log
/// (<c>{InstancesTable}digests</c>), with a row per week and person (partition the week, row the address as
/// <see cref="DigestMail.RecipientKey"/> writes it) claimed before the email goes and marked with the message after; and a
/// row per week (partition <c>weeks</c>) once every digest of the week has gone, so each later run that week reads one row.
/// The email itself goes once because the sender is idempotent by its message key (<see cref="IMailSender"/>), as every
/// step's does; the claim keeps two hosts from sending the same digest at the same moment, which Graph's look-before-send
/// cannot tell apart (see <see cref="GraphMailSender"/>), and a claim whose run died is taken over once it is old enough.
/// </summary>
public sealed class DigestRecords(TableServiceClient tables, WorkflowOptions options) : IStorageSetup
{
    // Far longer than a send takes (Graph's rechecks included); a claim this old without its message belongs to a run that died.
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private const string WeeksPartition = "weeks";

    private readonly TableClient _table = tables.GetTableClient(options.InstancesTable + "digests");

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<bool> IsWeekSentAsync(DigestWeek week, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(WeeksPartition, week.Key, select: ["RowKey"], cancellationToken: ct)).HasValue;

    public Task RecordWeekSentAsync(DigestWeek week, int sent, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(WeeksPartition, week.Key) { ["Digests"] = sent }, TableUpdateMode.Replace, ct);

    /// <summary>
    /// Claims the digest of <paramref name="week"/> to <paramref name="recipientKey"/> for this run. Claims age on the system
    /// clock, not the business one: the development clock jumping on must not hand a live claim to another run.
    /// </summary>
    public async Task<DigestClaim> ClaimAsync(DigestWeek week, string recipientKey, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        try
        {
            await _table.AddEntityAsync(new TableEntity(week.Key, recipientKey) { ["ClaimedAt"] = now }, ct);
            return DigestClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = (await _table.GetEntityAsync<TableEntity>(week.Key, recipientKey, cancellationToken: ct)).Value;
            if (row.GetString("MessageId") is not null) return DigestClaim.Sent;
            if (row.GetDateTimeOffset("ClaimedAt") > now - ClaimLifetime) return DigestClaim.HeldElsewhere;
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(week.Key, recipientKey) { ["ClaimedAt"] = now }, row.ETag, TableUpdateMode.Replace, ct);
                return DigestClaim.Claimed;
            }
            catch (RequestFailedException lost) when (lost.Status == 412)
            {
                return DigestClaim.HeldElsewhere; // another run took it over first
            }
        }
    }

    /// <summary>Records the message that went, as the sender read it back.</summary>
    public Task RecordSentAsync(DigestWeek week, string recipientKey, SentMail sent, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(week.Key, recipientKey)
        {
            ["MessageId"] = sent.ProviderMessageId,
            ["Subject"] = sent.Subject,
            ["SentAt"] = sent.SentAt,
        }, TableUpdateMode.Merge, ct);
}
