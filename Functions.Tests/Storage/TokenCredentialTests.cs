using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using IrpFlows.Storage;

namespace IrpFlows.Tests.Storage;

public sealed class TokenCredentialTests
{
    [Fact]
    public async Task TokenConnection_SendsABearerTokenForTheStorageScope_AndNoSharedKey()
    {
        var credential = new FixedTokenCredential();
        var handler = new CapturingHandler();
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var connection = StorageConnection.WithTokenCredential("irpflows",
            new Uri("https://irpflows.blob.core.windows.net"), new Uri("https://irpflows.table.core.windows.net"), credential);

        var exists = await new BlobServiceClient(connection, options).GetBlobContainerClient("c").GetBlobClient("b").ExistsAsync();

        Assert.False(exists);
        Assert.Equal(["https://storage.azure.com/.default"], credential.RequestedScopes);
        Assert.Equal("Bearer token-for-test", handler.Authorization);
        Assert.Equal(new Uri("https://irpflows.blob.core.windows.net/c/b"), handler.RequestUri);
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public string[] RequestedScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            RequestedScopes = requestContext.Scopes;
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Stands in for the service: records the request and answers 404, as for a missing blob.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public Uri? RequestUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            RequestUri = request.RequestUri;
            var response = new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
            response.Headers.Add("x-ms-error-code", "BlobNotFound");
            return Task.FromResult(response);
        }
    }
}
