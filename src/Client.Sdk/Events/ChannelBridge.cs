using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_BRIDGE</c>: two legs were connected (fired once per bridge, with the A leg's channel headers).</summary>
public sealed class ChannelBridge : ChannelEvent
{
    internal ChannelBridge(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Bridge-A-Unique-ID</c>: the originating leg.</summary>
    public string? BridgeAUniqueId => this["Bridge-A-Unique-ID"];

    /// <summary><c>Bridge-B-Unique-ID</c>: the other leg.</summary>
    public string? BridgeBUniqueId => this["Bridge-B-Unique-ID"];
}
