namespace IrpFlows.Workflow;

/// <summary>
/// What a refusal says happened. The services decide the kind; only the HTTP layer (Http/Problems) turns a kind into a
/// status code, so no rule here knows one.
/// </summary>
public enum RefusalKind
{
    /// <summary>The request breaks a rule: <see cref="Refusal.Errors"/> names each field at fault (or the form could not be read as sent).</summary>
    Invalid,

    /// <summary>The credential the request carries (a signed link) is bad, expired or for something else.</summary>
    Forbidden,

    /// <summary>What the request is about does not exist (an instance, a step, a document, a file).</summary>
    NotFound,

    /// <summary>The request is sound, but the instance's state refuses it now: too early, too late, already done, or finished.</summary>
    Conflict,

    /// <summary>What the request is about existed and is gone for good: a cancelled instance's links, a destroyed file.</summary>
    Gone,
}

/// <summary>
/// Outcome of a refused request: its <see cref="Kind"/>, a title and detail for the person who asked, and the fields it was
/// about (<see cref="Errors"/>) when it concerns fields: always for an invalid request naming them, and for a request that
/// comes too early (<see cref="OutOfOrder"/>). Made only through the factories, so each kind keeps its wording.
/// </summary>
public sealed record Refusal
{
    private const string InvalidTitle = "The request is not valid.";

    private Refusal(RefusalKind kind, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Kind = kind;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public RefusalKind Kind { get; }
    public string Title { get; }
    public string Detail { get; }

    /// <summary>Each field the refusal is about, with what it breaks; null when it is about no field.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Invalid: one field breaks a rule, and <paramref name="message"/> says which.</summary>
    public static Refusal Invalid(string field, string message) =>
        new(RefusalKind.Invalid, InvalidTitle, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Invalid: each field in <paramref name="errors"/> breaks the rules it lists.</summary>
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, InvalidTitle, "See 'errors'.", errors);

    /// <summary>Invalid, about no one field: the request cannot be read as sent (a form missing some of its fields).</summary>
    public static Refusal Malformed(string title, string detail) => new(RefusalKind.Invalid, title, detail);

    /// <summary>Forbidden: the signed link is not valid, or has expired; <paramref name="detail"/> says what to do instead.</summary>
    public static Refusal Forbidden(string title, string detail) => new(RefusalKind.Forbidden, title, detail);

    /// <summary>Not found: <paramref name="detail"/> says what does not exist.</summary>
    public static Refusal NotFound(string detail) => new(RefusalKind.NotFound, "Not found", detail);

    /// <summary>Conflict: the instance's state refuses the request now; <paramref name="title"/> says why in a few words.</summary>
    public static Refusal Conflict(string title, string detail) => new(RefusalKind.Conflict, title, detail);

    /// <summary>Conflict: the request is sound but comes too early for the instance's state; <paramref name="field"/> says what it was about.</summary>
    public static Refusal OutOfOrder(string title, string field, string message) =>
        new(RefusalKind.Conflict, title, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Gone: what the request is about existed and is gone for good.</summary>
    public static Refusal Gone(string title, string detail) => new(RefusalKind.Gone, title, detail);
}

/// <summary>
/// Thrown to refuse with a ready-made <see cref="Refusal"/>: by an event decision (the services catch it and answer with its
/// refusal) and by <see cref="WorkflowEngine.RetryStepAsync"/>.
/// </summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Detail)
{
    public Refusal Refusal { get; } = refusal;
}
