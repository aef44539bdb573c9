namespace Switch.Media;

/// <summary>An RTP audio codec as a leg uses it: payload type number, encoding name, clock rate.</summary>
internal sealed record RtpCodec
{
    public static readonly RtpCodec Pcmu = new(0, "PCMU", 8000);
    public static readonly RtpCodec Pcma = new(8, "PCMA", 8000);

    public RtpCodec(byte payloadType, string name, int clockRate)
    {
        PayloadType = payloadType;
        Name = name;
        ClockRate = clockRate;
        Law = clockRate != 8000 ? null
            : string.Equals(name, "PCMU", StringComparison.OrdinalIgnoreCase) ? G711Law.MuLaw
            : string.Equals(name, "PCMA", StringComparison.OrdinalIgnoreCase) ? G711Law.ALaw
            : null;
    }

    public byte PayloadType { get; init; }

    public string Name { get; }

    public int ClockRate { get; }

    /// <summary>The G.711 law for PCMU/PCMA; null for codecs the switch only passes through.</summary>
    public G711Law? Law { get; }

    public bool IsSameFormat(RtpCodec other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase) && ClockRate == other.ClockRate;
}
