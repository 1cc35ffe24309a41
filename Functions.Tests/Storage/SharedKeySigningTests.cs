using Azure.Core;
using Azure.Core.Pipeline;
using IrpFlows.Storage;

namespace IrpFlows.Tests.Storage;

/// <summary>
/// Strings to sign against the examples of "Authorize with Shared Key" (learn.microsoft.com/rest/api/storageservices).
/// End-to-end correctness is proven by every Azurite test; these pin the documented canonical forms.
/// </summary>
public sealed class SharedKeySigningTests
{
    private static Request NewRequest(RequestMethod method, string uri, params (string Name, string Value)[] headers)
    {
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        foreach (var (name, value) in headers)
        {
            request.Headers.SetValue(name, value);
        }

        return request;
    }

    [Fact]
    public void BlobCanonicalizedResource_SortsQueryParameters_AsInTheDocumentedGetContainerMetadataExample()
    {
        var request = NewRequest(RequestMethod.Get, "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata");

        var stringToSign = SharedKeyAuthenticationPolicy.BlobStringToSign(request, "myaccount");

        Assert.EndsWith("\n/myaccount/mycontainer\ncomp:metadata\nrestype:container", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobCanonicalizedResource_JoinsRepeatedParametersSorted_AsInTheDocumentedListBlobsExample()
    {
        var request = NewRequest(RequestMethod.Get,
            "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs");

        var stringToSign = SharedKeyAuthenticationPolicy.BlobStringToSign(request, "myaccount");

        Assert.EndsWith("\n/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container",
            stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobStringToSign_HasTwelveStandardHeaderLines_ThenSortedLowercaseXmsHeaders()
    {
        var request = NewRequest(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/c/b.txt",
            ("Content-Type", "text/plain"), ("If-None-Match", "*"), ("x-ms-version", "2021-12-02"),
            ("X-MS-Date", "Sun, 11 Oct 2009 21:49:13 GMT"), ("x-ms-blob-type", "BlockBlob"));
        request.Content = RequestContent.Create(BinaryData.FromString("hello world"));

        var stringToSign = SharedKeyAuthenticationPolicy.BlobStringToSign(request, "devstoreaccount1");

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n*\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2021-12-02\n" +
            "/devstoreaccount1/devstoreaccount1/c/b.txt",
            stringToSign);
    }

    [Fact]
    public void TableStringToSign_IsVerbMd5TypeDateResource_KeepingOnlyComp()
    {
        var request = NewRequest(RequestMethod.Get, "https://myaccount.table.core.windows.net/mytable?comp=acl&timeout=30",
            ("x-ms-date", "Wed, 24 Aug 2011 21:49:13 GMT"), ("Content-Type", "application/json"));

        var stringToSign = SharedKeyAuthenticationPolicy.TableStringToSign(request, "myaccount");

        Assert.Equal("GET\n\napplication/json\nWed, 24 Aug 2011 21:49:13 GMT\n/myaccount/mytable?comp=acl", stringToSign);
    }
}
