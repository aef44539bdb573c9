namespace Switch.Media;

/// <summary>
/// One key press, reported once: the digit (0-9 * # A-D, or F for flash), its duration in 8 kHz samples and
/// where it came from (FreeSWITCH's DTMF-Source: "RTP" for RFC 4733).
/// </summary>
internal sealed record DtmfDigit(char Digit, int DurationSamples, string Source = DtmfDigit.RtpSource)
{
    public const string RtpSource = "RTP";
    public const string InbandSource = "INBAND_AUDIO";

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationSamples / 8.0);
}
