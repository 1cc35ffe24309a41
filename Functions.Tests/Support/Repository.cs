namespace IrpFlows.Tests.Support;

/// <summary>The checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding IrpFlows.sln, above the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IrpFlows.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IrpFlows.sln not found above the test binaries.");
    }
}
