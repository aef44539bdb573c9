using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_HANGUP_COMPLETE</c>: the channel is down; billing variables are present.</summary>
public sealed class ChannelHangupComplete : ChannelEvent
{
    internal ChannelHangupComplete(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Hangup-Cause</c> as sent (a FreeSWITCH cause name).</summary>
    public string? CauseName => this["Hangup-Cause"];

    /// <summary>The cause; <see cref="HangupCause.None"/> when absent or unknown (see <see cref="CauseName"/>).</summary>
    public HangupCause Cause => HangupCauses.Parse(CauseName, HangupCause.None);

    /// <summary><c>variable_billsec</c>: answered seconds, when present.</summary>
    public int? BillSeconds => int.TryParse(GetVariable("billsec"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
}
