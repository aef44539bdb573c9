using System.Text;
using Switch.Calls.Sip;
using Switch.Sdp;

namespace Switch.Tests.Calls.Sip;

/// <summary>A stored SDP keeps the session its check parsed only until told to forget it.</summary>
public sealed class StoredSdpTests
{
    private static readonly byte[] s_offer = Encoding.ASCII.GetBytes(
        "v=0\r\no=caller 53655765 2353687637 IN IP4 127.0.0.1\r\ns=sipp-uac\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio 6000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");

    [Fact]
    public void The_kept_session_is_returned_until_forgotten_then_the_bytes_are_parsed_again()
    {
        Assert.True(SdpSession.TryParse(s_offer, out var parsed, out _));
        var stored = StoredSdp.FromBody(s_offer, parsed);

        Assert.True(stored.HoldsParsed);
        Assert.Same(parsed, stored.Parse());
        Assert.Same(parsed, stored.Parse());

        stored.ForgetParsed();

        Assert.False(stored.HoldsParsed);
        var again = stored.Parse();
        Assert.NotSame(parsed, again);
        Assert.Equal(parsed.ToString(), again.ToString());
        Assert.Equal(s_offer, stored.ToBytes().ToArray());
    }

    [Fact]
    public void A_body_stored_without_its_parse_is_parsed_on_each_use()
    {
        var stored = StoredSdp.FromBody(s_offer);

        Assert.False(stored.HoldsParsed);
        Assert.NotSame(stored.Parse(), stored.Parse());
    }
}
