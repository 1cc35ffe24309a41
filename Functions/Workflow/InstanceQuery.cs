using System.Buffers.Text;
using System.Text;

namespace IrpFlows.Workflow;

/// <summary>Which instances of a kind a list wants, and how many at a time.</summary>
/// <param name="Year">Only those whose <see cref="WorkflowListing.Date"/> falls in this year.</param>
/// <param name="Status">Only those in this state.</param>
/// <param name="Category">Only those of this <see cref="WorkflowListing.Category"/>.</param>
/// <param name="Top">At most this many, with where the next page starts; null: every one.</param>
/// <param name="Continuation">Where this page starts: what the page before gave.</param>
public sealed record InstanceQuery(int? Year = null, RuntimeStatus? Status = null, string? Category = null, int? Top = null, string? Continuation = null);

/// <summary>A page of a list of instances, and where the next starts (null: this is the last).</summary>
public sealed record InstancePage(IReadOnlyList<InstanceHeaderRow> Items, string? Continuation);

/// <summary>A page of a list, and where the next starts (null: this is the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Continuation);

/// <summary>Storage's continuation, as a list hands it to its callers: opaque, and safe in a URL.</summary>
internal static class ContinuationToken
{
    public static string? Write(string? storage) => storage is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storage));

    /// <exception cref="FormatException">Not a token <see cref="Write"/> made.</exception>
    public static string? Read(string? token) =>
        string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
}
