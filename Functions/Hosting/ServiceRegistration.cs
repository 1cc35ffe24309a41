using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Mail;
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
        services.AddSingleton(Bind<WorkflowEngineOptions>(configuration, WorkflowEngineOptions.SectionName));
        services.AddSingleton(Bind<DispatcherOptions>(configuration, DispatcherOptions.SectionName));

        services.AddSingleton<TimeProvider>(configuration.GetValue<bool>(DevClockEnabledSetting)
            ? new DevClock(TimeProvider.System, configuration.GetValue<DateTimeOffset?>(DevClockStartSetting))
            : TimeProvider.System);

        var storage = StorageAccount.FromConfiguration(configuration);
        var blobs = storage.CreateBlobServiceClient();
        services.AddSingleton(blobs);
        services.AddSingleton(storage.CreateTableServiceClient());
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
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DispatcherTick>();
        services.AddHostedService<DispatcherService>();
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
