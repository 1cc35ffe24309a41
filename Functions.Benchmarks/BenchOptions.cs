using System.Globalization;

namespace IrpFlows.Benchmarks;

/// <summary>Command line of the storage benchmark: <c>[--irps 1000,10000] [--samples 200] [--out path]</c>.</summary>
internal sealed record BenchOptions(IReadOnlyList<int> ActiveIrps, int Samples, string OutputPath)
{
    public const string DefaultOutputPath = "BenchmarkDotNet.Artifacts/irpflows-storage-bench.json";

    /// <exception cref="ArgumentException">An unknown option or a value that is not a positive whole number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions([1000, 10000], 200, DefaultOutputPath);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--irps" => options with { ActiveIrps = value.Split(',').Select(v => Positive("--irps", v)).ToList() },
                "--samples" => options with { Samples = Positive("--samples", value) },
                "--out" => options with { OutputPath = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Usage: [--irps 1000,10000] [--samples 200] [--out {DefaultOutputPath}] | --bdn [BenchmarkDotNet options]"),
            };
            i++;
        }
        return options;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} takes positive whole numbers; got '{value}'.");
}
