using IrpFlows.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Hosting;

/// <summary>
/// In Azure, what <see cref="HttpErrors"/> does for Functions.Local's Kestrel pipeline: an exception that escapes an HTTP
/// function becomes the same problem response, instead of the Functions host's bare 500.
/// </summary>
public sealed partial class HttpErrorsMiddleware(HttpErrors errors, ILogger<HttpErrorsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is not null)
        {
            Log.FunctionFailed(logger, e, context.FunctionDefinition.Name);
            if (!await errors.TryHandleAsync(context.GetHttpContext()!, e, context.CancellationToken)) throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Function {Function} failed")]
        public static partial void FunctionFailed(ILogger logger, Exception exception, string function);
    }
}
