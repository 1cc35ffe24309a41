using System.Reflection;
using IrpFlows.Azurite;
using IrpFlows.Http;
using IrpFlows.Local.Hosting;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Infra;

/// <summary>
/// An operator filters and alerts on a log message by its event id, so one id must mean one message: across the Function
/// App, the local host and the Azurite launcher, whose logs land in the same place.
/// </summary>
public sealed class LogEventIdsTests
{
    [Fact]
    public void EveryLogMessage_HasItsOwnEventId()
    {
        var messages = new[] { typeof(IrpFunctions).Assembly, typeof(LocalFunctionsHost).Assembly, typeof(AzuriteLauncher).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 20, $"Found only {messages.Count} log messages: the scan no longer sees them.");
        Assert.All(messages, m => Assert.True(m.Attribute!.EventId > 0, $"{m.Method} has no event id."));
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "Event ids used by more than one message:\n" + string.Join("\n", shared));
    }
}
