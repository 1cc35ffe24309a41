using System.Globalization;

namespace IrpFlows.Benchmarks;

/// <summary>The parts of the storage benchmark, each on an app of its own.</summary>
internal enum BenchScenario { Cost, Idle, Lifecycle }

/// <summary>
/// Command line of the storage benchmark: <c>[--scenarios cost,idle,lifecycle] [--idle-minutes 3] [--out path] [--trace path]</c>.
/// </summary>
/// <param name="TracePath">Where to write every storage request, one line each, or null.</param>
internal sealed record BenchOptions(IReadOnlySet<BenchScenario> Scenarios, int IdleMinutes, string OutputPath, string? TracePath)
{
    public const string DefaultOutputPath = "BenchmarkDotNet.Artifacts/irpflows-storage-bench.json";
    private const string Usage =
        $"Usage: [--scenarios cost,idle,lifecycle] [--idle-minutes 3] [--out {DefaultOutputPath}] [--trace requests.log] | --bdn [BenchmarkDotNet options]";

    /// <exception cref="ArgumentException">An unknown option or scenario, or a value that is not a positive whole number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Enum.GetValues<BenchScenario>().ToHashSet(), 3, DefaultOutputPath, TracePath: null);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--scenarios" => options with { Scenarios = value.Split(',').Select(Scenario).ToHashSet() },
                "--idle-minutes" => options with { IdleMinutes = Positive("--idle-minutes", value) },
                "--out" => options with { OutputPath = value },
                "--trace" => options with { TracePath = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
            i++;
        }
        return options;
    }

    private static BenchScenario Scenario(string name) =>
        Enum.TryParse<BenchScenario>(name, ignoreCase: true, out var scenario) && Enum.IsDefined(scenario)
            ? scenario
            : throw new ArgumentException($"Unknown scenario '{name}'. {Usage}");

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} takes a positive whole number; got '{value}'.");
}
