using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using IrpFlows.Documents;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// A prison IRP and an IRC IRP, each moved after its arrangements went, run to Completed on the development clock: the outbox
/// holds every notice of the guide, once, to the people the guide names.
/// </summary>
public sealed class WholeIrpOutboxTests
{
    /// <summary>Monday 1 February 2027, 09:00: ten working days before the visit of 15 February, when the arrangements go.</summary>
    private static readonly DateTimeOffset ArrangementsSent = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PrisonIrp_SendsEachNoticeOfTheGuide_ToThePeopleItNames()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(Elmley(liaisonOfficer: true).WithReportContacts());

        var outbox = await RunWithAMoveAsync(app, id);

        // Prison guide 7.3: the documents are asked of the governor and the liaison officer, with the forms HMI Prisons supplies.
        Assert.Equal(Sorted(GovernorEmail, LiaisonEmail), Emails.Addresses(outbox["documents-request"], "to"));
        Assert.Equal(2, Emails.Parse(await app.RawEmailAsync(outbox["documents-request"])).Attachments.Count());
        // The clock jumps to 1 February, when the second reminder is due: the first, no longer the latest, is skipped.
        Assert.All(["documents-reminder-2", "documents-deadline"], step => Assert.Equal(Sorted(GovernorEmail, LiaisonEmail), Emails.Addresses(outbox[step], "to")));
        // 7.2, 8.1: the team meets the IMB during the visit, so its chair has the arrangements.
        Assert.Contains(ImbChairEmail, Emails.Addresses(outbox["visit-arrangements"], "cc"));
        // 6.1: the announcement named the old dates, so the move is told, with the invitation replaced.
        await AssertMoveNoticedAsync(app, outbox["visit-moved-1"], Sorted(GovernorEmail, ImbChairEmail, LiaisonEmail));
        // 8.1, 13.1: the team's debrief document, as uploaded, shared with HMPPS.
        Assert.Equal([HmppsEmail], Emails.Addresses(outbox["debrief-document"], "to"));
        await AssertTheTeamsDocumentIsAttachedAsync(app, outbox["debrief-document"]);
        // 14.1: the final report to the Secretary of State for Justice before publication, and the notice says so.
        Assert.Equal([MinisterialOfficeEmail], Emails.Addresses(outbox["final-report"], "to"));
        Assert.True(outbox["final-report"]["sentAt"]!.GetValue<DateTimeOffset>() < outbox["publication"]["sentAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains("has been sent to the Secretary of State for Justice and was published", Emails.PlainText(await app.RawEmailAsync(outbox["publication"])));
        // 16.1: the liaison officer's feedback form, then the governor's once published.
        Assert.Equal([LiaisonEmail], Emails.Addresses(outbox["liaison-feedback"], "to"));
        Assert.Equal([GovernorEmail], Emails.Addresses(outbox["governor-feedback"], "to"));
        // The governor answers the form after the IRP has ended: the answers are recorded, and the IRP stays completed.
        var form = Emails.Link(Emails.PlainText(await app.RawEmailAsync(outbox["governor-feedback"])), "/feedback/");
        var sent = await app.Anonymous.PostAsync(form.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Jo Governor", ["role"] = "governor", ["answer-report"] = "The fact check was clear.",
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var irp = await app.GetIrpAsync(id);
        Assert.Equal("Completed", irp["runtimeStatus"]!.GetValue<string>());
        var feedback = Assert.Single(irp["feedback"]!.AsArray())!;
        Assert.Equal(("Jo Governor", "Governor or director"), (feedback["name"]!.GetValue<string>(), feedback["role"]!.GetValue<string>()));
        Assert.Equal("The draft report and the factual accuracy check", feedback["answers"]![0]!["question"]!.GetValue<string>());
    }

    [Fact]
    public async Task IrcIrp_SendsEachNoticeOfTheGuide_ToThePeopleItNames()
    {
        await using var app = await IrpFlowsApp.StartAsync();
        var id = await app.CreateIrpAsync(Irc().WithReportContacts());

        var outbox = await RunWithAMoveAsync(app, id);

        // IRC guide 2.7: the documents are asked of the centre manager and the liaison officer; 2.7 has the Home Office supply data too.
        Assert.Equal(Sorted(GovernorEmail, LiaisonEmail), Emails.Addresses(outbox["documents-request"], "to"));
        Assert.Contains(HomeOfficeEmail, Emails.Addresses(outbox["documents-request"], "cc"));
        Assert.Contains(ImbChairEmail, Emails.Addresses(outbox["visit-arrangements"], "cc"));
        // 2.4: the announcement went to the centre manager and the Home Office, copied to the IMB chair.
        await AssertMoveNoticedAsync(app, outbox["visit-moved-1"], Sorted(GovernorEmail, HomeOfficeEmail, ImbChairEmail, LiaisonEmail));
        // 3.1, 4.3: the team's debrief document shared with the contractor and the Home Office.
        Assert.Equal(Sorted(ContractorEmail, HomeOfficeEmail), Emails.Addresses(outbox["debrief-document"], "to"));
        await AssertTheTeamsDocumentIsAttachedAsync(app, outbox["debrief-document"]);
        // 5.1: the final report to the Home Secretary and Minister before publication.
        Assert.Equal([MinisterialOfficeEmail], Emails.Addresses(outbox["final-report"], "to"));
        Assert.Contains("ready for the Home Secretary and the Minister", Emails.PlainText(await app.RawEmailAsync(outbox["final-report"])));
        Assert.Contains("has been sent to the Home Secretary and the Minister and was published", Emails.PlainText(await app.RawEmailAsync(outbox["publication"])));
        // 5.3: feedback from the centre manager and the Home Office; no liaison feedback form.
        Assert.Equal(Sorted(GovernorEmail, HomeOfficeEmail), Emails.Addresses(outbox["governor-feedback"], "to"));
        Assert.False(outbox.ContainsKey("liaison-feedback"));
    }

    /// <summary>
    /// Runs the IRP to its end, moving the visit from 15 February to 1 March 2027 just after the arrangements went; returns the
    /// outbox by step, having checked that no step sent twice.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, JsonObject>> RunWithAMoveAsync(IrpFlowsApp app, string id)
    {
        await app.MoveClockAsync(ArrangementsSent);
        Assert.Equal(HttpStatusCode.Accepted, (await app.RaiseAsync(id, "VisitRescheduled", new { visitStart = "2027-03-01" })).StatusCode);
        await app.RunToCompletionAsync(id);

        // Appendix A / Appendix I: the establishment's material is destroyed (none was uploaded here); HMI Prisons' files stay.
        var kept = await app.Blobs.GetBlobContainerClient(DocumentStore.ContainerName(id)).GetBlobsAsync(new GetBlobsOptions()).Select(b => b.Name[..b.Name.LastIndexOf('/', b.Name.LastIndexOf('/') - 1)]).ToListAsync();
        Assert.Equal(["reports/debrief", "reports/draft", "reports/final"], kept.Order());
        Assert.Single((await app.GetIrpAsync(id))["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "MaterialDestroyed");

        var outbox = await app.OutboxAsync(id);
        var steps = outbox.Select(e => e["step"]!.GetValue<string>()).ToList();
        Assert.Equal(steps.Distinct(), steps);
        Assert.All(new[] { "announcement", "documents-request", "visit-arrangements", "visit-moved-1", "debrief-document", "final-report", "publication", "governor-feedback" },
            step => Assert.Contains(step, steps));
        return outbox.ToDictionary(e => e["step"]!.GetValue<string>());
    }

    private static async Task AssertTheTeamsDocumentIsAttachedAsync(IrpFlowsApp app, JsonObject email)
    {
        var (fileName, content) = Emails.SingleAttachment(await app.RawEmailAsync(email));
        Assert.Equal(Timelines.DebriefDocumentName, fileName);
        Assert.Equal(TestFiles.Pdf("debrief document"), content);
    }

    private static async Task AssertMoveNoticedAsync(IrpFlowsApp app, JsonObject notice, IReadOnlyList<string> to)
    {
        Assert.Equal(to, Emails.Addresses(notice, "to"));
        var mime = Emails.Parse(await app.RawEmailAsync(notice));
        Assert.Contains("which we announced for Monday 15 February 2027 to Wednesday 17 February 2027, will now take place from Monday 1 March 2027 to Wednesday 3 March 2027.", mime.TextBody);
        var invitation = Emails.Invitation(mime);
        Assert.Equal((1, new DateOnly(2027, 3, 1)), (invitation.Sequence, invitation.DtStart!.Date));
    }

    private static IReadOnlyList<string> Sorted(params string[] addresses) => addresses.Order(StringComparer.Ordinal).ToList();
}
