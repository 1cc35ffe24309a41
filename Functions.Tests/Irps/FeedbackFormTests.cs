using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IrpFlows.Documents;
using IrpFlows.Http;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Irps;

/// <summary>One prison IRP (Elmley, visit Monday 15 – Wednesday 17 February 2027) whose liaison officer has been asked for feedback.</summary>
public sealed class FeedbackFormFixture : IAsyncLifetime
{
    internal IrpFlowsApp App { get; private set; } = null!;
    public string Id { get; private set; } = null!;
    public string RequestText { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync();
        Id = await App.CreateIrpAsync(Elmley(liaisonOfficer: true).WithReportContacts());
        await App.RunUntilAsync(Id, "liaison-feedback");
        RequestText = Emails.PlainText(await App.RawEmailAsync(Id, "liaison-feedback"));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Prison guide 16.1: "a feedback form" to the liaison officer shortly after the visit, and the governor's feedback once the report
/// is published (IRC guide 5.3: the centre manager and the Home Office). The request links to a short form whose answers are
/// recorded on the IRP; a reply by email, which the coordinator records, counts as well.
/// </summary>
public sealed class FeedbackFormTests(FeedbackFormFixture fixture) : IClassFixture<FeedbackFormFixture>
{
    private IrpFlowsApp App => fixture.App;
    private string Id => fixture.Id;
    private Uri FormLink => Emails.Link(fixture.RequestText, "/feedback/");

    private static FormUrlEncodedContent Form(params (string Field, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Field, f.Value)));

    private async Task<JsonArray> FeedbackAsync() => (await App.GetIrpAsync(Id))["feedback"]!.AsArray();

    [Fact]
    public async Task LiaisonOfficer_AnswersTheFormFromTheRequest_AndTheCoordinatorSeesTheAnswers_Once()
    {
        Assert.Contains("Please tell us what you think on our short feedback form: http://localhost/feedback/", fixture.RequestText);
        Assert.Contains("It asks about: - The announcement, and the information you received before the visit", fixture.RequestText);
        Assert.Contains("If you prefer, you can reply to this email instead.", fixture.RequestText);

        var page = await App.Anonymous.GetAsync(FormLink.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("form-action 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"govuk-heading-l\">Your feedback on our review at HMP Elmley</h1>", html);
        Assert.Contains("<label class=\"govuk-label govuk-radios__label\" for=\"role-liaison-officer\">Liaison officer</label>", html);
        Assert.Contains("<label class=\"govuk-label\" for=\"answer-report\">The draft report and the factual accuracy check</label>", html);

        var before = (await FeedbackAsync()).Count;
        var answers = Form(("name", "Sam Liaison"), ("role", "liaison-officer"),
            ("answer-documents", "The list was clear.\nThe template for the self-assessment saved us time."), ("answer-better", "  "));
        var sent = await App.Anonymous.PostAsync(FormLink.PathAndQuery, answers);
        var again = await App.Anonymous.PostAsync(FormLink.PathAndQuery, Form(("name", "Sam Liaison"), ("role", "liaison-officer"),
            ("answer-documents", "The list was clear.\nThe template for the self-assessment saved us time."), ("answer-better", "  ")));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Thank you, Sam Liaison. We have received your feedback on our review at HMP Elmley.", await sent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var feedback = await FeedbackAsync();
        Assert.Equal(before + 1, feedback.Count); // the same answers sent twice (a refresh) are recorded once
        var recorded = feedback.Last()!;
        Assert.Equal(("Sam Liaison", "Liaison officer", "form"),
            (recorded["name"]!.GetValue<string>(), recorded["role"]!.GetValue<string>(), recorded["via"]!.GetValue<string>()));
        var answer = Assert.Single(recorded["answers"]!.AsArray())!; // the empty answer is not recorded
        Assert.Equal("The documents we asked for: how straightforward they were to provide, and whether the request was proportionate", answer["question"]!.GetValue<string>());
        Assert.Equal("The list was clear.\nThe template for the self-assessment saved us time.", answer["answer"]!.GetValue<string>());
        var history = (await App.GetIrpAsync(Id))["history"]!.AsArray().Last(e => e!["type"]!.GetValue<string>() == "FeedbackReceived")!;
        Assert.Equal("link", history["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormWithoutNameRoleOrAnswer_OrWithAnAnswerTooLong_IsRefusedWith400BesideEachField_AndRecordsNothing()
    {
        var before = (await FeedbackAsync()).Count;

        var empty = await App.Anonymous.PostAsync(FormLink.PathAndQuery, Form(("name", " "), ("role", "warden")));
        var tooLong = await App.Anonymous.PostAsync(FormLink.PathAndQuery,
            Form(("name", "Sam Liaison"), ("role", "governor"), ("answer-visit", new string('x', 4001))));
        var control = await App.Anonymous.PostAsync(FormLink.PathAndQuery, Form(("name", "Sam\u0007Liaison"), ("role", "governor"), ("answer-visit", "Fine")));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Your feedback was not sent: please see the errors below.", html);
        Assert.Contains("<p class=\"govuk-error-message\" id=\"name-error\"><span class=\"govuk-visually-hidden\">Error:</span> Enter your name.</p>", html);
        Assert.Contains("<p class=\"govuk-error-message\" id=\"role-error\"><span class=\"govuk-visually-hidden\">Error:</span> Choose your role.</p>", html);
        Assert.Contains("<p class=\"govuk-error-message\" id=\"answers-error\"><span class=\"govuk-visually-hidden\">Error:</span> Answer at least one question.</p>", html);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        html = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"govuk-visually-hidden\">Error:</span> This answer must be at most 4000 characters; it has 4001.", html);
        Assert.Contains("value=\"Sam Liaison\"", html); // what was typed is kept
        Assert.Contains("<input class=\"govuk-radios__input\" type=\"radio\" id=\"role-governor\" name=\"role\" value=\"governor\" checked>", html);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("<span class=\"govuk-visually-hidden\">Error:</span> Your name must not contain control characters", await control.Content.ReadAsStringAsync());
        Assert.Equal(before, (await FeedbackAsync()).Count);
    }

    [Fact]
    public async Task TheLinkIsForFeedbackAlone_AndWorksUntilNinetyDaysAfterTheGovernorsRequest()
    {
        var token = FormLink.AbsolutePath["/feedback/".Length..];
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[0])).RootElement;
        Assert.Equal("feedback", payload.GetProperty("purpose").GetString());
        // Publication due 25 working days after the visit, Wednesday 24 March 2027; the governor is asked 5 working days after,
        // over Good Friday and Easter Monday: Friday 2 April. Local policy: the form takes answers for 90 days more, to the end
        // of Thursday 1 July 2027 (BST).
        Assert.Equal(new DateOnly(2027, 4, 2), DateOnly.Parse(IrpFlowsApp.Step(await App.GetIrpAsync(Id), "governor-feedback")["date"]!.GetValue<string>()));
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 23, 0, 0, TimeSpan.Zero), payload.GetProperty("expiresOn").GetDateTimeOffset());

        var tokens = App.Services.GetRequiredService<UploadTokens>();
        var valid = new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var factCheck = tokens.Sign(new UploadTokenPayload(Id, UploadTokenPayload.FactCheckPurpose, valid));
        var expired = tokens.Sign(new UploadTokenPayload(Id, UploadTokenPayload.FeedbackPurpose, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var noSuchIrp = tokens.Sign(new UploadTokenPayload("0123456789abcdef0123456789abcdef", UploadTokenPayload.FeedbackPurpose, valid));
        var before = (await FeedbackAsync()).Count;

        foreach (var other in new[] { factCheck, expired, tampered })
        {
            var page = await App.Anonymous.GetAsync($"/feedback/{other}");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("This link is not valid or has expired", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden,
                (await App.Anonymous.PostAsync($"/feedback/{other}", Form(("name", "A"), ("role", "governor"), ("answer-visit", "B")))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous.GetAsync($"/feedback/{noSuchIrp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Anonymous.GetAsync($"/fact-check/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Anonymous.GetAsync($"/upload/{token}")).StatusCode);
        Assert.Equal(before, (await FeedbackAsync()).Count);
        Assert.Equal("/feedback/***", Secrets.Redact(FormLink.AbsolutePath));
    }

    [Fact]
    public async Task CoordinatorRecordsAReplyByEmail_WhichCountsAsFeedback()
    {
        var missing = await App.RaiseAsync(Id, "FeedbackReceived", new { name = "Alex Governor" });
        var recorded = await App.RaiseAsync(Id, "FeedbackReceived",
            new { name = "Alex Governor", role = "Governor", text = "The debrief was fair.\nThe timetable was tight." });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("is required: what they said about how the review was run, or a summary of their reply.",
            (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        var feedback = (await FeedbackAsync()).Last()!;
        Assert.Equal(("Alex Governor", "Governor", "email"),
            (feedback["name"]!.GetValue<string>(), feedback["role"]!.GetValue<string>(), feedback["via"]!.GetValue<string>()));
        var answer = Assert.Single(feedback["answers"]!.AsArray())!;
        Assert.Equal(("Reply by email", "The debrief was fair.\nThe timetable was tight."), (answer["question"]!.GetValue<string>(), answer["answer"]!.GetValue<string>()));
    }
}
