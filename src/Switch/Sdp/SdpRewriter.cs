namespace Switch.Sdp;

/// <summary>Rewrites a remote SDP for the other leg: anchoring (switch's address) or bypass (unchanged).</summary>
internal static class SdpRewriter
{
    /// <summary>
    /// Anchored: the same description with the switch's address in o= and c= (media-level c= removed) and
    /// <paramref name="audioPort"/> on the first audio stream, other streams disabled (port 0: the switch relays audio only); the o= session id and version follow
    /// <paramref name="previous"/> (our last SDP on that dialog). Bypass: <paramref name="sdp"/> itself.
    /// </summary>
    public static SdpSession ForOtherLeg(SdpSession sdp, SdpMediaMode mode, string address, int audioPort, SdpSession? previous = null) =>
        mode == SdpMediaMode.Bypass ? sdp : AnchorTo(sdp, address, audioPort, previous);

    public static SdpSession AnchorTo(SdpSession sdp, string address, int audioPort, SdpSession? previous = null)
    {
        var addressType = address.Contains(':', StringComparison.Ordinal) ? SdpConnection.Ip6 : SdpConnection.Ip4;
        var audioIndex = sdp.FindAudioIndex();
        var media = new SdpMediaDescription[sdp.Media.Count];
        for (var i = 0; i < media.Length; i++)
        {
            var m = sdp.Media[i];
            media[i] = i == audioIndex ? m with { Port = audioPort, Connection = null } : m with { Port = 0, Connection = null };
        }

        var rewritten = sdp with
        {
            Origin = sdp.Origin with { AddressType = addressType, Address = address },
            Connection = new SdpConnection(SdpConnection.Internet, addressType, address),
            Media = media,
        };
        return SdpOfferAnswer.Revise(rewritten, previous);
    }
}
