using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Letters;

/// <summary>
/// Renders the email each IRP step sends, following the prison guide (July 2019) and the immigration detention guide
/// (April 2025). Every message comes in HTML and plain text with the same content; every user-supplied value is
/// HTML-encoded. The message key is <c>"{instanceId}/{stepId}"</c>, so rendering a step again gives the same key.
/// </summary>
/// <param name="timeProvider">Stamps calendar invitations (DTSTAMP), and gives the day a letter is written on, so that a date
/// it states as still to come has not passed.</param>
/// <param name="policy">Its time zone says what day it is in England and Wales; the default policy's when not given.</param>
public sealed partial class IrpMailTemplates(TimeProvider timeProvider, IrpPolicy? policy = null)
{
    private readonly TimeZoneInfo _zone = (policy ?? new IrpPolicy()).TimeZone;

    /// <summary>Steps of the timeline that are milestones on the coordinator's timeline and tell no one anything by email.</summary>
    public static readonly IReadOnlySet<string> MilestoneSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        IrpSteps.PreparationVisit, IrpSteps.VisitStart, IrpSteps.VisitEnd, IrpSteps.FactCheckDeadline, IrpSteps.PublicationDeadline,
    };

    /// <summary>
    /// Returns the email for <paramref name="stepId"/>, or null when the step sends none: <c>debrief</c> (the debrief
    /// document is handed over in person), a documents chase when nothing is missing, and <c>liaison-feedback</c> for an
    /// immigration IRP (the IRC guide seeks feedback from the centre manager and Home Office instead: <c>governor-feedback</c>).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The step id is not an email step, or the context lacks what the step needs (a date in
    /// <see cref="IrpMailContext.StepDates"/>, the draft report link, the record of the deletion, the debrief document).
    /// </exception>
    public MailMessage? Render(string stepId, IrpMailContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentNullException.ThrowIfNull(context);
        var letter = new IrpLetter(stepId, context, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _zone).DateTime));
        return stepId switch
        {
            IrpSteps.Announcement => Announcement(letter),
            IrpSteps.DocumentsRequest => DocumentsRequest(letter),
            IrpSteps.DocumentsDeadline => DocumentsChase(letter, dueToday: true),
            _ when IrpSteps.NumberOf(stepId, IrpSteps.DocumentsReminderPrefix) is not null => DocumentsChase(letter, dueToday: false),
            IrpSteps.DocumentsOverdue => DocumentsOverdue(letter),
            IrpSteps.VisitArrangements => VisitArrangements(letter),
            _ when IrpSteps.NumberOf(stepId, IrpSteps.VisitMovedPrefix) is { } move => VisitMoved(letter, move),
            _ when IrpSteps.NumberOf(stepId, IrpSteps.InspectorsUpdatePrefix) is not null => InspectorsUpdate(letter),
            IrpSteps.Debrief => null,
            IrpSteps.DebriefDocument => DebriefDocument(letter),
            IrpSteps.LiaisonFeedback => letter.Wording.IsImmigration ? null : LiaisonFeedback(letter),
            IrpSteps.DraftReport => DraftReport(letter),
            _ when IrpSteps.NumberOf(stepId, IrpSteps.FactCheckReminderPrefix) is not null => FactCheckReminder(letter),
            IrpSteps.PublicationAlert => PublicationAlert(letter),
            IrpSteps.FinalReport => FinalReport(letter),
            IrpSteps.Publication => Publication(letter),
            IrpSteps.GovernorFeedback => GovernorFeedback(letter),
            IrpSteps.MaterialDestruction => MaterialDestruction(letter),
            IrpSteps.Cancellation => Cancellation(letter),
            _ => throw new ArgumentException($"Step '{stepId}' sends no email that these templates know.", nameof(stepId)),
        };
    }

    /// <summary>"1.42 Behaviour management:", or the ref alone when the item has no area.</summary>
    private static string ItemLabel(Recommendation r) => r.Area is null ? r.Ref : $"{r.Ref} {r.Area}:";

    private static string Count(int count, string noun) => $"{NumberWords.ToWords(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
