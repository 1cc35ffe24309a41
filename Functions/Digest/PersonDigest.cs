using IrpFlows.Workflow;

namespace IrpFlows.Digest;

/// <summary>What one instance has to report in a digest, as of <see cref="PersonDigest.Today"/>.</summary>
/// <param name="Failed">Steps whose attempts ran out, waiting for a retry.</param>
/// <param name="Overdue">Steps not done whose date has passed (waiting for something to be recorded, or still being tried).</param>
/// <param name="Due">Steps from today to the end of the next two weeks.</param>
public sealed record InstanceDigest(WorkflowAgenda Agenda, IReadOnlyList<AgendaItem> Failed, IReadOnlyList<AgendaItem> Overdue, IReadOnlyList<AgendaItem> Due)
{
    public bool IsEmpty => Failed.Count == 0 && Overdue.Count == 0 && Due.Count == 0;
}

/// <summary>One person's digest: every instance they run that has something to report, by title.</summary>
public sealed record PersonDigest(string Name, string Email, DateOnly Today, IReadOnlyList<InstanceDigest> Instances)
{
    /// <summary>The last day a digest of <see cref="Today"/> looks at.</summary>
    public DateOnly LastDay => Today.AddDays(DigestWeek.DaysAhead - 1);

    /// <summary>
    /// The digests <paramref name="agendas"/> call for on <paramref name="today"/>: one per person (the same address, however
    /// written, is one person), listing only instances with something failed, overdue or due within the two weeks. A person
    /// with nothing gets none: an email that says nothing every week teaches people to ignore the one that matters.
    /// </summary>
    public static IReadOnlyList<PersonDigest> For(IEnumerable<WorkflowAgenda> agendas, DateOnly today)
    {
        var end = today.AddDays(DigestWeek.DaysAhead);
        return agendas
            .Select(a => new InstanceDigest(a,
                a.Items.Where(i => i.Failed).ToList(),
                a.Items.Where(i => !i.Failed && i.Date < today).ToList(),
                a.Items.Where(i => !i.Failed && i.Date >= today && i.Date < end).ToList()))
            .Where(i => !i.IsEmpty)
            .GroupBy(i => i.Agenda.OwnerEmail.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(person => new PersonDigest(person.First().Agenda.OwnerName, person.Key, today,
                person.OrderBy(i => i.Agenda.Title, StringComparer.Ordinal).ThenBy(i => i.Agenda.PagePath, StringComparer.Ordinal).ToList()))
            .OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
