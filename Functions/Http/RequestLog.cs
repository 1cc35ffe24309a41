using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IrpFlows.Http;

/// <summary>
/// One line when a request starts and one when it finishes, as ASP.NET Core's hosting logs them, but with every bearer
/// secret in the URL redacted (<see cref="Secrets.Redact"/>): upload, fact-check and final-report links are valid for
/// months, and whoever reads a log must not be able to use them. Both hosts log requests through this, not through
/// <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "IrpFlows.Http.Requests";

    public static IApplicationBuilder UseRedactedRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var url = Secrets.Redact(request.Path + request.QueryString);
            Starting(logger, request.Protocol, request.Method, url);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Finished(logger, request.Protocol, request.Method, url, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
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
    /// <paramref name="text"/> with the token of every <c>/upload/</c>, <c>/fact-check/</c>, <c>/final-report/</c> and
    /// <c>/api/uploads/</c> path, and the value of every <c>sig=</c> (a SAS signature) and <c>token=</c> query parameter,
    /// replaced by <see cref="Mask"/>.
    /// </summary>
    public static string Redact(string text) => QuerySecret().Replace(PathToken().Replace(text, "$1" + Mask), "$1" + Mask);

    [GeneratedRegex(@"(/(?:upload|fact-check|final-report|api/uploads)/)[^/?#\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex PathToken();

    [GeneratedRegex(@"([?&](?:sig|token)=)[^&#\s""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuerySecret();
}
