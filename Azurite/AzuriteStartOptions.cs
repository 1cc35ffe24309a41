namespace IrpFlows.Azurite;

/// <summary>How <see cref="AzuriteLauncher"/> starts Azurite. A port of 0 means "pick a free port".</summary>
public sealed class AzuriteStartOptions
{
    /// <summary>The Blob service port (Azurite's default 10000).</summary>
    public int BlobPort { get; init; } = 10000;

    /// <summary>The Queue service port (Azurite's default 10001); Azurite always starts it, IrpFlows does not use it.</summary>
    public int QueuePort { get; init; } = 10001;

    /// <summary>The Table service port (Azurite's default 10002).</summary>
    public int TablePort { get; init; } = 10002;

    /// <summary>Keep data in memory only (lost when Azurite stops) instead of in <see cref="Location"/>.</summary>
    public bool InMemoryPersistence { get; init; }

    /// <summary>Where Azurite keeps its data; null means a <c>.azurite</c> folder at the repository root (gitignored).</summary>
    public string? Location { get; init; }

    /// <summary>How long to wait for the ports to accept connections before giving up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Serve HTTPS with this certificate and accept Entra ID bearer tokens as Azure does (Azurite's <c>--oauth basic</c>: it
    /// checks a token's issuer, audience and lifetime, not its signature), so that the identity-based way of reaching
    /// storage (service URIs, tokens, user-delegation SAS) runs locally. Null: plain http, account key only.
    /// </summary>
    public AzuriteCertificate? OAuthOverHttps { get; init; }
}

/// <summary>A certificate and its private key, each in a PEM file.</summary>
public sealed record AzuriteCertificate(string CertificatePemPath, string KeyPemPath);
