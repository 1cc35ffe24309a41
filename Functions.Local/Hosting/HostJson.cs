using System.Text.RegularExpressions;
using DurableTask.AzureStorage;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// The parts of host.json the local host honours, as the Functions host reads them: the HTTP route prefix and the Durable
/// task hub's Azure Storage settings. App settings named <c>AzureFunctionsJobHost__…</c> override host.json, and
/// <c>%Setting%</c> values resolve from app settings, as in Azure.
/// </summary>
public sealed partial class HostJson
{
    private const string OverridePrefix = "AzureFunctionsJobHost";
    private readonly IConfiguration _host;
    private readonly IConfiguration _settings;

    private HostJson(IConfiguration host, IConfiguration settings)
    {
        _host = host;
        _settings = settings;
    }

    /// <exception cref="FileNotFoundException">There is no host.json at <paramref name="path"/>.</exception>
    public static HostJson Load(string path, IConfiguration settings)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"host.json was not found at {path}: it is copied there from the repository root when Functions builds.", path);
        var host = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false, reloadOnChange: false)
            .AddInMemoryCollection(settings.GetSection(OverridePrefix).AsEnumerable(makePathsRelative: true)
                .Where(p => p.Value is not null)
                .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();
        return new HostJson(host, settings);
    }

    /// <summary><c>extensions.http.routePrefix</c>; "api" when host.json does not say, as in Azure.</summary>
    public string RoutePrefix => _host["extensions:http:routePrefix"] ?? "api";

    /// <summary><c>extensions.durableTask.hubName</c>, "TestHubName" when absent as in the Durable extension.</summary>
    public string HubName => Resolve(_host["extensions:durableTask:hubName"] ?? "TestHubName");

    /// <summary>The Azure Storage backend's settings for <paramref name="connectionString"/>, from <c>extensions.durableTask</c>.</summary>
    public AzureStorageOrchestrationServiceSettings DurableSettings(string connectionString, ILoggerFactory loggers)
    {
        var durable = _host.GetSection("extensions:durableTask");
        var storage = durable.GetSection("storageProvider");
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            // The backend's own warnings (a lease lost, a dequeue loop failing) reach the host's log, as in Azure.
            LoggerFactory = loggers,
        };
        if (storage.GetValue<int?>("partitionCount") is { } partitions) settings.PartitionCount = partitions;
        if (storage.GetValue<TimeSpan?>("maxQueuePollingInterval") is { } polling) settings.MaxQueuePollingInterval = polling;
        if (storage.GetValue<TimeSpan?>("controlQueueVisibilityTimeout") is { } control) settings.ControlQueueVisibilityTimeout = control;
        if (storage.GetValue<TimeSpan?>("workItemQueueVisibilityTimeout") is { } workItems) settings.WorkItemQueueVisibilityTimeout = workItems;
        if (storage.GetValue<bool?>("useTablePartitionManagement") is { } tables) settings.UseTablePartitionManagement = tables;
        // The app lease keeps two apps (deployment slots) off one task hub; a crashed host holds it for a minute and its
        // successor only retries every five, so local hosts and tests turn it off (useAppLease=false in their settings).
        if (durable.GetValue<bool?>("useAppLease") is { } appLease) settings.UseAppLease = appLease;
        if (durable.GetValue<int?>("maxConcurrentActivityFunctions") is { } activities) settings.MaxConcurrentTaskActivityWorkItems = activities;
        if (durable.GetValue<int?>("maxConcurrentOrchestratorFunctions") is { } orchestrators) settings.MaxConcurrentTaskOrchestrationWorkItems = orchestrators;
        // Not host.json settings: how long a partition lease lasts, so a killed host's partitions move on sooner in tests.
        if (storage.GetValue<TimeSpan?>("leaseInterval") is { } lease) settings.LeaseInterval = lease;
        if (storage.GetValue<TimeSpan?>("leaseRenewInterval") is { } renew) settings.LeaseRenewInterval = renew;
        return settings;
    }

    private string Resolve(string value) => SettingReference().Replace(value, m =>
        _settings[m.Groups[1].Value] ?? throw new InvalidOperationException($"host.json refers to the setting {m.Value}, which is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
