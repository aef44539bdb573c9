using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_ANSWER</c>: A channel was answered.</summary>
public sealed class ChannelAnswer : ChannelEvent
{
    internal ChannelAnswer(EslEvent raw)
        : base(raw)
    {
    }
}
