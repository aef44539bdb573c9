using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Calls.Sip;

namespace Switch.Tests.Calls.Sip;

public sealed class SipInfoDtmfTests
{
    private static SipInfoDtmf? Parse(string? contentType, string body) =>
        SipInfoDtmf.TryParse(contentType, Encoding.ASCII.GetBytes(body), out var dtmf) ? dtmf : null;

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 1280)]
    [InlineData("application/dtmf-relay; charset=x", "Signal= 10\nDuration= 100", '*', 800)]
    [InlineData("Application/DTMF-Relay", "Duration=250\r\nSignal=11", '#', 2000)]
    [InlineData("application/dtmf-relay", "Signal=d", 'D', SipInfoDtmf.DefaultDurationSamples)]
    [InlineData("application/dtmf", "7\r\n", '7', SipInfoDtmf.DefaultDurationSamples)]
    [InlineData("application/dtmf", "11", '#', SipInfoDtmf.DefaultDurationSamples)]
    public void Parses_relay_and_plain_bodies(string contentType, string body, char digit, int samples) =>
        Assert.Equal(new SipInfoDtmf(digit, samples), Parse(contentType, body));

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=E")]
    [InlineData("application/dtmf-relay", "Signal=16")]
    [InlineData("application/dtmf-relay", "Duration=160")]
    [InlineData("application/dtmf-relay", "")]
    [InlineData("application/dtmf", "55")]
    [InlineData("application/sdp", "Signal=5")]
    [InlineData(null, "Signal=5")]
    public void Refuses_what_is_not_a_key(string? contentType, string body) => Assert.Null(Parse(contentType, body));

    [Fact]
    public void Only_dtmf_content_types_are_dtmf()
    {
        Assert.True(SipInfoDtmf.IsDtmfContent("application/dtmf-relay"));
        Assert.True(SipInfoDtmf.IsDtmfContent("application/dtmf;x=1"));
        Assert.False(SipInfoDtmf.IsDtmfContent("application/media_control+xml"));
        Assert.False(SipInfoDtmf.IsDtmfContent(null));
    }

    [Fact]
    public void Never_throws_on_arbitrary_bodies() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var relay = SipInfoDtmf.TryParse("application/dtmf-relay", bytes, out var a);
            var plain = SipInfoDtmf.TryParse("application/dtmf", bytes, out var b);
            return (!relay || a.DurationSamples > 0) && (!plain || b.DurationSamples > 0);
        }).QuickCheckThrowOnFailure();
}
