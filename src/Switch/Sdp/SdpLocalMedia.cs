namespace Switch.Sdp;

/// <summary>
/// What the switch puts in its own SDP for one leg: its media address and RTP port, the codecs it accepts,
/// and the previous SDP it sent on that dialog (so the o= version increments only on change).
/// </summary>
/// <param name="Address">The switch's media address as advertised (IPv4 or IPv6 literal).</param>
/// <param name="Port">The leg's RTP port.</param>
internal sealed record SdpLocalMedia(string Address, int Port)
{
    public const string DefaultName = "Switch";

    /// <summary>Codecs accepted in answers and offered in fresh offers, in preference order.</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; init; } = SdpCodec.Supported;

    /// <summary>
    /// Chosen when the offer contains it, before the offerer's first choice: the codec the other leg already
    /// negotiated, so the relay needs no transcoding. Must also be acceptable per <see cref="Codecs"/> or be
    /// listed here explicitly (then it is accepted even if not in <see cref="Codecs"/>).
    /// </summary>
    public SdpCodec? PreferredCodec { get; init; }

    /// <summary>Offer/accept RFC 4733 telephone-event/8000.</summary>
    public bool TelephoneEvent { get; init; } = true;

    /// <summary>Our willingness: SendOnly to put the remote on hold, Inactive to stop both ways.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>a=ptime we ask for.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>
    /// In <see cref="SdpOfferAnswer.CreateOfferFrom"/>: when the template offers only one of PCMU/PCMA, add the
    /// other so the switch can transcode if the far end only speaks that one.
    /// </summary>
    public bool AddTranscodableG711 { get; init; } = true;

    /// <summary>Our previous SDP on this dialog: reuse its session id; bump the version only when content changes.</summary>
    public SdpSession? Previous { get; init; }

    /// <summary>o= session id for a new session; random when null.</summary>
    public string? SessionId { get; init; }

    public string Username { get; init; } = DefaultName;

    public string SessionName { get; init; } = DefaultName;
}
