namespace IrpFlows.Storage;

/// <param name="StartAzurite">True only for the literal setting <c>UseDevelopmentStorage=true</c>.</param>
public sealed record StorageInitializerOptions(bool StartAzurite);
