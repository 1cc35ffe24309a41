namespace IrpFlows.Workflow;

/// <summary>Outcome of a refused request: the HTTP status and problem text, or field errors for a 400.</summary>
public sealed record Refusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal Invalid(string field, string message) =>
        new(400, "The request is not valid.", message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>409: the request is sound but comes too early for the instance's state; <paramref name="field"/> says what it was about.</summary>
    public static Refusal OutOfOrder(string title, string field, string message) =>
        new(409, title, message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Thrown to refuse with a ready-made <see cref="Refusal"/>: by an event decision (the services catch it and answer with its
/// refusal) and by <see cref="WorkflowEngine.RetryStepAsync"/>.
/// </summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Detail)
{
    public Refusal Refusal { get; } = refusal;
}
