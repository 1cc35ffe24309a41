using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Http;

/// <summary>
/// One line when an HTTP function's request starts and one when its response has gone, as ASP.NET Core's hosting logs
/// them, but with every bearer secret in the URL redacted (<see cref="Secrets.Redact"/>): upload, fact-check and
/// final-report links are valid for months, and whoever reads a log must not be able to use them. Both hosts log requests
/// through this, not through <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>. The finish line is written when the response
/// has completed, because in Azure the function's result is executed after the worker middleware has returned (by the
/// ASP.NET Core integration), so only then is its status code known.
/// </summary>
public sealed partial class RequestLogMiddleware(ILoggerFactory loggers) : IFunctionsWorkerMiddleware
{
    public const string Category = "IrpFlows.Http.Requests";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http) return next(context);
        var request = http.Request;
        var url = Secrets.Redact(request.Path + request.QueryString);
        Starting(_logger, request.Protocol, request.Method, url);
        var started = Stopwatch.GetTimestamp();
        http.Response.OnCompleted(() =>
        {
            Finished(_logger, request.Protocol, request.Method, url, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Task.CompletedTask;
        });
        return next(context);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Request starting {Protocol} {Method} {Url}")]
    private static partial void Starting(ILogger logger, string protocol, string method, string url);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Request finished {Protocol} {Method} {Url} - {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Finished(ILogger logger, string protocol, string method, string url, int statusCode, double elapsedMilliseconds);
}

/// <summary>The bearer secrets IrpFlows puts in URLs, and how to keep them out of text that is written down.</summary>
public static partial class Secrets
{
    public const string Mask = "***";

    /// <summary>
    /// <paramref name="text"/> with the token of every <c>/upload/</c>, <c>/fact-check/</c>, <c>/final-report/</c>, <c>/feedback/</c> and
    /// <c>/api/uploads/</c> path, and the value of every <c>sig=</c> (a SAS signature), <c>token=</c> (the calendar feed) and
    /// <c>code=</c> (the function key, which Azure Functions accepts in the query) parameter, replaced by <see cref="Mask"/>.
    /// Case-insensitive, as routes are (<c>/UPLOAD/{token}</c> reaches the upload page), and also where the URL is itself
    /// percent-encoded in another's query (a sign-in's <c>post_login_redirect_uri</c>).
    /// </summary>
    public static string Redact(string text) => QuerySecret().Replace(PathToken().Replace(text, "$1" + Mask), "$1" + Mask);

    [GeneratedRegex(@"((?:/|%2F)(?:upload|fact-check|final-report|feedback|api(?:/|%2F)uploads)(?:/|%2F))[^/?#\s""'<>]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PathToken();

    [GeneratedRegex(@"((?:[?&]|%3F|%26)(?:sig|token|code)(?:=|%3D))[^&#\s""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuerySecret();
}
