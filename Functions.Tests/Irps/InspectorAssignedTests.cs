using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IrpFlows.Tests.Support;
using static IrpFlows.Tests.Support.Emails;
using static IrpFlows.Tests.Support.IrpRequests;

namespace IrpFlows.Tests.Irps;

/// <summary>
/// Prison guide 7.2: HMI Prisons will "provide the name of the inspector who will look at each recommendation". HMP Elmley's
/// visit starts on Monday 15 February 2027; its arrangements go ten working days before, on Monday 1 February at 09:00.
/// </summary>
public sealed class InspectorAssignedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ArrangementsSent = new(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
    private IrpFlowsApp _app = null!;

    public async Task InitializeAsync() => _app = await IrpFlowsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NamedBeforeTheArrangements_TheyCarryTheName_NamedAfter_OneUpdateListsEveryNameGivenTogether()
    {
        var id = await _app.CreateIrpAsync(Elmley(liaisonOfficer: true));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.42", name = "Nadia Inspector" })).StatusCode);
        await _app.MoveClockAsync(ArrangementsSent);

        var first = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.43", name = "Omar Inspector" });
        var second = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.44", name = "Petra Inspector" });
        var again = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.44", name = "Petra Inspector" });
        // Local policy: the update goes an hour after the first name it tells of.
        await _app.MoveClockAsync(ArrangementsSent.AddMinutes(61));

        Assert.Contains("1.42 Safety: Nadia Inspector", PlainText(await _app.RawEmailAsync(id, "visit-arrangements")));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], new[] { first.StatusCode, second.StatusCode, again.StatusCode });
        var update = await _app.EmailAsync(id, "inspectors-update-1");
        Assert.Equal(new[] { GovernorEmail, LiaisonEmail }.Order(), Addresses(update, "to").Order());
        var text = PlainText(await _app.RawEmailAsync(update));
        Assert.Contains("1.43 Safety: Omar Inspector", text);
        Assert.Contains("1.44 Safety: Petra Inspector", text);
        Assert.DoesNotContain("Nadia Inspector", text);
        Assert.DoesNotContain("inspectors-update-2", await _app.OutboxStepsAsync(id));
        Assert.Equal(3, (await _app.GetIrpAsync(id))["history"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "InspectorAssigned"));
    }

    [Fact]
    public async Task AnUnknownRef_Is400NamingIt_AndOnceTheVisitHasStarted_409()
    {
        var id = await _app.CreateIrpAsync(Elmley());

        var unknown = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "9.99", name = "Nadia Inspector" });
        var nameless = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.42" });
        await _app.MoveClockAsync(VisitFirstMorning.AddHours(4));
        var duringTheVisit = await _app.RaiseAsync(id, "InspectorAssigned", new { @ref = "1.42", name = "Nadia Inspector" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("1.42", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ref")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.True((await nameless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.Conflict, duringTheVisit.StatusCode);
    }
}
