using System.Globalization;

namespace IrpFlows.Benchmarks;

/// <summary>The parts of the storage benchmark, each on an app of its own.</summary>
/// <remarks>Growth and Clock fill a store with thousands of IRPs: they run only when named.</remarks>
internal enum BenchScenario { Cost, Idle, Lifecycle, Growth, Clock }

/// <summary>
/// Command line of the storage benchmark: <c>[--scenarios cost,idle,lifecycle,growth,clock] [--idle-minutes 3]
/// [--growth-sizes 100,1000,10000] [--clock-sizes 100,1000] [--out path] [--trace path]</c>.
/// </summary>
/// <param name="TracePath">Where to write every storage request, one line each, or null.</param>
internal sealed record BenchOptions(IReadOnlySet<BenchScenario> Scenarios, int IdleMinutes, string OutputPath, string? TracePath)
{
    /// <summary>The store sizes the growth scenario measures at.</summary>
    public IReadOnlyList<int> GrowthSizes { get; init; } = [100, 1_000, 10_000];

    /// <summary>How many letters fall due at once in each run of the clock scenario.</summary>
    public IReadOnlyList<int> ClockSizes { get; init; } = [100, 1_000];

    public const string DefaultOutputPath = "BenchmarkDotNet.Artifacts/irpflows-storage-bench.json";
    private const string Usage =
        $"Usage: [--scenarios cost,idle,lifecycle,growth,clock] [--idle-minutes 3] [--growth-sizes 100,1000,10000] [--clock-sizes 100,1000] [--out {DefaultOutputPath}] [--trace requests.log] | --bdn [BenchmarkDotNet options]";

    /// <exception cref="ArgumentException">An unknown option or scenario, or a value that is not a positive whole number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(new HashSet<BenchScenario> { BenchScenario.Cost, BenchScenario.Idle, BenchScenario.Lifecycle }, 3, DefaultOutputPath, TracePath: null);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--scenarios" => options with { Scenarios = value.Split(',').Select(Scenario).ToHashSet() },
                "--idle-minutes" => options with { IdleMinutes = Positive("--idle-minutes", value) },
                "--growth-sizes" => options with { GrowthSizes = value.Split(',').Select(v => Positive("--growth-sizes", v)).ToList() },
                "--clock-sizes" => options with { ClockSizes = value.Split(',').Select(v => Positive("--clock-sizes", v)).ToList() },
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
