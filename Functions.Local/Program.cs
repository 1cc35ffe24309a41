using IrpFlows.Hosting;
using IrpFlows.Http;
using IrpFlows.Local.Checks;
using IrpFlows.Local.Hosting;
using IrpFlows.Storage;

namespace IrpFlows.Local;

/// <summary>
/// Runs the Function App of Functions/ without the Azure Functions host: <c>dotnet run --project Functions.Local</c>.
/// A class of its own (not top-level statements) so tests can name it for <c>WebApplicationFactory</c> beside the Function
/// App's own Program.
/// </summary>
public sealed class LocalHost
{
    public static void Main(string[] args)
    {
        var command = args.FirstOrDefault() == CheckLogsCommand.Name;
        var builder = WebApplication.CreateBuilder(command ? args[1..] : args);
        builder.Configuration.AddLocalSettingsBeforeEnvironment(builder.Environment.ContentRootPath);
        if (command)
        {
            // The pre-deploy check: the same settings as the app, no server.
            Environment.ExitCode = CheckLogsCommand.RunAsync(builder.Configuration, Console.Out, CancellationToken.None).GetAwaiter().GetResult();
            return;
        }
        builder.UseFunctionsPort();
        builder.AddLocalSignIn();
        // The Durable Task Framework narrates every poll and lease at Information; its warnings and errors still show.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        // Not ASP.NET Core's routing and result narration; the app logs each request's start and finish itself (RequestLogMiddleware).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddIrpFlows(builder.Configuration);
        // What UseDevelopmentStorage=true points at, started by the app's storage setup; the Function App itself ships no Azurite.
        builder.Services.AddSingleton<IDevelopmentStorage, AzuriteDevelopmentStorage>();
        // The same HTTP middleware the worker runs in Azure (Functions/Program.cs), around each HTTP function.
        builder.Services.AddLocalFunctionsHost(typeof(IrpFunctions).Assembly, builder.Configuration, worker => worker.UseHttpPipeline());

        var app = builder.Build();
        app.UseLocalSignIn();
        app.MapLocalFunctions();
        app.Run();
    }
}
