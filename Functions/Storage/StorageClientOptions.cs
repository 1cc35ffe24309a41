using Azure.Core;

namespace IrpFlows.Storage;

/// <summary>
/// Pipeline options for <see cref="BlobServiceClient"/> and <see cref="TableServiceClient"/>: retries, logging and
/// extra policies come from <see cref="ClientOptions"/>. Only transient failures (408, 429, 500, 502, 503, 504 and
/// network errors) are retried; 409 and 412 are answers, never retried.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c> and used as <c>sv</c> in SAS tokens.</summary>
    public const string ServiceVersion = "2021-12-02";

    /// <summary>Creates options with the default retry policy and query/header names that are safe to log.</summary>
    public StorageClientOptions()
    {
        foreach (var name in new[] { "restype", "comp", "prefix", "maxresults", "$top", "$select", "sv", "sr", "sp", "se", "spr" })
        {
            Diagnostics.LoggedQueryParameters.Add(name);
        }

        foreach (var name in new[] { "x-ms-version", "x-ms-request-id", "x-ms-error-code", "x-ms-blob-type", "ETag", "If-Match", "If-None-Match" })
        {
            Diagnostics.LoggedHeaderNames.Add(name);
        }
    }

    /// <summary>The clock used for request dates (<c>x-ms-date</c>); a fake one makes signatures reproducible.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Adds <paramref name="counter"/> where it sees every attempt sent over the wire, retries included.</summary>
    public void AddRequestCounter(StorageRequestCounter counter) => AddPolicy(counter, HttpPipelinePosition.PerRetry);
}
