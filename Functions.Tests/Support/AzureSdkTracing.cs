using System.Runtime.CompilerServices;
using IrpFlows.Telemetry;

namespace IrpFlows.Tests.Support;

/// <summary>
/// The Azure SDK's spans on for the whole test process. The app turns them on as it starts when telemetry is exported
/// (<see cref="TelemetryRegistration.AddTelemetry"/>), but Azure.Core reads the switch once per process, and here many apps
/// without telemetry run before the one a telemetry test starts. Without a listener the SDK still makes no spans.
/// </summary>
internal static class AzureSdkTracing
{
    [ModuleInitializer]
    internal static void Enable() => AppContext.SetSwitch(TelemetryRegistration.AzureSdkSwitch, true);
}
