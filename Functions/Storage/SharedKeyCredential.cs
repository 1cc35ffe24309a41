using System.Security.Cryptography;
using System.Text;

namespace IrpFlows.Storage;

/// <summary>An account name and its key; computes HMAC-SHA256 signatures and never exposes the key.</summary>
internal sealed class SharedKeyCredential(string accountName, byte[] key)
{
    public string AccountName { get; } = accountName;

    public string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"SharedKeyCredential({AccountName})";
}
