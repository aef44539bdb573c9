using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_HANGUP</c>: the channel is going down; <see cref="Cause"/> says why.</summary>
public sealed class ChannelHangup : ChannelEvent
{
    internal ChannelHangup(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Hangup-Cause</c> as sent (a FreeSWITCH cause name).</summary>
    public string? CauseName => this["Hangup-Cause"];

    /// <summary>The cause; <see cref="HangupCause.None"/> when absent or unknown (see <see cref="CauseName"/>).</summary>
    public HangupCause Cause => HangupCauses.Parse(CauseName, HangupCause.None);
}
