using IrpFlows.Documents;
using IrpFlows.Mail;
using IrpFlows.Pages;
using IrpFlows.Workflow;

namespace IrpFlows.Http;

/// <summary>
/// What every coordinator page's functions share, for IRPs and probation inspections alike: a page with fresh form tokens, the
/// checks on a form post (signed in, readable, the anti-forgery token), the redirect after a post, and an email as sent.
/// </summary>
public sealed class CoordinatorPages(CoordinatorSignIn signIn, FormTokens forms, WorkflowEngine engine, DocumentStore store, IServiceProvider services)
{
    public Person? Person(HttpRequest request) => signIn.Read(request);

    public IResult Page(HttpRequest request, Person person, string title, Func<string, Html> main, int status = StatusCodes.Status200OK) =>
        PageLayout.Result(request.HttpContext.Response, PageLayout.Page(title, person, main(forms.Issue(request.HttpContext, person))), status);

    /// <summary>
    /// The person and form of a post, or the response refusing it: sign in first; a form over the limits or malformed, 413
    /// or 400 (<see cref="PageForms"/>); no valid anti-forgery token, 400. Each date typed in GOV.UK's date input is folded
    /// into its ISO value (<see cref="DateInput.Fold"/>); <c>BadDates</c> refuses those that are not dates, by field, for the
    /// caller to show beside them and change nothing.
    /// </summary>
    public async Task<(Person? Person, IFormCollection? Form, Refusal? BadDates, IResult? Refused)> ReadPostAsync(HttpRequest request, CancellationToken ct)
    {
        if (signIn.Read(request) is not { } person) return (null, null, null, CoordinatorSignIn.Challenge(request));
        var (form, notRead) = await PageForms.ReadAsync(request, ct);
        if (notRead is not null)
        {
            var page = PageLayout.Page("Form not read", person, Html.Of($"""
                <h1 class="govuk-heading-l">This form could not be read</h1>
                <p class="govuk-body">{notRead.Message}</p>
                <p class="govuk-body"><a class="govuk-link" href="/">Go back to the programme</a> and try again.</p>
                """));
            return (person, null, null, PageLayout.Result(request.HttpContext.Response, page, notRead.Status));
        }
        if (form is null || !forms.IsValid(request, form, person))
        {
            var page = PageLayout.Page("Form not accepted", person, Html.Of($"""
                <h1 class="govuk-heading-l">This form was not accepted</h1>
                <p class="govuk-body">It did not come from a page of IrpFlows opened in this browser, or it was open too long. Nothing was changed.</p>
                <p class="govuk-body"><a class="govuk-link" href="/">Go back to the programme</a> and try again.</p>
                """));
            return (person, null, null, PageLayout.Result(request.HttpContext.Response, page, StatusCodes.Status400BadRequest));
        }
        var (folded, badDates) = DateInput.Fold(form);
        return (person, folded, badDates, null);
    }

    /// <summary>
    /// The page of one email <paramref name="sent"/>, read from the local outbox (registered only when no Graph mailbox is
    /// configured; with Graph the page says where the message is); 404 when the IRP or inspection sent no such email.
    /// </summary>
    public async Task<IResult> EmailAsync(HttpRequest request, Person person, string back, string backTo, EmailRecord? sent, TimeZoneInfo zone, CancellationToken ct)
    {
        if (sent is null) return Results.NotFound();
        var raw = services.GetService<OutboxMailSender>() is { } outbox ? await outbox.GetRawAsync(sent.MessageId, ct) : null;
        var message = raw is null ? null : await MimeKit.MimeMessage.LoadAsync(raw.ToStream(), ct);
        return PageLayout.Result(request.HttpContext.Response, PageLayout.Page(sent.Subject, person, EmailPage.Render(back, backTo, sent, message, zone)));
    }

    /// <summary>
    /// A document received for the IRP or probation inspection <paramref name="id"/> (<paramref name="kind"/>): a redirect to a
    /// read-only link valid for a few minutes; or a page saying why not (404, or 410 once destroyed), linking back to <paramref name="back"/>.
    /// </summary>
    public async Task<IResult> DocumentAsync(HttpRequest request, Person person, string kind, string id, string key, string name, string back, CancellationToken ct)
    {
        var (link, refusal) = await UploadFunctions.DocumentLinkAsync(engine, store, kind, id, key, name, ct);
        return link is not null ? Results.Redirect(link.ToString())
            : PageLayout.Result(request.HttpContext.Response, PageLayout.Page(refusal!.Title, person,
                Html.Of($"<a href=\"{back}#documents\" class=\"govuk-back-link\">Back</a><h1 class=\"govuk-heading-l\">{refusal.Title}</h1><p class=\"govuk-body\">{refusal.Detail}</p>")), Problems.StatusOf(refusal));
    }

    /// <summary>
    /// Hands the form's file (field <c>file</c>) to <paramref name="upload"/> (name, content type, bytes), or refuses naming the
    /// field when none was chosen; every error of the upload is put beside that one field.
    /// </summary>
    /// <param name="what">What the file is, for the refusal: "draft report".</param>
    public static async Task<Refusal?> UploadAsync(IFormCollection form, string what,
        Func<string, string, BinaryData, Task<(ReportFileUploadedData? File, Refusal? Refusal)>> upload, CancellationToken ct)
    {
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Refusal.Invalid("file", $"Choose the {what}'s file (PDF or Word).");
        await using var content = file.OpenReadStream();
        var (_, refusal) = await upload(file.FileName, file.ContentType, await BinaryData.FromStreamAsync(content, ct));
        return refusal is { Errors: { } errors } ? refusal with { Errors = new Dictionary<string, string[]> { ["file"] = errors.Values.SelectMany(e => e).ToArray() } } : refusal;
    }

    /// <summary>
    /// A refusal of a list the page takes one item a line (<c>examples[1].text</c>, <c>keyQuestions[0].yes</c>): every error goes
    /// beside the one box, <paramref name="list"/>, each saying its line ("Line 2 must be …", or in <paramref name="item"/>'s word,
    /// "Paragraph 2 …", for a box whose items are parted otherwise); other errors stay as they are.
    /// </summary>
    public static Refusal? ByLine(Refusal? refusal, string list, string item = "Line") => refusal is { Errors: { } errors }
        ? refusal with
        {
            Errors = errors.GroupBy(e => e.Key.StartsWith(list, StringComparison.Ordinal) ? list : e.Key)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value.Select(message => $"{LineOf(list, e.Key, item)}{message}")).ToArray()),
        }
        : refusal;

    // "Line 2 " (or the item's word: "Paragraph 2 ") for list[1] or list[1].field; nothing for the list as a whole or another field.
    private static string LineOf(string list, string field, string item) =>
        field.StartsWith(list + "[", StringComparison.Ordinal) && int.TryParse(field[(list.Length + 1)..field.IndexOf(']')], out var i) ? $"{item} {i + 1} " : "";

    /// <summary>The answer to a post that worked: 303, so reloading the page it leads to posts nothing again.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
