using Azure.Storage.Blobs.Models;
using IrpFlows.Mail;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace IrpFlows.Tests.Support;

/// <summary>What every prison IRP run to its end must show, whatever the run went through (crashes, outages, a new task hub).</summary>
internal static class EveryEmailOnce
{
    // Every prison IRP of these dates sends these emails, whatever else its data adds.
    public static readonly string[] EmailsOfEveryIrp =
    [
        "announcement", "documents-request", "documents-reminder-1", "documents-reminder-2", "documents-reminder-3", "documents-deadline",
        "documents-overdue", "visit-arrangements", "liaison-feedback", "draft-report", "publication", "governor-feedback", "material-destruction",
    ];

    public static async Task AssertCompletedAsync(IrpFlowsApp app, string id)
    {
        var irp = await app.GetIrpAsync(id);
        Assert.Equal("Completed", irp["runtimeStatus"]!.GetValue<string>());
        var steps = await app.OutboxStepsAsync(id);
        Assert.Equal(steps.Count, steps.Distinct().Count());
        Assert.Subset(steps.ToHashSet(), EmailsOfEveryIrp.ToHashSet());
        // One stored message per listed email: nothing sent twice under another name.
        var stored = await app.Blobs.GetBlobContainerClient(app.Names.Outbox).GetBlobsAsync(new GetBlobsOptions { Prefix = id + "/" }).ToListAsync();
        Assert.Equal(steps.Count, stored.Count);
        // Every step the IRP recorded as done with an email matches one message.
        var emailed = irp["emails"]!.AsArray().Select(e => e!["step"]!.GetValue<string>()).ToList();
        Assert.Equal(steps.Order(), emailed.Order());
    }
}

/// <summary>A Moq stand-in around the real outbox sender that fails, while told to, for one message (an IRP's step) only.</summary>
internal sealed class MailOutage
{
    /// <summary>The message key ("{irpId}/{stepId}") whose sending fails; null when the mail server is back.</summary>
    public volatile string? FailFor;

    public void Install(IServiceCollection services) => services.AddSingleton<IMailSender>(sp =>
    {
        var real = sp.GetRequiredService<OutboxMailSender>();
        var sender = new Mock<IMailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Returns((MailMessage message, CancellationToken ct) => message.MessageKey == FailFor
                ? Task.FromException<SentMail>(new InvalidOperationException("Mail server unavailable"))
                : real.SendAsync(message, ct));
        return sender.Object;
    });
}
