namespace Switch.Media;

/// <summary>
/// Two legs relaying RTP to each other. <see cref="Connect"/> detaches either leg from any previous bridge
/// first; <see cref="Disconnect"/> (idempotent) stops the relay and leaves both legs usable for playback or a
/// new bridge. Per packet the relay reads both legs' current settings, so a re-INVITE that changes a codec
/// takes effect without rebridging.
/// </summary>
internal sealed class MediaBridge
{
    private int _connected = 1;

    private MediaBridge(MediaLeg a, MediaLeg b, DtmfRelayMode dtmfMode)
    {
        A = a;
        B = b;
        DtmfMode = dtmfMode;
    }

    public MediaLeg A { get; }

    public MediaLeg B { get; }

    public DtmfRelayMode DtmfMode { get; }

    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    /// <summary>True when the legs use different G.711 laws (payloads are transcoded through the G.711 tables).</summary>
    public bool IsTranscoding =>
        A.Settings?.Codec.Law is { } a && B.Settings?.Codec.Law is { } b && a != b;

    /// <summary>
    /// False when the legs' codecs can neither be relayed as they are nor transcoded (e.g. G.722 and PCMU): audio
    /// is then dropped until one leg is renegotiated.
    /// </summary>
    public bool CanRelayAudio =>
        A.Settings is { } a && B.Settings is { } b &&
        ((a.Codec.Law is not null && b.Codec.Law is not null) || a.Codec.IsSameFormat(b.Codec));

    public static MediaBridge Connect(MediaLeg a, MediaLeg b, DtmfRelayMode dtmfMode = DtmfRelayMode.Passthrough)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b))
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(b));
        }

        a.Bridge?.Disconnect();
        b.Bridge?.Disconnect();
        var bridge = new MediaBridge(a, b, dtmfMode);
        a.Attach(bridge, b);
        b.Attach(bridge, a);
        return bridge;
    }

    public MediaLeg Other(MediaLeg leg) => ReferenceEquals(leg, A) ? B : A;

    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _connected, 0) == 0)
        {
            return;
        }

        A.Detach(this);
        B.Detach(this);
    }
}
