using IrpFlows.Documents;
using IrpFlows.Irps.Facts;

namespace IrpFlows.Irps;

/// <summary>The facts an IRP's log records. Names are the event names of the HTTP API where a coordinator raises them.</summary>
public static class IrpEvents
{
    public const string Started = "IrpStarted";
    public const string LiaisonOfficerAppointed = nameof(LiaisonOfficerAppointed);
    public const string VisitRescheduled = nameof(VisitRescheduled);
    public const string DraftIssued = nameof(DraftIssued);
    public const string FactCheckReturned = nameof(FactCheckReturned);
    public const string Published = nameof(Published);
    public const string Cancelled = "Cancelled";
    public const string DocumentReceived = DocumentEvents.DocumentReceived;
    public const string DraftReportUploaded = nameof(DraftReportUploaded);
    public const string FactCheckCommentsUploaded = nameof(FactCheckCommentsUploaded);
    public const string FinalReportUploaded = nameof(FinalReportUploaded);
    public const string DebriefDocumentUploaded = nameof(DebriefDocumentUploaded);
    public const string JudgementRecorded = nameof(JudgementRecorded);
    public const string MaterialDestroyed = nameof(MaterialDestroyed);
    public const string FinalReportSentElsewhere = nameof(FinalReportSentElsewhere);
    public const string MinisterialOfficeNamed = nameof(MinisterialOfficeNamed);
    public const string PreparationVisitArranged = nameof(PreparationVisitArranged);
    public const string InspectorAssigned = nameof(InspectorAssigned);
    public const string FeedbackReceived = nameof(FeedbackReceived);
    public const string NotablePositivePracticeRecorded = nameof(NotablePositivePracticeRecorded);
    public const string FindingsRecorded = nameof(FindingsRecorded);
    public const string ChiefInspectorsSummaryRecorded = nameof(ChiefInspectorsSummaryRecorded);
    public const string GlossaryRecorded = nameof(GlossaryRecorded);

    /// <summary>Events a coordinator may raise through <c>POST /api/irps/{id}/events/{eventName}</c>.</summary>
    public static readonly IReadOnlySet<string> RaisableByCoordinator = new HashSet<string>(StringComparer.Ordinal)
    {
        LiaisonOfficerAppointed, PreparationVisitArranged, InspectorAssigned, VisitRescheduled, DraftIssued, FactCheckReturned, Published, FinalReportSentElsewhere,
        MinisterialOfficeNamed, FeedbackReceived,
    };

}

public sealed record IrpStartedData(IrpFacts Facts, IReadOnlyList<IrpWarning> Warnings);

public sealed record LiaisonOfficerAppointedData(string Name, string Email);

/// <summary>The office that takes the final report to ministers (prison guide 14.1, IRC guide 5.1), named after the IRP started.</summary>
public sealed record MinisterialOfficeNamedData(string Name, string Email);

/// <summary>The final report went to ministers outside IrpFlows, on <see cref="Date"/>, as the coordinator records.</summary>
public sealed record FinalReportSentElsewhereData(DateOnly Date);

public sealed record VisitRescheduledData(DateOnly VisitStart);

/// <summary>The inspector who will look at recommendation (concern) <see cref="Ref"/> (prison guide 7.2); a later one replaces them.</summary>
public sealed record InspectorAssignedData(string Ref, string Name);

/// <summary>
/// Feedback on how the review was run (prison guide 16.1, IRC guide 5.3), from <see cref="Name"/> in <see cref="Role"/>: the
/// answers given on the feedback form (<see cref="Via"/> "form"), or a reply by email the coordinator recorded ("email").
/// </summary>
/// <param name="Answers">Only the questions answered, each with the question as it was asked.</param>
public sealed record FeedbackReceivedData(string Name, string Role, IReadOnlyList<FeedbackAnswer> Answers, string Via)
{
    public const string ViaForm = "form";
    public const string ViaEmail = "email";

    /// <summary>The same feedback, recorded again by a retried request or form, is not recorded twice.</summary>
    public bool Same(FeedbackReceivedData other) =>
        Name == other.Name && Role == other.Role && Via == other.Via && Answers.SequenceEqual(other.Answers);
}

/// <summary>One question of the feedback form, as it was asked, and the answer given.</summary>
public sealed record FeedbackAnswer(string Question, string Answer);

/// <summary>The day of the coordinating inspector's preparation visit (prison guide 7.1) or contact (IRC guide 2.5); a later one replaces it.</summary>
public sealed record PreparationVisitArrangedData(DateOnly Date);

/// <param name="Date">The England-and-Wales date it happened (the day the event was recorded unless given).</param>
public sealed record DraftIssuedData(DateOnly Date);

public sealed record FactCheckReturnedData(DateOnly Date);

public sealed record PublishedData(DateOnly Date, Uri? Url);

public sealed record CancelledData(string? Reason);

/// <summary>
/// The examples of notable positive practice the inspectors found (the reports' section 2: HMP Elmley 2023, 2.4–2.6); the latest
/// recorded replaces the ones before, and none is a finding too.
/// </summary>
public sealed record NotablePositivePracticeRecordedData(IReadOnlyList<string> Examples);

/// <summary>
/// The inspector's findings on one recommendation (concern) or Ofsted theme, as the report's Section 3 numbers them under it
/// (HMP Elmley 2023, 3.1–3.4); the latest recorded for a ref replaces the ones before.
/// </summary>
/// <param name="Ref">The item's ref: a recommendation's own ref also when it is judged in parts, as HMP Hull's 1.34 has one set of findings.</param>
public sealed record FindingsRecordedData(string Ref, IReadOnlyList<string> Paragraphs);

/// <summary>The Chief Inspector's summary, the report's Section 1 (HMP Elmley 2023, 1.1–1.10); the latest recorded replaces the one before.</summary>
public sealed record ChiefInspectorsSummaryRecordedData(IReadOnlyList<string> Paragraphs);

/// <summary>The IRP's own entries for the report's Appendix II glossary (HMP Hull 2022 adds CSIP, OMiC, …); the latest recorded replaces the ones before.</summary>
public sealed record GlossaryRecordedData(IReadOnlyList<GlossaryEntry> Entries);

/// <summary>One glossary entry: the term as the report prints it in bold, and what it means.</summary>
/// <param name="Term">e.g. "Challenge, support and intervention plan (CSIP)".</param>
public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>A judgement on one recommendation (concern) or Ofsted theme; the latest recorded for a ref wins.</summary>
/// <param name="Judgement">The API name on the item's scale, e.g. "ReasonableProgress".</param>
/// <param name="Text">The written judgement for the report, if any.</param>
public sealed record JudgementRecordedData(string Ref, string Judgement, string? Text);

/// <summary>
/// What the destruction of the establishment's material deleted from IrpFlows' storage (prison guide Appendix A, IRC guide
/// Appendix I): the documents it uploaded, never HMI Prisons' own report files. Recorded before the email that reports it,
/// which is written from this record, so a retried email tells the same.
/// </summary>
/// <param name="Files">Each file deleted, in the order the checklist received them.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record MaterialDestroyedData(IReadOnlyList<DestroyedFile> Files, long Bytes)
{
    public int Count => Files.Count;
}

/// <summary>One deleted file: the checklist item it answered (empty when the log never recorded it), its name and size.</summary>
public sealed record DestroyedFile(string Key, string FileName, long Size);
