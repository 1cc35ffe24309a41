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
        Html Error(string field) => errors.TryGetValue(field, out var messages)
            ? Html.Of($"<p class=\"error-message\" id=\"{field}-error\">Error: {string.Join(" ", messages)}</p>") : Html.Empty;
        Html Described(string field, bool hint = false) => PageLayout.DescribedBy(field, hint, errors.ContainsKey(field));

        var place = view.Immigration ? "centre" : "prison";
        var roles = FeedbackForm.Roles(view.Immigration).Select(r => Html.Of($"""
            <div class="choice"><input type="radio" id="role-{r.Key}" name="role" value="{r.Key}"{(Value("role") == r.Key ? Html.Of($" checked") : Html.Empty)}> <label for="role-{r.Key}">{r.Label}</label></div>
            """));
        var questions = FeedbackForm.Questions(view.Immigration).Select(q => Html.Of($"""
            <div class="field"><label for="answer-{q.Key}">{q.Text}</label>{Error("answer-" + q.Key)}
            <textarea id="answer-{q.Key}" name="answer-{q.Key}" rows="4" maxlength="{FeedbackForm.MaxAnswerLength}"{Described("answer-" + q.Key)}>{Value("answer-" + q.Key)}</textarea></div>
            """));
        var problem = errors.Count > 0 ? "Your feedback was not sent: please see the errors below." : null;
        return UploadPageLayout.Page($"Feedback: {view.Establishment}", UploadPageLayout.PrisonsInspectorate, Html.Of($"""
            <h1>Your feedback on our review at {view.Establishment}</h1>
            {PageLayout.Message(problem, isError: true)}
            <p class="lead">We ask for feedback on how each independent review of progress was run, so that we can improve the process. It does not affect the judgements in the report.</p>
            <p>Answer the questions you can, and leave the others empty. If you prefer, reply by email to {view.Coordinator.Name}, coordinating inspector, at <a href="mailto:{view.Coordinator.Email}">{view.Coordinator.Email}</a>.</p>
            <form class="feedback" method="post">
            <div class="field"><label for="name">Your name</label>{Error("name")}
            <input type="text" id="name" name="name" autocomplete="name" maxlength="{Validation.Limits.Name}" value="{Value("name")}"{Described("name")}></div>
            <fieldset class="field"{Described("role")}><legend>Your role at the {place}</legend>{Error("role")}
            {Html.Join(roles)}
            </fieldset>
            <fieldset class="field"{Described("answers", hint: true)}><legend>Your feedback</legend>
            <p class="hint" id="answers-hint">At most {FeedbackForm.MaxAnswerLength:N0} characters for each answer.</p>{Error("answers")}
            {Html.Join(questions)}
            </fieldset>
            <button type="submit">Send feedback</button>
            </form>
            """));
    }

    /// <summary>The page once feedback is recorded: thanks, and no form to send it twice.</summary>
    public static Html RenderThanks(FeedbackPageView view, string name) =>
        UploadPageLayout.Page($"Feedback sent: {view.Establishment}", UploadPageLayout.PrisonsInspectorate, Html.Of($"""
            <h1>Thank you for your feedback</h1>
            {PageLayout.Message($"Thank you, {name}. We have received your feedback on our review at {view.Establishment}.", isError: false)}
            <p>{view.Coordinator.Name}, coordinating inspector, will read it. If someone else would like to give feedback too, they can use the same link.</p>
            """));
}
