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
    public async Task AppSettings_ConnectToStorageWithTheAppsIdentity_AndDeclareThePackageTheAppRunsFrom()
    {
        var template = (await MainBicep.Value).Template;

        // The settings are one ARM expression (a union of objects), so their names and literal values are read from its text.
        var settings = (string)Assert.Single(Resources(template), r => (string?)r["type"] == "Microsoft.Web/sites/config")["properties"]!;
        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", settings);
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.Contains($"'AzureWebJobsStorage__{service}ServiceUri', reference('storage').primaryEndpoints.{service}", settings);
        Assert.DoesNotContain("'AzureWebJobsStorage',", settings);
        // Declared with a value on every deployment, so a redeployment (which replaces every setting) keeps the app running.
        Assert.Contains("'WEBSITE_RUN_FROM_PACKAGE', format(", settings);
        Assert.Contains("'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID', 'SystemAssigned'", settings);
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
