using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using IrpFlows.Tests.Support;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled by the Bicep CLI of the pinned Azure.Bicep.CommandLine.linux-x64 package, linter included
/// (its default rules and infra/bicepconfig.json): an error or a warning fails. A warning that must stay is suppressed
/// in the .bicep file with <c>#disable-next-line</c> and a comment saying why.
/// </summary>
public sealed class BicepTests
{
    private static readonly Lazy<Task<BicepBuild>> MainBicep = new(() => BuildAsync(Path.Combine("infra", "main.bicep")));

    [Fact]
    public async Task MainBicep_Compiles_WithNoErrorAndNoWarning()
    {
        var build = await MainBicep.Value;

        Assert.True(build.ExitCode == 0, $"bicep build failed with exit code {build.ExitCode}:\n{build.Diagnostics}");
        Assert.True(build.Diagnostics.Length == 0, $"bicep build reported:\n{build.Diagnostics}");
        Assert.Contains(Resources(build.Template), r => (string?)r["type"] == "Microsoft.Web/sites");
    }

    [Fact]
    public async Task Storage_IsReachedWithoutItsAccountKey_WhichItRefuses()
    {
        var template = (await MainBicep.Value).Template;

        Assert.DoesNotContain("listKeys", template.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var storage = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts");
        Assert.False((bool)storage["properties"]!["allowSharedKeyAccess"]!);
    }

    [Fact]
    public async Task AppSettings_ConnectToStorageWithTheAppsIdentity_ForTheHostDurableAndTheApp()
    {
        var settings = AppSettings((await MainBicep.Value).Template);

        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", settings);
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.Contains($"'AzureWebJobsStorage__{service}ServiceUri', reference('storage').primaryEndpoints.{service}", settings);
        Assert.DoesNotContain("'AzureWebJobsStorage',", settings);
        // host.json names the task hub "%TaskHubName%".
        Assert.Contains("'TaskHubName', parameters('taskHubName')", settings);
    }

    [Fact]
    public async Task AppSettings_KeepSecretsInKeyVault_TheDevClockOff_AndNothingOnlyTheCustomHandlerNeeded()
    {
        var template = (await MainBicep.Value).Template;
        var settings = AppSettings(template);

        foreach (var (setting, secret) in new[] { ("UploadTokenSigningKey", "uploadTokenSigningKeySecret"), ("Graph__SenderUserId", "graphSenderUserIdSecret"), ("Graph__TenantId", "graphTenantIdSecret") })
            Assert.Contains($"'{setting}', format('@Microsoft.KeyVault(SecretUri={{0}})', reference('{secret}').secretUri)", settings);
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING', reference('appInsights').ConnectionString", settings);
        Assert.Contains("'DevClockEnabled', 'false'", settings);
        Assert.Contains("'Documents__ConfigureBlobCors', 'false'", settings);
        // Probation's emails go under HMI Probation's own name and address.
        Assert.Contains("'ProbationMail__SenderAddress', parameters('probationMailSenderAddress')", settings);
        // Failure notices are copied to the operations mailbox only when the deployment names one.
        Assert.Contains("variables('operationsSetting')", settings);
        Assert.Equal("[if(empty(parameters('operationsAddress')), createObject(), createObject('Operations__Address', parameters('operationsAddress')))]",
            (string?)template["variables"]!["operationsSetting"]);
        // Flex Consumption takes the runtime from functionAppConfig and the package from its deployment container; the
        // dispatcher timer and the custom handler are gone.
        foreach (var gone in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "Dispatcher__", "CoordinatorApiKey" })
            Assert.DoesNotContain($"'{gone}", settings);
    }

    [Fact]
    public async Task TheApp_RunsDotnetIsolated10_OnFlexConsumption_FromItsDeploymentContainer_ReadWithItsIdentity()
    {
        var template = (await MainBicep.Value).Template;

        var plan = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // Linux
        var site = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        var package = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)package["type"]);
        Assert.Equal("[format('{0}{1}', reference('storage').primaryEndpoints.blob, variables('packageContainerName'))]", (string?)package["value"]);
        Assert.Equal("SystemAssignedIdentity", (string?)package["authentication"]!["type"]);
        Assert.Contains(Resources(template), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/blobServices/containers"
            && ((string)r["name"]!).Contains("variables('packageContainerName')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAppsIdentity_HasTheStorageRolesTheHostDurableAndTheAppNeed()
    {
        var template = (await MainBicep.Value).Template;

        var roles = template["variables"]!["appStorageRoles"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(
            [
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            ],
            roles);
        var assignments = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"
            && r["copy"] is not null);
        Assert.Equal("[length(variables('appStorageRoles'))]", (string?)assignments["copy"]!["count"]);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", (string?)assignments["scope"]);
        Assert.Equal("[reference('functionApp', '2025-03-01', 'full').identity.principalId]", (string?)assignments["properties"]!["principalId"]);
    }

    [Fact]
    public async Task ThePages_AreBehindEntraSignIn_ExceptTheApiTheEmailedLinksAndTheCalendarFeed()
    {
        var template = (await MainBicep.Value).Template;

        var auth = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/sites/config" && (string?)r["name"] == "[format('{0}/{1}', parameters('functionAppName'), 'authsettingsV2')]");
        var properties = auth["properties"]!;
        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.Equal("RedirectToLoginPage", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.Equal(["/api/*", "/upload/*", "/fact-check/*", "/final-report/*", "/feedback/*", "/calendar.ics"],
            properties["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!));
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.Equal("[parameters('entraClientId')]", (string?)entra["registration"]!["clientId"]);
    }

    [Fact]
    public async Task CoordinatorsKey_IsAHostFunctionKey_FromTheSecureParameter()
    {
        var template = (await MainBicep.Value).Template;

        Assert.Equal("securestring", (string?)template["parameters"]!["coordinatorApiKey"]!["type"]);
        var key = Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/sites/host/functionKeys");
        Assert.Equal("[format('{0}/default/coordinators', parameters('functionAppName'))]", (string?)key["name"]);
        Assert.Equal("coordinators", (string?)key["properties"]!["name"]);
        Assert.Equal("[parameters('coordinatorApiKey')]", (string?)key["properties"]!["value"]);
        // The host stores its keys in storage with the app's identity, so the key waits for the settings that connect it.
        Assert.Contains("appSettings", key["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public async Task BasicPublishingCredentials_AreOff_ForFtpAndScm()
    {
        var template = (await MainBicep.Value).Template;

        var policies = Resources(template).Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => ((string)p["name"]!).EndsWith("'ftp')]", StringComparison.Ordinal));
        Assert.Contains(policies, p => ((string)p["name"]!).EndsWith("'scm')]", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    /// <summary>The app settings: one ARM expression (a union of objects), so their names and literal values are read from its text.</summary>
    private static string AppSettings(JsonObject template) =>
        (string)Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/sites/config" && (string?)r["name"] == "[format('{0}/{1}', parameters('functionAppName'), 'appsettings')]")["properties"]!;

    /// <summary>A template's resources: an array, or an object keyed by symbolic name (languageVersion 2.0).</summary>
    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()),
        JsonObject byName => byName.Select(r => r.Value!.AsObject()),
        _ => [],
    };

    /// <summary>The result of <c>bicep build FILE --stdout</c>: the ARM template on stdout, diagnostics on stderr.</summary>
    private sealed record BicepBuild(int ExitCode, string Diagnostics, JsonObject Template);

    private static async Task<BicepBuild> BuildAsync(string bicepFile)
    {
        var bicep = BicepExecutable();
        var start = new ProcessStartInfo(bicep)
        {
            ArgumentList = { "build", bicepFile, "--stdout" },
            WorkingDirectory = Repository.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bicep}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        var template = process.ExitCode == 0 ? JsonNode.Parse(await stdout)!.AsObject() : [];
        return new BicepBuild(process.ExitCode, (await stderr).Trim(), template);
    }

    /// <summary>
    /// The bicep binary restore put in the NuGet cache (its path is baked into this assembly by Functions.Tests.csproj).
    /// A package's files can be extracted without their execute bit, so it is set here when missing.
    /// </summary>
    private static string BicepExecutable()
    {
        var path = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(path), $"No bicep binary at {path}: restore Functions.Tests (Azure.Bicep.CommandLine.linux-x64).");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute)) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
        return path;
    }
}
