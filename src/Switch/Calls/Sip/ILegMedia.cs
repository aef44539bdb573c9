using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>
/// The RTP side of one SIP leg as the B2BUA uses it: the switch's own address and port for its SDP, the
/// negotiated stream, the relay to the bridged leg, ringback. Production wraps a <c>MediaLeg</c>.
/// Thread-safe: called from call mailboxes and SIP transport threads.
/// </summary>
internal interface ILegMedia : IAsyncDisposable
{
    /// <summary>The address the switch advertises for this leg's RTP (c= line).</summary>
    string Address { get; }

    /// <summary>The RTP port (m= line).</summary>
    int Port { get; }

    /// <summary>Applies what offer/answer decided: where to send, codec and payload types, direction.</summary>
    void Configure(SdpAudioNegotiation audio);

    /// <summary>Relays RTP with the peer leg's media; stops ringback. Idempotent.</summary>
    void Connect(ILegMedia peer);

    /// <summary>Stops relaying. Idempotent.</summary>
    void Disconnect();

    /// <summary>Plays a FreeSWITCH tone spec (e.g. <c>%(2000,4000,440,480)</c>) or a file in a loop until connected or stopped.</summary>
    void StartRingback(string toneSpec);

    void StopRingback();

    /// <summary>
    /// Plays a source (file, tone_stream://, silence_stream://) <paramref name="loops"/> times
    /// (<c>Playback.Endless</c>: until stopped); <paramref name="onCompleted"/> runs once when it ends.
    /// </summary>
    void Play(string source, Action<Switch.Media.PlaybackResult> onCompleted, int loops = 1);

    /// <summary>Stops the playback in progress (it completes as stopped).</summary>
    void StopPlayback();

    /// <summary>Sends the far end's audio back to it (the echo application) until <see cref="StopEcho"/>.</summary>
    void StartEcho();

    void StopEcho();

    /// <summary>Records both directions to a WAV file; false with a reason when it cannot.</summary>
    bool TryStartRecording(string path, out string? error);

    /// <summary>Stops the recording in progress; false when there is none.</summary>
    bool StopRecording();

    /// <summary>Sends RFC 4733 digits; false when no codec or remote address is set yet.</summary>
    bool SendDtmf(string digits);

    /// <summary>A snapshot of the RTP counters; null when no RTP endpoint is attached.</summary>
    Switch.Media.RtpStatistics? GetStatistics();

    /// <summary>Called for each DTMF digit received (on a socket thread).</summary>
    Action<Switch.Media.DtmfDigit>? DtmfReceived { get; set; }
}

/// <summary>Allocates leg media (an RTP port from the pool).</summary>
internal interface IMediaProvider
{
    /// <summary>False when no port is free (the call is then refused with 503 or fails with SWITCH_CONGESTION).</summary>
    bool TryCreate(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ILegMedia? media);
}
