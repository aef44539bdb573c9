using System.Globalization;

namespace Switch.Sdp;

/// <summary>
/// RFC 3264 offer/answer for the switch's single audio stream: answering an offer, building offers (fresh for
/// late offer/3PCC, or from the other leg's offer for a b-leg) and processing the answer to our offer.
/// Only the first audio RTP/AVP stream is accepted; other streams are rejected with port 0.
/// </summary>
internal static partial class SdpOfferAnswer
{
    private static readonly string[] s_notForwarded =
    [
        "rtcp", "rtcp-mux", "rtcp-rsize", "candidate", "remote-candidates", "end-of-candidates", "ice-ufrag",
        "ice-pwd", "ice-options", "ice-lite", "crypto", "fingerprint", "setup", "connection", "ssrc", "ssrc-group",
        "mid", "msid", "extmap", "rtcp-fb", "label",
    ];

    /// <summary>
    /// Gives a new local SDP its o= line: the previous session id, and the previous version when nothing but
    /// the version differs, else the previous version + 1 (RFC 3264 §8).
    /// </summary>
    public static SdpSession Revise(SdpSession candidate, SdpSession? previous)
    {
        if (previous is null)
        {
            return candidate;
        }

        var same = candidate with
        {
            Origin = candidate.Origin with
            {
                Username = previous.Origin.Username,
                SessionId = previous.Origin.SessionId,
                SessionVersion = previous.Origin.SessionVersion,
            },
        };
        return same.ContentEquals(previous) && same.Origin == previous.Origin
            ? previous
            : same with { Origin = same.Origin with { SessionVersion = previous.Origin.SessionVersion + 1 } };
    }

    private static SdpSession NewSession(SdpLocalMedia local, IReadOnlyList<SdpMediaDescription> media)
    {
        var addressType = local.Address.Contains(':', StringComparison.Ordinal) ? SdpConnection.Ip6 : SdpConnection.Ip4;
        var sessionId = local.SessionId ?? Random.Shared.NextInt64(1_000_000_000L, 4_000_000_000L).ToString(CultureInfo.InvariantCulture);
        var version = ulong.TryParse(sessionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < ulong.MaxValue ? id + 1 : 1UL;
        var session = new SdpSession(
            0,
            new SdpOrigin(local.Username, sessionId, version, SdpConnection.Internet, addressType, local.Address),
            local.SessionName,
            new SdpConnection(SdpConnection.Internet, addressType, local.Address),
            [],
            [SdpTime.Unbounded],
            [],
            media);
        return Revise(session, local.Previous);
    }

    /// <summary>An audio m-section listing the codecs (with rtpmap, fmtp), ptime and direction.</summary>
    private static SdpMediaDescription AudioSection(int port, IReadOnlyList<SdpCodec> codecs, int ptime, SdpDirection direction)
    {
        var formats = new string[codecs.Count];
        var attributes = new List<SdpAttribute>(codecs.Count * 2 + 2);
        for (var i = 0; i < codecs.Count; i++)
        {
            formats[i] = codecs[i].PayloadType.ToString(CultureInfo.InvariantCulture);
            attributes.Add(new SdpAttribute(SdpAttribute.RtpMap, codecs[i].RtpMapValue));
            if (codecs[i].Fmtp is { Length: > 0 } fmtp)
            {
                attributes.Add(new SdpAttribute(SdpAttribute.Fmtp, formats[i] + " " + fmtp));
            }
        }

        attributes.Add(new SdpAttribute(SdpAttribute.Ptime, ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        return new SdpMediaDescription(SdpMediaDescription.Audio, port, null, SdpMediaDescription.RtpAvp, formats, null, [], attributes);
    }

    private static SdpMediaDescription Rejected(SdpMediaDescription offered) =>
        new(offered.Media, 0, null, offered.Protocol, offered.Formats.Count == 0 ? ["0"] : offered.Formats, null, [], []);

    /// <summary>Direction as the remote declared it, with c=0.0.0.0 meaning "do not send to me" (RFC 3264 §8.4).</summary>
    private static SdpDirection RemoteDirection(SdpSession session, SdpMediaDescription media)
    {
        var direction = session.GetDirection(media);
        if (session.GetConnection(media) is { IsUnspecified: true })
        {
            direction &= ~SdpDirection.RecvOnly;
        }

        return direction;
    }

    private static string? RemoteAddress(SdpSession session, SdpMediaDescription media) =>
        session.GetConnection(media) is { IsUnspecified: false } connection ? connection.Address : null;

    private static SdpCodec? FindTelephoneEvent(IReadOnlyList<SdpCodec> codecs)
    {
        foreach (var codec in codecs)
        {
            if (codec.IsTelephoneEvent && codec.ClockRate == 8000)
            {
                return codec;
            }
        }

        return null;
    }

    private static SdpCodec? FindSameFormat(IReadOnlyList<SdpCodec> codecs, SdpCodec wanted)
    {
        foreach (var codec in codecs)
        {
            if (codec.IsSameFormat(wanted))
            {
                return codec;
            }
        }

        return null;
    }

    private static bool IsAudioCodec(SdpCodec codec) => !codec.IsTelephoneEvent && !codec.IsComfortNoise;

    private static int FreeDynamicPayloadType(IReadOnlyList<SdpCodec> codecs, IReadOnlyList<string> formats, int preferred)
    {
        for (var pt = preferred; pt < preferred + 128; pt++)
        {
            var candidate = 96 + ((pt - 96) % 32);
            var text = candidate.ToString(CultureInfo.InvariantCulture);
            if (!formats.Contains(text) && codecs.All(c => c.PayloadType != candidate))
            {
                return candidate;
            }
        }

        return preferred;
    }
}
