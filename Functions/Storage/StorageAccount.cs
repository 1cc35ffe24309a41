using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace IrpFlows.Storage;

/// <summary>
/// The storage account the app keeps everything in, as the <c>AzureWebJobsStorage</c> setting describes it: a connection
/// string with the account key, <c>UseDevelopmentStorage=true</c> (Azurite) or a full one. Gives the Blob and Table
/// service clients and the signer of the app's SAS links. The key is never logged or shown.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private readonly string _connectionString;

    private StorageAccount(string connectionString)
    {
        _connectionString = connectionString;
    }

    /// <summary>True only for the literal setting <c>UseDevelopmentStorage=true</c>: the app then starts Azurite itself.</summary>
    public bool IsDevelopmentStorage =>
        string.Equals(_connectionString.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <see cref="SettingName"/>.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing or is not a storage connection string.</exception>
    public static StorageAccount FromConfiguration(IConfiguration configuration) =>
        configuration[SettingName] is { Length: > 0 } connectionString
            ? FromConnectionString(connectionString)
            : throw new InvalidOperationException(
                $"The setting {SettingName} is missing: set it to {DevelopmentStorage} or a storage connection string.");

    /// <summary>An account reached with a connection string that holds its key.</summary>
    /// <exception cref="InvalidOperationException">Not a storage connection string; the message never contains it.</exception>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        try
        {
            // Both clients parse the string now, so a bad setting stops the app at start rather than at its first request.
            _ = new BlobServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // No inner exception: it could quote the string, and with it the key.
            throw new InvalidOperationException(
                $"The setting {SettingName} is not a valid storage connection string: use {DevelopmentStorage} or DefaultEndpointsProtocol=…;AccountName=…;AccountKey=….");
        }
        return new StorageAccount(connectionString);
    }

    /// <summary>A Blob service client; <paramref name="options"/> may add pipeline policies (a request counter).</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) => new(_connectionString, options);

    /// <summary>A Table service client; <paramref name="options"/> may add pipeline policies (a request counter).</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) => new(_connectionString, options);

    /// <summary>The signer of SAS links to blobs of clients this account created.</summary>
    public BlobSasSigner CreateSasSigner() => new AccountKeySasSigner();

    /// <summary>Describes the account without its key.</summary>
    public override string ToString() => $"StorageAccount({CreateBlobServiceClient().AccountName}, account key)";
}
