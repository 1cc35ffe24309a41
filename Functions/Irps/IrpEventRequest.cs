using IrpFlows.Validation;

namespace IrpFlows.Irps;

/// <summary>The body of <c>POST /api/irps/{id}/events/{eventName}</c>: each event reads the fields it needs and ignores the others.</summary>
/// <param name="Name">LiaisonOfficerAppointed: the liaison officer's full name; MinisterialOfficeNamed: the office's name;
/// InspectorAssigned: the inspector's; FeedbackReceived: who gave the feedback.</param>
/// <param name="Email">LiaisonOfficerAppointed, MinisterialOfficeNamed: the email address.</param>
/// <param name="VisitStart">VisitRescheduled: the new first day of the visit, yyyy-MM-dd.</param>
/// <param name="Date">DraftIssued, FactCheckReturned, FinalReportSentElsewhere (optional, default today) and Published: when it happened;
/// PreparationVisitArranged: the day of the visit; yyyy-MM-dd.</param>
/// <param name="Url">Published: the address of the published report.</param>
/// <param name="Ref">InspectorAssigned: the recommendation (concern) the inspector, <paramref name="Name"/>, will look at.</param>
/// <param name="Role">FeedbackReceived (optional): the role of who gave it, e.g. governor.</param>
/// <param name="Text">FeedbackReceived: what they said in their reply by email.</param>
public sealed record IrpEventRequest(
    [property: Text(Limits.Name, Name = true)] string? Name = null,
    [property: Text(Limits.Email)] string? Email = null,
    [property: Text(Limits.Choice)] string? VisitStart = null,
    [property: Text(Limits.Choice)] string? Date = null,
    [property: Text(Limits.Url)] string? Url = null,
    [property: Text(Limits.Ref)] string? Ref = null,
    [property: Text(Limits.Name)] string? Role = null,
    [property: Text(Limits.LongProse, Multiline = true)] string? Text = null);
