namespace IrpFlows.Benchmarks;

/// <summary>Storage requests of one measured operation: the engine's, its activities' (the outbox), and per due step where that applies.</summary>
internal sealed record CostRow(string Measure, long Engine, long Activity, int Steps, string Target)
{
    public long Total => Engine + Activity;
    public double? EnginePerStep => Steps > 0 ? (double)Engine / Steps : null;
}

/// <summary>One tick or event of the full lifecycle that did something (idle ticks are only counted in the summary).</summary>
internal sealed record LifecycleRow(DateTimeOffset At, string What, long Engine, long Activity);

/// <summary>Totals of the full lifecycle of one prison IRP.</summary>
internal sealed record LifecycleSummary(
    string FinalStatus,
    IReadOnlyList<string> FailedSteps,
    int StepsCompleted,
    int FailedAttempts,
    int StepTicks,
    int IdleTicks,
    int EventsRecorded,
    long CreateRequests,
    long EventRequests,
    long StepTickEngineRequests,
    long StepTickActivityRequests,
    long IdleTickRequests)
{
    public long Total => CreateRequests + EventRequests + StepTickEngineRequests + StepTickActivityRequests + IdleTickRequests;
}

/// <summary>Wall-clock latency of one operation with <see cref="ActiveIrps"/> IRPs already in storage.</summary>
internal sealed record LatencyRow(int ActiveIrps, string Operation, int Samples, double P50Ms, double P99Ms, double MeanMs, double RequestsPerOp);

/// <summary>Seeding time and this process's memory once <see cref="ActiveIrps"/> IRPs are in storage (Azurite's own memory is not included).</summary>
internal sealed record MemoryRow(int ActiveIrps, double SeedSeconds, double ManagedMb, double WorkingSetMb);

/// <summary>Everything one <c>bench</c> run measured, written to stdout as tables and to a JSON file.</summary>
internal sealed class BenchReport
{
    public required string Machine { get; init; }
    public required DateTimeOffset RunAt { get; init; }
    public List<CostRow> Costs { get; } = [];
    public List<LifecycleRow> Lifecycle { get; } = [];
    public LifecycleSummary? LifecycleSummary { get; set; }
    public List<LatencyRow> Latency { get; } = [];
    public List<MemoryRow> Memory { get; } = [];
    public List<string> Notes { get; } = [];
}
