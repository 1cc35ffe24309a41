using System.Net;
using System.Net.Http.Headers;
using IrpFlows.Documents;
using IrpFlows.Irps.Material;
using IrpFlows.Tests.Support;
using IrpFlows.Tests.Workflow;
using IrpFlows.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IrpFlows.Tests.Storage;

/// <summary>
/// The app's own storage code on an identity with no account key, as in Azure: the workflow tables, and an establishment's
/// upload from its create-only link to the coordinator's download.
/// </summary>
public sealed class IdentityStorageTests
{
    private readonly FakeEntraToken _identity = new();

    [Fact]
    public async Task TheWorkflowEngine_KeepsItsLogInTablesReachedWithTokens()
    {
        var account = await IdentityStorage.AccountAsync(_identity);
        var tables = account.CreateTableServiceClient(await IdentityStorage.TableOptionsAsync());
        var options = new WorkflowOptions { InstancesTable = TestStorage.UniqueName("wf") };
        var due = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var engine = new WorkflowEngine(tables, [new ScriptedWorkflow()], new FakeTimeProvider(due.AddHours(-1)), options, NullLogger<WorkflowEngine>.Instance);
        await engine.CreateStorageIfNotExistsAsync(CancellationToken.None);

        var durable = new Mock<DurableTaskClient>("test") { DefaultValue = DefaultValue.Mock }.Object;
        await engine.StartAsync(ScriptedWorkflow.KindName, "elmley", ScriptedWorkflow.Started(("announcement", due)), durable, CancellationToken.None);
        var status = await engine.GetAsync(ScriptedWorkflow.KindName, "elmley", CancellationToken.None);

        Assert.Equal(due, status!.NextDue);
        Assert.Equal(due, (await engine.GetHeaderAsync("elmley", CancellationToken.None))!.NextDue);
        Assert.Contains("https://storage.azure.com/.default", _identity.Scopes);
    }

    [Fact]
    public async Task AnUpload_FromItsCreateOnlyLink_ToTheCoordinatorsDownload()
    {
        var account = await IdentityStorage.AccountAsync(_identity);
        var blobs = account.CreateBlobServiceClient(await IdentityStorage.BlobOptionsAsync());
        var documents = new DocumentsOptions { UploadsTable = TestStorage.UniqueName("uploads") };
        var store = new DocumentStore(blobs, account.CreateTableServiceClient(await IdentityStorage.TableOptionsAsync()),
            account.CreateSasSigner(blobs, TimeProvider.System), documents, TimeProvider.System);
        await store.CreateIfNotExistsAsync(CancellationToken.None);
        var irpId = Guid.NewGuid().ToString("N");
        var bytes = TestFiles.Utf8("%PDF-1.7 HMP Elmley action plan");
        using var browser = await IdentityStorage.BrowserAsync();

        var grant = await store.GrantUploadAsync(irpId, DocumentChecklist.ActionPlan,
            new AcceptedUpload("Action plan.pdf", bytes.Length, "application/pdf"), DateTimeOffset.UtcNow, CancellationToken.None);
        using var put = new HttpRequestMessage(HttpMethod.Put, grant.UploadUrl) { Content = new ByteArrayContent(bytes) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(grant.ContentType);
        using var created = await browser.SendAsync(put);
        var stored = await store.GetDocumentAsync(irpId, DocumentChecklist.ActionPlan, grant.BlobName, CancellationToken.None);
        var broken = await store.CheckStoredAsync(irpId, grant.BlobName, stored!.ContentLength, stored.ContentType, new UploadRules(documents), CancellationToken.None);
        var download = await store.DownloadUriAsync(irpId, grant.BlobName, "Action plan.pdf", stored.ContentType, CancellationToken.None);
        using var response = await browser.GetAsync(download);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(await store.FindPendingAsync(irpId, grant.BlobName, CancellationToken.None));
        Assert.Empty(broken);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("skoid=", download.Query, StringComparison.Ordinal);
    }
}
