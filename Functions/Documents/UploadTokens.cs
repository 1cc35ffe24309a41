using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IrpFlows.Documents;

/// <summary>What an upload token grants: uploads of <see cref="Purpose"/> for one IRP until <see cref="ExpiresOn"/>.</summary>
public sealed record UploadTokenPayload(string IrpId, string Purpose, DateTimeOffset ExpiresOn)
{
    /// <summary>The establishment's pre-visit documents (<c>/upload/{token}</c>).</summary>
    public const string DocumentsPurpose = "documents";

    /// <summary>The establishment's fact-check comments on the draft report (<c>/fact-check/{token}</c>).</summary>
    public const string FactCheckPurpose = "fact-check";

    /// <summary>Reading a probation inspection's draft report: the link in the draft report email (<c>/probation-reports/draft/{token}</c>).</summary>
    public const string DraftReportPurpose = "draft-report";

    /// <summary>Reading the final report: the link in the email to the ministerial office, or a probation inspection's embargoed copy.</summary>
    public const string FinalReportPurpose = "final-report";

    /// <summary>The establishment's feedback on how the review was run (<c>/feedback/{token}</c>).</summary>
    public const string FeedbackPurpose = "feedback";
}

/// <summary>Why a token was refused. Callers show one message for all of them; the reason is for logs and tests.</summary>
public enum UploadTokenFault { None, Malformed, BadSignature, WrongPurpose, Expired }

/// <summary>
/// Signs and checks the tokens in upload links: <c>base64url(payload JSON).base64url(HMAC-SHA256(payload))</c>. The same
/// payload always gives the same token, so re-rendering an email gives the same link. The key never leaves this type.
/// </summary>
public sealed class UploadTokens
{
    public const string SigningKeySetting = "UploadTokenSigningKey";
    public const int MinimumKeyLength = 32;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly byte[] _key;

    /// <exception cref="InvalidOperationException">The key is missing or shorter than <see cref="MinimumKeyLength"/> characters.</exception>
    public UploadTokens(string? signingKey)
    {
        if (string.IsNullOrWhiteSpace(signingKey) || signingKey.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"The setting {SigningKeySetting} must be set to a secret of at least {MinimumKeyLength} characters: it signs the links establishments use to upload documents.");
        }
        _key = Encoding.UTF8.GetBytes(signingKey);
    }

    public string Sign(UploadTokenPayload payload)
    {
        // Whole seconds in UTC, so the payload (and so the token) does not depend on how the instant was computed.
        var normalised = payload with { ExpiresOn = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresOn.ToUnixTimeSeconds()) };
        var body = JsonSerializer.SerializeToUtf8Bytes(normalised, Json);
        return Base64Url.EncodeToString(body) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, body));
    }

    /// <summary>
    /// The payload if <paramref name="token"/> was signed with this key, is for <paramref name="purpose"/> and has not
    /// expired at <paramref name="now"/>; otherwise null and the fault.
    /// </summary>
    public (UploadTokenPayload? Payload, UploadTokenFault Fault) Verify(string? token, string purpose, DateTimeOffset now)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0 || dot != token.LastIndexOf('.')) return (null, UploadTokenFault.Malformed);
        byte[] body, signature;
        try
        {
            body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (null, UploadTokenFault.Malformed);
        }
        // The signature is checked before the payload is even parsed, in constant time.
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, body))) return (null, UploadTokenFault.BadSignature);
        var payload = JsonSerializer.Deserialize<UploadTokenPayload>(body, Json);
        if (payload is null || string.IsNullOrEmpty(payload.IrpId)) return (null, UploadTokenFault.Malformed);
        if (payload.Purpose != purpose) return (null, UploadTokenFault.WrongPurpose);
        if (payload.ExpiresOn <= now) return (null, UploadTokenFault.Expired);
        return (payload, UploadTokenFault.None);
    }
}
