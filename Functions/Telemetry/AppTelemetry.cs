using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IrpFlows.Telemetry;

/// <summary>
/// The app's own spans and metrics, under one name ("IrpFlows"): a span for each HTTP request (its URL redacted as the request
/// log redacts it), each step an instance runs and each email sent, tagged with the instance and step; counts of steps by
/// outcome and of emails sent. What a span or a tag may carry is what a log line may: ids and names, never a token, a
/// signature, a key or an address.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "IrpFlows";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>The instance (IRP or probation inspection) a span is about.</summary>
    public const string InstanceIdTag = "irpflows.instance.id";

    /// <summary>The step of the instance's timeline a span is about ("announcement").</summary>
    public const string StepIdTag = "irpflows.step.id";

    /// <summary>The kind of instance: "irp" or "probation".</summary>
    public const string KindTag = "irpflows.kind";

    /// <summary>What became of a step: done, skipped, attempt-failed or failed.</summary>
    public const string OutcomeTag = "irpflows.step.outcome";

    /// <summary>The sender an email went through: graph or outbox.</summary>
    public const string MailSenderTag = "irpflows.mail.sender";

    /// <summary>Steps whose outcome was recorded, by step and outcome.</summary>
    public static readonly Counter<long> StepOutcomes = Meter.CreateCounter<long>("irpflows.steps", "{step}",
        "Steps whose outcome was recorded, by step and outcome (done, skipped, attempt-failed, failed).");

    /// <summary>Emails handed to the sender, by sender and step.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("irpflows.emails.sent", "{email}",
        "Emails handed to the mail sender (a repeat of one already sent is counted again but sent once).");

    /// <summary>How long HTTP requests took, by function and status code.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("irpflows.http.server.request.duration", "s",
        "How long the app took to answer HTTP requests, by function and status code.");

    /// <summary>Counts a step's recorded outcome in <see cref="StepOutcomes"/>.</summary>
    public static void StepOutcome(string stepId, string outcome) =>
        StepOutcomes.Add(1, new(StepIdTag, stepId), new(OutcomeTag, outcome));

    /// <summary>A span for one step an instance runs, tagged with both; null when nothing listens.</summary>
    public static Activity? StartStep(string kind, string instanceId, string stepId) =>
        Source.StartActivity($"step {stepId}", ActivityKind.Internal, default(ActivityContext),
            [new(KindTag, kind), new(InstanceIdTag, instanceId), new(StepIdTag, stepId)]);
}
