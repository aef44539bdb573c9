using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_PARK</c>: A channel was parked: it waits for a controller to act (the moment a router takes a new call).</summary>
public sealed class ChannelPark : ChannelEvent
{
    internal ChannelPark(EslEvent raw)
        : base(raw)
    {
    }
}
