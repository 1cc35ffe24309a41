using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Pages;

namespace IrpFlows.Irps.Feedback;

/// <summary>What the feedback page shows for one IRP.</summary>
public sealed record FeedbackPageView(string Establishment, bool Immigration, Contact Coordinator);

/// <summary>
/// The feedback form behind the link in the feedback requests (prison guide 16.1, IRC guide 5.3): a name, a role and the
/// questions of <see cref="FeedbackForm"/>, in a plain form that posts back to the page's own address and needs no
/// JavaScript. Framed as the upload and fact-check pages are (<see cref="UploadPageLayout"/>).
/// </summary>
public static class FeedbackPage
{
    /// <param name="values">The posted form, to fill the fields again beside their errors; null for an empty form.</param>
    public static Html Render(FeedbackPageView view, IFormCollection? values, IReadOnlyDictionary<string, string[]> errors)
    {
        string Value(string field) => values?[field].FirstOrDefault() ?? "";
        Html Error(string field) => PageLayout.FieldError(field, errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null);
        string Group(string field) => errors.ContainsKey(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";
        Html Described(string field, bool hint = false) => PageLayout.DescribedBy(field, hint, errors.ContainsKey(field));

        var place = view.Immigration ? "centre" : "prison";
        var roles = FeedbackForm.Roles(view.Immigration).Select(r => Html.Of($"""
            <div class="govuk-radios__item"><input class="govuk-radios__input" type="radio" id="role-{r.Key}" name="role" value="{r.Key}"{(Value("role") == r.Key ? Html.Of($" checked") : Html.Empty)}> <label class="govuk-label govuk-radios__label" for="role-{r.Key}">{r.Label}</label></div>
            """));
        var questions = FeedbackForm.Questions(view.Immigration).Select(q => Html.Of($"""
            <div class="{Group("answer-" + q.Key)}"><label class="govuk-label" for="answer-{q.Key}">{q.Text}</label>{Error("answer-" + q.Key)}
            <textarea class="govuk-textarea{(errors.ContainsKey("answer-" + q.Key) ? " govuk-textarea--error" : "")}" id="answer-{q.Key}" name="answer-{q.Key}" rows="4" maxlength="{FeedbackForm.MaxAnswerLength}"{Described("answer-" + q.Key)}>{Value("answer-" + q.Key)}</textarea></div>
            """));
        // Every error at the top, each linking to its field (a group's to its first choice or box).
        string Target(string field) => field switch { "role" => $"role-{FeedbackForm.Roles(view.Immigration).First().Key}", "answers" => $"answer-{FeedbackForm.Questions(view.Immigration).First().Key}", _ => field };
        var summary = errors.Count == 0 ? Html.Empty : PageLayout.ErrorSummary(Html.Of($"""
            <p class="govuk-body">Your feedback was not sent: please see the errors below.</p>
            <ul class="govuk-list govuk-error-summary__list">{errors.Select(e => Html.Of($"<li><a href=\"#{Target(e.Key)}\">{string.Join(" ", e.Value)}</a></li>"))}</ul>
            """));
        return UploadPageLayout.Page($"Feedback: {view.Establishment}", UploadPageLayout.PrisonsInspectorate, Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            {summary}
            <h1 class="govuk-heading-l">Your feedback on our review at {view.Establishment}</h1>
            <p class="govuk-body-l">We ask for feedback on how each independent review of progress was run, so that we can improve the process. It does not affect the judgements in the report.</p>
            <p class="govuk-body">Answer the questions you can, and leave the others empty. If you prefer, reply by email to {view.Coordinator.Name}, coordinating inspector, at <a class="govuk-link" href="mailto:{view.Coordinator.Email}">{view.Coordinator.Email}</a>.</p>
            <form method="post">
            <div class="{Group("name")}"><label class="govuk-label govuk-label--s" for="name">Your name</label>{Error("name")}
            <input class="govuk-input{(errors.ContainsKey("name") ? " govuk-input--error" : "")}" type="text" id="name" name="name" autocomplete="name" maxlength="{Validation.Limits.Name}" value="{Value("name")}"{Described("name")}></div>
            <div class="{Group("role")}"><fieldset class="govuk-fieldset"{Described("role")}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Your role at the {place}</legend>{Error("role")}
            <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">{Html.Join(roles)}</div>
            </fieldset></div>
            <div class="{Group("answers")}"><fieldset class="govuk-fieldset"{Described("answers", hint: true)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Your feedback</legend>
            <div class="govuk-hint" id="answers-hint">At most {FeedbackForm.MaxAnswerLength:N0} characters for each answer.</div>{Error("answers")}
            {Html.Join(questions)}
            </fieldset></div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Send feedback</button>
            </form>
            </div></div>
            """));
    }

    /// <summary>The page once feedback is recorded: thanks, and no form to send it twice.</summary>
    public static Html RenderThanks(FeedbackPageView view, string name) =>
        UploadPageLayout.Page($"Feedback sent: {view.Establishment}", UploadPageLayout.PrisonsInspectorate, Html.Of($"""
            {PageLayout.Message($"Thank you, {name}. We have received your feedback on our review at {view.Establishment}.", isError: false)}
            <h1 class="govuk-heading-l">Thank you for your feedback</h1>
            <p class="govuk-body">{view.Coordinator.Name}, coordinating inspector, will read it. If someone else would like to give feedback too, they can use the same link.</p>
            """));
}
