using System.Security.Cryptography;
using System.Text;

namespace IrpFlows.Http;

/// <summary>
/// Coordinator endpoints require <c>x-functions-key</c>, the Azure Functions convention. Locally the key is the setting
/// <c>CoordinatorApiKey</c>. A missing or wrong key gets 401 with no hint of the right one; keys are compared in constant time.
/// </summary>
public sealed class CoordinatorKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string SettingName = "CoordinatorApiKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[SettingName];
        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(given, expected))
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"This endpoint requires a valid coordinator key in the '{HeaderName}' header.");
        }
        return await next(context);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
