using System.Threading.Channels;

namespace IrpFlows.Hosting;

/// <summary>Asks the dispatcher to look at one instance now, e.g. right after an event made a step due.</summary>
public sealed class DispatchSignal
{
    private readonly Channel<string> _instances = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string instanceId) => _instances.Writer.TryWrite(instanceId);

    internal ChannelReader<string> Reader => _instances.Reader;
}
