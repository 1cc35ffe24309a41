using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;

namespace IrpFlows.Tests.Support;

/// <summary>
/// Stands in for a managed identity: unsigned tokens shaped as Entra ID issues them for storage (issuer, audience, object
/// and tenant ids, lifetime). Azurite's <c>--oauth basic</c> checks exactly those, not a signature. Records the scopes asked for.
/// </summary>
public sealed class FakeEntraToken : TokenCredential
{
    public const string ObjectId = "5f2b8c1e-0d6a-4e57-9a41-3c7e2f9d8b10";
    public const string TenantId = "0b7c3e2a-91d4-4f6b-8e25-7a1c9d3f4e60";

    private readonly List<string> _scopes = [];

    /// <summary>Every scope a token was asked for, in order.</summary>
    public IReadOnlyList<string> Scopes { get { lock (_scopes) return [.. _scopes]; } }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes) _scopes.AddRange(requestContext.Scopes);
        var now = DateTimeOffset.UtcNow;
        var claims = new
        {
            aud = "https://storage.azure.com",
            iss = $"https://sts.windows.net/{TenantId}/",
            oid = ObjectId,
            tid = TenantId,
            iat = now.AddMinutes(-1).ToUnixTimeSeconds(),
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
        };
        var token = $"{Part(new { alg = "none", typ = "JWT" })}.{Part(claims)}.";
        return new AccessToken(token, now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
