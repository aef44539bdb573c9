using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_CREATE</c>: A channel was created.</summary>
public sealed class ChannelCreate : ChannelEvent
{
    internal ChannelCreate(EslEvent raw)
        : base(raw)
    {
    }
}
