using System.Diagnostics;
using System.Net;
using IrpFlows.Mail;
using IrpFlows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Xunit.Abstractions;

namespace IrpFlows.Tests.Reliability;

/// <summary>
/// Storage goes away for a while with IRPs mid-timeline and steps falling due meanwhile, and comes back on the same ports
/// with its data (an account that was unreachable, not one that was wiped): the app carries on without a restart, every
/// IRP completes, every email goes exactly once, and the time from storage back to the first step run is reported.
/// The outage lasts 60 s; set <c>IRPFLOWS_OUTAGE_SECONDS</c> (600 for the ten-minute outage) to change it.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StorageOutageReliabilityTests(ITestOutputHelper output)
{
    private static TimeSpan Outage => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("IRPFLOWS_OUTAGE_SECONDS"), out var seconds) && seconds > 0 ? seconds : 60);

    [Fact]
    public async Task IrpsMidTimeline_ThroughAStorageOutage_AllComplete_WithEveryEmailOnce()
    {
        var data = Directory.CreateTempSubdirectory("irpflows-outage-");
        try
        {
            await using var azurite = await OwnAzurite.StartAsync(data.FullName);
            var log = new CapturedLog();
            // Armed as storage goes: the first email after that (the clock's move before may send the week's digest).
            TaskCompletionSource<DateTimeOffset>? firstSend = null;
            await using var app = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning, connectionString: azurite.ConnectionString,
                services: s =>
                {
                    s.AddSingleton<ILoggerProvider>(log);
                    s.AddSingleton<IMailSender>(sp => SignallingFirstSend(sp.GetRequiredService<OutboxMailSender>(), () => Volatile.Read(ref firstSend)));
                });
            var ids = new List<string>();
            for (var i = 1; i <= 5; i++) ids.Add(await app.CreateIrpAsync(IrpRequests.ElmleyIn2023($"HMP Elmley {i}")));

            // The announcements fall due a few seconds into the outage, while every orchestration sleeps on its timer.
            var announcement = IrpFlowsApp.Step(await app.GetIrpAsync(ids[0]), "announcement")["due"]!.GetValue<DateTimeOffset>();
            await app.MoveClockAsync(announcement.AddSeconds(-5));
            var firstSendSinceStop = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref firstSend, firstSendSinceStop);
            await azurite.StopAsync();
            using (var health = await app.Anonymous.GetAsync("/api/health")) Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            await Task.Delay(Outage);
            Assert.False(firstSendSinceStop.Task.IsCompleted, "an email went while storage was away");

            await azurite.StartAgainAsync();
            var back = Stopwatch.StartNew();
            // The orchestrations sleep on timers set before the clock's move, so the sweep wakes them (a minute's grace, then
            // its next round); with real time their timers fire as soon as the queues are read again.
            await firstSendSinceStop.Task.WaitAsync(TimeSpan.FromMinutes(5));
            output.WriteLine($"Outage {Outage.TotalSeconds:0} s: first step run {back.Elapsed.TotalSeconds:0.0} s after storage was back");

            // A clock move just after an outage, on a busy machine, may outlast the client's 100 s: ask again, as a script would.
            await app.RunAllToCompletionAsync(ids, ridesOutOutages: true);

            foreach (var id in ids) await EveryEmailOnce.AssertCompletedAsync(app, id);
            Assert.Single(log.At(LogLevel.Warning), l => l.Contains("Storage is no longer usable", StringComparison.Ordinal));
            Assert.Single(log.At(LogLevel.Warning), l => l.Contains("Storage is usable again", StringComparison.Ordinal));
            Assert.DoesNotContain(log.At(LogLevel.Error), l => l.Contains("Sweep", StringComparison.Ordinal));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>The real outbox sender, which also says when the first email since <paramref name="firstSend"/> was armed has gone.</summary>
    private static IMailSender SignallingFirstSend(OutboxMailSender real, Func<TaskCompletionSource<DateTimeOffset>?> firstSend)
    {
        var sender = new Mock<IMailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Returns(async (MailMessage message, CancellationToken ct) =>
            {
                var sent = await real.SendAsync(message, ct);
                firstSend()?.TrySetResult(DateTimeOffset.UtcNow);
                return sent;
            });
        return sender.Object;
    }
}
