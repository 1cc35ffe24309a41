using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;

namespace IrpFlows.Mail;

/// <summary>Builds the app-only <see cref="GraphServiceClient"/> that <see cref="GraphMailSender"/> sends through.</summary>
public static class GraphMailClientFactory
{
    private static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    /// <summary>
    /// A client secret credential when <see cref="GraphMailOptions.ClientSecret"/> is set (local runs); otherwise the
    /// managed identity (in Azure), user-assigned when <see cref="GraphMailOptions.ClientId"/> is set.
    /// </summary>
    public static TokenCredential CreateCredential(GraphMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId))
            {
                throw new ArgumentException("A client secret needs TenantId and ClientId.", nameof(options));
            }
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        }
        return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }

    /// <summary>A client with the SDK's default middleware, including its retry handler for 429 and 503 responses.</summary>
    public static GraphServiceClient CreateClient(GraphMailOptions options) =>
        new(CreateCredential(options), GraphScopes);
}
