using System.Buffers.Text;
using System.Text;
using IrpFlows.Documents;

namespace IrpFlows.Tests.Documents;

public sealed class UploadTokensTests
{
    private const string Key = "unit-test-upload-signing-key-0123456789";
    private static readonly DateTimeOffset Now = new(2022, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly UploadTokens Tokens = new(Key);
    private static readonly UploadTokenPayload Payload = new("irp-a", "documents", Now.AddDays(60));

    [Fact]
    public void SignedToken_VerifiesToItsPayload_AndTheSamePayloadAlwaysGivesTheSameToken()
    {
        var token = Tokens.Sign(Payload);

        Assert.Equal(token, new UploadTokens(Key).Sign(Payload with { ExpiresOn = Payload.ExpiresOn.ToOffset(TimeSpan.FromHours(1)) }));
        Assert.Equal((Payload, UploadTokenFault.None), Tokens.Verify(token, "documents", Now));
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void TamperedPayload_ForAnotherIrp_IsRefused()
    {
        var signature = Tokens.Sign(Payload).Split('.')[1];
        var otherIrp = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"irpId\":\"irp-b\",\"purpose\":\"documents\",\"expiresOn\":\"{Payload.ExpiresOn:O}\"}}"));

        Assert.Equal(UploadTokenFault.BadSignature, Tokens.Verify($"{otherIrp}.{signature}", "documents", Now).Fault);
    }

    [Fact]
    public void TamperedSignature_OrAnotherKeysSignature_IsRefused()
    {
        var (body, signature) = (Tokens.Sign(Payload).Split('.')[0], Tokens.Sign(Payload).Split('.')[1]);
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        Assert.Equal(UploadTokenFault.BadSignature, Tokens.Verify($"{body}.{flipped}", "documents", Now).Fault);
        Assert.Equal(UploadTokenFault.BadSignature, Tokens.Verify(new UploadTokens(new string('x', 32)).Sign(Payload), "documents", Now).Fault);
    }

    [Fact]
    public void ExpiredToken_IsRefused_FromTheInstantItExpires()
    {
        var token = Tokens.Sign(Payload);

        Assert.Equal(UploadTokenFault.None, Tokens.Verify(token, "documents", Payload.ExpiresOn.AddSeconds(-1)).Fault);
        Assert.Equal(UploadTokenFault.Expired, Tokens.Verify(token, "documents", Payload.ExpiresOn).Fault);
    }

    [Fact]
    public void TokenForAnotherPurpose_IsRefused()
    {
        var token = Tokens.Sign(Payload with { Purpose = "fact-check" });

        Assert.Equal(UploadTokenFault.WrongPurpose, Tokens.Verify(token, "documents", Now).Fault);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void MalformedToken_IsRefused(string? token) =>
        Assert.Equal(UploadTokenFault.Malformed, Tokens.Verify(token, "documents", Now).Fault);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short-key-012345678901234567890")] // 31 characters
    public void SigningKey_MissingOrShorterThan32Characters_StopsTheAppWithAMessageNamingTheSetting(string? key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new UploadTokens(key));

        Assert.Contains("UploadTokenSigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 characters", error.Message, StringComparison.Ordinal);
    }
}
