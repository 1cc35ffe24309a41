using System.Net;
using Azure.Storage.Blobs.Models;
using IrpFlows.Documents;
using IrpFlows.Irps;
using IrpFlows.Irps.Material;
using IrpFlows.Irps.Timeline;
using IrpFlows.Tests.Support;
using IrpFlows.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace IrpFlows.Tests.Documents;

/// <summary>
/// Three IRPs for a visit on Monday 13 February 2023 (documents requested Monday 5 December 2022, due Monday 6 February),
/// taken through the timeline with the development clock:
/// <list type="bullet">
/// <item>HMP Elmley sends two documents at once, the other five after the first reminder (Monday 23 January); its report
/// is published on 20 March, and its material is destroyed ten working days later;</item>
/// <item>HMP Hull sends nothing;</item>
/// <item>HMP Cancelled is cancelled after the request.</item>
/// </list>
/// </summary>
public sealed class DocumentRemindersFixture : IAsyncLifetime
{
    public static readonly string[] FirstTwo = [DocumentChecklist.ManagerProForma, DocumentChecklist.ActionPlan];
    public static readonly string[] LaterFive =
        [DocumentChecklist.Presentation, DocumentChecklist.DataRequest, DocumentChecklist.Evidence, DocumentChecklist.PopulationReport, DocumentChecklist.OsagReports];

    internal IrpFlowsApp App { get; private set; } = null!;
    public string Elmley { get; private set; } = null!;
    public string Hull { get; private set; } = null!;
    public string Cancelled { get; private set; } = null!;
    public long ElmleyBytes { get; private set; }

    public async Task InitializeAsync()
    {
        App = await IrpFlowsApp.StartAsync(IrpRequests.ElmleyIn2023AnnouncementMorning);
        Elmley = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Elmley"));
        Hull = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Hull"));
        Cancelled = await App.CreateIrpAsync(IrpRequests.ElmleyIn2023("HMP Cancelled"));

        await App.MoveClockAsync(At(2022, 12, 5));
        var token = Emails.UploadToken(Emails.UploadLink(await App.RawEmailAsync(Elmley, "documents-request")));
        foreach (var key in FirstTwo) await UploadAsync(token, key);
        (await App.TerminateAsync(Cancelled, "Staffing")).EnsureSuccessStatusCode();

        await App.MoveClockAsync(At(2023, 1, 23));
        foreach (var key in LaterFive) await UploadAsync(token, key);

        foreach (var day in new[] { At(2023, 1, 30), At(2023, 2, 2), At(2023, 2, 6), At(2023, 2, 7), At(2023, 3, 20) })
            await App.MoveClockAsync(day);
        // Published follows the draft's fact check and the final report's going to ministers: the reports and the comments are
        // HMI Prisons' own files, which the destruction keeps.
        (await App.PutReportFileAsync(Elmley, "draft-report", "draft.pdf", TestFiles.Pdf("Draft report of HMP Elmley"))).EnsureSuccessStatusCode();
        (await App.RaiseAsync(Elmley, "DraftIssued")).EnsureSuccessStatusCode();
        (await App.PutReportFileAsync(Elmley, "fact-check-comments", "comments.pdf", TestFiles.Pdf("Comments from HMP Elmley"))).EnsureSuccessStatusCode();
        (await App.PutReportFileAsync(Elmley, "final-report", "final.pdf", TestFiles.Pdf("Final report on HMP Elmley"))).EnsureSuccessStatusCode();
        // The IRP started without a ministerial office: the final report waits for one, and publication for the final report.
        using (var refused = await App.RaiseAsync(Elmley, "Published", Publication))
            PublishedBeforeTheOfficeWasNamed = (refused.StatusCode, await refused.Content.ReadAsStringAsync());
        (await App.RaiseAsync(Elmley, "MinisterialOfficeNamed", new { name = "Private Office", email = IrpRequests.MinisterialOfficeEmail }))
            .EnsureSuccessStatusCode();
        await App.MoveClockAsync(At(2023, 3, 20).AddMinutes(5));
        (await App.RaiseAsync(Elmley, "Published", Publication)).EnsureSuccessStatusCode();
        await App.MoveClockAsync(At(2023, 4, 4));
    }

    private static readonly object Publication = new { date = "2023-03-20", url = "https://www.justiceinspectorates.gov.uk/hmiprisons/elmley" };

    /// <summary>What <c>Published</c> got while the final report waited for a ministerial office.</summary>
    public (HttpStatusCode Status, string Body) PublishedBeforeTheOfficeWasNamed { get; private set; }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task UploadAsync(string token, string key)
    {
        var bytes = TestFiles.Utf8($"%PDF-1.7 {key} for HMP Elmley");
        ElmleyBytes += bytes.Length;
        await App.UploadDocumentAsync(token, key, key + ".pdf", bytes);
    }

    // 10:00 UTC: after the 09:00 (London) steps of that day.
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
}

public sealed class DocumentRemindersTests(DocumentRemindersFixture fixture) : IClassFixture<DocumentRemindersFixture>
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        [DocumentChecklist.ManagerProForma] = "Manager pro forma",
        [DocumentChecklist.ActionPlan] = "Updated action plan",
        [DocumentChecklist.Presentation] = "Day 1 presentation",
        [DocumentChecklist.DataRequest] = "Bespoke data request",
        [DocumentChecklist.Evidence] = "Evidence documentation",
        [DocumentChecklist.PopulationReport] = "Adult HMP Establishments Population Breakdown",
        [DocumentChecklist.OsagReports] = "OSAG reports",
    };

    private IrpFlowsApp App => fixture.App;

    [Fact]
    public async Task FirstReminder_GoesOnItsDate_ListingExactlyTheDocumentsStillMissing()
    {
        var entry = await App.EmailAsync(fixture.Elmley, "documents-reminder-1");
        var text = Emails.PlainText(await App.RawEmailAsync(entry));

        Assert.Equal(new DateOnly(2023, 1, 23), DateOnly.FromDateTime(entry["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Equal([IrpRequests.GovernorEmail], Emails.Addresses(entry, "to"));
        foreach (var key in DocumentRemindersFixture.LaterFive) Assert.Contains(Titles[key], text, StringComparison.Ordinal);
        foreach (var key in DocumentRemindersFixture.FirstTwo) Assert.DoesNotContain(Titles[key], text, StringComparison.Ordinal);
        Assert.Contains("/upload/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceEveryDocumentIsIn_NoFurtherReminderOrEscalationIsSent()
    {
        var steps = await App.OutboxStepsAsync(fixture.Elmley);
        var timeline = (await App.GetIrpAsync(fixture.Elmley))["timeline"]!.AsArray()
            .ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());

        Assert.Contains("documents-reminder-1", steps);
        foreach (var chase in new[] { "documents-reminder-2", "documents-reminder-3", "documents-deadline", "documents-overdue" })
        {
            Assert.DoesNotContain(chase, steps);
            Assert.Equal("skipped", timeline[chase]);
        }
        var documents = (await App.GetIrpAsync(fixture.Elmley))["documents"]!.AsArray();
        Assert.All(documents, d => Assert.Equal("received", d!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NothingSent_RemindersGoOnEachDate_ThenTheGovernorIsToldTheyAreOverdue_ListingEveryDocument()
    {
        var sent = (await App.OutboxAsync(fixture.Hull)).ToDictionary(e => e["step"]!.GetValue<string>(), e => e);
        var overdue = sent["documents-overdue"];
        var text = Emails.PlainText(await App.RawEmailAsync(fixture.Hull, "documents-overdue"));

        Assert.Equal(new DateOnly(2023, 1, 30), DateOnly.FromDateTime(sent["documents-reminder-2"]["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Equal(new DateOnly(2023, 2, 2), DateOnly.FromDateTime(sent["documents-reminder-3"]["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Equal(new DateOnly(2023, 2, 6), DateOnly.FromDateTime(sent["documents-deadline"]["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Equal(new DateOnly(2023, 2, 7), DateOnly.FromDateTime(overdue["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Equal([IrpRequests.GovernorEmail], Emails.Addresses(overdue, "to"));
        Assert.Contains(IrpRequests.CoordinatorEmail, Emails.Addresses(overdue, "cc"));
        Assert.Contains("overdue", overdue["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var title in Titles.Values) Assert.Contains(title, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledIrp_GetsNoRemindersAfterItsCancellation()
    {
        var steps = await App.OutboxStepsAsync(fixture.Cancelled);

        // No reminder, deadline or overdue notice: only the material it had sent is destroyed, ten working days after the cancel.
        Assert.Equal(["announcement", "documents-request", "cancellation", "material-destruction"], steps);
    }

    [Fact]
    public async Task Publication_WaitsForTheFinalReportToReachMinisters_WhoseOfficeMayBeNamedAfterTheStart()
    {
        var (status, body) = fixture.PublishedBeforeTheOfficeWasNamed;
        var sent = await App.EmailAsync(fixture.Elmley, "final-report");

        // Prison guide 14.1: the final report "will be sent to the Secretary of State for Justice and published".
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("final-report", body, StringComparison.Ordinal);
        Assert.Contains("MinisterialOfficeNamed", body, StringComparison.Ordinal);
        Assert.Equal([IrpRequests.MinisterialOfficeEmail], Emails.Addresses(sent, "to"));
        Assert.True(sent["sentAt"]!.GetValue<DateTimeOffset>() < (await App.GetIrpAsync(fixture.Elmley))["history"]!.AsArray()
            .Single(e => e!["type"]!.GetValue<string>() == "Published")!["recordedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task AfterPublication_TheEstablishmentsDocumentsAreDeleted_TheInspectoratesFilesKept_AndTheEmailNamesEachFileDeleted()
    {
        var container = App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.Elmley));
        var left = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions())) left.Add(blob.Name);
        var status = await App.Services.GetRequiredService<WorkflowEngine>().GetAsync(IrpWorkflow.KindName, fixture.Elmley, CancellationToken.None);
        var destroyed = status!.Instance.EventsOfType(IrpEvents.MaterialDestroyed).Single();
        var record = EventData.FromData<MaterialDestroyedData>(destroyed.Data);
        var emailed = status.Instance.EventsOfType(EngineEvents.StepCompleted).Single(e => StepHistory.StepId(e) == IrpSteps.MaterialDestruction);
        var text = Emails.PlainText(await App.RawEmailAsync(fixture.Elmley, IrpSteps.MaterialDestruction));

        // Appendix A: the material "requested and used by the inspection team" goes; the reports and comments are the record.
        Assert.Equal(["reports/draft/", "reports/fact-check/", "reports/final/"], left.Select(n => n[..(n.IndexOf('/', 8) + 1)]).Order());
        Assert.Equal(7, destroyed.Data["count"]!.GetValue<int>());
        Assert.Equal(fixture.ElmleyBytes, record.Bytes);
        Assert.Equal([.. DocumentRemindersFixture.FirstTwo, .. DocumentRemindersFixture.LaterFive], record.Files.Select(f => f.Key));
        Assert.True(destroyed.Sequence < emailed.Sequence);
        // Ten working days after publication on 20 March: Monday 3 April 2023, 09:00 in London (BST).
        Assert.Equal(new DateTimeOffset(2023, 4, 3, 8, 0, 0, TimeSpan.Zero), status.Step(IrpSteps.MaterialDeletion)!.Due);
        Assert.Contains($"We deleted all 7 documents ({UploadRules.Describe(fixture.ElmleyBytes)})", text, StringComparison.Ordinal);
        foreach (var file in record.Files) Assert.Contains(file.FileName, text, StringComparison.Ordinal);
        Assert.Contains("keeps its own files", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIrpDestroyedBeforeTheDeletionWasAStepOfItsOwn_IsNotAskedToDeleteAgain()
    {
        var status = await App.Services.GetRequiredService<WorkflowEngine>().GetAsync(IrpWorkflow.KindName, fixture.Elmley, CancellationToken.None);
        // The log as the rules before this step wrote it: the destruction's email step deleted the files and recorded no fact.
        var before = status!.Instance with
        {
            Events = status.Instance.Events.Where(e => e.Type != IrpEvents.MaterialDestroyed
                && !(e.Type == EngineEvents.StepCompleted && StepHistory.StepId(e) == IrpSteps.MaterialDeletion)).ToList(),
        };

        var plan = App.Services.GetRequiredService<IrpWorkflow>().Plan(before);

        var deletion = plan.Steps.Single(s => s.Id == IrpSteps.MaterialDeletion);
        Assert.Equal(StepReadiness.Skipped, deletion.Readiness);
        Assert.Contains("before deletions were recorded on their own", deletion.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DestructionRunAgain_DeletesNothingMore_AndStillNamesWhatTheFirstRunDeleted()
    {
        var status = await App.Services.GetRequiredService<WorkflowEngine>().GetAsync(IrpWorkflow.KindName, fixture.Elmley, CancellationToken.None);
        var state = IrpState.From(status!.Instance);

        var again = await App.Services.GetRequiredService<MaterialDestruction>().DestroyAsync(fixture.Elmley, state.DocumentsReceived, CancellationToken.None);

        // A crash between the deletion and its record runs it again: the documents the log names are gone, deleted by then.
        Assert.Equal(state.MaterialDestroyed!.Files, again.Files);
        Assert.Equal(fixture.ElmleyBytes, again.Bytes);
        var left = new List<string>();
        await foreach (var blob in App.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(fixture.Elmley)).GetBlobsAsync(new GetBlobsOptions())) left.Add(blob.Name);
        Assert.Equal(3, left.Count);
    }
}
