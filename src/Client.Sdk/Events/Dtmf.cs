using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>DTMF</c>: a digit received on a channel.</summary>
public sealed class Dtmf : ChannelEvent
{
    internal Dtmf(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>DTMF-Digit</c>: <c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>, <c>A</c>–<c>D</c>.</summary>
    public string? Digit => this["DTMF-Digit"];

    /// <summary><c>DTMF-Duration</c> in samples at 8 kHz (2000 = 250 ms).</summary>
    public int? Duration => int.TryParse(this["DTMF-Duration"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary><c>DTMF-Source</c>, e.g. <c>RTP</c>, <c>INBAND_AUDIO</c>.</summary>
    public string? Source => this["DTMF-Source"];
}
