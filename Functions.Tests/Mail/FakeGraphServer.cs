using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Mail;

/// <summary>The Graph calls <c>GraphMailSender</c> makes, as the fake recognises them.</summary>
public enum GraphOperation { FindMessages, CreateDraft, SendDraft }

/// <summary>Failures the fake can inject once, on the next request of a given operation.</summary>
public enum GraphFault
{
    /// <summary>429 with Retry-After: 1; nothing is done.</summary>
    TooManyRequests,

    /// <summary>503 with Retry-After: 1; nothing is done.</summary>
    ServiceUnavailable,

    /// <summary>400; nothing is done.</summary>
    BadRequest,

    /// <summary>The request takes effect, then the answer is a 504.</summary>
    AcceptThenGatewayTimeout,

    /// <summary>The request takes effect, then the connection drops before any answer.</summary>
    AcceptThenDropConnection,

    /// <summary>
    /// The send is accepted and the connection drops; like Exchange filing a message a moment late, the message is
    /// then in neither Drafts nor Sent Items for the next lookup.
    /// </summary>
    AcceptThenFileLate,
}

internal sealed record RecordedRequest(GraphOperation Operation, string UserId, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp);

/// <summary>A message in the fake _mailbox. Ids are immutable: the sent copy keeps the draft's id, as Graph does with Prefer: IdType="ImmutableId".</summary>
internal sealed class StoredMessage(string id, JsonObject json)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public string Folder { get; set; } = "drafts";

    public bool IsDraft => Folder == "drafts";

    public DateTimeOffset? SentDateTime { get; set; }

    /// <summary>Lookups that will still not see this message (it is in transit).</summary>
    public int HiddenForLookups { get; set; }

    public IEnumerable<(string Id, string Value)> ExtendedProperties =>
        (Json["singleValueExtendedProperties"] as JsonArray ?? [])
        .Select(p => ((string)p!["id"]!, (string)p["value"]!));
}

/// <summary>
/// A fake Microsoft Graph on Kestrel (127.0.0.1, a free port) with one in-memory _mailbox (Drafts and Sent Items),
/// serving exactly the endpoints the SDK calls for the sender, recording every request, with one-shot _faults.
/// </summary>
internal sealed partial class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<StoredMessage> _mailbox = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<GraphOperation, Queue<GraphFault>> _faults = [];
    private int _nextId;

    private FakeGraphServer(TimeProvider clock)
    {
        _clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/v1.0/users/{userId}/messages", context => HandleAsync(context, GraphOperation.FindMessages, FindMessages));
        _app.MapPost("/v1.0/users/{userId}/messages", context => HandleAsync(context, GraphOperation.CreateDraft, CreateDraft));
        _app.MapPost("/v1.0/users/{userId}/messages/{messageId}/send", context => HandleAsync(context, GraphOperation.SendDraft, SendDraft));
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) { return _requests.ToList(); } } }

    public IReadOnlyList<StoredMessage> SentItems { get { lock (_gate) { return _mailbox.Where(m => m.Folder == "sentitems").ToList(); } } }

    public IReadOnlyList<StoredMessage> Drafts { get { lock (_gate) { return _mailbox.Where(m => m.IsDraft).ToList(); } } }

    public static async Task<FakeGraphServer> StartAsync(TimeProvider clock)
    {
        var server = new FakeGraphServer(clock);
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Urls.Single() + "/v1.0");
        return server;
    }

    public void FailNext(GraphOperation operation, GraphFault fault)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(operation, out var queue))
            {
                _faults[operation] = queue = new Queue<GraphFault>();
            }
            queue.Enqueue(fault);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(GraphOperation operation) => Requests.Where(r => r.Operation == operation).ToList();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, GraphOperation operation, Func<HttpContext, string, IResult> handle)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        GraphFault? fault;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(
                operation,
                (string)context.Request.RouteValues["userId"]!,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                Stopwatch.GetTimestamp()));
            fault = _faults.TryGetValue(operation, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }

        switch (fault)
        {
            case GraphFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                await Error(StatusCodes.Status429TooManyRequests, "TooManyRequests").ExecuteAsync(context);
                return;
            case GraphFault.ServiceUnavailable:
                context.Response.Headers.RetryAfter = "1";
                await Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable").ExecuteAsync(context);
                return;
            case GraphFault.BadRequest:
                await Error(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients").ExecuteAsync(context);
                return;
        }

        IResult result;
        lock (_gate)
        {
            result = handle(context, body);
            if (fault == GraphFault.AcceptThenFileLate)
            {
                _mailbox.Single(m => m.Id == (string)context.Request.RouteValues["messageId"]!).HiddenForLookups = 1;
            }
        }
        switch (fault)
        {
            case GraphFault.AcceptThenGatewayTimeout:
                await Error(StatusCodes.Status504GatewayTimeout, "GatewayTimeout").ExecuteAsync(context);
                return;
            case GraphFault.AcceptThenDropConnection or GraphFault.AcceptThenFileLate:
                context.Abort();
                return;
            default:
                await result.ExecuteAsync(context);
                return;
        }
    }

    private IResult FindMessages(HttpContext context, string body)
    {
        var filter = FilterPattern().Match(context.Request.Query["$filter"].ToString());
        if (!filter.Success)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest");
        }
        var propertyId = filter.Groups["id"].Value.Replace("''", "'", StringComparison.Ordinal);
        var value = filter.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
        var tagged = _mailbox.Where(m => m.ExtendedProperties.Contains((propertyId, value))).ToList();
        var matches = tagged.Where(m => m.HiddenForLookups == 0).ToList();
        foreach (var inTransit in tagged.Where(m => m.HiddenForLookups > 0))
        {
            inTransit.HiddenForLookups--;
        }
        var select = context.Request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var page = new JsonArray(matches.Select(m => (JsonNode)Selected(m, select)).ToArray());
        return Results.Json(new JsonObject { ["value"] = page });
    }

    /// <summary>Only the fields asked for ($select), as Graph answers: a sender that reads a field it did not ask for gets nothing.</summary>
    private static JsonObject Selected(StoredMessage message, IReadOnlyList<string> select)
    {
        var all = message.Json.DeepClone().AsObject();
        all["id"] = message.Id;
        all["isDraft"] = message.IsDraft;
        all["sentDateTime"] = message.SentDateTime?.ToString("O");
        return new JsonObject(select.Where(all.ContainsKey).Select(field => KeyValuePair.Create(field, all[field]?.DeepClone())));
    }

    private IResult CreateDraft(HttpContext context, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var message = new StoredMessage($"AAkALgImmutable{++_nextId:D4}", json);
        _mailbox.Add(message);
        var created = json.DeepClone().AsObject();
        created["id"] = message.Id;
        created["isDraft"] = true;
        return Results.Json(created, statusCode: StatusCodes.Status201Created);
    }

    private IResult SendDraft(HttpContext context, string body)
    {
        var id = (string)context.Request.RouteValues["messageId"]!;
        var message = _mailbox.SingleOrDefault(m => m.Id == id);
        if (message is null)
        {
            return Error(StatusCodes.Status404NotFound, "ErrorItemNotFound");
        }
        if (!message.IsDraft)
        {
            return Error(StatusCodes.Status400BadRequest, "ErrorInvalidOperation");
        }
        message.Folder = "sentitems";
        message.SentDateTime = _clock.GetUtcNow();
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static IResult Error(int status, string code) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = $"Fake Graph: {code}" } }, statusCode: status);

    [GeneratedRegex(@"^singleValueExtendedProperties/Any\(ep: ep/id eq '(?<id>(?:[^']|'')*)' and ep/value eq '(?<value>(?:[^']|'')*)'\)$")]
    private static partial Regex FilterPattern();
}
