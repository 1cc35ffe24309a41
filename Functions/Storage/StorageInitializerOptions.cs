namespace IrpFlows.Storage;

/// <param name="StartDevelopmentStorage">
/// True only for the literal setting <c>UseDevelopmentStorage=true</c>: the emulator is then started where a host can
/// start it (<see cref="IDevelopmentStorage"/>).
/// </param>
public sealed record StorageInitializerOptions(bool StartDevelopmentStorage);
