using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using IrpFlows.Calendar;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Irps;
using IrpFlows.Irps.Timeline;
using IrpFlows.Probation;
using IrpFlows.Storage;
using IrpFlows.Telemetry;
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
        services.AddTelemetry(configuration);
        // Enums read and written as the API documents them: "prison", "adult", "england".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        var irpPolicy = IrpPolicy.FromConfiguration(configuration.GetSection(IrpPolicy.SectionName));
        var workflow = Bind<WorkflowOptions>(configuration, WorkflowOptions.SectionName).Validate();
        services.AddSingleton(workflow);
        services.AddSingleton(FinishedInstancePurgeOptions.FromConfiguration(configuration));

        var storage = StorageAccount.FromConfiguration(configuration);
        services.AddSingleton(storage);
        var blobs = storage.CreateBlobServiceClient(StorageRetries.Apply(new BlobClientOptions(), StorageRetries.BlobNetworkTimeout));
        var tables = storage.CreateTableServiceClient(StorageRetries.Apply(new TableClientOptions(), StorageRetries.TableNetworkTimeout));
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
        // Only the literal development-storage setting has the emulator started, and only where a local host registered an
        // IDevelopmentStorage to start it; a full connection string (Azurite on other ports included) means someone else runs it.
        services.AddSingleton(new StorageInitializerOptions(storage.IsDevelopmentStorage));
        services.AddSingleton<IStorageProbe>(sp => new WorkflowTableProbe(sp.GetRequiredService<WorkflowEngine>()));
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        services.AddSingleton(_ => WorkingDayCalendar.Create(configuration[BankHolidaysFileSetting] is { Length: > 0 } file
            ? file
            : Path.Combine(AppContext.BaseDirectory, "Calendar", "extra-bank-holidays.json")));
        services.AddMail(configuration);
        // An upload link works until midnight after its deadline where the inspectorates are.
        services.AddDocuments(configuration, irpPolicy.TimeZone);
        services.AddIrps(configuration, irpPolicy);
        services.AddProbation(configuration);
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<Digest.DigestRecords>();
        services.AddSingleton<IStorageSetup>(sp => sp.GetRequiredService<Digest.DigestRecords>());
        services.AddSingleton<Digest.WeeklyDigest>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<Pages.CoordinatorSignIn>();
        services.AddSingleton<Http.CoordinatorPages>();
        services.AddSingleton(sp => new Pages.FormTokens(configuration[UploadTokens.SigningKeySetting], sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Programme.CalendarFeed>();

        // ASP.NET Core's request lines and the log scope it opens for each request hold the URL, tokens and all: off, so
        // every host logs requests through RequestLogMiddleware, redacted. The HTTP middleware itself is added to the worker
        // (HttpPipeline.UseHttpPipeline), in Azure and in Functions.Local alike.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None));
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Stores the development clock's starting setting once its table exists, or takes the one stored.</summary>
    private sealed class DevClockSetup(DevClock clock) : IStorageSetup
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => clock.SyncAsync(cancellationToken);
    }

    /// <summary>Storage serves the app when the workflow log's table can be read: every request and timer reads it.</summary>
    private sealed class WorkflowTableProbe(WorkflowEngine engine) : IStorageProbe
    {
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => engine.CreateStorageIfNotExistsAsync(cancellationToken);

        public Task ProbeAsync(CancellationToken cancellationToken) => engine.ProbeStorageAsync(cancellationToken);
    }

    /// <summary>
    /// How long one storage call may take, retries included, so that a dead or frozen account is noticed within seconds
    /// rather than after the SDK's defaults (3 retries with back-off up to a minute, 100 s a try: minutes against a frozen
    /// endpoint). A refused connection fails within about 1.5 s; a frozen one within three tries of the network timeout.
    /// </summary>
    private static class StorageRetries
    {
        /// <summary>
        /// Table requests are small: a try that has not answered in this is not going to. Not shorter: on a machine whose
        /// cores are busy, Azurite serving many hosts answers a log read in several seconds, and that is slow, not down.
        /// </summary>
        public static readonly TimeSpan TableNetworkTimeout = TimeSpan.FromSeconds(8);

        /// <summary>Blob requests may carry a report of up to 25 MB.</summary>
        public static readonly TimeSpan BlobNetworkTimeout = TimeSpan.FromSeconds(20);

        public static T Apply<T>(T options, TimeSpan networkTimeout) where T : Azure.Core.ClientOptions
        {
            options.Retry.MaxRetries = 2;
            options.Retry.Mode = Azure.Core.RetryMode.Exponential;
            options.Retry.Delay = TimeSpan.FromMilliseconds(500);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
            options.Retry.NetworkTimeout = networkTimeout;
            return options;
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
