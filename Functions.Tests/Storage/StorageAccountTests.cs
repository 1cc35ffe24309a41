using Azure.Identity;
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

    [Fact]
    public void IdentitySettings_ReachTheServiceUris_WithTheManagedIdentity_AndSignUserDelegationLinks()
    {
        var account = StorageAccount.FromConfiguration(Settings(
            ("AzureWebJobsStorage:blobServiceUri", "https://irpflows.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://irpflows.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://irpflows.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));
        var blobs = account.CreateBlobServiceClient();

        Assert.IsType<ManagedIdentityCredential>(account.Credential);
        Assert.Equal(new Uri("https://irpflows.blob.core.windows.net"), blobs.Uri);
        Assert.Equal(new Uri("https://irpflows.table.core.windows.net"), account.CreateTableServiceClient().Uri);
        Assert.False(blobs.CanGenerateAccountSasUri); // no key anywhere
        Assert.IsType<UserDelegationSasSigner>(account.CreateSasSigner(blobs, TimeProvider.System));
        Assert.False(account.IsDevelopmentStorage);
        Assert.Equal("StorageAccount(https://irpflows.blob.core.windows.net/, ManagedIdentityCredential)", account.ToString());
    }

    [Fact]
    public void AccountName_NamesThePublicServiceUris_AndWithoutACredentialSettingTheDevelopersOwnSignInIsUsed()
    {
        var account = StorageAccount.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "irpflows")));

        Assert.Equal(new Uri("https://irpflows.blob.core.windows.net"), account.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://irpflows.table.core.windows.net"), account.CreateTableServiceClient().Uri);
        Assert.IsType<DefaultAzureCredential>(account.Credential);
    }

    [Fact]
    public void AConnectionString_WinsOverIdentitySettings_AsForTheFunctionsHost()
    {
        var account = StorageAccount.FromConfiguration(Settings(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("AzureWebJobsStorage:accountName", "irpflows")));
        var blobs = account.CreateBlobServiceClient();

        Assert.Null(account.Credential);
        Assert.IsType<AccountKeySasSigner>(account.CreateSasSigner(blobs, TimeProvider.System));
        Assert.True(account.IsDevelopmentStorage);
    }

    [Theory]
    [InlineData("blobServiceUri", "http://irpflows.blob.core.windows.net", "AzureWebJobsStorage__blobServiceUri must be an absolute https URI")]
    [InlineData("blobServiceUri", "irpflows.blob.core.windows.net", "AzureWebJobsStorage__blobServiceUri must be an absolute https URI")]
    [InlineData("credential", "clientsecret", "AzureWebJobsStorage__credential must be 'managedidentity'")]
    [InlineData("clientId", "only a client id", "AzureWebJobsStorage__blobServiceUri (or AzureWebJobsStorage__accountName) is missing")]
    public void IncompleteOrWrongIdentitySettings_StopTheApp_NamingTheSetting(string setting, string value, string message)
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage:tableServiceUri"] = "https://irpflows.table.core.windows.net" };
        if (setting != "clientId") settings["AzureWebJobsStorage:blobServiceUri"] = "https://irpflows.blob.core.windows.net";
        settings[$"AzureWebJobsStorage:{setting}"] = value;

        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Settings([.. settings.Select(p => (p.Key, p.Value))])));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
