using IrpFlows.Storage;
using Microsoft.Extensions.Configuration;

namespace IrpFlows.Tests.Storage;

/// <summary>How the app reaches storage, from the <c>AzureWebJobsStorage</c> settings.</summary>
public sealed class StorageAccountTests
{
    private const string Key = "c2VjcmV0LWtleS1ub3QtYS1yZWFsLW9uZS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==";

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("UseDevelopmentStorage=true;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1", false)]
    public void ConnectionString_WithAKey_ReachesItsEndpoints_AndOnlyTheLiteralDevelopmentSettingStartsAzurite(string connectionString, bool startsAzurite)
    {
        var account = StorageAccount.FromConfiguration(Settings(("AzureWebJobsStorage", connectionString)));

        Assert.Equal(startsAzurite, account.IsDevelopmentStorage);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.CreateTableServiceClient().Uri);
        Assert.True(account.CreateBlobServiceClient().CanGenerateAccountSasUri);
    }

    [Fact]
    public void FullConnectionString_ReachesTheAccountsPublicEndpoints()
    {
        var account = StorageAccount.FromConnectionString($"DefaultEndpointsProtocol=https;AccountName=irpflows;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://irpflows.blob.core.windows.net/"), account.CreateBlobServiceClient().Uri);
        Assert.Equal("irpflows", account.CreateTableServiceClient().AccountName);
        Assert.DoesNotContain(Key, account.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=irpflows;AccountKey:" + Key)]
    [InlineData("not a connection string " + Key)]
    public void BadConnectionString_StopsTheApp_WithoutQuotingTheKey(string connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Settings(("AzureWebJobsStorage", connectionString))));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void MissingSetting_SaysWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Settings()));

        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }
}
