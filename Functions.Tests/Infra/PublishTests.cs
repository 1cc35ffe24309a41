using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using IrpFlows.Http;
using IrpFlows.Storage;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// What Azure receives: <c>dotnet publish Functions</c>, and infra/publish.sh, which zips that output into the package.
/// Both publish the build this test assembly was built with (<c>--no-build</c>, same configuration), so they take seconds
/// and never write into the source tree; everything they write goes to a temporary folder. The tests of one class run one
/// after the other, so the two publishes never share the project's obj folder at the same time.
/// </summary>
[Trait("Category", "Publish")]
public sealed class PublishTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("irpflows-publish-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task DotnetPublish_WritesTheMetadataHostJsonAndExtensions_TheFunctionsHostNeeds()
    {
        var published = Path.Combine(_folder, "out");

        await RunAsync("dotnet", ["publish", Path.Combine("Functions", "Functions.csproj"), "--configuration", Configuration, "--no-build",
            "--output", published, "--nologo", "--disable-build-servers"]);

        var functions = HostedFunction.FromMetadataFile(Path.Combine(published, "functions.metadata"));
        var orchestrator = Assert.Single(functions, f => f.Trigger == "orchestrationTrigger");
        Assert.Equal(nameof(WorkflowOrchestration.RunWorkflow), orchestrator.Name);
        Assert.Equal(HostedFunction.EntryPointOf(typeof(WorkflowOrchestration).GetMethod(nameof(WorkflowOrchestration.RunWorkflow))!), orchestrator.EntryPoint);
        Assert.Equal(
            [nameof(WorkflowOrchestration.PlanWorkflowPass), nameof(WorkflowOrchestration.RecordWorkflowStepAttemptFailed),
                nameof(WorkflowOrchestration.RunWorkflowSteps)],
            Names(functions, "activityTrigger"));
        Assert.Equal(Declared<ActivityTriggerAttribute>(), Names(functions, "activityTrigger"));
        // daily at 03:30; hourly (the week's digests, once Monday 07:00 has come); every minute
        Assert.Equal([("PurgeFinishedInstances", "0 30 3 * * *"), ("SendWeeklyDigest", "0 0 * * * *"), ("Sweep", "0 */1 * * * *")],
            functions.Where(f => f.Trigger == "timerTrigger").Select(f => (f.Name, f.Schedule)).Order());
        Assert.Equal(Declared<HttpTriggerAttribute>(), Names(functions, "httpTrigger"));
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct().Count());

        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(published, "host.json")))!;
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Equal("%TaskHubName%", (string?)host["extensions"]!["durableTask"]!["hubName"]);
        Assert.Equal("AzureStorage", (string?)host["extensions"]!["durableTask"]!["storageProvider"]!["type"]);

        var extensions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(published, "extensions.json")))!["extensions"]!.AsArray();
        var durable = Assert.Single(extensions, e => (string?)e!["name"] == "DurableTask")!;
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.", (string?)durable["typeName"]);
        Assert.True(File.Exists(Path.Combine(published, (string)durable["hintPath"]!)), $"The extension's assembly {durable["hintPath"]} is not in the output.");

        Assert.True(File.Exists(Path.Combine(published, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(published, "IrpFlows.Functions.dll")));
        Assert.Empty(Directory.GetFiles(published, "local.settings*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task DotnetPublish_CarriesNoAzurite_WhichOnlyTheLocalHostTheTestsAndTheBenchmarksStart()
    {
        var published = Path.Combine(_folder, "out");

        await RunAsync("dotnet", ["publish", Path.Combine("Functions", "Functions.csproj"), "--configuration", Configuration, "--no-build",
            "--output", published, "--nologo", "--disable-build-servers"]);

        var files = Directory.GetFiles(published, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(published, f)).ToList();
        Assert.Contains("IrpFlows.Functions.dll", files);
        Assert.DoesNotContain(files, f => f.Contains("azurite", StringComparison.OrdinalIgnoreCase)); // IrpFlows.Azurite.dll, infra/azurite
        // Read as metadata, not loaded: the published assembly is the same identity as the one this test already runs.
        using var assembly = new PEReader(File.OpenRead(Path.Combine(published, "IrpFlows.Functions.dll")));
        var metadata = assembly.GetMetadataReader();
        var types = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}").ToList();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        Assert.Contains(typeof(IDevelopmentStorage).FullName!, types);
        Assert.DoesNotContain(types, t => t.Contains("Azurite", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Azure.Data.Tables", references);
        Assert.DoesNotContain(references, r => r.Contains("Azurite", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DotnetPublish_CarriesTheDesignSystemsAssets_InTheAssemblyBothHostsServeFrom()
    {
        var published = Path.Combine(_folder, "out");

        await RunAsync("dotnet", ["publish", Path.Combine("Functions", "Functions.csproj"), "--configuration", Configuration, "--no-build",
            "--output", published, "--nologo", "--disable-build-servers"]);

        using var assembly = new PEReader(File.OpenRead(Path.Combine(published, "IrpFlows.Functions.dll")));
        var metadata = assembly.GetMetadataReader();
        var resources = metadata.ManifestResources.Select(r => metadata.GetString(metadata.GetManifestResource(r).Name)).ToList();
        foreach (var asset in new[] { "govuk-frontend.min.css", "govuk-frontend.min.js", "moj-frontend.min.css", "moj-frontend.min.js",
                     "irpflows.mjs", "images/govuk-crest.svg", "images/moj-logotype-crest-2024.svg" })
            Assert.Contains("IrpFlows.Assets/" + asset, resources);
        Assert.DoesNotContain(resources, r => r.StartsWith("IrpFlows.Assets/fonts/", StringComparison.Ordinal)); // GDS Transport is for GOV.UK only
    }

    [Fact]
    public async Task ThePublishScript_ZipsThatOutputAtThePackageRoot_WithoutLocalSettings()
    {
        var zip = Path.Combine(_folder, "irpflows.zip");
        await DebianPackages.EnsureInstalledAsync("zip", "/usr/bin/zip");

        await RunAsync("bash", [Path.Combine("infra", "publish.sh"), "--configuration", Configuration, "--no-build", "--output", zip]);

        using var package = ZipFile.OpenRead(zip);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var required in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "IrpFlows.Functions.dll" })
            Assert.Contains(required, entries);
        Assert.Contains(entries, e => e.StartsWith(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.DurableTask", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("local.settings", StringComparison.OrdinalIgnoreCase));
        // The package's functions are the build's, which the local host is held to (HostsAgreeTests).
        await using var metadata = package.GetEntry("functions.metadata")!.Open();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "functions.metadata")), await new StreamReader(metadata).ReadToEndAsync());
    }

    /// <summary>The configuration this assembly, and so the Function App it references, was built in.</summary>
    private static string Configuration => typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static List<string> Names(IEnumerable<HostedFunction> functions, string trigger) =>
        functions.Where(f => f.Trigger == trigger).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The names of the app's <c>[Function]</c> methods one of whose parameters carries this trigger attribute.</summary>
    private static List<string> Declared<TTrigger>() where TTrigger : Attribute =>
        typeof(IrpFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs a command from the repository root, failing with its output if it fails or overruns <see cref="Timeout"/>.</summary>
    private async Task RunAsync(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = Repository.Root(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host inherits the variables `dotnet test` set for its own MSBuild; they would steer the child's instead.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        // No MSBuild worker nodes left running after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', start.ArgumentList)} ran over {Timeout}.");
        }
        var log = $"{await stdout}\n{await stderr}".Trim();
        output.WriteLine($"{command} {string.Join(' ', start.ArgumentList)}: exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s\n{log}");
        Assert.True(process.ExitCode == 0, $"{command} failed with exit code {process.ExitCode}:\n{log}");
    }
}
