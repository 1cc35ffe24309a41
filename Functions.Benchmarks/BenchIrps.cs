using IrpFlows.Timeline;

namespace IrpFlows.Benchmarks;

/// <summary>The IRP every scenario starts: an adult prison in England, seven recommendations, a liaison officer already appointed.</summary>
internal static class BenchIrps
{
    /// <summary>Signs the upload links in the documents emails; any value of 32+ characters will do for a benchmark.</summary>
    public const string UploadSigningKey = "benchmark-upload-signing-key-0123456789";

    /// <summary>
    /// The clock's starting point: Monday 2 November 2026, 12:00 UTC (GMT in London), after the 09:00 step time,
    /// so an IRP announced today has its announcement letter due at once.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>An announcement three weeks ahead: nothing of such an IRP is due while the clock stays at <see cref="Start"/>.</summary>
    public static DateOnly Later => Today.AddDays(21);

    /// <summary>A prison IRP announced on <paramref name="announcement"/> whose visit starts twelve weeks later (a Monday when the announcement is).</summary>
    public static IrpFacts Prison(DateOnly announcement) => new(
        IrpKind.Prison,
        new Establishment("HMP Benchmark", EstablishmentType.Adult, Nation.England),
        SourceInspectionEnd: announcement.AddMonths(-8),
        VisitStart: announcement.AddDays(7 * 12),
        AnnouncementDate: announcement,
        new IrpContacts(
            Coordinator: new Contact("Sam Inspector", "sam.inspector@hmiprisons.example"),
            Governor: new Contact("Alex Governor", "governor.benchmark@justice.example"),
            ImbChair: new Contact("Jo Chair", "imb.benchmark@imb.example"),
            LiaisonOfficer: new Contact("Lee Liaison", "liaison.benchmark@justice.example"),
            HomeOffice: null),
        Enumerable.Range(1, 7).Select(i => new Recommendation($"R{i}", "Safety", $"Recommendation {i}: prisoners should be kept safe.")).ToList(),
        [new OfstedTheme("T1", "Attendance at education, skills and work activities.")]);
}
