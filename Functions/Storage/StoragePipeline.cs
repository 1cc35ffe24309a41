using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IrpFlows.Storage;

/// <summary>
/// One service's HTTP pipeline: Azure.Core retries and logging, then Shared Key or bearer-token authorization.
/// Turns unexpected statuses into <see cref="RequestFailedException"/>s carrying the storage error code.
/// </summary>
internal sealed class StoragePipeline
{
    private const string StorageScope = "https://storage.azure.com/.default";
    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageConnection connection, StorageClientOptions? options, SharedKeyScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageClientOptions();
        Connection = connection;
        HttpPipelinePolicy authorization = connection.SharedKey is { } key
            ? new SharedKeyAuthenticationPolicy(key, scheme, options.TimeProvider)
            : new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageScope);
        _pipeline = HttpPipelineBuilder.Build(options, [], [authorization], new ResponseClassifier());
    }

    public StorageConnection Connection { get; }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        return message;
    }

    /// <summary>Sends the message; any status not in <paramref name="expected"/> throws.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken ct, params int[] expected)
    {
        await _pipeline.SendAsync(message, ct).ConfigureAwait(false);
        var response = message.Response;
        if (!expected.Contains(response.Status))
        {
            throw StorageErrors.CreateException(response);
        }

        return response;
    }
}
