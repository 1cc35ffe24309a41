using Azure.Identity;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Mail;

public sealed class GraphMailClientFactoryTests
{
    [Fact]
    public void WithAClientSecret_UsesTheAppRegistration()
    {
        var options = new GraphMailOptions { SenderUserId = "irp@hmiprisons.gov.uk", TenantId = "tenant", ClientId = "client", ClientSecret = "secret" };

        Assert.IsType<ClientSecretCredential>(GraphMailClientFactory.CreateCredential(options));
    }

    [Fact]
    public void WithoutASecret_UsesTheManagedIdentity()
    {
        var options = new GraphMailOptions { SenderUserId = "irp@hmiprisons.gov.uk" };

        Assert.IsType<ManagedIdentityCredential>(GraphMailClientFactory.CreateCredential(options));
    }

    [Fact]
    public void ASecretWithoutTenantOrClient_IsRejected()
    {
        var options = new GraphMailOptions { SenderUserId = "irp@hmiprisons.gov.uk", ClientSecret = "secret" };

        Assert.Throws<ArgumentException>(() => GraphMailClientFactory.CreateCredential(options));
    }

    [Fact]
    public void Sender_WithoutASenderMailbox_IsRejected()
    {
        var client = GraphMailClientFactory.CreateClient(new GraphMailOptions());

        Assert.Throws<ArgumentException>(() => new GraphMailSender(client, new GraphMailOptions(), TimeProvider.System));
    }
}
