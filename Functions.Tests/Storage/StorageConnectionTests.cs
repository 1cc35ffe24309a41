using IrpFlows.Storage;

namespace IrpFlows.Tests.Storage;

public sealed class StorageConnectionTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Fact]
    public void UseDevelopmentStorage_PointsAtAzuritesWellKnownAccountAndPorts()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.True(connection.IsDevelopmentStorage);
    }

    [Fact]
    public void AzuriteOnOtherPorts_IsStillDevelopmentStorage()
    {
        var connection = StorageConnection.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key +
            ";BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal(41000, connection.BlobEndpoint.Port);
        Assert.Equal(41002, connection.TableEndpoint.Port);
        Assert.True(connection.IsDevelopmentStorage);
    }

    [Fact]
    public void AccountConnectionString_DerivesEndpointsFromProtocolAndSuffix()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=irpflows;AccountKey={Key};EndpointSuffix=core.usgovcloudapi.net");

        Assert.Equal("irpflows", connection.AccountName);
        Assert.Equal(new Uri("https://irpflows.blob.core.usgovcloudapi.net"), connection.BlobEndpoint);
        Assert.Equal(new Uri("https://irpflows.table.core.usgovcloudapi.net"), connection.TableEndpoint);
        Assert.False(connection.IsDevelopmentStorage);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=irpflows", "AccountKey")]
    [InlineData("AccountName=irpflows;AccountKey=" + Key + ";BlobEndpoint=not a uri", "BlobEndpoint")]
    [InlineData("AccountName=irpflows;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    public void MissingOrMalformedPart_IsNamedInTheError(string connectionString, string part)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains(part, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadKey_GivesAClearErrorThatDoesNotContainTheKey()
    {
        const string badKey = "not!base64$secret-value";

        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountName=irpflows;AccountKey={badKey}"));

        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badKey, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void SegmentWithoutEquals_IsReportedByPosition_NotByContent()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse("AccountName=irpflows;AccountKey:s3cr3t"));

        Assert.Contains("Part 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_DescribesTheAccount_WithoutTheKey()
    {
        var text = StorageConnection.Parse($"AccountName=irpflows;AccountKey={Key}").ToString();

        Assert.Contains("irpflows", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }
}
