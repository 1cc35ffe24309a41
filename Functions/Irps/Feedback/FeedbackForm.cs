using IrpFlows.Validation;

namespace IrpFlows.Irps.Feedback;

/// <summary>
/// The feedback form on how a review was run (prison guide 16.1: "a feedback form" to the liaison officer, and the governor's
/// feedback after publication; IRC guide 5.3: the centre manager and the Home Office). The emails that ask for feedback list
/// the same questions, so a reply by email can follow them too.
/// </summary>
public static class FeedbackForm
{
    /// <summary>The question an answer recorded from a reply by email stands under.</summary>
    public const string ReplyByEmail = "Reply by email";

    /// <summary>The longest answer to one question.</summary>
    public const int MaxAnswerLength = Limits.LongProse;

    private static readonly TextAttribute NameRule = new(Limits.Name) { Name = true };
    private static readonly TextAttribute AnswerRule = new(MaxAnswerLength) { Multiline = true };

    /// <summary>
    /// The questions for an IRP of a prison, or of an immigration removal centre, whose feedback is asked for shortly after the
    /// visit (IRC guide 5.3), before any draft: it has no question on the draft report.
    /// </summary>
    public static IReadOnlyList<FeedbackQuestion> Questions(bool immigration) =>
    [
        new("before", "The announcement, and the information you received before the visit"),
        new("documents", "The documents we asked for: how straightforward they were to provide, and whether the request was proportionate"),
        new("visit", "The arrangements during the visit, the debrief, and your contact with the team"),
        .. immigration ? [] : new[] { new FeedbackQuestion("report", "The draft report and the factual accuracy check") },
        new("better", "Anything we could do better in future reviews"),
    ];

    /// <summary>Who may answer: the people the guides ask (prison guide 16.1; IRC guide 5.3), and anyone they pass the form to.</summary>
    public static IReadOnlyList<FeedbackRole> Roles(bool immigration) => immigration
        ?
        [
            new("centre-manager", "Centre manager"),
            new("home-office", "Home Office Detention Engagement or Compliance team"),
            new("other", "Someone else at the centre"),
        ]
        :
        [
            new("liaison-officer", "Liaison officer"),
            new("governor", "Governor or director"),
            new("other", "Someone else at the prison"),
        ];

    /// <summary>
    /// The feedback a posted form gives (fields <c>name</c>, <c>role</c> and <c>answer-{key}</c>), or the errors by field: a name and
    /// a role are required, and at least one answer; every value keeps the API's text rules.
    /// </summary>
    public static (FeedbackReceivedData? Feedback, Dictionary<string, string[]> Errors) Read(IFormCollection form, bool immigration)
    {
        var errors = new Dictionary<string, string[]>();
        // Browsers send a textarea's line breaks as CRLF; they are kept as line feeds, as the API's text is.
        string? Value(string field) => form[field].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim().ReplaceLineEndings("\n") : null;

        var name = Value("name");
        if (name is null) errors["name"] = ["Enter your name."];
        else if (NameRule.Broken(name) is { } nameBroken) errors["name"] = [$"Your name {nameBroken}"];

        var role = Roles(immigration).FirstOrDefault(r => r.Key == Value("role"));
        if (role is null) errors["role"] = ["Choose your role."];

        var answers = new List<FeedbackAnswer>();
        foreach (var question in Questions(immigration))
        {
            if (Value("answer-" + question.Key) is not { } answer) continue;
            if (AnswerRule.Broken(answer) is { } broken) errors["answer-" + question.Key] = [$"This answer {broken}"];
            else answers.Add(new FeedbackAnswer(question.Text, answer));
        }
        if (answers.Count == 0 && !errors.Keys.Any(k => k.StartsWith("answer-", StringComparison.Ordinal)))
            errors["answers"] = ["Answer at least one question."];

        return errors.Count > 0 ? (null, errors) : (new FeedbackReceivedData(name!, role!.Label, answers, FeedbackReceivedData.ViaForm), errors);
    }
}

/// <summary>One question of the form: <see cref="Key"/> names its field (<c>answer-{key}</c>).</summary>
public sealed record FeedbackQuestion(string Key, string Text);

/// <summary>One choice of the form's role: <see cref="Key"/> is the field's value, <see cref="Label"/> what is recorded.</summary>
public sealed record FeedbackRole(string Key, string Label);
