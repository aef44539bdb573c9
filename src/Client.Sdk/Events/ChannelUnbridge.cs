using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_UNBRIDGE</c>: a bridge ended.</summary>
public sealed class ChannelUnbridge : ChannelEvent
{
    internal ChannelUnbridge(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Bridge-A-Unique-ID</c>: the originating leg.</summary>
    public string? BridgeAUniqueId => this["Bridge-A-Unique-ID"];

    /// <summary><c>Bridge-B-Unique-ID</c>: the other leg.</summary>
    public string? BridgeBUniqueId => this["Bridge-B-Unique-ID"];
}
