using BenchmarkDotNet.Attributes;
using IrpFlows.Calendar;
using IrpFlows.Irps;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Pages;
using IrpFlows.Programme;
using IrpFlows.Workflow;

namespace IrpFlows.Benchmarks;

/// <summary>
/// Rendering the programme page (<c>GET /</c>) for a programme of 200 IRPs over three years, from the list the page reads
/// (one query of instance headers, no log reads): the table, the year view's SVG and the page around them.
/// Run with <c>-- --bdn --filter *ProgrammePage*</c>.
/// </summary>
[MemoryDiagnoser]
public class ProgrammePageBenchmarks
{
    private IReadOnlyList<IrpListItem> _irps = null!;

    [Params(200)]
    public int Irps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var first = new DateOnly(2026, 1, 5);
        _irps = Enumerable.Range(0, Irps).Select(i =>
        {
            var announced = first.AddDays(i * 5);
            var visit = announced.AddDays(77);
            return new IrpListItem($"{i:x32}", i % 6 == 0 ? "immigration" : "prison",
                new Establishment($"HMP Benchmark {i}", i % 6 == 0 ? EstablishmentType.Irc : EstablishmentType.Adult, Nation.England),
                visit, i % 10 == 0 ? "Terminated" : "Running", "Preparing for the visit", new NextStep(IrpSteps.DocumentsDeadline, "Documents deadline", visit.AddDays(-7)))
            {
                Milestones = new Dictionary<string, DateOnly>
                {
                    [IrpSteps.Announcement] = announced, [IrpSteps.DocumentsDeadline] = visit.AddDays(-7), [IrpSteps.VisitStart] = visit,
                    [IrpSteps.VisitEnd] = visit.AddDays(2), [IrpSteps.DraftReport] = visit.AddDays(16), [IrpSteps.FactCheckDeadline] = visit.AddDays(23),
                    [IrpSteps.PublicationDeadline] = visit.AddDays(37),
                },
                Flags = i % 7 == 0 ? [IrpFlags.DocumentsOverdue, IrpFlags.FailedStep] : [],
            };
        }).ToList();
    }

    [Benchmark]
    public int RenderProgramme() => PageLayout.Page("Programme", new Person("Cora Ordinator"),
        ProgrammePage.Render(_irps, [2025, 2026, 2027], [], new ProgrammeFilter(2026, "all"), new Uri("https://irpflows.example/calendar.ics?token=t"), "form-token", null)).ToString().Length;
}
