using System.Reflection;
using DurableTask.AzureStorage;
using IrpFlows.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// What the Azure Functions host would provide, for the functions of one assembly: their HTTP routes, their timers, and
/// Durable orchestrations and activities on the task hub host.json names, in the app's storage account.
/// </summary>
public static class LocalFunctionsHost
{
    /// <summary>The setting holding the key function-level HTTP triggers require (the function key, locally).</summary>
    public const string FunctionKeySetting = "CoordinatorApiKey";

    /// <param name="useMiddleware">Adds the app's worker middleware, as its <c>Program.cs</c> does in Azure.</param>
    public static IServiceCollection AddLocalFunctionsHost(this IServiceCollection services, Assembly functions, IConfiguration configuration,
        Action<IFunctionsWorkerApplicationBuilder> useMiddleware)
    {
        var catalogue = FunctionCatalogue.Discover(functions);
        var middleware = new LocalWorkerMiddleware(services);
        useMiddleware(middleware);
        services.AddSingleton(middleware);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), configuration);
        services.AddSingleton(catalogue);
        services.AddSingleton(hostJson);
        services.AddMvcCore(); // executes IActionResult, as the Functions ASP.NET Core integration does

        services.AddSingleton(sp => new AzureStorageOrchestrationService(hostJson.DurableSettings(DurableConnectionString(sp), sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        // The task hub is created with the rest of storage, so the app is ready only once it can start orchestrations.
        services.AddSingleton<IStorageSetup>(sp => new TaskHubSetup(hostJson, DurableConnectionString(sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => new DurableFunctionsWorker(sp.GetRequiredService<AzureStorageOrchestrationService>(), catalogue,
            sp.GetRequiredService<StorageInitializer>(), sp, sp.GetRequiredService<ILoggerFactory>(),
            configuration.GetValue(DurableFunctionsWorker.GracefulStopLimitSetting, DurableFunctionsWorker.DefaultGracefulStopLimit)));
        services.AddHostedService(sp => new TimerFunctionsService(catalogue, sp, configuration, TimeProvider.System,
            sp.GetRequiredService<ILogger<TimerFunctionsService>>()));
        return services;
    }

    /// <summary>Serves the HTTP-triggered functions at host.json's route prefix.</summary>
    public static void MapLocalFunctions(this WebApplication app) =>
        app.MapHttpFunctions(app.Services.GetRequiredService<FunctionCatalogue>(), app.Services.GetRequiredService<LocalWorkerMiddleware>(),
            app.Services.GetRequiredService<HostJson>().RoutePrefix, app.Configuration[FunctionKeySetting]);

    private static string DurableConnectionString(IServiceProvider services) =>
        services.GetRequiredService<StorageAccount>().ConnectionString ?? throw new InvalidOperationException(
            "The local host runs Durable on a storage connection string (AzureWebJobsStorage); with identity-based storage settings, run the app on the Functions host.");

    /// <summary>
    /// Creates the task hub's queues, tables and lease blobs that are missing. A service of its own each time: the one the
    /// worker and the client use remembers that it created the hub once and never looks again, so after storage came back
    /// empty (an in-memory Azurite restarted) asking it would leave the hub missing.
    /// </summary>
    private sealed class TaskHubSetup(HostJson hostJson, string connectionString, ILoggerFactory loggers) : IStorageSetup
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
            new AzureStorageOrchestrationService(hostJson.DurableSettings(connectionString, loggers)).CreateIfNotExistsAsync();
    }
}
