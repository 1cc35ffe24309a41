using System.Reflection;
using DurableTask.AzureStorage;
using IrpFlows.Hosting;
using IrpFlows.Storage;
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

    public static IServiceCollection AddLocalFunctionsHost(this IServiceCollection services, Assembly functions, IConfiguration configuration)
    {
        var catalogue = FunctionCatalogue.Discover(functions);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), configuration);
        services.AddSingleton(catalogue);
        services.AddSingleton(hostJson);
        services.AddMvcCore(); // executes IActionResult, as the Functions ASP.NET Core integration does

        services.AddSingleton(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            var connectionString = account.ConnectionString ?? throw new InvalidOperationException(
                "The local host runs Durable on a storage connection string (AzureWebJobsStorage); with identity-based storage settings, run the app on the Functions host.");
            return new AzureStorageOrchestrationService(hostJson.DurableSettings(connectionString));
        });
        services.AddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        // The task hub is created with the rest of storage, so the app is ready only once it can start orchestrations.
        services.AddSingleton<IStorageSetup>(sp => new TaskHubSetup(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        services.AddHostedService(sp => new DurableFunctionsWorker(sp.GetRequiredService<AzureStorageOrchestrationService>(), catalogue,
            sp.GetRequiredService<StorageInitializer>(), sp, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => new TimerFunctionsService(catalogue, sp, configuration, TimeProvider.System,
            sp.GetRequiredService<ILogger<TimerFunctionsService>>()));
        return services;
    }

    /// <summary>Serves the HTTP-triggered functions at host.json's route prefix.</summary>
    public static void MapLocalFunctions(this WebApplication app) =>
        app.MapHttpFunctions(app.Services.GetRequiredService<FunctionCatalogue>(), app.Services.GetRequiredService<HostJson>().RoutePrefix,
            app.Configuration[FunctionKeySetting]);

    private sealed class TaskHubSetup(AzureStorageOrchestrationService service) : IStorageSetup
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => service.CreateIfNotExistsAsync();
    }
}
