namespace IrpFlows.Tests.Mail;

/// <summary>A clock that always reads the same instant; timers and delays still run in real time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
