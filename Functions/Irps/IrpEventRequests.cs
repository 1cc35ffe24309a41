using System.Net.Mail;
using System.Text.Json.Nodes;
using IrpFlows.Calendar;
using IrpFlows.Irps.Feedback;
using IrpFlows.Workflow;

namespace IrpFlows.Irps;

/// <summary>Parses and checks the body of each coordinator event before anything is stored.</summary>
public static class IrpEventRequests
{
    public static (JsonObject? Data, Refusal? Error) Parse(string eventName, IrpEventRequest body, DateOnly today, WorkingDayCalendar calendar)
    {
        switch (eventName)
        {
            case IrpEvents.LiaisonOfficerAppointed:
            case IrpEvents.MinisterialOfficeNamed:
                var (name, email) = (body.Name, body.Email);
                if (string.IsNullOrWhiteSpace(name))
                    return (null, Refusal.Invalid("name", eventName == IrpEvents.LiaisonOfficerAppointed
                        ? "is required: the liaison officer's full name." : "is required: the ministerial office's name, e.g. Private Office of the Secretary of State for Justice."));
                if (email is null || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email.Trim())
                    return (null, Refusal.Invalid("email", "is required and must be a single email address, e.g. name@justice.gov.uk."));
                return (eventName == IrpEvents.LiaisonOfficerAppointed
                    ? EventData.ToData(new LiaisonOfficerAppointedData(name.Trim(), email.Trim()))
                    : EventData.ToData(new MinisterialOfficeNamedData(name.Trim(), email.Trim())), null);
            case IrpEvents.VisitRescheduled:
                if (!TryDate(body.VisitStart, "visitStart", required: true, out var visitStart, out var dateError)) return (null, dateError);
                if (visitStart!.Value < today) return (null, Refusal.Invalid("visitStart", $"must not be in the past (today is {today:yyyy-MM-dd})."));
                if (visitStart.Value > calendar.SupportedTo)
                    return (null, Refusal.Invalid("visitStart", $"must be on or before {calendar.SupportedTo:yyyy-MM-dd}, the end of the bank holidays IrpFlows knows."));
                if (!calendar.IsWorkingDay(visitStart.Value))
                    return (null, Refusal.Invalid("visitStart", $"must be a working day in England and Wales; {visitStart:yyyy-MM-dd} is not."));
                return (EventData.ToData(new VisitRescheduledData(visitStart.Value)), null);
            case IrpEvents.InspectorAssigned:
                if (string.IsNullOrWhiteSpace(body.Ref)) return (null, Refusal.Invalid("ref", "is required: the ref of the recommendation (concern) the inspector will look at, e.g. 1.42."));
                if (string.IsNullOrWhiteSpace(body.Name)) return (null, Refusal.Invalid("name", "is required: the inspector's full name."));
                return (EventData.ToData(new InspectorAssignedData(body.Ref.Trim(), body.Name.Trim())), null);
            case IrpEvents.FeedbackReceived:
                if (string.IsNullOrWhiteSpace(body.Name)) return (null, Refusal.Invalid("name", "is required: the name of who gave the feedback."));
                if (string.IsNullOrWhiteSpace(body.Text))
                    return (null, Refusal.Invalid("text", "is required: what they said about how the review was run, or a summary of their reply."));
                return (EventData.ToData(new FeedbackReceivedData(body.Name.Trim(), body.Role?.Trim() ?? "",
                    [new FeedbackAnswer(FeedbackForm.ReplyByEmail, body.Text.Trim().ReplaceLineEndings("\n"))], FeedbackReceivedData.ViaEmail)), null);
            case IrpEvents.PreparationVisitArranged:
                if (!TryDate(body.Date, "date", required: true, out var preparation, out var preparationError)) return (null, preparationError);
                if (preparation!.Value < calendar.SupportedFrom || preparation.Value > calendar.SupportedTo || !calendar.IsWorkingDay(preparation.Value))
                    return (null, Refusal.Invalid("date", $"must be a working day in England and Wales; {preparation:yyyy-MM-dd} is not."));
                return (EventData.ToData(new PreparationVisitArrangedData(preparation.Value)), null);
            case IrpEvents.DraftIssued:
            case IrpEvents.FactCheckReturned:
            case IrpEvents.FinalReportSentElsewhere:
                if (!TryDate(body.Date, "date", required: false, out var date, out var error)) return (null, error);
                if (date > today) return (null, Refusal.Invalid("date", $"must not be in the future (today is {today:yyyy-MM-dd})."));
                var on = date ?? today;
                return (eventName switch
                {
                    IrpEvents.DraftIssued => EventData.ToData(new DraftIssuedData(on)),
                    IrpEvents.FactCheckReturned => EventData.ToData(new FactCheckReturnedData(on)),
                    _ => EventData.ToData(new FinalReportSentElsewhereData(on)),
                }, null);
            case IrpEvents.Published:
                if (!TryDate(body.Date, "date", required: true, out var published, out var publishedError)) return (null, publishedError);
                if (published > today) return (null, Refusal.Invalid("date", $"must not be in the future (today is {today:yyyy-MM-dd})."));
                var url = body.Url;
                if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    return (null, Refusal.Invalid("url", "is required and must be the absolute http(s) address of the published report."));
                return (EventData.ToData(new PublishedData(published!.Value, uri)), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "Not a coordinator event.");
        }
    }

    private static bool TryDate(string? value, string field, bool required, out DateOnly? date, out Refusal? error)
    {
        date = null;
        error = null;
        if (value is null)
        {
            if (required) error = Refusal.Invalid(field, "is required: a date in the form yyyy-MM-dd.");
            return !required;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        error = Refusal.Invalid(field, "must be a date in the form yyyy-MM-dd.");
        return false;
    }
}
