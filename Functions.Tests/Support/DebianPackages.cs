using System.Diagnostics;

namespace IrpFlows.Tests.Support;

/// <summary>
/// Tools the suite runs that a fresh Debian machine may lack (Chromium for the browser tests, zip for infra/publish.sh):
/// installed with apt-get when the tests run as root, so the README's one test command is all a new machine needs.
/// </summary>
public static class DebianPackages
{
    /// <summary>Installs <paramref name="package"/> unless <paramref name="installedAt"/> exists.</summary>
    public static async Task EnsureInstalledAsync(string package, string installedAt)
    {
        if (File.Exists(installedAt)) return;
        if (Environment.UserName != "root")
            throw new InvalidOperationException($"{installedAt} is missing. Install Debian's {package} (sudo apt-get install -y {package}).");
        using var install = Process.Start(new ProcessStartInfo("/bin/sh", $"-c \"apt-get update && apt-get install -y {package}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = install.StandardError.ReadToEndAsync();
        await install.StandardOutput.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists(installedAt))
            throw new InvalidOperationException($"Installing {package} with apt-get failed (exit {install.ExitCode}): {await error}");
    }
}
