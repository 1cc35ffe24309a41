using System.Globalization;
using IrpFlows.Irps;
using IrpFlows.Irps.Timeline;
using IrpFlows.Pages;
using IrpFlows.Probation;
using IrpFlows.Workflow;

namespace IrpFlows.Programme;

/// <summary>Which IRPs the programme shows: a visit year (null: every year) and a status.</summary>
public sealed record ProgrammeFilter(int? Year, string Status)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
        [("active", "Active"), ("finished", "Completed"), ("cancelled", "Cancelled"), ("all", "All")];

    public static ProgrammeFilter From(HttpRequest request, DateOnly today)
    {
        var year = request.Query["year"].FirstOrDefault();
        var status = request.Query["status"].FirstOrDefault();
        return new ProgrammeFilter(
            year == "all" ? null : int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : today.Year,
            Statuses.Any(s => s.Value == status) ? status! : "all");
    }

    public bool Shows(IrpListItem irp) =>
        (Year is null || irp.VisitStart.Year == Year || Span(irp) is var (from, to) && from.Year <= Year && to.Year >= Year)
        && ShowsStatus(irp.RuntimeStatus);

    /// <summary>A probation inspection is in the year its fieldwork starts, or any year its key dates reach.</summary>
    public bool Shows(ProbationListItem inspection) =>
        (Year is null || inspection.FieldworkStart.Year == Year
            || inspection.Milestones.Count > 0 && inspection.Milestones.Values.Min().Year <= Year && inspection.Milestones.Values.Max().Year >= Year)
        && ShowsStatus(inspection.RuntimeStatus);

    private bool ShowsStatus(string runtimeStatus) => Status switch
    {
        "active" => IsActive(runtimeStatus),
        "finished" => runtimeStatus == nameof(RuntimeStatus.Completed),
        "cancelled" => runtimeStatus == nameof(RuntimeStatus.Terminated),
        _ => true,
    };

    public static bool IsActive(string runtimeStatus) => runtimeStatus is nameof(RuntimeStatus.Running) or nameof(RuntimeStatus.Pending) or nameof(RuntimeStatus.Failed);

    /// <summary>From the announcement to the publication deadline, as far as the IRP's milestones say.</summary>
    public static (DateOnly From, DateOnly To) Span(IrpListItem irp) =>
        irp.Milestones.Count == 0 ? (irp.VisitStart, irp.VisitStart) : (irp.Milestones.Values.Min(), irp.Milestones.Values.Max());
}

/// <summary>
/// The programme (<c>GET /</c>): every IRP, active ones first, with a year view above the list; then every probation
/// inspection, under the same filters.
/// </summary>
public static class ProgrammePage
{
    private static readonly Dictionary<string, string> FlagText = new()
    {
        [IrpFlags.FailedStep] = "Failed step",
        [IrpFlags.DocumentsOverdue] = "Documents overdue",
        [IrpFlags.FactCheckLate] = "Fact check late",
        [IrpFlags.PublicationDeadlineNear] = "Publication deadline near",
    };

    private static readonly Dictionary<string, string> MilestoneText = new()
    {
        [IrpSteps.Announcement] = "Announcement",
        [IrpSteps.PreparationVisit] = "Preparation visit",
        [IrpSteps.DocumentsDeadline] = "Documents due",
        [IrpSteps.VisitStart] = "Visit starts",
        [IrpSteps.VisitEnd] = "Visit ends",
        [IrpSteps.DraftReport] = "Draft report",
        [IrpSteps.FactCheckDeadline] = "Fact check due",
        [IrpSteps.PublicationDeadline] = "Publication deadline",
    };

    /// <param name="all">The IRPs of the year shown (every one, for all years), as the index finds them.</param>
    /// <param name="yearsWithIrps">Every year some IRP reaches, for the year filter's choices.</param>
    public static Html Render(IReadOnlyList<IrpListItem> all, IReadOnlyList<int> yearsWithIrps, IReadOnlyList<ProbationListItem> inspections, ProgrammeFilter filter,
        Uri feedUrl, string formToken, string? message)
    {
        var shown = all.Where(filter.Shows)
            .OrderBy(i => ProgrammeFilter.IsActive(i.RuntimeStatus) ? 0 : 1).ThenBy(i => i.VisitStart).ThenBy(i => i.Establishment.Name, StringComparer.Ordinal)
            .ToList();
        var years = yearsWithIrps.Concat(filter.Year is { } chosen ? [chosen] : []).Distinct().Order().ToList();
        var caption = $"{shown.Count} {(shown.Count == 1 ? "IRP" : "IRPs")}" + (filter.Year is { } y ? $" in {y}" : "");
        var rows = shown.Select(IrpRow).Concat(ShownProbation(inspections, filter).Select(ProbationRow)).ToList();
        return Html.Of($"""
            {PageLayout.Message(message, isError: false)}
            <h1 class="govuk-heading-l">Programme of independent reviews of progress</h1>
            <div class="moj-filter-layout">
            <div class="moj-filter-layout__filter"><div class="moj-filter">
            <div class="moj-filter__header"><div class="moj-filter__header-title"><h2 class="govuk-heading-m">Filter</h2></div></div>
            <div class="moj-filter__content"><div class="moj-filter__options">
            <form method="get" action="/" aria-label="Filter the programme">
            <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="year">Year</label>
            <select class="govuk-select" id="year" name="year"><option value="all"{Selected(filter.Year is null)}>All years</option>{years.Select(y => Html.Of($"<option value=\"{y}\"{Selected(filter.Year == y)}>{y}</option>"))}</select></div>
            <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="status">Status</label>
            <select class="govuk-select" id="status" name="status">{ProgrammeFilter.Statuses.Select(s => Html.Of($"<option value=\"{s.Value}\"{Selected(filter.Status == s.Value)}>{s.Label}</option>"))}</select></div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Show</button>
            </form>
            </div></div></div></div>
            <div class="moj-filter-layout__content">
            {(filter.Year is { } year && rows.Count > 0 ? YearView(rows, year) : Html.Empty)}
            <table class="govuk-table" id="programme" data-module="moj-sortable-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header" aria-sort="none">Establishment</th><th scope="col" class="govuk-table__header" aria-sort="none">Kind</th><th scope="col" class="govuk-table__header">Visit</th><th scope="col" class="govuk-table__header" aria-sort="none">Phase</th><th scope="col" class="govuk-table__header">Next step</th><th scope="col" class="govuk-table__header">Flags</th></tr></thead>
            <tbody class="govuk-table__body">
            {shown.Select(Row)}
            </tbody>
            </table>
            {(shown.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No IRPs match. <a class=\"govuk-link\" href=\"/irps/new\">Start an IRP</a>.</p>") : Html.Empty)}
            {Probation(inspections, filter)}
            </div></div>
            <h2 class="govuk-heading-m" id="calendar">Calendar feed</h2>
            <p class="govuk-body">Subscribe to this address in Outlook (Add calendar, From internet) to see every IRP's visit and deadlines, and every probation inspection's fieldwork and key dates. Anyone with the address can read the feed: keep it to yourself, and replace it if it is shared by mistake.</p>
            <div class="govuk-form-group"><label class="govuk-label" for="feed-url">Feed address</label><input class="govuk-input" type="text" id="feed-url" readonly value="{feedUrl.AbsoluteUri}"></div>
            <form method="post" action="/calendar/token">
            {PageLayout.FormToken(formToken)}
            <div class="govuk-hint">The current address then stops working.</div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Replace the feed address</button>
            </form>
            """);
    }

    private static List<ProbationListItem> ShownProbation(IReadOnlyList<ProbationListItem> all, ProgrammeFilter filter) => all.Where(filter.Shows)
        .OrderBy(i => ProgrammeFilter.IsActive(i.RuntimeStatus) ? 0 : 1).ThenBy(i => i.FieldworkStart).ThenBy(i => i.Organisation.Name, StringComparer.Ordinal)
        .ToList();

    private static Html Probation(IReadOnlyList<ProbationListItem> all, ProgrammeFilter filter)
    {
        var shown = ShownProbation(all, filter);
        var caption = $"{shown.Count} probation {(shown.Count == 1 ? "inspection" : "inspections")}" + (filter.Year is { } y ? $" in {y}" : "");
        return Html.Of($"""
            <h2 class="govuk-heading-m" id="probation">Probation inspections</h2>
            <table class="govuk-table" id="probation-programme" data-module="moj-sortable-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header" aria-sort="none">Organisation</th><th scope="col" class="govuk-table__header" aria-sort="none">Type</th><th scope="col" class="govuk-table__header" aria-sort="none">Nation</th><th scope="col" class="govuk-table__header">Fieldwork</th><th scope="col" class="govuk-table__header" aria-sort="none">Phase</th><th scope="col" class="govuk-table__header">Next step</th></tr></thead>
            <tbody class="govuk-table__body">
            {shown.Select(i => Html.Of($"""
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header"><a class="govuk-link" href="/probation-inspections/{i.Id}">{i.Organisation.Name}</a></th><td class="govuk-table__cell">{ProbationPage.TypeText(i.Organisation.Type)}</td><td class="govuk-table__cell">{i.Organisation.Nation.ToString()}</td>
                <td class="govuk-table__cell">{ProbationPage.Fieldwork(i.FieldworkStart, i.Milestones.TryGetValue(ProbationSteps.FieldworkWeek3, out var weekThree) ? weekThree.AddDays(DayOfWeek.Monday - weekThree.DayOfWeek) : i.FieldworkStart.AddDays(14))}</td>
                <td class="govuk-table__cell">{Status(i.RuntimeStatus, i.CustomStatus)}</td>
                <td class="govuk-table__cell">{NextStep(i.NextStep, i.RuntimeStatus)}</td></tr>
                """))}
            </tbody>
            </table>
            {(shown.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No probation inspections match. They are started through the API (<code>POST /api/probation-inspections</code>).</p>") : Html.Empty)}
            """);
    }

    private static string Status(string runtimeStatus, string customStatus) => runtimeStatus switch
    {
        nameof(RuntimeStatus.Terminated) => "Cancelled",
        nameof(RuntimeStatus.Completed) => "Completed",
        _ => customStatus,
    };

    private static Html NextStep(NextStep? next, string runtimeStatus) => next is { } step && ProgrammeFilter.IsActive(runtimeStatus)
        ? Html.Of($"{step.Title}<br><span class=\"govuk-hint\">{PageLayout.LongDate(step.Date)}</span>")
        : Html.Of($"–");

    private static Html Selected(bool selected) => selected ? Html.Of($" selected") : Html.Empty;

    private static Html Row(IrpListItem irp)
    {
        irp.Milestones.TryGetValue(IrpSteps.VisitEnd, out var visitEnd);
        var visit = visitEnd == default ? PageLayout.LongDate(irp.VisitStart) : $"{PageLayout.LongDate(irp.VisitStart)} to {PageLayout.LongDate(visitEnd)}";
        var kind = irp.Kind == "immigration" ? "IRC" : "Prison";
        return Html.Of($"""
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header"><a class="govuk-link" href="/irps/{irp.Id}">{irp.Establishment.Name}</a></th><td class="govuk-table__cell">{kind}</td><td class="govuk-table__cell">{visit}</td><td class="govuk-table__cell">{Status(irp.RuntimeStatus, irp.CustomStatus)}</td>
            <td class="govuk-table__cell">{NextStep(irp.NextStep, irp.RuntimeStatus)}</td>
            <td class="govuk-table__cell">{irp.Flags.Select(f => Html.Of($"<strong class=\"govuk-tag govuk-tag--red\">{FlagText[f]}</strong> "))}</td></tr>
            """);
    }

    private static readonly Dictionary<string, string> ProbationMilestoneText = new()
    {
        [ProbationSteps.AnnouncementCall] = "Announcement call",
        [ProbationSteps.CaseSampleReturn] = "Case sample due",
        [ProbationSteps.RatingsToOrganisation] = "Ratings to the organisation",
        [ProbationSteps.DraftReport] = "Draft report",
        [ProbationSteps.FactualAccuracyDeadline] = "Factual accuracy comments due",
        [ProbationSteps.Publication] = "Publication",
    };

    /// <summary>One row of the year view: a span, the blocks on it (a visit, fieldwork weeks) and dots for its other key dates.</summary>
    private sealed record YearRow(string Name, DateOnly From, DateOnly To, IReadOnlyList<(DateOnly First, DateOnly Last, string Title)> Blocks,
        IReadOnlyList<(DateOnly Date, string Title)> Dots, string SpanColour, string BlockColour);

    private static YearRow IrpRow(IrpListItem irp)
    {
        var (from, to) = ProgrammeFilter.Span(irp);
        var visitEnd = irp.Milestones.GetValueOrDefault(IrpSteps.VisitEnd, irp.VisitStart);
        return new YearRow(irp.Establishment.Name, from, to, [(irp.VisitStart, visitEnd, $"Visit: {PageLayout.LongDate(irp.VisitStart)} to {PageLayout.LongDate(visitEnd)}")],
            irp.Milestones.Where(m => m.Key is not (IrpSteps.VisitStart or IrpSteps.VisitEnd)).Select(m => (m.Value, MilestoneText.GetValueOrDefault(m.Key, m.Key))).ToList(),
            "#d2e2f1", "#1d70b8");
    }

    /// <summary>Manual 2.3: from the announcement call (week -9) to publication; the three fieldwork weeks, Monday to Friday (6.10).</summary>
    private static YearRow ProbationRow(ProbationListItem inspection)
    {
        var dates = inspection.Milestones;
        // A fieldwork week's step is dated its first working day; the week runs to its Friday.
        var weeks = new[] { ProbationSteps.FieldworkWeek1, ProbationSteps.FieldworkWeek2, ProbationSteps.FieldworkWeek3 }
            .Where(dates.ContainsKey).Select(step => (First: dates[step], Last: dates[step].AddDays(DayOfWeek.Friday - dates[step].DayOfWeek)))
            .Select((w, i) => (w.First, w.Last, $"Fieldwork week {i + 1}: {PageLayout.LongDate(w.First)} to {PageLayout.LongDate(w.Last)}")).ToList();
        if (weeks.Count == 0) weeks.Add((inspection.FieldworkStart, inspection.FieldworkStart.AddDays(18), $"Fieldwork from {PageLayout.LongDate(inspection.FieldworkStart)}"));
        var from = dates.Count == 0 ? inspection.FieldworkStart : dates.Values.Min();
        var to = dates.Count == 0 ? weeks[^1].Item2 : dates.Values.Max();
        return new YearRow("Probation: " + inspection.Organisation.Name, from, to, weeks,
            dates.Where(m => ProbationMilestoneText.ContainsKey(m.Key)).Select(m => (m.Value, ProbationMilestoneText[m.Key])).ToList(),
            "#e2d8ef", "#4c2c92");
    }

    /// <summary>
    /// Each IRP's span (announcement to publication deadline) and each probation inspection's (announcement call to
    /// publication), with the visit or fieldwork weeks and dots for the other key dates, on the year's months, as SVG. The
    /// tables below say the same in words, so the picture is one image with a short description.
    /// </summary>
    private static Html YearView(IReadOnlyList<YearRow> rows, int year)
    {
        const int left = 230, width = 960, rowHeight = 26, top = 28;
        var start = new DateOnly(year, 1, 1);
        var days = new DateOnly(year + 1, 1, 1).DayNumber - start.DayNumber;
        double X(DateOnly d) => left + Math.Clamp(d.DayNumber - start.DayNumber, 0, days) * (double)(width - left - 10) / days;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var height = top + rows.Count * rowHeight + 8;
        var months = Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1)).Select(m => Html.Of($"""
            <line x1="{N(X(m))}" y1="{top - 6}" x2="{N(X(m))}" y2="{height}" stroke="#b1b4b6"/><text x="{N(X(m) + 3)}" y="16" font-size="12" fill="#0b0c0c">{m.ToString("MMM", PageLayout.English)}</text>
            """));
        var drawn = rows.Select((row, i) =>
        {
            var y = top + i * rowHeight;
            var blocks = row.Blocks.Where(b => b.First.Year <= year && b.Last.Year >= year).Select(b => Html.Of($"""
                <rect x="{N(X(b.First))}" y="{y + 2}" width="{N(Math.Max(4, X(b.Last.AddDays(1)) - X(b.First)))}" height="16" fill="{row.BlockColour}"><title>{b.Title}</title></rect>
                """));
            var dots = row.Dots.Where(d => d.Date.Year == year).Select(d => Html.Of($"""
                <circle cx="{N(X(d.Date))}" cy="{y + 10}" r="4" fill="#0b0c0c"><title>{d.Title}: {PageLayout.LongDate(d.Date)}</title></circle>
                """));
            return Html.Of($"""
                <g><title>{row.Name}</title><text x="4" y="{y + 14}" font-size="12" fill="#0b0c0c">{Shorten(row.Name)}</text>
                <rect x="{N(X(row.From))}" y="{y + 6}" width="{N(Math.Max(1, X(row.To) - X(row.From)))}" height="8" fill="{row.SpanColour}"/>
                {blocks}{dots}</g>
                """);
        });
        return Html.Of($"""
            <figure>
            <svg class="app-yearview" viewBox="0 0 {width} {height}" role="img" aria-labelledby="yearview-title">
            <title id="yearview-title">The year {year}: each IRP from its announcement to its publication deadline, the visit in dark blue; each probation inspection from its announcement call to publication, the three fieldwork weeks in purple; dots for the other key dates. The tables below list the same IRPs and inspections.</title>
            {months}
            {drawn}
            </svg>
            <figcaption class="govuk-hint">{year} at a glance: IRPs from announcement to publication deadline, visits in dark blue; probation inspections from the announcement call to publication, fieldwork weeks in purple; dots mark the key dates.</figcaption>
            </figure>
            """);
    }

    // What fits left of January at 12px; the row's title holds the whole name.
    private static string Shorten(string name) => name.Length <= 34 ? name : name[..33] + "…";
}
