using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>
/// The multipart/mixed body of an entity group transaction (one batch holding one changeset) and the parsing of
/// its multipart response. Each operation's JSON body stays on one line, as the service's parsers expect.
/// </summary>
internal sealed class TableTransactionBatch
{
    private const string Crlf = "\r\n";
    private const int MaxActions = 100;

    public TableTransactionBatch(Uri tableUri, IReadOnlyList<TableTransactionAction> actions, Func<string, string, Uri> entityUri)
    {
        Validate(actions);
        var batchBoundary = $"batch_{Guid.NewGuid():D}";
        var changesetBoundary = $"changeset_{Guid.NewGuid():D}";
        ContentType = $"multipart/mixed; boundary={batchBoundary}";

        var body = new StringBuilder()
            .Append("--").Append(batchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append(Crlf)
            .Append(Crlf);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, uri, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri, null),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri(entity.PartitionKey, entity.RowKey), IfMatch(action.ETag)),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri(entity.PartitionKey, entity.RowKey), IfMatch(action.ETag)),
                TableTransactionActionType.Delete => ("DELETE", entityUri(entity.PartitionKey, entity.RowKey), IfMatch(action.ETag)),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri(entity.PartitionKey, entity.RowKey), null),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri(entity.PartitionKey, entity.RowKey), (string?)null),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            body.Append("--").Append(changesetBoundary).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append(Crlf)
                .Append(method).Append(' ').Append(uri.AbsoluteUri).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
                .Append("DataServiceVersion: 3.0").Append(Crlf);
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append(Crlf);
            }

            if (method == "DELETE")
            {
                body.Append(Crlf);
            }
            else
            {
                body.Append("Content-Type: application/json").Append(Crlf)
                    .Append("Prefer: return-no-content").Append(Crlf)
                    .Append(Crlf)
                    .Append(TableEntityJson.Serialize(entity)).Append(Crlf);
            }
        }

        body.Append("--").Append(changesetBoundary).Append("--").Append(Crlf)
            .Append("--").Append(batchBoundary).Append("--").Append(Crlf);
        Body = BinaryData.FromString(body.ToString());
    }

    public string ContentType { get; }

    public BinaryData Body { get; }

    /// <summary>The new ETag per action, or the failure of the action the service rejected.</summary>
    public static IReadOnlyList<ETag> ReadResponse(Response response, IReadOnlyList<TableTransactionAction> actions)
    {
        var parts = ParseParts(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status is < 200 or >= 300);
        if (failed is not null || parts.Count != actions.Count)
        {
            throw Failure(failed, parts.Count, actions);
        }

        return parts.Select((p, i) => actions[i].ActionType == TableTransactionActionType.Delete || !p.Headers.TryGetValue("ETag", out var etag)
            ? default
            : new ETag(etag)).ToList();
    }

    private static TableTransactionFailedException Failure(Part? failed, int partCount, IReadOnlyList<TableTransactionAction> actions)
    {
        if (failed is null)
        {
            return new TableTransactionFailedException(500,
                $"The table transaction response had {partCount} results for {actions.Count} actions.", null, null);
        }

        var (code, message) = StorageErrors.ReadBody(BinaryData.FromString(failed.Body));
        // The service prefixes the error message with the 0-based index of the failing action: "2:The update condition ...".
        int? index = null;
        var colon = message?.IndexOf(':') ?? -1;
        if (colon > 0 && int.TryParse(message![..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed < actions.Count)
        {
            index = parsed;
            message = message[(colon + 1)..];
        }

        var where = index is { } i
            ? $" at action {i} ({actions[i].ActionType} of row '{actions[i].Entity.RowKey}')"
            : string.Empty;
        return new TableTransactionFailedException(failed.Status,
            $"The table transaction failed{where} with status {failed.Status} ({code}); nothing was committed. {message?.Split('\n')[0]}",
            code, index);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count > MaxActions)
        {
            throw new ArgumentException($"A table transaction holds at most {MaxActions} actions; got {actions.Count}.", nameof(actions));
        }

        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("All actions of a table transaction must be in one partition.", nameof(actions));
        }

        if (actions.Select(a => a.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() < actions.Count)
        {
            throw new ArgumentException("A table transaction may touch each row only once.", nameof(actions));
        }
    }

    private static string? IfMatch(ETag etag) => etag == default ? "*" : etag.ToString("H");

    /// <summary>Finds each embedded HTTP response ("HTTP/1.1 204 No Content", headers, blank line, body up to the next boundary).</summary>
    private static List<Part> ParseParts(string body)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var parts = new List<Part>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            parts.Add(new Part(status, headers, content.ToString()));
            i--;
        }

        return parts;
    }

    private sealed record Part(int Status, Dictionary<string, string> Headers, string Body);
}
