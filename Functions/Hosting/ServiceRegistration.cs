using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Irps;
using IrpFlows.Mail;
using IrpFlows.Probation;
using IrpFlows.Storage;
using IrpFlows.Timeline;
using IrpFlows.Workflow;

namespace IrpFlows.Hosting;

/// <summary>Everything IrpFlows registers, in one place, so Program.cs stays a page.</summary>
public static class ServiceRegistration
{
    public const string DevClockEnabledSetting = "DevClockEnabled";
    public const string DevClockStartSetting = "DevClockStartUtc";
    public const string BankHolidaysFileSetting = "BankHolidaysFile";

    public static IServiceCollection AddIrpFlows(this IServiceCollection services, IConfiguration configuration)
    {
        // Enums read and written as the API documents them: "prison", "adult", "england".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton(IrpPolicy.FromConfiguration(configuration.GetSection(IrpPolicy.SectionName)));
        var workflow = Bind<WorkflowOptions>(configuration, WorkflowOptions.SectionName).Validate();
        services.AddSingleton(workflow);
        services.AddSingleton(FinishedInstancePurgeOptions.FromConfiguration(configuration));

        var storage = StorageAccount.FromConfiguration(configuration);
        services.AddSingleton(storage);
        var blobs = storage.CreateBlobServiceClient();
        var tables = storage.CreateTableServiceClient();
        services.AddSingleton(blobs);
        services.AddSingleton(tables);
        if (configuration.GetValue<bool>(DevClockEnabledSetting))
        {
            // Kept beside the workflow log, so every host on that storage shares it; the storage setup stores its start.
            var clock = new DevClock(TimeProvider.System, tables.GetTableClient(workflow.InstancesTable), configuration.GetValue<DateTimeOffset?>(DevClockStartSetting));
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStorageSetup>(new DevClockSetup(clock));
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }
        services.AddSingleton(storage.CreateSasSigner(blobs, TimeProvider.System));
        // Only the literal development-storage setting starts Azurite; a full connection string (Azurite on other ports
        // included) means someone else runs the storage.
        services.AddSingleton(new StorageInitializerOptions(storage.IsDevelopmentStorage));
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        services.AddSingleton(_ => WorkingDayCalendar.Create(configuration[BankHolidaysFileSetting] is { Length: > 0 } file
            ? file
            : Path.Combine(AppContext.BaseDirectory, "Calendar", "extra-bank-holidays.json")));
        services.AddSingleton<IrpPlanner>();
        services.AddSingleton<IrpMailTemplates>();
        services.AddMail(configuration);
        services.AddDocuments(configuration);
        services.AddIrpReports(configuration);
        services.AddSingleton<IrpWorkflow>();
        services.AddSingleton<IWorkflowKind>(sp => sp.GetRequiredService<IrpWorkflow>());
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IrpService>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<Pages.CoordinatorSignIn>();
        services.AddSingleton<Pages.FormTokens>();
        services.AddSingleton<Pages.CalendarFeed>();

        services.AddSingleton(ProbationPolicy.FromConfiguration(configuration.GetSection(ProbationPolicy.SectionName)));
        services.AddSingleton<ProbationPlanner>();
        services.AddSingleton<ProbationMailTemplates>();
        services.AddSingleton<ProbationWorkflow>();
        services.AddSingleton<IWorkflowKind>(sp => sp.GetRequiredService<ProbationWorkflow>());
        services.AddSingleton<ProbationService>();
        services.AddSingleton<IDocumentRequests, ProbationDocuments>();

        // ASP.NET Core's request lines and the log scope it opens for each request hold the URL, tokens and all: off, so
        // every host logs requests through RequestLog, redacted.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None));
        services.AddProblemDetails();
        services.AddExceptionHandler<HttpErrors>();
        services.AddSingleton<HttpErrors>();
        services.AddTransient<IStartupFilter, HttpPipeline>();
        return services;
    }

    /// <summary>Stores the development clock's starting setting once its table exists, or takes the one stored.</summary>
    private sealed class DevClockSetup(DevClock clock) : IStorageSetup
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => clock.SyncAsync(cancellationToken);
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
