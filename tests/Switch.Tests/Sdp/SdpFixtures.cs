namespace Switch.Tests.Sdp;

/// <summary>SDP bodies from the seed capture (see README.md next to this file).</summary>
internal static class SdpFixtures
{
    /// <summary>X-Lite's offer in the a-leg INVITE (frame 267).</summary>
    public const string XLiteOffer =
        "v=0\r\n" +
        "o=- 13153395802875591 1 IN IP4 10.240.80.69\r\n" +
        "s=X-Lite release 4.9.8 stamp 84253\r\n" +
        "c=IN IP4 10.240.80.69\r\n" +
        "t=0 0\r\n" +
        "m=audio 64836 RTP/AVP 9 8 120 0 84 101\r\n" +
        "a=rtpmap:120 opus/48000/2\r\n" +
        "a=fmtp:120 useinbandfec=1; usedtx=1; maxaveragebitrate=64000\r\n" +
        "a=rtpmap:84 speex/16000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    /// <summary>FreeSWITCH's offer in the b-leg INVITE (frame 508).</summary>
    public const string FreeSwitchOffer =
        "v=0\r\n" +
        "o=FreeSWITCH 1508895355 1508895356 IN IP4 115.aa.aa.aa\r\n" +
        "s=FreeSWITCH\r\n" +
        "c=IN IP4 115.aa.aa.aa\r\n" +
        "t=0 0\r\n" +
        "m=audio 26828 RTP/AVP 9 8 0 101\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n";

    /// <summary>FreeSWITCH's answer to the a-leg in its 183 and 200 (frames 525, 788).</summary>
    public const string FreeSwitchAnswer =
        "v=0\r\n" +
        "o=FreeSWITCH 1508899003 1508899004 IN IP4 115.aa.aa.aa\r\n" +
        "s=FreeSWITCH\r\n" +
        "c=IN IP4 115.aa.aa.aa\r\n" +
        "t=0 0\r\n" +
        "m=audio 23180 RTP/AVP 9 101\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n";

    /// <summary>X-Lite's answer in the b-leg 200 (frame 741).</summary>
    public const string XLiteAnswer =
        "v=0\r\n" +
        "o=- 2353942294 3 IN IP4 10.240.80.146\r\n" +
        "s=X-Lite release 4.9.8 stamp 84253\r\n" +
        "c=IN IP4 10.240.80.146\r\n" +
        "t=0 0\r\n" +
        "m=audio 59974 RTP/AVP 9 8 0 101\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    public static Switch.Sdp.SdpSession Parse(string text)
    {
        Assert.True(Switch.Sdp.SdpSession.TryParse(text, out var session, out var error), error.ToString());
        return session;
    }
}
