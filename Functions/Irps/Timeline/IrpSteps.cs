using System.Globalization;

namespace IrpFlows.Irps.Timeline;

/// <summary>
/// The ids of an IRP's timeline steps. They are stable: the engine records a step as done by its id, so a step done stays
/// done when dates move, and renaming one would make every IRP in flight run it again. Numbered steps (reminders, notices
/// of a moved visit) count from 1.
/// </summary>
public static class IrpSteps
{
    public const string Announcement = "announcement";
    public const string DocumentsRequest = "documents-request";

    /// <summary>The coordinating inspector's preparation visit (prison guide 7.1) or contact (IRC guide 2.5), once arranged.</summary>
    public const string PreparationVisit = "preparation-visit";
    public const string DocumentsReminderPrefix = "documents-reminder-";
    public const string DocumentsDeadline = "documents-deadline";
    public const string DocumentsOverdue = "documents-overdue";
    public const string VisitArrangements = "visit-arrangements";
    public const string VisitMovedPrefix = "visit-moved-";
    public const string VisitStart = "visit-start";
    public const string VisitEnd = "visit-end";
    public const string Debrief = "debrief";
    public const string DebriefDocument = "debrief-document";
    public const string LiaisonFeedback = "liaison-feedback";
    public const string DraftReport = "draft-report";
    public const string FactCheckReminderPrefix = "fact-check-reminder-";
    public const string FactCheckDeadline = "fact-check-deadline";
    public const string PublicationAlert = "publication-alert";
    public const string PublicationDeadline = "publication-deadline";
    public const string FinalReport = "final-report";
    public const string Publication = "publication";
    public const string GovernorFeedback = "governor-feedback";
    /// <summary>IrpFlows deletes the documents the establishment uploaded and records which (<c>MaterialDestroyed</c>).</summary>
    public const string MaterialDeletion = "material-deletion";

    /// <summary>The email that tells what was deleted, from the record of the deletion, and asks for the rest to be destroyed or returned.</summary>
    public const string MaterialDestruction = "material-destruction";

    /// <summary>The notice that the visit is cancelled: planned by the workflow when an IRP is terminated, not by the timeline.</summary>
    public const string Cancellation = "cancellation";

    /// <summary>
    /// <c>inspectors-update-{number}</c>: the establishment's update on who will look at which item, for names given after the
    /// visit arrangements went (prison guide 7.2), one per batch; planned by the workflow, not by the timeline.
    /// </summary>
    public const string InspectorsUpdatePrefix = "inspectors-update-";

    /// <summary><c>inspectors-update-{number}</c>: the <paramref name="number"/>th update on who will look at what.</summary>
    public static string InspectorsUpdate(int number) => Numbered(InspectorsUpdatePrefix, number);

    /// <summary><c>documents-reminder-{number}</c>: the reminders, earliest first.</summary>
    public static string DocumentsReminder(int number) => Numbered(DocumentsReminderPrefix, number);

    /// <summary><c>fact-check-reminder-{number}</c>: the reminders, earliest first.</summary>
    public static string FactCheckReminder(int number) => Numbered(FactCheckReminderPrefix, number);

    /// <summary><c>visit-moved-{number}</c>: the notice of the visit's <paramref name="number"/>th move.</summary>
    public static string VisitMoved(int number) => Numbered(VisitMovedPrefix, number);

    /// <summary>The number of a numbered step id (<c>documents-reminder-2</c> with its prefix gives 2); null when it is not one.</summary>
    public static int? NumberOf(string stepId, string prefix) =>
        stepId.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(stepId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;

    private static string Numbered(string prefix, int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return prefix + number.ToString(CultureInfo.InvariantCulture);
    }
}
