using Azure.Core;
using Azure.Core.Pipeline;

namespace IrpFlows.Storage;

/// <summary>
/// Counts the requests an SDK client sends, thread-safely. Add it to the client's options with
/// <c>options.AddPolicy(counter, HttpPipelinePosition.PerRetry)</c> to count every attempt sent over the wire, retries
/// included; at <see cref="HttpPipelinePosition.PerCall"/> it would count operations instead.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _count;

    /// <summary>Requests counted since creation or the last <see cref="Reset"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Sets <see cref="Count"/> back to zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
